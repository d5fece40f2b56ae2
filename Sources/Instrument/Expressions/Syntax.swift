/// A range of Unicode scalars inside an expression's text, for locating diagnostics.
public struct Span: Sendable, Hashable {
    /// The first scalar.
    public var start: Int
    /// One past the last scalar.
    public var end: Int
}

/// The operators that take two operands.
public enum BinaryOperator: String, Sendable, Hashable {
    case or, and
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case has, `in`
    case plus = "+", minus = "-", times = "*", divide = "/"

    /// Whether the operator compares its operands.
    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return true
        default: return false
        }
    }

    /// Whether the operator is arithmetic.
    var isArithmetic: Bool {
        switch self {
        case .plus, .minus, .times, .divide: return true
        default: return false
        }
    }
}

/// An expression as written: the parser's output, before names are resolved.
public indirect enum Syntax: Sendable, Hashable {
    /// `3`, `2.5`
    case number(Double, Span)
    /// `"text"`
    case string(String, Span)
    /// `true`, `false`
    case boolean(Bool, Span)
    /// A variable or option name.
    case name(String, Span)
    /// `[a, b]`
    case list([Syntax], Span)
    /// `not x`
    case not(Syntax, Span)
    /// `-x`
    case negate(Syntax, Span)
    /// `a op b`; the span is the operator's.
    case binary(BinaryOperator, Syntax, Syntax, Span)
    /// `f(a, b)`; the span is the function name's.
    case call(String, [Syntax], Span)

    /// Where the node is (for binary operations and calls, the operator or name).
    public var span: Span {
        switch self {
        case .number(_, let s), .string(_, let s), .boolean(_, let s), .name(_, let s), .list(_, let s),
            .not(_, let s), .negate(_, let s), .binary(_, _, _, let s), .call(_, _, let s):
            return s
        }
    }

    /// Every name the expression mentions, in order.
    public var names: [(String, Span)] {
        switch self {
        case .name(let name, let span): return [(name, span)]
        case .number, .string, .boolean: return []
        case .list(let items, _), .call(_, let items, _): return items.flatMap(\.names)
        case .not(let inner, _), .negate(let inner, _): return inner.names
        case .binary(_, let left, let right, _): return left.names + right.names
        }
    }
}

/// An expression of an instrument: its text, where it is written, and once checked, its resolved
/// form and type.
public struct Expression: Sendable, Hashable {
    /// The text as written in the YAML value.
    public var source: String
    /// The scalar node it was read from, for locating diagnostics inside it.
    var node: YAMLNode?
    /// The parsed form, or `nil` if it did not parse.
    public internal(set) var syntax: Syntax?
    /// The resolved form, or `nil` until checked (or if it did not check).
    public internal(set) var bound: Bound?
    /// The type, once checked.
    public internal(set) var type: ValueType?
    /// Once checked: the identifying variable whose content the value carries, if any (the first
    /// one named outside `answered(...)`).
    public internal(set) var identifyingInput: String?

    /// The location of the expression's start in the file.
    public var location: SourceLocation? { node?.location }

    /// Compares by text only.
    public static func == (lhs: Expression, rhs: Expression) -> Bool { lhs.source == rhs.source }

    /// Hashes the text only.
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }
}
