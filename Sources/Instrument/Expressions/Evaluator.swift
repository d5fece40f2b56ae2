import Foundation

/// Evaluates bound expressions. A variable without an answer is missing (`nil`); comparisons with
/// a missing value are false and arithmetic with one is missing (see docs/expressions.md).
public struct Evaluator: Sendable {
    /// The day `today()` returns.
    public var today: Day

    /// Creates an evaluator.
    /// - Parameter today: The day `today()` returns.
    public init(today: Day) { self.today = today }

    /// The value of an expression.
    /// - Parameters:
    ///   - bound: The expression.
    ///   - value: The current value of the variable at an index, `nil` when it has no answer.
    /// - Returns: The value, or `nil` when missing.
    public func evaluate(_ bound: Bound, _ value: (Int) -> Value?) -> Value? {
        switch bound {
        case .constant(let constant):
            return constant
        case .variable(let index):
            return value(index)
        case .not(let inner):
            return .boolean(!isTrue(inner, value))
        case .negate(let inner):
            return number(evaluate(inner, value)).map { .number(-$0) }
        case .and(let a, let b):
            return .boolean(isTrue(a, value) && isTrue(b, value))
        case .or(let a, let b):
            return .boolean(isTrue(a, value) || isTrue(b, value))
        case .compare(let op, let a, let b):
            return .boolean(compare(op, evaluate(a, value), evaluate(b, value)))
        case .has(let inner, let code):
            if case .set(let codes)? = evaluate(inner, value) { return .boolean(codes.contains(code)) }
            return .boolean(false)
        case .inList(let inner, let list):
            guard let x = number(evaluate(inner, value)) else { return .boolean(false) }
            return .boolean(list.contains(x))
        case .arithmetic(let op, let a, let b):
            guard let x = number(evaluate(a, value)), let y = number(evaluate(b, value)) else { return nil }
            switch op {
            case .plus: return .number(x + y)
            case .minus: return .number(x - y)
            case .times: return .number(x * y)
            default: return y == 0 ? nil : .number(x / y)
            }
        case .call(let function, let arguments):
            return call(function, arguments, value)
        }
    }

    /// Whether a condition holds; a missing value is false.
    public func isTrue(_ bound: Bound, _ value: (Int) -> Value?) -> Bool {
        if case .boolean(true)? = evaluate(bound, value) { return true }
        return false
    }

    private func number(_ value: Value?) -> Double? {
        switch value {
        case .number(let x)?: return x
        case .choice(let code)?: return Double(code)
        default: return nil
        }
    }

    private func compare(_ op: BinaryOperator, _ a: Value?, _ b: Value?) -> Bool {
        guard let a, let b else { return false }
        let order: Int
        if let x = number(a), let y = number(b) {
            order = x < y ? -1 : x > y ? 1 : 0
        } else {
            switch (a, b) {
            case (.date(let x), .date(let y)): order = x < y ? -1 : x > y ? 1 : 0
            case (.text(let x), .text(let y)): order = x == y ? 0 : (x < y ? -1 : 1)
            case (.boolean(let x), .boolean(let y)): order = x == y ? 0 : 1
            case (.set(let x), .set(let y)): order = x == y ? 0 : 1
            default: return false
            }
        }
        switch op {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        default: return false
        }
    }

    private func call(_ function: Function, _ arguments: [Bound], _ value: (Int) -> Value?) -> Value? {
        switch function {
        case .answered:
            return .boolean(evaluate(arguments[0], value) != nil)
        case .count:
            if case .set(let codes)? = evaluate(arguments[0], value) { return .number(Double(codes.count)) }
            return nil
        case .if:
            return isTrue(arguments[0], value) ? evaluate(arguments[1], value) : evaluate(arguments[2], value)
        case .sum, .mean, .min, .max:
            let numbers = arguments.compactMap { number(evaluate($0, value)) }
            guard !numbers.isEmpty else { return nil }
            switch function {
            case .sum: return .number(Self.sum(numbers))
            case .mean: return .number(Self.sum(numbers) / Double(numbers.count))
            case .min: return .number(numbers.min()!)
            default: return .number(numbers.max()!)
            }
        case .round:
            guard let x = number(evaluate(arguments[0], value)), let d = number(evaluate(arguments[1], value)) else {
                return nil
            }
            let scale = pow(10, d)
            return .number((x * scale).rounded(.toNearestOrAwayFromZero) / scale)
        case .len:
            if case .text(let text)? = evaluate(arguments[0], value) { return .number(Double(text.count)) }
            return nil
        case .today:
            return .date(today)
        case .date:
            return evaluate(arguments[0], value)
        case .yearsSince:
            if case .date(let day)? = evaluate(arguments[0], value) { return .number(Double(day.years(until: today))) }
            return nil
        case .daysSince:
            if case .date(let day)? = evaluate(arguments[0], value) { return .number(Double(today.ordinal - day.ordinal)) }
            return nil
        }
    }

    /// Neumaier's compensated sum: exact enough for long columns where `reduce(0, +)` drifts.
    public static func sum(_ values: [Double]) -> Double {
        var sum = 0.0, compensation = 0.0
        for x in values {
            let t = sum + x
            if abs(sum) >= abs(x) { compensation += (sum - t) + x } else { compensation += (x - t) + sum }
            sum = t
        }
        return sum + compensation
    }
}
