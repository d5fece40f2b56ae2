/// A problem found while binding an expression, located inside its text.
struct BindingProblem: Sendable, Hashable {
    var message: String
    var span: Span
    var suggestion: String?
}

/// Resolves names in a ``Syntax`` tree to variables and option codes and checks types, producing
/// a ``Bound`` expression and its type, or problems located inside the expression.
struct Binder {
    /// What a bound sub-expression is.
    struct Typed {
        var bound: Bound
        var type: ValueType
        /// The variable it names, when it is a bare variable (for messages and option lookup).
        var variable: String?
        /// The first identifying variable whose content flows into the value, and where it is
        /// named: set by a reference to one and kept by every operator and function except
        /// `answered(...)` (see docs/expressions.md, "Identifying answers").
        var identifying: Reference?
    }

    /// A variable named in the expression.
    struct Reference {
        var name: String
        var span: Span
    }

    let variables: VariableTable
    /// Variables must have `available` below this (nil: any variable may be used).
    let limit: Int?
    /// A variable that may be used whatever `limit` says (a check's own question).
    let selfID: String?
    /// Ids that are not variables (notes, grids), with a word for what they are.
    let nonVariables: [String: String]
    /// "Did you mean" within the file's allowance.
    let speller: Speller
    /// Problems found.
    var problems: [BindingProblem] = []

    init(
        variables: VariableTable, limit: Int?, selfID: String?, nonVariables: [String: String],
        speller: Speller = Speller()
    ) {
        self.variables = variables
        self.limit = limit
        self.selfID = selfID
        self.nonVariables = nonVariables
        self.speller = speller
    }

    private mutating func fail(_ message: String, _ span: Span, suggestion: String? = nil) -> Typed? {
        problems.append(BindingProblem(message: message + Suggestions.didYouMean(suggestion), span: span, suggestion: suggestion))
        return nil
    }

    /// Binds an expression that must be a condition (true or false).
    mutating func bindCondition(_ syntax: Syntax, role: String) -> Typed? {
        guard let typed = bind(syntax) else { return nil }
        guard typed.type == .boolean else {
            return fail("\(role) must be a condition (true or false), but this is \(typed.type.description)", syntax.span)
        }
        return typed
    }

    mutating func bind(_ syntax: Syntax) -> Typed? {
        switch syntax {
        case .number(let value, _):
            return Typed(bound: .constant(.number(value)), type: .number(integer: value == value.rounded()))
        case .string(let value, _):
            return Typed(bound: .constant(.text(value)), type: .text)
        case .boolean(let value, _):
            return Typed(bound: .constant(.boolean(value)), type: .boolean)
        case .name(let name, let span):
            return bindVariable(name, span)
        case .list(_, let span):
            return fail("a list `[...]` can only follow `in`", span)
        case .not(let inner, let span):
            guard let operand = bind(inner) else { return nil }
            guard operand.type == .boolean else {
                return fail("`not` needs a condition, but this is \(operand.type.description)", span)
            }
            return Typed(bound: .not(operand.bound), type: .boolean, identifying: operand.identifying)
        case .negate(let inner, let span):
            guard let operand = bind(inner) else { return nil }
            guard operand.type.isNumeric else {
                return fail("`-` needs a number, but this is \(operand.type.description)", span)
            }
            return Typed(
                bound: .negate(operand.bound), type: .number(integer: operand.type.isInteger), identifying: operand.identifying)
        case .binary(let op, let left, let right, let span):
            return bindBinary(op, left, right, span)
        case .call(let name, let arguments, let span):
            return bindCall(name, arguments, span)
        }
    }

    private mutating func bindVariable(_ name: String, _ span: Span) -> Typed? {
        guard let index = variables.index(of: name), let variable = variables[name] else {
            if let what = nonVariables[name] {
                return fail("`\(name)` is \(what), which has no answer of its own", span)
            }
            if let match = variables.caseInsensitiveMatch(name) {
                return fail("there is no variable `\(name)`", span, suggestion: match.id)
            }
            if Function(rawValue: name) != nil {
                return fail("`\(name)` is a function; write `\(name)(...)`", span)
            }
            return fail("there is no variable `\(name)`", span, suggestion: speller.closest(to: name, in: variables.ids, set: "variables"))
        }
        if let limit, name != selfID, variable.available >= limit {
            let line = variable.location.line
            switch variable.origin {
            case .calculation:
                return fail("`\(name)` is calculated from answers given later (line \(line)), so it is not known here", span)
            case .score:
                return fail("`\(name)` is a score whose items are asked later (line \(line)), so it is not known here", span)
            default:
                return fail("`\(name)` is asked later (line \(line)), so its answer is not known here", span)
            }
        }
        return Typed(
            bound: .variable(index), type: variable.type, variable: name,
            identifying: variable.identifying ? Reference(name: name, span: span) : nil)
    }

    /// The options of a bare variable of choice or set type, without reporting anything.
    private func options(of syntax: Syntax) -> (OptionList, String)? {
        guard case .name(let name, _) = syntax, let variable = variables[name] else { return nil }
        switch variable.type {
        case .choice(let list), .set(let list): return (list, name)
        default: return nil
        }
    }

    /// Binds `syntax` as one option of `list` (a name or a code) belonging to `owner`.
    private mutating func bindOption(_ syntax: Syntax, _ list: OptionList, owner: String) -> Int? {
        switch syntax {
        case .name(let name, let span):
            if let option = list.option(named: name) { return option.code }
            let names = list.options.compactMap(\.name)
            _ = fail(
                "`\(name)` is not an option of `\(owner)`" + (names.isEmpty ? " (its options have no names; use codes)" : ""),
                span, suggestion: speller.closest(to: name, in: names, set: "options of \(owner)"))
            return nil
        case .number(let value, let span):
            if value == value.rounded(), let option = list.option(code: Int(value)) { return option.code }
            let codes = Suggestions.listed(list.options.map { String($0.code) })
            _ = fail("`\(owner)` has no option with code \(value.formattedNumber); its codes are \(codes)", span)
            return nil
        default:
            _ = fail("expected one option of `\(owner)` (a name or a code) here", syntax.span)
            return nil
        }
    }

    /// Whether a bare name in `syntax` should be read as an option of the other side.
    private func isOptionName(_ syntax: Syntax, of other: Syntax) -> (OptionList, String)? {
        guard case .name(let name, _) = syntax, let (list, owner) = options(of: other) else { return nil }
        if list.option(named: name) != nil || variables[name] == nil { return (list, owner) }
        return nil
    }

    private mutating func bindBinary(_ op: BinaryOperator, _ left: Syntax, _ right: Syntax, _ span: Span) -> Typed? {
        switch op {
        case .and, .or:
            let a = bind(left), b = bind(right)
            guard let a, let b else { return nil }
            for side in [a, b] where side.type != .boolean {
                return fail("`\(op.rawValue)` joins conditions, but one side is \(side.type.description)\(hint(side))", span)
            }
            return Typed(
                bound: op == .and ? .and(a.bound, b.bound) : .or(a.bound, b.bound), type: .boolean,
                identifying: a.identifying ?? b.identifying)
        case .has:
            guard let a = bind(left) else { return nil }
            guard case .set(let list) = a.type else {
                let what = a.variable.map { "`\($0)` is \(a.type.description)" } ?? "the left side is \(a.type.description)"
                return fail("`has` needs a multiple-choice question on its left, but \(what); use `==` or `in` for a single answer", span)
            }
            guard let code = bindOption(right, list, owner: a.variable ?? "the left side") else { return nil }
            return Typed(bound: .has(a.bound, code), type: .boolean, identifying: a.identifying)
        case .in:
            guard let a = bind(left) else { return nil }
            if case .set = a.type {
                return fail("`in` needs a single value on its left; for a multiple-choice question use `has`", span)
            }
            guard a.type.isNumeric else {
                return fail("`in` needs a number or a single-choice answer on its left, but this is \(a.type.description)", span)
            }
            guard case .list(let items, _) = right else {
                return fail("`in` needs a list on its right, such as `[1, 2, 3]`", right.span)
            }
            var numbers: [Double] = []
            for item in items {
                if case .choice(let list) = a.type {
                    guard let code = bindOption(item, list, owner: a.variable ?? "the left side") else { return nil }
                    numbers.append(Double(code))
                } else if case .number(let value, _) = item {
                    numbers.append(value)
                } else {
                    return fail("a list after `in` may hold only numbers here", item.span)
                }
            }
            return Typed(bound: .inList(a.bound, numbers), type: .boolean, identifying: a.identifying)
        case .plus, .minus, .times, .divide:
            let a = bind(left), b = bind(right)
            guard let a, let b else { return nil }
            for side in [a, b] where !side.type.isNumeric {
                return fail("`\(op.rawValue)` needs numbers on both sides, but one side is \(side.type.description)\(hint(side))", span)
            }
            let integer = op != .divide && a.type.isInteger && b.type.isInteger
            return Typed(
                bound: .arithmetic(op, a.bound, b.bound), type: .number(integer: integer),
                identifying: a.identifying ?? b.identifying)
        default:
            return bindComparison(op, left, right, span)
        }
    }

    private func hint(_ side: Typed) -> String {
        guard let name = side.variable else { return "" }
        switch side.type {
        case .set: return " (`\(name)`: use `\(name) has <option>` or `count(\(name))`)"
        case .number, .choice: return " (`\(name)`: compare it, as in `\(name) > 0`)"
        case .text: return " (`\(name)`: use `answered(\(name))`)"
        default: return ""
        }
    }

    private mutating func bindComparison(_ op: BinaryOperator, _ left: Syntax, _ right: Syntax, _ span: Span) -> Typed? {
        var a: Typed?, b: Typed?
        if let (list, owner) = isOptionName(right, of: left) {
            a = bind(left)
            b = bindOption(right, list, owner: owner).map { Typed(bound: .constant(.choice($0)), type: .choice(list)) }
        } else if let (list, owner) = isOptionName(left, of: right) {
            a = bindOption(left, list, owner: owner).map { Typed(bound: .constant(.choice($0)), type: .choice(list)) }
            b = bind(right)
        } else {
            a = bind(left)
            b = bind(right)
        }
        guard let a, let b else { return nil }
        for (side, syntax) in [(a, left), (b, right)] {
            if case .set = side.type {
                let name = side.variable ?? "a multiple-choice answer"
                return fail("`\(name)` is a multiple-choice answer and cannot be compared with `\(op.rawValue)`; use `\(name) has <option>` or `count(\(name))`", syntax.span)
            }
        }
        // A code compared with a choice must be one of its options.
        for (choice, other, otherSyntax) in [(a, b, right), (b, a, left)] {
            if case .choice(let list) = choice.type, case .number(let value, _) = otherSyntax, other.type.isNumeric,
                op == .equal || op == .notEqual, list.option(code: Int(exactly: value) ?? Int.min) == nil
            {
                let codes = Suggestions.listed(list.options.map { String($0.code) })
                return fail("`\(choice.variable ?? "the answer")` has no option with code \(value.formattedNumber); its codes are \(codes)", otherSyntax.span)
            }
        }
        let ordering = op != .equal && op != .notEqual
        let compatible: Bool
        switch (a.type, b.type) {
        case _ where a.type.isNumeric && b.type.isNumeric: compatible = true
        case (.date, .date): compatible = true
        case (.text, .text), (.boolean, .boolean): compatible = !ordering
        default: compatible = false
        }
        guard compatible else {
            if ordering, a.type == b.type {
                return fail("`\(op.rawValue)` cannot order \(a.type.description); only numbers and dates have an order", span)
            }
            return fail("`\(op.rawValue)` cannot compare \(a.type.description) with \(b.type.description)", span)
        }
        return Typed(bound: .compare(op, a.bound, b.bound), type: .boolean, identifying: a.identifying ?? b.identifying)
    }

    private mutating func bindCall(_ name: String, _ arguments: [Syntax], _ span: Span) -> Typed? {
        guard let function = Function(rawValue: name) else {
            if variables[name] != nil {
                return fail("`\(name)` is a variable, not a function", span)
            }
            return fail("there is no function `\(name)`", span,
                        suggestion: Suggestions.closest(to: name, in: Function.allCases.map(\.rawValue)))
        }
        func arity(_ count: ClosedRange<Int>) -> Bool {
            count.contains(arguments.count)
        }
        let expected: ClosedRange<Int>
        switch function {
        case .today: expected = 0...0
        case .answered, .count, .len, .date, .yearsSince, .daysSince: expected = 1...1
        case .round: expected = 2...2
        case .if: expected = 3...3
        case .sum, .mean, .min, .max: expected = 1...100
        }
        guard arity(expected) else {
            let wanted = expected.lowerBound == expected.upperBound
                ? "\(expected.lowerBound) argument\(expected.upperBound == 1 ? "" : "s")"
                : "\(expected.lowerBound) to \(expected.upperBound) arguments"
            return fail("`\(name)` takes \(wanted), but is given \(arguments.count)", span)
        }
        switch function {
        case .answered:
            guard case .name(let variable, let nameSpan) = arguments[0] else {
                return fail("`answered` takes a variable name", arguments[0].span)
            }
            guard let typed = bindVariable(variable, nameSpan) else { return nil }
            // Whether there is an answer, not what it is: never identifying.
            return Typed(bound: .call(.answered, [typed.bound]), type: .boolean)
        case .date:
            guard case .string(let text, let textSpan) = arguments[0] else {
                return fail("`date` takes a date in quotes, such as `date(\"2026-05-01\")`", arguments[0].span)
            }
            guard let day = Day(iso: text) else {
                return fail("`\(text)` is not a date; write it as YYYY-MM-DD, such as \"2026-05-01\"", textSpan)
            }
            return Typed(bound: .constant(.date(day)), type: .date)
        case .today:
            return Typed(bound: .call(.today, []), type: .date)
        default:
            break
        }
        var typed: [Typed] = []
        for argument in arguments {
            guard let t = bind(argument) else { return nil }
            typed.append(t)
        }
        let bounds = typed.map(\.bound)
        // Every other function's value carries its arguments' content (`if` through its condition too).
        let identifying = typed.lazy.compactMap(\.identifying).first
        func require(_ index: Int, _ ok: (ValueType) -> Bool, _ what: String) -> Bool {
            if ok(typed[index].type) { return true }
            _ = fail("`\(name)` needs \(what), but this is \(typed[index].type.description)", arguments[index].span)
            return false
        }
        switch function {
        case .count:
            guard require(0, { if case .set = $0 { true } else { false } }, "a multiple-choice question") else { return nil }
            return Typed(bound: .call(.count, bounds), type: .number(integer: true), identifying: identifying)
        case .len:
            guard require(0, { $0 == .text }, "text") else { return nil }
            return Typed(bound: .call(.len, bounds), type: .number(integer: true), identifying: identifying)
        case .yearsSince, .daysSince:
            guard require(0, { $0 == .date }, "a date") else { return nil }
            return Typed(bound: .call(function, bounds), type: .number(integer: true), identifying: identifying)
        case .round:
            guard require(0, \.isNumeric, "a number") else { return nil }
            guard case .number(let digits, _) = arguments[1], digits == digits.rounded(), (0...10).contains(digits) else {
                return fail("`round` needs a whole number of digits from 0 to 10 as its second argument", arguments[1].span)
            }
            return Typed(bound: .call(.round, bounds), type: .number(integer: digits == 0), identifying: identifying)
        case .sum, .mean, .min, .max:
            for index in typed.indices where !require(index, \.isNumeric, "numbers") { return nil }
            let integer = function != .mean && typed.allSatisfy(\.type.isInteger)
            return Typed(bound: .call(function, bounds), type: .number(integer: integer), identifying: identifying)
        case .if:
            guard require(0, { $0 == .boolean }, "a condition first") else { return nil }
            let (x, y) = (typed[1].type, typed[2].type)
            let type: ValueType
            if x == y {
                type = x
            } else if x.isNumeric, y.isNumeric {
                type = .number(integer: x.isInteger && y.isInteger)
            } else {
                return fail("`if` must give the same type either way, but gives \(x.description) or \(y.description)", span)
            }
            return Typed(bound: .call(.if, bounds), type: type, identifying: identifying)
        default:
            return nil
        }
    }
}

extension ValueType {
    /// Whether values are whole numbers (choices are, by their codes).
    var isInteger: Bool {
        switch self {
        case .number(let integer): return integer
        case .choice: return true
        default: return false
        }
    }
}
