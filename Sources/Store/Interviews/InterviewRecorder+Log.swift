import GRDB
package import Instrument
package import Interview

/// The recorder is the log an interview session writes to: the session's typed events become
/// rows of `event` with the kinds and reason codes docs/study-database.md lists.
extension InterviewRecorder: InterviewLog {
    /// The participant code.
    package var participantCode: String? { code }

    /// Saves one answer (``InterviewRecorder/save(_:for:reason:)``).
    package func save(_ answer: Answer, for variable: String, reason: ChangeReason?) throws {
        _ = try save(answer, for: variable, reason: reason?.rawValue) as Int
    }

    /// Logs an event without an answer.
    package func record(_ event: InterviewEvent) throws {
        // Spelled out in full: `record(.consented)` would call this method again.
        let (kind, variable, reason): (InterviewEventKind, String?, String?) =
            switch event {
            case .consented: (.consented, nil, nil)
            case .noteShown(let id): (.shown, nil, id)
            case .back(let to): (.back, to, nil)
            case .paused: (.paused, nil, nil)
            case .resumed: (.resumed, nil, nil)
            case .skippedSection(let section): (.skippedSection, nil, section)
            case .safeguardFired(let id): (.safeguardFired, nil, id)
            case .safeguardShown(let id): (.safeguardShown, nil, id)
            }
        try record(kind, variable: variable, reason: reason)
    }

    /// Stops the interview for good with a coded reason.
    package func breakOff(reason: StopReason) throws { try breakOff(reason: reason.rawValue) }

    /// What the database holds of this interview, for resuming it.
    /// - Parameter loaded: The interview's instrument version, loaded from its stored source.
    package func saved(for loaded: Instrument) throws -> SavedInterview {
        var answers: [String: SavedInterview.Saved] = [:]
        for (name, stored) in try storedAnswers() {
            guard let type = loaded.variables[name]?.type else { continue }
            switch stored {
            case .sealed: answers[name] = .sealed
            case .missing(let status):
                if let answer = AnswerCodec.decode(status: status, value: nil, type: type) { answers[name] = .answer(answer) }
            case .value(let value):
                if let answer = AnswerCodec.decode(status: .answered, value: value, type: type) {
                    answers[name] = .answer(answer)
                }
            }
        }
        let safeguards = try safeguardEvents()
        return SavedInterview(
            answers: answers, consented: try hasConsented(), firedSafeguards: safeguards.fired,
            acknowledgedSafeguards: safeguards.acknowledged)
    }

    /// The safeguards this interview's log says fired (in order) and were acknowledged. A log
    /// written before `safeguard_fired` existed has only `safeguard_shown`: those count as both.
    private func safeguardEvents() throws -> (fired: [String], acknowledged: Set<String>) {
        let rows = try database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT kind, reason FROM event WHERE interview_id = ? AND kind IN (?, ?) ORDER BY id",
                arguments: [rowID, InterviewEventKind.safeguardFired.rawValue, InterviewEventKind.safeguardShown.rawValue])
        }
        var fired: [String] = []
        var acknowledged = Set<String>()
        for row in rows {
            guard let kind: String = row["kind"], let id: String = row["reason"] else { continue }
            if !fired.contains(id) { fired.append(id) }
            if kind == InterviewEventKind.safeguardShown.rawValue { acknowledged.insert(id) }
        }
        return (fired, acknowledged)
    }
}
