/// Decides whether a condition can ever be true, given what each variable can hold: its options,
/// its range, whether it is integer, which options are exclusive, and which variables are never
/// asked. Conditions are expanded into "or of ands"; one "and" that can hold is enough.
struct Reachability {
    /// The values a numeric or choice variable can still take within one "and".
    struct NumericDomain {
        var finite: Set<Double>?
        var low = -Double.infinity, lowOpen = false
        var high = Double.infinity, highOpen = false
        var integer = false
        var excluded: Set<Double> = []

        func contains(_ x: Double) -> Bool {
            if let finite, !finite.contains(x) { return false }
            if integer, x != x.rounded() { return false }
            if excluded.contains(x) { return false }
            return (lowOpen ? x > low : x >= low) && (highOpen ? x < high : x <= high)
        }

        var isEmpty: Bool {
            if let finite { return !finite.contains(where: contains) }
            if low > high || (low == high && (lowOpen || highOpen)) { return true }
            if integer {
                var first = low.rounded(.up)
                if lowOpen, first == low { first += 1 }
                var last = high.rounded(.down)
                if highOpen, last == high { last -= 1 }
                if first > last { return true }
                if last - first > Double(excluded.count) + 1 { return false }
                var x = first
                while x <= last {
                    if !excluded.contains(x) { return false }
                    x += 1
                }
                return true
            }
            if low == high { return excluded.contains(low) }
            return false
        }

        mutating func apply(_ op: BinaryOperator, _ x: Double) {
            switch op {
            case .equal:
                finite = (finite ?? [x]).intersection([x])
            case .notEqual:
                excluded.insert(x)
            case .less:
                if x < high || (x == high && !highOpen) { (high, highOpen) = (x, true) }
            case .lessOrEqual:
                if x < high { (high, highOpen) = (x, false) }
            case .greater:
                if x > low || (x == low && !lowOpen) { (low, lowOpen) = (x, true) }
            case .greaterOrEqual:
                if x > low { (low, lowOpen) = (x, false) }
            default:
                break
            }
        }
    }

    /// One simple fact an "and" asserts.
    enum Atom {
        case never
        case compare(Int, BinaryOperator, Double)
        case within(Int, Set<Double>)
        case has(Int, Int)
        case answered(Int)
    }

    let instrument: Instrument
    /// Variables that never have an answer (never asked).
    var neverAsked: Set<Int> = []

    init(instrument: Instrument) { self.instrument = instrument }

    /// `nil` when the condition can be true; otherwise a reason it cannot.
    func impossibility(of bound: Bound) -> String? {
        guard let conjunctions = Self.disjunctiveForm(bound), !conjunctions.isEmpty else { return nil }
        var firstReason: String?
        for atoms in conjunctions {
            guard let reason = contradiction(atoms) else { return nil }
            firstReason = firstReason ?? reason
        }
        return firstReason
    }

    private func name(_ index: Int) -> String { "`\(instrument.variables.all[index].id)`" }

    private func domain(_ index: Int) -> NumericDomain {
        var domain = NumericDomain()
        let variable = instrument.variables.all[index]
        switch variable.type {
        case .choice(let list):
            domain.finite = Set(list.options.map { Double($0.code) })
        case .number(let integer):
            domain.integer = integer
            if let range = instrument.numericBounds(of: variable.id), variable.origin == .question {
                (domain.low, domain.high) = (range.lowerBound, range.upperBound)
            }
        default:
            break
        }
        return domain
    }

    private func contradiction(_ atoms: [Atom]) -> String? {
        var numeric: [Int: NumericDomain] = [:]
        var required: [Int: Set<Int>] = [:]
        for atom in atoms {
            switch atom {
            case .never:
                return "it is always false"
            case .answered(let v):
                if neverAsked.contains(v) { return "\(name(v)) is never asked, so it never has an answer" }
            case .compare(let v, let op, let x):
                if neverAsked.contains(v) { return "\(name(v)) is never asked, so it never has an answer" }
                numeric[v, default: domain(v)].apply(op, x)
            case .within(let v, let values):
                if neverAsked.contains(v) { return "\(name(v)) is never asked, so it never has an answer" }
                var d = numeric[v] ?? domain(v)
                d.finite = (d.finite ?? values).intersection(values)
                numeric[v] = d
            case .has(let v, let code):
                if neverAsked.contains(v) { return "\(name(v)) is never asked, so it never has an answer" }
                required[v, default: []].insert(code)
            }
        }
        for (v, d) in numeric.sorted(by: { $0.key < $1.key }) where d.isEmpty {
            let variable = instrument.variables.all[v]
            if case .choice = variable.type { return "no option of \(name(v)) meets every part of it" }
            if let range = instrument.numericBounds(of: variable.id), variable.origin == .question {
                return "no answer to \(name(v)) within its range (\(range.lowerBound.formattedNumber) to \(range.upperBound.formattedNumber)) meets every part of it"
            }
            return "no value of \(name(v)) meets every part of it"
        }
        for (v, codes) in required.sorted(by: { $0.key < $1.key }) where codes.count > 1 {
            guard case .set(let list) = instrument.variables.all[v].type else { continue }
            if let exclusive = list.options.first(where: { $0.exclusive && codes.contains($0.code) }) {
                let label = exclusive.name.map { "`\($0)`" } ?? "\(exclusive.code)"
                return "\(name(v)) cannot include \(label) together with another option, because \(label) is exclusive"
            }
        }
        return nil
    }

    /// The condition as an "or" of "and"s of atoms; `nil` when it is too large to expand.
    static func disjunctiveForm(_ bound: Bound) -> [[Atom]]? {
        let limit = 256
        switch bound {
        case .constant(.boolean(let value)):
            return value ? [[]] : [[.never]]
        case .and(let a, let b):
            guard let left = disjunctiveForm(a), let right = disjunctiveForm(b),
                left.count * right.count <= limit
            else { return nil }
            return left.flatMap { l in right.map { l + $0 } }
        case .or(let a, let b):
            guard let left = disjunctiveForm(a), let right = disjunctiveForm(b), left.count + right.count <= limit
            else { return nil }
            return left + right
        case .compare(let op, .variable(let v), let constant):
            guard let x = number(constant) else { return [answered(bound)] }
            return [[.compare(v, op, x)]]
        case .compare(let op, let constant, .variable(let v)):
            guard let x = number(constant) else { return [answered(bound)] }
            return [[.compare(v, flip(op), x)]]
        case .inList(.variable(let v), let values):
            return [[.within(v, Set(values))]]
        case .has(.variable(let v), let code):
            return [[.has(v, code)]]
        case .call(.answered, let arguments):
            if case .variable(let v)? = arguments.first { return [[.answered(v)]] }
            return [[]]
        case .compare, .inList, .has:
            return [answered(bound)]
        default:
            return [[]]
        }
    }

    /// A comparison, `has` or `in` on anything is false when a variable in it is missing.
    private static func answered(_ bound: Bound) -> [Atom] {
        switch bound {
        case .compare(_, let a, let b):
            return [a, b].compactMap { if case .variable(let v) = $0 { return .answered(v) } else { return nil } }
        default:
            return []
        }
    }

    private static func number(_ bound: Bound) -> Double? {
        switch bound {
        case .constant(.number(let x)): return x
        case .constant(.choice(let code)): return Double(code)
        default: return nil
        }
    }

    private static func flip(_ op: BinaryOperator) -> BinaryOperator {
        switch op {
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        default: return op
        }
    }
}

extension InstrumentChecker {
    /// Reports sections and questions whose conditions can never be true, in asking order, so that
    /// a question routed only on a never-asked one is reported too.
    func checkReachability() {
        var analysis = Reachability(instrument: instrument)
        func markNever(_ question: Question) {
            var ids = [question.id]
            if case .grid(_, let items) = question.kind { ids += items.map(\.id) }
            for option in question.kind.options?.options ?? [] where option.specify != nil {
                ids.append(Variable.specifyName(question: question.id, code: option.code))
            }
            for id in ids { if let index = instrument.variables.index(of: id) { analysis.neverAsked.insert(index) } }
        }
        for section in instrument.sections {
            if let bound = section.askIf?.bound, let reason = analysis.impossibility(of: bound) {
                diagnostics.error(
                    "the section `\(section.id)` can never be asked: its `ask_if` can never be true (\(reason)); fix the condition or remove the section",
                    at: section.askIf?.location ?? section.location)
                section.questions.forEach(markNever)
                continue
            }
            for question in section.questions {
                guard let bound = question.askIf?.bound else { continue }
                let combined = section.askIf?.bound.map { Bound.and($0, bound) } ?? bound
                if let reason = analysis.impossibility(of: combined) {
                    diagnostics.error(
                        "`\(question.id)` can never be asked: its `ask_if` can never be true (\(reason)); fix the condition or remove the question",
                        at: question.askIf?.location ?? question.location)
                    markNever(question)
                }
            }
        }
    }
}
