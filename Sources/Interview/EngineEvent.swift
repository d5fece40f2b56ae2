public import Instrument

/// Something the engine did that belongs in the interview's audit log. Pure data: the store
/// writes it, the engine never does I/O.
public enum EngineEvent: Sendable, Hashable {
    /// A variable received its first answer.
    case answered(variable: String, answer: Answer)
    /// A variable's answer changed (after going back, or at the review).
    case changed(variable: String, from: Answer, to: Answer, reason: ChangeReason)
    /// The interviewer went back from one variable to an earlier one.
    case back(from: String?, to: String)
    /// A safeguard's condition became true.
    case safeguardFired(id: String)
    /// The rest of a section was skipped at the participant's wish (from the pause screen).
    case sectionSkipped(section: String)
}

/// Why an answer changed, as the audit log records it (the `reason` of a `changed` event; the
/// raw values are the codes docs/study-database.md lists).
public enum ChangeReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// The interviewer went back and gave another answer.
    case amended
    /// An earlier answer changed and routing now passes this question by.
    case routeChanged = "route_changed"
    /// Changed with the participant at the review of answers (the member check).
    case memberCheck = "member_check"
    /// The rest of the section was skipped from the pause screen.
    case sectionSkipped = "section_skipped"
    /// Settled when the interview ended: calculations, scores and questions routed past.
    case final
}

/// The result of giving an answer.
public enum AnswerOutcome: Sendable, Hashable {
    /// Saved; any safeguards that fired because of it are listed.
    case accepted(safeguards: [Safeguard])
    /// Refused by a hard check: the messages say why.
    case rejected([String])
    /// Soft warnings: confirm the answer or change it.
    case needsConfirmation([String])
}
