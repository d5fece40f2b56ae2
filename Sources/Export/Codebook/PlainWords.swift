package import Instrument

/// A condition put into words for a codebook.
package struct PlainCondition: Sendable, Equatable, Codable {
    /// The words, or the expression as written when it is too unusual to put into words.
    package var text: String
    /// Whether ``text`` is the expression as written rather than words.
    package var isExpressionText: Bool

    /// Creates a condition.
    package init(text: String, isExpressionText: Bool) {
        self.text = text
        self.isExpressionText = isExpressionText
    }
}

/// Puts conditions (`ask_if`, checks, warnings) into plain English with the labels of the
/// questions and options they name: `services_used has warmline` becomes
/// `"Services used in the last 12 months" (services_used) includes "The warmline"`.
///
/// The words keep the expression language's rule about unanswered questions: a comparison with
/// no answer is false, so `not (age >= 18)` reads `"Age" (age) is less than 18 (or has no
/// answer)`. Anything the words cannot say exactly (arithmetic, `if`, `sum`) gives the
/// expression as written.
package struct PlainWords: Sendable {
    let lookup: VariableCatalogue
    let language: String

    /// Creates a describer.
    /// - Parameters:
    ///   - lookup: The instrument, indexed.
    ///   - language: The language of the labels; the instrument's default when `nil`.
    package init(_ lookup: VariableCatalogue, language: String? = nil) {
        self.lookup = lookup
        self.language = language ?? lookup.instrument.defaultLanguage
    }

    /// Puts a condition into words.
    /// - Parameter expression: A checked condition.
    /// - Returns: The words, or the expression's text when it cannot be put into words.
    package func describe(_ expression: Expression) -> PlainCondition {
        guard let bound = expression.bound, let clause = clause(bound) else {
            return PlainCondition(text: expression.source, isExpressionText: true)
        }
        return PlainCondition(text: render(clause, answered: [], nested: false), isExpressionText: false)
    }

    // MARK: From the bound expression to clauses

    func clause(_ bound: Bound) -> Clause? {
        switch bound {
        case .not(let inner):
            return clause(inner)?.negated
        case .and:
            var parts: [Clause] = []
            for part in bound.flattened(and: true) {
                guard let clause = clause(part) else { return nil }
                parts.append(clause)
            }
            return .all(parts)
        case .or:
            var parts: [Clause] = []
            for part in bound.flattened(and: false) {
                guard let clause = clause(part) else { return nil }
                parts.append(clause)
            }
            return .any(parts)
        case .compare(let op, let left, let right):
            return compare(op, left, right).map(Clause.atom)
        case .has(let inner, let code):
            guard case .variable(let index) = inner, case .set(let list) = variable(index).type else { return nil }
            let option = quoted(list.option(code: code)?.label.text(in: language) ?? String(code))
            return .atom(
                Atom(
                    subject: noun(inner), variable: index, positive: "includes \(option)",
                    negative: "does not include \(option)"))
        case .inList(let inner, let numbers):
            guard let subject = noun(inner) else { return nil }
            let items = numbers.map { value in object(for: inner, code: value) ?? Self.number(value) }
            var atom = Atom(
                subject: subject, variable: inner.variableIndex, positive: Self.isOneOf(items),
                negative: Self.isNoneOf(items))
            if case .choice = inner.variableIndex.map({ variable($0).type }) {
                atom.choiceCodes = numbers.compactMap { Int(exactly: $0) }
            }
            return .atom(atom)
        case .call(.answered, let arguments):
            guard arguments.count == 1, let subject = noun(arguments[0]) else { return nil }
            var atom = Atom(
                subject: subject, variable: arguments[0].variableIndex, positive: "has an answer",
                negative: "has no answer")
            atom.falseWhenMissing = false
            atom.statesAnswer = true
            return .atom(atom)
        case .variable(let index):
            guard variable(index).type == .boolean else { return nil }
            return .atom(Atom(subject: noun(bound), variable: index, positive: "is true", negative: "is false"))
        case .constant(.boolean(let value)):
            var atom = Atom(subject: nil, variable: nil, positive: "always", negative: "never")
            atom.falseWhenMissing = false
            return .atom(value ? atom : atom.toggled)
        default:
            return nil
        }
    }

    /// A comparison as an atom: the subject on the left, a constant (when there is one) on the right.
    func compare(_ op: BinaryOperator, _ left: Bound, _ right: Bound) -> Atom? {
        var (op, left, right) = (op, left, right)
        if left.isConstant && !right.isConstant {
            (left, right) = (right, left)
            op = op.mirrored
        }
        guard let subject = noun(left) else { return nil }
        let index = left.variableIndex
        // Ordering the codes of a choice names the options it keeps: `hard_times >= 4` is
        // "is "Often" or "Always"".
        if let index, case .choice(let list) = variable(index).type, case .constant(let constant) = right,
            let code = constant.numeric, op != .equal, op != .notEqual
        {
            let codes = list.options.map(\.code).filter { op.holds(Double($0), code) }
            let items = codes.map { quoted(list.option(code: $0)!.label.text(in: language)) }
            var atom = Atom(subject: subject, variable: index, positive: Self.isOneOf(items), negative: Self.isNoneOf(items))
            atom.choiceCodes = codes
            return atom
        }
        let object: String
        if case .constant(let constant) = right {
            if let code = constant.numeric, let words = self.object(for: left, code: code) {
                object = words
            } else {
                guard let words = Self.constant(constant) else { return nil }
                object = words
            }
        } else {
            guard let words = noun(right) else { return nil }
            object = words
        }
        let dates = left.isDate(in: lookup.instrument) || right.isDate(in: lookup.instrument)
        var atom = Atom(
            subject: subject, variable: index, positive: Self.predicate(op, object, dates: dates),
            negative: Self.predicate(op.negated, object, dates: dates))
        if op == .equal, let index, case .choice = variable(index).type, case .constant(let c) = right,
            let code = c.numeric
        {
            atom.choiceCodes = [Int(code)]
        }
        return atom
    }

    func variable(_ index: Int) -> Variable { lookup.instrument.variables.all[index] }

    /// A phrase naming a value: a variable by its label and name, or a function of one.
    func noun(_ bound: Bound) -> String? {
        switch bound {
        case .variable(let index):
            let id = variable(index).id
            let label = lookup.wordingLabel(of: id, in: language)
            return label == id ? id : "\(quoted(Self.shortened(label))) (\(id))"
        case .call(.count, let arguments) where arguments.count == 1:
            return noun(arguments[0]).map { "the number of options chosen at \($0)" }
        case .call(.len, let arguments) where arguments.count == 1:
            return noun(arguments[0]).map { "the length of \($0)" }
        case .call(.yearsSince, let arguments) where arguments.count == 1:
            return noun(arguments[0]).map { "the number of whole years since \($0)" }
        case .call(.daysSince, let arguments) where arguments.count == 1:
            return noun(arguments[0]).map { "the number of days since \($0)" }
        case .call(.today, _):
            return "the date of the interview"
        default:
            return nil
        }
    }

    /// The label of an option of the choice variable `bound`, quoted, for a code compared with it.
    func object(for bound: Bound, code: Double) -> String? {
        guard let index = bound.variableIndex, case .choice(let list) = variable(index).type,
            let option = list.option(code: Int(exactly: code) ?? Int.min)
        else { return nil }
        return quoted(option.label.text(in: language))
    }

    func quoted(_ text: String) -> String { "\"\(text)\"" }
}
