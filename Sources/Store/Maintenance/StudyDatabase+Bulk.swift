import Foundation
import GRDB
package import Instrument

/// One finished interview for ``StudyDatabase/bulkInsert(_:interviews:simulated:batchSize:)``.
package struct BulkInterview: Sendable {
    /// Its final status.
    package var status: InterviewStatus
    /// The interviewer's code.
    package var interviewer: String
    /// The language.
    package var language: String
    /// The coded outcome of a break-off.
    package var outcome: String?
    /// Answers by the variable's row id (``RegisteredInstrument/variableIDs``).
    package var answers: [(variableID: Int64, answer: Answer)]
    /// When it started (ISO 8601, UTC); now when not given. `simulate --today` sets it, so the
    /// month an export reports is the simulated day's.
    package var startedAt: String?

    /// A finished interview.
    package init(
        status: InterviewStatus, interviewer: String, language: String, outcome: String? = nil,
        answers: [(variableID: Int64, answer: Answer)], startedAt: String? = nil
    ) {
        self.status = status
        self.interviewer = interviewer
        self.language = language
        self.outcome = outcome
        self.answers = answers
        self.startedAt = startedAt
    }
}

extension StudyDatabase {
    /// Inserts many finished interviews quickly: prepared statements, one transaction per
    /// batch (each batch durable when committed). The path `simulate` uses. Only `started` and
    /// the final status are logged as events.
    /// - Parameters:
    ///   - instrument: The registered instrument version.
    ///   - interviews: The interviews, produced lazily if wanted (memory stays flat).
    ///   - simulated: Whether to mark them simulated.
    ///   - batchSize: Interviews per transaction.
    /// - Returns: The number inserted.
    @discardableResult
    package func bulkInsert(
        _ instrument: RegisteredInstrument, interviews: some Sequence<BulkInterview>, simulated: Bool,
        batchSize: Int = 1_000
    ) throws -> Int {
        let study = try study()
        let sealer = try study.publicKey.map { try Sealer(publicKey: $0, studyUUID: study.uuid) }
        let identifyingIDs = Set(instrument.identifying.compactMap { instrument.variableIDs[$0] })
        let names = Dictionary(uniqueKeysWithValues: instrument.variableIDs.map { ($1, $0) })
        var iterator = interviews.makeIterator()
        var inserted = 0
        var finished = false
        while !finished {
            try write { db in
                let interview = try db.makeStatement(sql: """
                    INSERT INTO interview (uuid, code, instrument_id, interviewer, language, status, outcome,
                                           simulated, revision, started_at, updated_at, ended_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
                    """)
                var answers = try AnswerBatch(db)
                let sealed = try db.makeStatement(sql: """
                    INSERT INTO sealed (interview_id, variable_id, encapsulated_key, ciphertext) VALUES (?, ?, ?, ?)
                    """)
                let event = try db.makeStatement(sql: "INSERT INTO event (interview_id, at, kind, reason) VALUES (?, ?, ?, ?)")
                for _ in 0..<batchSize {
                    guard let next = iterator.next() else {
                        finished = true
                        try answers.flush()
                        return
                    }
                    let now = next.startedAt ?? Timestamp.now()
                    let uuid = Self.randomUUID()
                    let ended: String? = next.status == .active || next.status == .suspended ? nil : now
                    var code = ParticipantCode.random()
                    while try Int.fetchOne(db, sql: "SELECT 1 FROM interview WHERE code = ?", arguments: [code]) != nil {
                        code = ParticipantCode.random()
                    }
                    try interview.execute(arguments: [
                        uuid, code, instrument.rowID, next.interviewer, next.language, next.status.rawValue,
                        next.outcome, simulated, now, now, ended,
                    ])
                    let id = db.lastInsertedRowID
                    for (variableID, given) in next.answers {
                        var (status, value) = AnswerCodec.encode(given)
                        if identifyingIDs.contains(variableID), let plain = given.value {
                            guard let sealer else {
                                throw StoreError.noPublicKey(instrument: instrument.name, questions: instrument.identifying.sorted())
                            }
                            let box = try sealer.seal(
                                AnswerCodec.sealable(plain), interview: uuid, variable: names[variableID] ?? "")
                            try sealed.execute(arguments: [id, variableID, box.encapsulatedKey, box.ciphertext])
                            value = nil
                        }
                        try answers.append(interview: id, variable: variableID, status: Int64(status.rawValue), value: value)
                    }
                    try answers.flush()
                    try event.execute(arguments: [id, now, InterviewEventKind.started.rawValue, nil])
                    if let final = Self.finalEvent(next.status) {
                        try event.execute(arguments: [id, now, final.rawValue, next.outcome])
                    }
                    inserted += 1
                }
            }
        }
        return inserted
    }

    static func finalEvent(_ status: InterviewStatus) -> InterviewEventKind? {
        switch status {
        case .active: return nil
        case .suspended: return .suspended
        case .completed: return .completed
        case .brokenOff: return .brokenOff
        case .noConsent: return .noConsent
        }
    }
}
