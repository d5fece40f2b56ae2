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
        return SavedInterview(answers: answers, consented: try hasConsented())
    }
}
