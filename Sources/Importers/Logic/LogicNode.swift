/// The expression languages the importers read: REDCap's branching logic and calculations,
/// XLSForm's XPath subset, and ReproSchema's JavaScript subset.
package enum LogicDialect: Sendable {
    case redcap, xlsform, javascript
}

/// A source expression, parsed: the common tree of the three dialects, before translation.
indirect enum LogicNode: Sendable, Hashable {
    /// A field (`[age]`, `${age}`, `age`).
    case field(String)
    /// One option of a REDCap checkbox (`[services(2)]`).
    case checkbox(String, String)
    /// XLSForm's `.`: the question's own answer.
    case current
    /// A number as written.
    case number(String)
    /// A string.
    case string(String)
    /// `true`, `false`, `true()`.
    case boolean(Bool)
    /// Logical negation.
    case not(LogicNode)
    /// Arithmetic negation.
    case negate(LogicNode)
    /// A binary operation; the operator normalised to `or and == != < <= > >= + - * / mod ^`.
    case binary(String, LogicNode, LogicNode)
    /// A function call; the name lowercased.
    case call(String, [LogicNode])
}

/// Why an expression cannot be translated: a sentence naming the construct.
package struct LogicError: Error, Sendable {
    /// What cannot be translated.
    package var message: String

    package init(_ message: String) { self.message = message }
}
