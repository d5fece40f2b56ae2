import Foundation
import GRDB

extension StudyDatabase {
    /// Erases every trace of one participant: the interview, its answers, sealed values,
    /// events and notes. A tombstone keeps only the interview's random id and the time, so that
    /// a later merge cannot bring the data back. With `secure_delete` on, SQLite overwrites the
    /// freed space; the WAL is then checkpointed and truncated so no old copy stays in it.
    /// - Parameter code: The participant code.
    /// - Throws: ``StoreError/unknownParticipant(code:)`` when no interview has the code.
    package func withdraw(code: String) throws {
        guard let canonical = ParticipantCode.normalise(code) else { throw StoreError.unknownParticipant(code: code) }
        try write { db in
            // Every wave of the participant: one code names their interview of each.
            let records = try InterviewRecord.filter(InterviewRecord.Columns.code == canonical).fetchAll(db)
            guard !records.isEmpty else { throw StoreError.unknownParticipant(code: canonical) }
            for record in records {
                try Self.erase(interview: record.id!, db)
                try WithdrawalRecord(interviewUUID: record.uuid, withdrawnAt: Timestamp.now()).insert(db, onConflict: .ignore)
            }
        }
        try checkpoint()
    }

    /// Deletes an interview and every row that belongs to it.
    static func erase(interview id: Int64, _ db: Database) throws {
        for table in ["answer", "sealed", "event", "note"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE interview_id = ?", arguments: [id])
        }
        try db.execute(sql: "DELETE FROM interview WHERE id = ?", arguments: [id])
    }

    /// Copies the WAL into the main file and truncates the WAL to zero bytes.
    package func checkpoint() throws {
        try mapErrors {
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }
    }

    /// Writes a consistent copy of the database to `destination` (SQLite's `VACUUM INTO`),
    /// then flushes it to the disk.
    /// - Parameter destination: A path where nothing exists yet.
    package func backup(to destination: String) throws {
        if FileManager.default.fileExists(atPath: destination) {
            throw StoreError.io(path: destination, detail: "a file already exists there; choose another name")
        }
        try mapErrors {
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [destination])
            }
        }
        guard let handle = FileHandle(forUpdatingAtPath: destination) else {
            throw StoreError.io(path: destination, detail: "the copy could not be reopened to flush it")
        }
        defer { try? handle.close() }
        do { try handle.synchronize() } catch {
            throw StoreError.io(path: destination, detail: "the copy could not be flushed to the disk")
        }
    }
}
