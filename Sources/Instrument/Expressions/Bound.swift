/// The functions of the expression language.
public enum Function: String, Sendable, Hashable, CaseIterable {
    case answered, count, `if`, sum, mean, min, max, round, len, today, date
    case yearsSince = "years_since", daysSince = "days_since"
}

/// An expression with its names resolved to variables (by index into the instrument's
/// ``VariableTable``) or option codes, and its types checked: what the engine evaluates.
public indirect enum Bound: Sendable, Hashable {
    /// A constant.
    case constant(Value)
    /// The value of the variable at this index.
    case variable(Int)
    /// Logical negation.
    case not(Bound)
    /// Arithmetic negation.
    case negate(Bound)
    /// Both true.
    case and(Bound, Bound)
    /// Either true.
    case or(Bound, Bound)
    /// `==`, `!=`, `<`, `<=`, `>`, `>=`; choices compare by code.
    case compare(BinaryOperator, Bound, Bound)
    /// A multiple-choice value includes the option code.
    case has(Bound, Int)
    /// A number or choice is one of the listed numbers.
    case inList(Bound, [Double])
    /// `+`, `-`, `*`, `/`.
    case arithmetic(BinaryOperator, Bound, Bound)
    /// A function call.
    case call(Function, [Bound])

    /// The indices of every variable the expression reads.
    public var variableIndices: Set<Int> {
        switch self {
        case .constant: return []
        case .variable(let index): return [index]
        case .not(let inner), .negate(let inner), .has(let inner, _), .inList(let inner, _): return inner.variableIndices
        case .and(let a, let b), .or(let a, let b), .compare(_, let a, let b), .arithmetic(_, let a, let b):
            return a.variableIndices.union(b.variableIndices)
        case .call(_, let arguments): return arguments.reduce(into: []) { $0.formUnion($1.variableIndices) }
        }
    }
}
