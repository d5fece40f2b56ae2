/// The part of a draft that a line of the written YAML belongs to, so that a problem the checker
/// finds on that line can be traced back to the construct that caused it and the construct left
/// out (and reported) instead of failing the whole import.
enum Construct: Hashable, Sendable {
    /// The file's top: id, title, languages.
    case header
    /// An option set.
    case optionSet(String)
    /// A section's own keys.
    case section(Int)
    /// A section's condition.
    case sectionAskIf(Int)
    /// A question (section index, question index).
    case question(Int, Int)
    /// A question's condition.
    case askIf(Int, Int)
    /// One of a question's checks.
    case check(Int, Int, Int)
    /// A calculation's expression.
    case calculation(Int, Int)
    /// A question's range.
    case range(Int, Int)
    /// A question's default.
    case defaultValue(Int, Int)
    /// A score.
    case score(Int)
    /// A test case.
    case test(Int)
}
