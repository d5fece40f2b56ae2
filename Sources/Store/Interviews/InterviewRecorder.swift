package import Foundation
import GRDB
package import Instrument

/// Writes one interview to the study database, one durable transaction per call: when a call
/// returns, what it recorded survives a crash or a power cut.
///
/// Get one from ``StudyDatabase/startInterview(_:interviewer:language:simulated:)`` or
/// ``StudyDatabase/resumeInterview(code:)``.
package final class InterviewRecorder {
    /// The database written to.
    package let database: StudyDatabase
    /// The participant code, to read aloud (`K7MQ-2P4X`).
    package let code: String
    /// The interview's random id (16 bytes), the key of merges and tombstones.
    package let uuid: Data
    /// The instrument version the interview uses.
    package let instrument: RegisteredInstrument
    /// The interview's language.
    package let language: String
    let rowID: Int64
    let sealer: Sealer?
    /// This interview's lock, held until the interview ends here (or the process does).
    private let lock: InterviewLock?

    init(
        database: StudyDatabase, record: InterviewRecord, instrument: RegisteredInstrument, sealer: Sealer?,
        lock: InterviewLock?
    ) {
        self.database = database
        self.code = record.code
        self.uuid = record.uuid
        self.rowID = record.id!
        self.instrument = instrument
        self.language = record.language
        self.sealer = sealer
        self.lock = lock
    }

    /// Saves one answer, durably, with its history: the first answer logs `answered`, a
    /// changed one logs `changed` with the old value (never for an identifying variable) and
    /// the reason. Identifying values are sealed before they reach SQLite.
    /// - Parameters:
    ///   - answer: The answer or missing status.
    ///   - variable: The variable's id.
    ///   - reason: Why an answer changed, as a code (`amended`, `route_changed`,
    ///     `member_check`, ...); `nil` for a first answer.
    /// - Returns: The answer's revision: 1 for a first answer, then 2, 3, ...
    @discardableResult
    package func save(_ answer: Answer, for variable: String, reason: String? = nil) throws -> Int {
        if case .value(.sealed) = answer {
            // Only a newly typed value may replace a sealed one; its placeholder never can.
            throw StoreError.io(path: database.path, detail: "the sealed answer to \(variable) cannot be saved again")
        }
        let variableID = try self.variableID(variable)
        let identifying = instrument.identifying.contains(variable)
        var (status, value) = AnswerCodec.encode(answer)
        var sealed: (encapsulatedKey: Data, ciphertext: Data)?
        if identifying, let plain = answer.value {
            guard let sealer else {
                throw StoreError.noPublicKey(instrument: instrument.name, questions: [variable])
            }
            sealed = try sealer.seal(AnswerCodec.sealable(plain), interview: uuid, variable: variable)
            value = nil
        }
        let now = Timestamp.now()
        return try database.write { db in
            try requireActive(db)
            let old = try Row.fetchOne(
                db, sql: "SELECT status, value, revision FROM answer WHERE interview_id = ? AND variable_id = ?",
                arguments: [rowID, variableID])
            let revision = (old?["revision"] as Int? ?? 0) + 1
            try db.execute(
                sql: """
                    INSERT INTO answer (interview_id, variable_id, status, value, revision, answered_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (interview_id, variable_id) DO UPDATE SET
                        status = excluded.status, value = excluded.value,
                        revision = excluded.revision, answered_at = excluded.answered_at
                    """,
                arguments: [rowID, variableID, status.rawValue, value?.databaseValue, revision, now])
            if let sealed {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO sealed (interview_id, variable_id, encapsulated_key, ciphertext) VALUES (?, ?, ?, ?)",
                    arguments: [rowID, variableID, sealed.encapsulatedKey, sealed.ciphertext])
            } else if identifying {
                try db.execute(
                    sql: "DELETE FROM sealed WHERE interview_id = ? AND variable_id = ?", arguments: [rowID, variableID])
            }
            if let old {
                let oldValue: DatabaseValue = identifying ? .null : old["value"]
                try insertEvent(
                    db, .changed, variableID: variableID, reason: reason ?? "amended", oldStatus: old["status"],
                    oldValue: oldValue, at: now)
            } else {
                try insertEvent(db, .answered, variableID: variableID, reason: reason, at: now)
            }
            try touch(db, at: now)
            return revision
        }
    }

    /// Logs an event that has no answer with it (shown, back, paused, resumed, safeguard
    /// shown, skipped section).
    /// - Parameters:
    ///   - kind: What happened.
    ///   - variable: The question or safeguard it concerns, if any (a safeguard's id is logged
    ///     as the reason).
    ///   - reason: A code, never free text.
    package func record(_ kind: InterviewEventKind, variable: String? = nil, reason: String? = nil) throws {
        let variableID = try variable.map(self.variableID)
        let now = Timestamp.now()
        try database.write { db in
            try insertEvent(db, kind, variableID: variableID, reason: reason, at: now)
            try touch(db, at: now)
        }
    }

    /// Saves an interviewer note, sealed when the study has a public key.
    /// - Parameters:
    ///   - text: The note.
    ///   - variable: The question it is about, if any.
    package func note(_ text: String, about variable: String? = nil) throws {
        let variableID = try variable.map(self.variableID)
        let sealed = try sealer.map { try $0.seal(text, interview: uuid, variable: "ps_note") }
        let now = Timestamp.now()
        try database.write { db in
            try db.execute(
                sql: "INSERT INTO note (interview_id, variable_id, at, text, encapsulated_key, ciphertext) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [rowID, variableID, now, sealed == nil ? text : nil, sealed?.encapsulatedKey, sealed?.ciphertext])
            try insertEvent(db, .note, variableID: variableID, reason: nil, at: now)
            try touch(db, at: now)
        }
    }

    /// Marks the interview suspended, to continue later with `peersurvey resume`.
    package func suspend() throws { try finish(.suspended, event: .suspended, outcome: nil, ended: false) }

    /// Marks the interview completed.
    package func complete() throws { try finish(.completed, event: .completed, outcome: nil, ended: true) }

    /// Marks the interview broken off for good.
    /// - Parameter reason: A coded reason (`participant_stopped`, `distress`, `interviewer_ended`, ...).
    package func breakOff(reason: String) throws {
        try finish(.brokenOff, event: .brokenOff, outcome: reason, ended: true)
    }

    /// Ends the interview as "no consent": any answers are deleted and only the outcome stays.
    package func noConsent() throws {
        try database.write { db in
            try deleteData(db)
            try setStatus(db, .noConsent, event: .noConsent, outcome: "no_consent", ended: true)
        }
        lock?.release()
    }

    /// Ends the interview and deletes its answers and notes at the participant's request; the
    /// interview row stays as broken off with the outcome `discarded`, so that counts add up.
    package func discard() throws {
        try database.write { db in
            try deleteData(db)
            try setStatus(db, .brokenOff, event: .discarded, outcome: "discarded", ended: true)
        }
        lock?.release()
    }

    /// Whether the participant agreed to every consent statement of this interview (a
    /// `consented` event is in its log). An interview suspended before that point must ask for
    /// consent again when it is resumed.
    package func hasConsented() throws -> Bool {
        try database.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM event WHERE interview_id = ? AND kind = ?)",
                arguments: [rowID, InterviewEventKind.consented.rawValue]) ?? false
        }
    }

    /// The answers saved so far, by variable; identifying values are ``StoredAnswer/sealed``.
    package func storedAnswers() throws -> [String: StoredAnswer] {
        let names = Dictionary(uniqueKeysWithValues: instrument.variableIDs.map { ($1, $0) })
        return try database.read { db in
            var result: [String: StoredAnswer] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT variable_id, status, value FROM answer WHERE interview_id = ?", arguments: [rowID])
            while let row = try rows.next() {
                guard let name = names[row[0]], let status = StoredStatus(rawValue: row[1]) else { continue }
                if status != .answered {
                    result[name] = .missing(status)
                } else if instrument.identifying.contains(name) {
                    result[name] = .sealed
                } else if let value = StoredValue(row[2] as DatabaseValue) {
                    result[name] = .value(value)
                }
            }
            return result
        }
    }

    // MARK: - Helpers

    func variableID(_ name: String) throws -> Int64 {
        guard let id = instrument.variableIDs[name] else {
            throw StoreError.unknownVariable(name, instrument: instrument.name)
        }
        return id
    }

    private func requireActive(_ db: Database) throws {
        let status = try String.fetchOne(db, sql: "SELECT status FROM interview WHERE id = ?", arguments: [rowID])
        guard let status else { throw StoreError.unknownParticipant(code: code) }
        guard status == InterviewStatus.active.rawValue else {
            throw StoreError.wrongStatus(
                code: code, status: InterviewStatus(rawValue: status)?.label ?? status, operation: "changed")
        }
    }

    private func finish(_ status: InterviewStatus, event: InterviewEventKind, outcome: String?, ended: Bool) throws {
        try database.write { db in
            try requireActive(db)
            try setStatus(db, status, event: event, outcome: outcome, ended: ended)
        }
        lock?.release()
    }

    private func setStatus(_ db: Database, _ status: InterviewStatus, event: InterviewEventKind, outcome: String?, ended: Bool) throws {
        let now = Timestamp.now()
        try db.execute(
            sql: "UPDATE interview SET status = ?, outcome = ?, ended_at = ? WHERE id = ?",
            arguments: [status.rawValue, outcome, ended ? now : nil, rowID])
        try insertEvent(db, event, variableID: nil, reason: outcome, at: now)
        try touch(db, at: now)
    }

    private func deleteData(_ db: Database) throws {
        for table in ["answer", "sealed", "note"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE interview_id = ?", arguments: [rowID])
        }
    }

    private func insertEvent(
        _ db: Database, _ kind: InterviewEventKind, variableID: Int64?, reason: String?, oldStatus: Int? = nil,
        oldValue: DatabaseValue = .null, at now: String
    ) throws {
        try db.execute(
            sql: "INSERT INTO event (interview_id, at, kind, variable_id, reason, old_status, old_value) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [rowID, now, kind.rawValue, variableID, reason, oldStatus, oldValue])
    }

    private func touch(_ db: Database, at now: String) throws {
        try db.execute(
            sql: "UPDATE interview SET revision = revision + 1, updated_at = ? WHERE id = ?", arguments: [now, rowID])
    }
}

extension StoredValue {
    var databaseValue: DatabaseValue {
        switch self {
        case .integer(let number): return number.databaseValue
        case .real(let number): return number.databaseValue
        case .text(let text): return text.databaseValue
        }
    }

    init?(_ value: DatabaseValue) {
        switch value.storage {
        case .int64(let number): self = .integer(number)
        case .double(let number): self = .real(number)
        case .string(let text): self = .text(text)
        case .blob, .null: return nil
        }
    }
}
