public import Instrument

/// Something that happens in an interview besides an answer, as the audit log records it. None
/// carries free text: only ids of questions, sections and safeguards.
public enum InterviewEvent: Sendable, Hashable {
    /// Consent was given to every statement.
    case consented
    /// A note (display-only question) was shown and passed; its id.
    case noteShown(String)
    /// The interviewer went back to this variable.
    case back(to: String)
    /// The distress pause was opened.
    case paused
    /// The interview went on after a pause or a suspension.
    case resumed
    /// The rest of this section was skipped from the pause screen.
    case skippedSection(String)
    /// This safeguard's script was shown and acknowledged.
    case safeguardShown(String)
}

/// Where a session writes what happens, durably, as it happens: the study database, or nowhere
/// (preview). The store implements it; the session never knows how anything is kept.
public protocol InterviewLog: AnyObject {
    /// The participant code, when there is one.
    var participantCode: String? { get }
    /// Saves one answer durably; `reason` says why an earlier answer changed (`nil` for a first
    /// answer).
    func save(_ answer: Answer, for variable: String, reason: ChangeReason?) throws
    /// Logs an event without an answer.
    func record(_ event: InterviewEvent) throws
    /// Saves an interviewer note.
    func note(_ text: String, about variable: String?) throws
    /// Suspends the interview, to continue later.
    func suspend() throws
    /// Completes the interview.
    func complete() throws
    /// Stops the interview for good, keeping the answers.
    func breakOff(reason: StopReason) throws
    /// Ends the interview as "no consent".
    func noConsent() throws
    /// Ends the interview and deletes its answers.
    func discard() throws
}

/// What a log holds of an interview that stopped, for resuming it exactly.
public struct SavedInterview: Sendable {
    /// One saved answer.
    public enum Saved: Sendable, Hashable {
        /// An answer as given.
        case answer(Answer)
        /// An identifying answer: given, and sealed where this process cannot read it.
        case sealed
    }

    /// The saved answers by variable.
    public var answers: [String: Saved]
    /// Whether consent was given in full before the interview stopped.
    public var consented: Bool

    /// Creates what a log holds.
    public init(answers: [String: Saved], consented: Bool) {
        self.answers = answers
        self.consented = consented
    }
}

/// The log of `peersurvey preview`: nothing is kept.
public final class PreviewLog: InterviewLog {
    /// A log that keeps nothing.
    public init() {}
    /// No code: nothing is saved.
    public var participantCode: String? { nil }
    /// Does nothing.
    public func save(_ answer: Answer, for variable: String, reason: ChangeReason?) throws {}
    /// Does nothing.
    public func record(_ event: InterviewEvent) throws {}
    /// Does nothing.
    public func note(_ text: String, about variable: String?) throws {}
    /// Does nothing.
    public func suspend() throws {}
    /// Does nothing.
    public func complete() throws {}
    /// Does nothing.
    public func breakOff(reason: StopReason) throws {}
    /// Does nothing.
    public func noConsent() throws {}
    /// Does nothing.
    public func discard() throws {}
}
