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
    /// This safeguard's condition became true: its script is on the screen and waits to be
    /// acknowledged (kept so that a suspended interview shows it again when it resumes).
    case safeguardFired(String)
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
    /// Whether what is given is kept (false for a preview, so the screens can say so).
    var keepsAnswers: Bool { get }
}

extension InterviewLog {
    /// A log keeps what it is given unless it says otherwise.
    public var keepsAnswers: Bool { true }
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
    /// The safeguards that fired, in the order they fired.
    public var firedSafeguards: [String]
    /// The safeguards whose scripts were acknowledged.
    public var acknowledgedSafeguards: Set<String>

    /// Creates what a log holds.
    /// - Parameters:
    ///   - answers: The saved answers by variable.
    ///   - consented: Whether consent was given in full.
    ///   - firedSafeguards: The safeguards that fired, in order.
    ///   - acknowledgedSafeguards: Those acknowledged; the others are shown again on resuming.
    public init(
        answers: [String: Saved], consented: Bool, firedSafeguards: [String] = [], acknowledgedSafeguards: Set<String> = []
    ) {
        self.answers = answers
        self.consented = consented
        self.firedSafeguards = firedSafeguards
        self.acknowledgedSafeguards = acknowledgedSafeguards
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
    /// Nothing is kept.
    public var keepsAnswers: Bool { false }
}
