/// How an interview run ended, for the command to report.
public enum Ending: Equatable, Sendable {
    /// Finished and completed after the review.
    case completed
    /// Suspended to continue later (Ctrl-C, end of input, or chosen).
    case suspended
    /// Stopped for good with a coded reason, answers kept.
    case stopped(reason: StopReason)
    /// Stopped and the answers deleted.
    case discarded
    /// A consent statement was not agreed.
    case noConsent
}

/// The coded reasons a peer researcher can give for stopping an interview for good.
public enum StopReason: String, CaseIterable, Sendable {
    /// The participant chose to stop.
    case participantStopped = "participant_stopped"
    /// The participant was distressed.
    case distress
    /// The interview was interrupted and cannot continue.
    case interrupted
    /// The interviewer ended it (for safety or another reason).
    case interviewerEnded = "interviewer_ended"

    /// Words for the menu.
    public var label: String {
        switch self {
        case .participantStopped: return "The participant chose to stop"
        case .distress: return "The participant was distressed"
        case .interrupted: return "Interrupted, cannot continue"
        case .interviewerEnded: return "I (the interviewer) ended it"
        }
    }
}
