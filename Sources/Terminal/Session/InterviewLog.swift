public import Instrument
public import Store

/// Where a session writes what happens: the study database, or nowhere (preview).
public protocol InterviewLog: AnyObject {
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
    public var participantCode: String? { code }

    /// Saves one answer (``InterviewRecorder/save(_:for:reason:)``).
    public func save(_ answer: Answer, for variable: String, reason: String?) throws {
        _ = try save(answer, for: variable, reason: reason) as Int
    }
}

/// The log of `peersurvey preview`: nothing is kept.
public final class PreviewLog: InterviewLog {
    /// A log that keeps nothing.
    public init() {}
    /// No code: nothing is saved.
    public var participantCode: String? { nil }
    /// Does nothing.
    public func save(_ answer: Answer, for variable: String, reason: String?) throws {}
    /// Does nothing.
    public func record(_ kind: InterviewEventKind, variable: String?, reason: String?) throws {}
    /// Does nothing.
    public func note(_ text: String, about variable: String?) throws {}
    /// Does nothing.
    public func suspend() throws {}
    /// Does nothing.
    public func complete() throws {}
    /// Does nothing.
    public func breakOff(reason: String) throws {}
    /// Does nothing.
    public func noConsent() throws {}
    /// Does nothing.
    public func discard() throws {}
}
