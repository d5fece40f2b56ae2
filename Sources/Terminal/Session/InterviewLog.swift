package import Instrument
package import Store

/// Where a session writes what happens: the study database, or nowhere (preview).
package protocol InterviewLog: AnyObject {
    /// The participant code, when there is one.
    var participantCode: String? { get }
    /// Saves one answer durably.
    func save(_ answer: Answer, for variable: String, reason: String?) throws
    /// Logs an event without an answer.
    func record(_ kind: InterviewEventKind, variable: String?, reason: String?) throws
    /// Saves an interviewer note.
    func note(_ text: String, about variable: String?) throws
    /// Suspends the interview, to continue later.
    func suspend() throws
    /// Completes the interview.
    func complete() throws
    /// Stops the interview for good, keeping the answers.
    func breakOff(reason: String) throws
    /// Ends the interview as "no consent".
    func noConsent() throws
    /// Ends the interview and deletes its answers.
    func discard() throws
}

extension InterviewRecorder: InterviewLog {
    /// The participant code.
    package var participantCode: String? { code }

    /// Saves one answer (``InterviewRecorder/save(_:for:reason:)``).
    package func save(_ answer: Answer, for variable: String, reason: String?) throws {
        _ = try save(answer, for: variable, reason: reason) as Int
    }
}

/// The log of `peersurvey preview`: nothing is kept.
package final class PreviewLog: InterviewLog {
    /// A log that keeps nothing.
    package init() {}
    /// No code: nothing is saved.
    package var participantCode: String? { nil }
    /// Does nothing.
    package func save(_ answer: Answer, for variable: String, reason: String?) throws {}
    /// Does nothing.
    package func record(_ kind: InterviewEventKind, variable: String?, reason: String?) throws {}
    /// Does nothing.
    package func note(_ text: String, about variable: String?) throws {}
    /// Does nothing.
    package func suspend() throws {}
    /// Does nothing.
    package func complete() throws {}
    /// Does nothing.
    package func breakOff(reason: String) throws {}
    /// Does nothing.
    package func noConsent() throws {}
    /// Does nothing.
    package func discard() throws {}
}
