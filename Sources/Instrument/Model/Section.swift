/// A titled group of questions, optionally skipped as a whole.
public struct Section: Sendable, Hashable {
    /// The section's name.
    public var id: String
    /// Shown above every question in the section.
    public var title: LocalizedText
    /// Read out when the section starts.
    public var intro: LocalizedText?
    /// The whole section is skipped when false.
    public var askIf: Expression?
    /// The questions, in order.
    public var questions: [Question]
    /// Where the section starts.
    public var location: SourceLocation
}

/// What the participant agrees to before the first question.
public struct Consent: Sendable, Hashable {
    /// Read before the statements.
    public var text: LocalizedText
    /// Each must be agreed.
    public var statements: [LocalizedText]
}

/// A scale score computed from items.
public struct Score: Sendable, Hashable {
    /// How items are combined.
    public enum Method: String, Sendable, Hashable, CaseIterable {
        /// The sum (prorated when some items are unanswered).
        case sum
        /// The mean of the answered items.
        case mean
    }

    /// The score's variable name.
    public var id: String
    /// For codebooks and reports.
    public var label: LocalizedText?
    /// The item variables.
    public var items: [String]
    /// How they are combined.
    public var method: Method
    /// Items reverse-coded before scoring.
    public var reverse: [String]
    /// The fewest answered items for which the score is computed.
    public var minAnswered: Int
    /// Where the score is written.
    public var location: SourceLocation
}

/// A script shown to the interviewer when a condition first becomes true.
public struct Safeguard: Sendable, Hashable {
    /// Logged when the safeguard fires.
    public var id: String
    /// The condition.
    public var when: Expression
    /// What the interviewer says or does.
    public var script: LocalizedText
    /// A question, grid or score the safeguard waits for: it fires only once every variable of
    /// it has an answer (or a missing status), so a scale is not interrupted before its end.
    public var after: String?
    /// Where it is written.
    public var location: SourceLocation
}
