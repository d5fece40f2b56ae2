package import Foundation
import GRDB

/// One line of `peersurvey status` and `peersurvey resume`.
package struct InterviewSummary: Sendable, Equatable, Codable {
    /// The participant code.
    package var code: String
    /// The instrument's id and version.
    package var instrument: String
    /// The instrument version.
    package var version: Int
    /// The interviewer's code.
    package var interviewer: String
    /// Where the interview stands.
    package var status: InterviewStatus
    /// The coded outcome of a break-off.
    package var outcome: String?
    /// Whether the interview was made by `simulate`.
    package var simulated: Bool
    /// When it started and when it last changed (ISO 8601, UTC).
    package var startedAt: String
    /// When it last changed.
    package var updatedAt: String
    /// How many variables have an answer or a missing status.
    package var answers: Int
    /// An `active` interview that no window holds (its lock is free): the window closed or
    /// crashed, the disk filled up or the database stayed busy. It can be resumed.
    package var interrupted: Bool = false

    /// The status in words, with "interrupted" for an active interview nobody holds.
    package var statusLabel: String { interrupted ? "interrupted" : status.label }
}

extension StudyDatabase {
    /// The pattern interviewer codes must match: they identify peer researchers, not name them.
    package static let interviewerPattern = "letters, digits, `-` or `_`, at most 16 characters (a code such as PR01, not a name)"

    /// Whether `code` is an acceptable interviewer code.
    package static func isValidInterviewer(_ code: String) -> Bool {
        (1...16).contains(code.count) && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// Starts an interview with a new random participant code.
    /// - Parameters:
    ///   - instrument: The registered instrument version.
    ///   - interviewer: The peer researcher's code.
    ///   - language: The language the interview runs in.
    ///   - simulated: Whether `simulate` made it.
    /// - Returns: The recorder to save its answers with.
    /// - Throws: ``StoreError/noPublicKey(instrument:questions:)`` when the instrument has
    ///   identifying questions and the study has no key to seal them with.
    package func startInterview(
        _ instrument: RegisteredInstrument, interviewer: String, language: String, simulated: Bool = false,
        wave: String = "", code: String? = nil, arm: String? = nil
    ) throws -> InterviewRecorder {
        guard Self.isValidInterviewer(interviewer) else {
            throw StoreError.io(path: path, detail: "the interviewer code must be \(Self.interviewerPattern)")
        }
        let study = try study()
        let sealer = try study.publicKey.map { try Sealer(publicKey: $0, studyUUID: study.uuid) }
        if !instrument.identifying.isEmpty, sealer == nil {
            throw StoreError.noPublicKey(instrument: instrument.name, questions: instrument.identifying.sorted())
        }
        let now = Timestamp.now()
        let (record, lock) = try write { db -> (InterviewRecord, InterviewLock) in
            var participantArm = arm
            if let code {
                // A later wave of a participant: their code, and the arm they joined in.
                if try Int.fetchOne(
                    db, sql: "SELECT 1 FROM interview WHERE code = ? AND wave = ?", arguments: [code, wave]) != nil
                {
                    throw StoreError.io(path: path, detail: "participant \(code) already has an interview of wave `\(wave)`")
                }
                participantArm = try String.fetchOne(
                    db, sql: "SELECT arm FROM interview WHERE code = ? AND arm IS NOT NULL LIMIT 1", arguments: [code])
            }
            var record = InterviewRecord(
                uuid: Self.randomUUID(), code: try code ?? Self.unusedCode(db), instrumentID: instrument.rowID,
                interviewer: interviewer, language: language, status: InterviewStatus.active.rawValue, outcome: nil,
                simulated: simulated, revision: 1, startedAt: now, updatedAt: now, endedAt: nil, wave: wave,
                arm: participantArm)
            try record.insert(db)
            try db.execute(
                sql: "INSERT INTO event (interview_id, at, kind) VALUES (?, ?, ?)",
                arguments: [record.id, now, InterviewEventKind.started.rawValue])
            // Taken before the commit, so no other process sees the interview active and free.
            guard let lock = try InterviewLock.acquire(database: path, interview: record.id!) else {
                throw StoreError.interviewInUse(code: record.code)
            }
            return (record, lock)
        }
        return InterviewRecorder(database: self, record: record, instrument: instrument, sealer: sealer, lock: lock)
    }

    /// Resumes a suspended interview, or an interrupted one (active, with nobody holding its
    /// lock: its window crashed or closed).
    /// - Parameter code: The participant code, in any case, with or without the hyphen.
    /// - Returns: The recorder, holding the interview's lock, with the interview active again
    ///   and a `resumed` event logged.
    /// - Throws: ``StoreError/interviewInUse(code:)`` when another window has it open.
    package func resumeInterview(code: String) throws -> InterviewRecorder {
        guard let canonical = ParticipantCode.normalise(code) else { throw StoreError.unknownParticipant(code: code) }
        let study = try study()
        let sealer = try study.publicKey.map { try Sealer(publicKey: $0, studyUUID: study.uuid) }
        let now = Timestamp.now()
        let (record, instrument, lock) = try write { db -> (InterviewRecord, RegisteredInstrument, InterviewLock) in
            // The participant's unfinished interview (of any wave), else their latest.
            let all = try InterviewRecord.filter(InterviewRecord.Columns.code == canonical).order(Column("id")).fetchAll(db)
            let open = all.last {
                $0.status == InterviewStatus.suspended.rawValue || $0.status == InterviewStatus.active.rawValue
            }
            guard var record = open ?? all.last else { throw StoreError.unknownParticipant(code: canonical) }
            guard record.status == InterviewStatus.suspended.rawValue || record.status == InterviewStatus.active.rawValue
            else {
                throw StoreError.wrongStatus(
                    code: canonical, status: InterviewStatus(rawValue: record.status)?.label ?? record.status,
                    operation: "resumed")
            }
            guard let lock = try InterviewLock.acquire(database: path, interview: record.id!) else {
                throw StoreError.interviewInUse(code: canonical)
            }
            record.status = InterviewStatus.active.rawValue
            record.revision += 1
            record.updatedAt = now
            try record.update(db)
            try db.execute(
                sql: "INSERT INTO event (interview_id, at, kind) VALUES (?, ?, ?)",
                arguments: [record.id, now, InterviewEventKind.resumed.rawValue])
            guard let instrumentRecord = try InstrumentRecord.fetchOne(db, key: record.instrumentID) else {
                throw StoreError.damaged(path: path, detail: "interview \(canonical) names an instrument that is not stored")
            }
            return (record, try Self.registration(instrumentRecord, db), lock)
        }
        return InterviewRecorder(database: self, record: record, instrument: instrument, sealer: sealer, lock: lock)
    }

    /// Interviews, most recently changed first; an active one that no window holds is marked
    /// ``InterviewSummary/interrupted``.
    /// - Parameter status: Only those with this status, when given.
    package func interviews(status: InterviewStatus? = nil) throws -> [InterviewSummary] {
        var active: [Int64] = []
        var summaries = try read { db in
            var sql = """
                SELECT i.code, s.name, s.version, i.interviewer, i.status, i.outcome, i.simulated,
                       i.started_at, i.updated_at,
                       (SELECT count(*) FROM answer a WHERE a.interview_id = i.id) AS answers, i.id
                FROM interview i JOIN instrument s ON s.id = i.instrument_id
                """
            var arguments: StatementArguments = []
            if let status {
                sql += " WHERE i.status = ?"
                arguments = [status.rawValue]
            }
            sql += " ORDER BY i.updated_at DESC, i.id DESC"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let summary = InterviewSummary(
                    code: row[0], instrument: row[1], version: row[2], interviewer: row[3],
                    status: InterviewStatus(rawValue: row[4]) ?? .active, outcome: row[5], simulated: row[6],
                    startedAt: row[7], updatedAt: row[8], answers: row[9])
                if summary.status == .active { active.append(row[10]) }
                return (summary, row[10] as Int64)
            }
        }
        guard !active.isEmpty, let held = InterviewLock.held(database: path, interviews: active) else {
            return summaries.map(\.0)
        }
        for index in summaries.indices where summaries[index].0.status == .active {
            summaries[index].0.interrupted = !held.contains(summaries[index].1)
        }
        return summaries.map(\.0)
    }

    static func randomUUID() -> Data {
        withUnsafeBytes(of: UUID().uuid) { Data($0) }
    }

    static func unusedCode(_ db: Database) throws -> String {
        for _ in 0..<100 {
            let code = ParticipantCode.random()
            if try !Bool(exists: db, code: code) { return code }
        }
        throw StoreError.io(path: "", detail: "no unused participant code could be drawn")
    }
}

private extension Bool {
    init(exists db: Database, code: String) throws {
        self = try Int.fetchOne(db, sql: "SELECT 1 FROM interview WHERE code = ?", arguments: [code]) != nil
    }
}

extension StudyDatabase {
    /// Every interview's answers, in the order the interviews were saved, by variable name
    /// (identifying values as ``StoredAnswer/sealed``). For tests and small studies: it holds
    /// everything in memory; the analysis reads with a streaming scan instead.
    package func allAnswersInOrder() throws -> [[String: StoredAnswer]] {
        try read { db in
            var result: [[String: StoredAnswer]] = []
            var current: Int64?
            let rows = try Row.fetchCursor(db, sql: """
                SELECT a.interview_id, v.name, v.identifying, a.status, a.value
                FROM answer a JOIN variable v ON v.id = a.variable_id ORDER BY a.interview_id, v.position
                """)
            while let row = try rows.next() {
                let interview: Int64 = row[0]
                if interview != current {
                    result.append([:])
                    current = interview
                }
                guard let status = StoredStatus(rawValue: row[3]) else { continue }
                let answer: StoredAnswer
                if status != .answered {
                    answer = .missing(status)
                } else if row[2] as Bool {
                    answer = .sealed
                } else if let value = StoredValue(row[4] as DatabaseValue) {
                    answer = .value(value)
                } else {
                    continue
                }
                result[result.count - 1][row[1]] = answer
            }
            return result
        }
    }
}
