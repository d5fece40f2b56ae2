import Foundation
import GRDB

extension StudyDatabase {
    /// Erases every trace of one participant: the interview, its answers, sealed values,
    /// events, notes and kept revisions. A tombstone keeps only the interview's random id and
    /// the time, so that a later merge cannot bring the data back.
    ///
    /// With `secure_delete` on, SQLite overwrites the freed space, but older copies of the pages
    /// stay in the main file until the WAL is checkpointed, and another connection in a read
    /// transaction holds the checkpoint back. So the WAL is checkpointed with `TRUNCATE`, waiting
    /// and retrying up to `wait` seconds, and the raw bytes of the database and its WAL are then
    /// searched for the participant's code and free text. Run again with a code whose rows are
    /// gone, it finishes an erasure that could not complete.
    /// - Parameters:
    ///   - code: The participant code.
    ///   - wait: How long to wait for other connections to let the checkpoint through.
    /// - Throws: ``StoreError/unknownParticipant(code:)`` when no interview has the code (and no
    ///   trace of it is left); ``StoreError/erasureIncomplete(path:code:detail:)`` when the rows
    ///   are deleted but traces remain in the file; ``StoreError/damaged(path:detail:)`` when the
    ///   database fails SQLite's check (nothing is written then).
    package func withdraw(code: String, wait: Double = 60) throws {
        guard let canonical = ParticipantCode.normalise(code) else { throw StoreError.unknownParticipant(code: code) }
        let check: [String]
        do {
            check = try read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(5)") }
        } catch StoreError.damaged(_, let detail) {
            check = [detail]
        }
        guard check == ["ok"] else {
            throw StoreError.damaged(path: path, detail: check.joined(separator: "; ") + "; nothing was erased")
        }
        let markers = try write { db -> [String]? in
            // Every wave of the participant: one code names their interview of each.
            let records = try InterviewRecord.filter(InterviewRecord.Columns.code == canonical).fetchAll(db)
            guard !records.isEmpty else { return nil }
            var markers = [canonical]
            for record in records {
                // Not while a window has an interview open: its next answer would fail.
                guard let lock = try InterviewLock.acquire(database: path, interview: record.id!) else {
                    throw StoreError.interviewInUse(code: canonical)
                }
                defer { lock.release() }
                markers += try Self.freeText(of: record.id!, db)
                try Self.erase(interview: record.id!, db)
                try WithdrawalRecord(interviewUUID: record.uuid, withdrawnAt: Timestamp.now()).insert(
                    db, onConflict: .ignore)
            }
            return markers
        }
        if markers == nil {
            // No such interview now: either it never was, or an earlier withdraw left traces.
            guard !ByteScan.found([canonical], in: [path, path + "-wal"]).isEmpty else {
                throw StoreError.unknownParticipant(code: canonical)
            }
        }
        try finishErasure(code: canonical, markers: markers ?? [canonical], wait: wait)
    }

    /// Checkpoints until the WAL is empty (or `wait` runs out), then checks the file's bytes.
    private func finishErasure(code: String, markers: [String], wait: Double) throws {
        let deadline = Date().addingTimeInterval(wait)
        var complete = false
        while true {
            let remaining = deadline.timeIntervalSinceNow
            complete = try checkpoint(waitingAtMost: max(0.1, min(Self.busyTimeout, remaining)))
            if complete || remaining <= 0 { break }
            Thread.sleep(forTimeInterval: min(0.5, max(0, remaining)))
        }
        guard complete else {
            throw StoreError.erasureIncomplete(
                path: path, code: code,
                detail:
                    "older copies of them remain in the file because another program kept reading the database for \(Int(wait.rounded())) seconds"
            )
        }
        let left = try ByteScan.found(markers, in: [path, path + "-wal"]).filter { try !isStored($0) }
        guard left.isEmpty else {
            throw StoreError.erasureIncomplete(
                path: path, code: code, detail: "\(left.count) of their values can still be read in the file's bytes")
        }
    }

    /// A checkpoint with `TRUNCATE` that waits for readers at most `seconds`.
    private func checkpoint(waitingAtMost seconds: Double) throws -> Bool {
        try mapErrors {
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA busy_timeout = \(Int(seconds * 1000))")
                defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Int(Self.busyTimeout * 1000))") }
                guard let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") else { return false }
                let busy: Int = row[0], log: Int = row[1], done: Int = row[2]
                return busy == 0 && log == done
            }
        }
    }

    /// The free text of an interview (answers, old values, kept revisions and unsealed notes of
    /// eight bytes or more), to look for in the file after erasing it.
    private static func freeText(of interview: Int64, _ db: Database) throws -> [String] {
        var texts: Set<String> = []
        let queries = [
            "SELECT value FROM answer WHERE interview_id = ? AND typeof(value) = 'text'",
            "SELECT old_value FROM event WHERE interview_id = ? AND typeof(old_value) = 'text'",
            "SELECT text FROM note WHERE interview_id = ? AND text IS NOT NULL",
            "SELECT value FROM answer_revision WHERE interview_id = ? AND typeof(value) = 'text'",
        ]
        for sql in queries {
            for text in try String.fetchAll(db, sql: sql, arguments: [interview]) where text.utf8.count >= 8 {
                texts.insert(text)
            }
        }
        return texts.sorted()
    }

    /// Whether a text is still stored legitimately, in a row of another interview or anywhere
    /// else (an instrument's source, a time stamp), so that finding its bytes is no trace.
    private func isStored(_ text: String) throws -> Bool {
        try read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            for table in tables {
                let columns = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])
                for column in columns.map({ $0[0] as String }) {
                    let quoted = "\"\(column.replacingOccurrences(of: "\"", with: "\"\""))\""
                    let sql = "SELECT 1 FROM \"\(table)\" WHERE instr(CAST(\(quoted) AS TEXT), ?) > 0 LIMIT 1"
                    if try Int.fetchOne(db, sql: sql, arguments: [text]) != nil { return true }
                }
            }
            return try Int.fetchOne(db, sql: "SELECT 1 FROM sqlite_master WHERE instr(sql, ?) > 0", arguments: [text])
                != nil
        }
    }

    /// Deletes an interview and every row that belongs to it.
    static func erase(interview id: Int64, _ db: Database) throws {
        for table in ["answer", "sealed", "event", "note", "answer_revision"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE interview_id = ?", arguments: [id])
        }
        try db.execute(sql: "DELETE FROM interview WHERE id = ?", arguments: [id])
    }

    /// Copies the WAL into the main file and truncates the WAL to zero bytes. Another
    /// connection in a read transaction can hold it back (SQLite waits for it up to the busy
    /// timeout); the result says whether it got through.
    /// - Returns: Whether every change is now in the main file and the WAL is empty.
    @discardableResult
    package func checkpoint() throws -> Bool {
        try mapErrors {
            try queue.writeWithoutTransaction { db in
                guard let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") else { return false }
                let busy: Int = row[0], log: Int = row[1], done: Int = row[2]
                return busy == 0 && log == done
            }
        }
    }
}
