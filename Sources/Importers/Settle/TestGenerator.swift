import Instrument
import Interview

/// Makes test cases from an instrument's routing: for every question with a condition (its own
/// or its section's), one case whose answers open it and one whose answers skip it. Answers are
/// searched among values the condition itself names (its option codes and constants, one either
/// side), and every case is confirmed by running it through the interview engine, so a case is
/// written only when the engine agrees with it.
enum TestGenerator {
    /// The most answer combinations tried for one branch.
    static let maximumTries = 400
    /// The most interview steps taken for one instrument, so that a huge import stays quick (the
    /// cases found by then are kept).
    static let maximumSteps = 2_000_000

    /// The cases for an instrument.
    /// - Parameters:
    ///   - instrument: A checked instrument.
    ///   - today: The day to run the engine on.
    /// - Returns: The cases, two per conditional question where both could be found, and whether
    ///   the step budget ran out before every branch was searched.
    static func cases(for instrument: Instrument, today: Day) -> (tests: [DraftTest], exhausted: Bool) {
        var tests: [DraftTest] = []
        var seen = Set<String>()
        var budget = maximumSteps
        // Built once: each run starts from a copy (the plan and calculation order are shared).
        let fresh = InterviewEngine(instrument: instrument, language: nil, today: today)
        let baseline = baseline(fresh, today: today)
        for section in instrument.sections {
            for question in section.questions {
                let conditions = [section.askIf, question.askIf].compactMap { $0?.bound }
                guard !conditions.isEmpty, let target = targetVariable(question) else { continue }
                var inputs: [Int] = []
                for condition in conditions { inputs += askedInputs(condition, instrument) }
                var constants = conditions.reduce(into: Constants()) { $0.collect($1) }
                // The inputs must be asked themselves: add what their own conditions read.
                var pending = inputs
                var expanded = Set(inputs)
                while let index = pending.popLast() {
                    for condition in conditionsAsking(index, instrument) {
                        constants.collect(condition)
                        for input in askedInputs(condition, instrument) where expanded.insert(input).inserted {
                            pending.append(input)
                        }
                    }
                }
                inputs = expanded.sorted()
                let source = question.askIf?.source ?? section.askIf?.source ?? ""
                for open in [true, false] {
                    guard budget > 0,
                        let answers = search(
                            fresh, baseline, target: target, open: open, inputs: inputs, constants: constants,
                            today: today,
                            budget: &budget)
                    else { continue }
                    let name = "\(open ? "asks" : "skips") \(target) (ask_if: \(source))"
                    guard seen.insert(name).inserted else { continue }
                    tests.append(
                        DraftTest(
                            name: name, answers: answers, asked: open ? [target] : [], skipped: open ? [] : [target]))
                }
            }
        }
        tests += scoreCases(fresh, baseline, today: today)
        return (tests, budget <= 0)
    }

    /// For each score of items that are all asked of everyone, a case answering every item with
    /// its highest code (or range bound): the score's value follows from its method.
    private static func scoreCases(_ fresh: InterviewEngine, _ baseline: Baseline, today: Day) -> [DraftTest] {
        let instrument = fresh.instrument
        var tests: [DraftTest] = []
        var budget = Int.max
        for score in instrument.scores {
            var highest: [String: Double] = [:]
            for item in score.items {
                guard let index = instrument.variables.index(of: item), conditionsAsking(index, instrument).isEmpty,
                    let bounds = instrument.numericBounds(of: item)
                else { break }
                highest[item] = bounds.upperBound
            }
            guard highest.count == score.items.count else { continue }
            var assignment: [Int: Value] = [:]
            for (item, value) in highest {
                let index = instrument.variables.index(of: item)!
                if case .choice = instrument.variables.all[index].type {
                    assignment[index] = .choice(Int(value))
                } else {
                    assignment[index] = .number(value)
                }
            }
            let values = score.items.map { item -> Double in
                let value = highest[item]!
                guard score.reverse.contains(item), let bounds = instrument.numericBounds(of: item) else {
                    return value
                }
                return bounds.lowerBound + bounds.upperBound - value
            }
            let expected = score.method == .sum ? values.reduce(0, +) : values.reduce(0, +) / Double(values.count)
            guard let target = score.items.first,
                var answers = run(
                    fresh, baseline, assignment: assignment, target: target, open: true, today: today, budget: &budget,
                    whole: true)
            else { continue }
            answers = answers.filter { highest[$0.id] != nil }
            tests.append(
                DraftTest(
                    name: "\(score.id) with every item at its highest", answers: answers, asked: [], skipped: [],
                    scores: [(score.id, LogicTranslator.format(expected))]))
        }
        return tests
    }

    /// The variable whose asking the case checks: the question's own, or a grid's first item.
    private static func targetVariable(_ question: Question) -> String? {
        switch question.kind {
        case .note, .calculate: return nil
        case .grid(_, let items): return items.first?.id
        default: return question.id
        }
    }

    /// The asked variables a condition depends on, through calculations and scores.
    private static func askedInputs(_ bound: Bound, _ instrument: Instrument) -> [Int] {
        var result: [Int] = []
        var pending = Array(bound.variableIndices)
        var visited = Set<Int>()
        while let index = pending.popLast() {
            guard visited.insert(index).inserted else { continue }
            let variable = instrument.variables.all[index]
            switch variable.origin {
            case .question, .gridItem, .specify: result.append(index)
            case .calculation:
                for question in instrument.sections[variable.section].questions where question.id == variable.id {
                    if case .calculate(let expression) = question.kind, let inner = expression.bound {
                        pending += inner.variableIndices
                    }
                }
            case .score:
                for score in instrument.scores where score.id == variable.id {
                    pending += score.items.compactMap { instrument.variables.index(of: $0) }
                }
            }
        }
        return result
    }

    /// The conditions (section's and question's) under which a variable is asked.
    static func conditionsAsking(_ index: Int, _ instrument: Instrument) -> [Bound] {
        let variable = instrument.variables.all[index]
        guard instrument.sections.indices.contains(variable.section) else { return [] }
        let section = instrument.sections[variable.section]
        var owner: String = variable.id
        switch variable.origin {
        case .gridItem(let grid): owner = grid
        case .specify(let question, _): owner = question
        default: break
        }
        let question = section.questions.first { $0.id == owner }
        return [section.askIf?.bound, question?.askIf?.bound].compactMap { $0 }
    }

    /// The constants a condition names.
    struct Constants {
        var numbers: Set<Double> = []
        var texts: Set<String> = []
        var days: Set<Int> = []
        var codes: Set<Int> = []

        mutating func collect(_ bound: Bound) {
            switch bound {
            case .constant(let value):
                switch value {
                case .number(let x): numbers.insert(x)
                case .text(let t): texts.insert(t)
                case .date(let d): days.insert(d.ordinal)
                case .choice(let c): codes.insert(c)
                case .set(let cs): codes.formUnion(cs)
                case .boolean, .sealed: break
                }
            case .variable: break
            case .not(let a), .negate(let a): collect(a)
            case .and(let a, let b), .or(let a, let b), .compare(_, let a, let b), .arithmetic(_, let a, let b):
                collect(a)
                collect(b)
            case .has(let a, let code):
                codes.insert(code)
                collect(a)
            case .inList(let a, let list):
                numbers.formUnion(list)
                collect(a)
            case .call(_, let arguments): arguments.forEach { collect($0) }
            }
        }
    }

    /// Candidate answers for one variable: `nil` stands for no answer (refused).
    private static func candidates(_ index: Int, _ instrument: Instrument, _ constants: Constants, today: Day)
        -> [Value?]
    {
        let variable = instrument.variables.all[index]
        var values: [Value?] = [nil]
        switch variable.type {
        case .choice(let list):
            values += list.options.map { .choice($0.code) }
        case .set(let list):
            values += list.options.map { .set([$0.code]) }
            let inclusive = list.options.filter { !$0.exclusive }.map(\.code)
            if inclusive.count > 1 { values.append(.set(inclusive.sorted())) }
        case .number(let integer):
            var numbers = Set<Double>()
            for x in constants.numbers { numbers.formUnion([x - 1, x, x + 1]) }
            if numbers.isEmpty { numbers = [0, 1] }
            if let bounds = instrument.numericBounds(of: variable.id) {
                numbers = numbers.filter { bounds.contains($0) }
                numbers.formUnion([bounds.lowerBound, bounds.upperBound])
            }
            values += numbers.sorted().filter { !integer || $0 == $0.rounded() }.map { .number($0) }
        case .text:
            values += constants.texts.sorted().map { .text($0) } + [.text("x")]
        case .date:
            var days = Set<Int>()
            for d in constants.days { days.formUnion([d - 1, d, d + 1]) }
            days.formUnion([today.ordinal - 1, today.ordinal - 400 * 365 / 10])
            values += days.sorted().map { .date(Day(ordinal: $0)) }
        case .boolean:
            break
        }
        return values
    }

    /// The first combination of answers for which `target` is asked (`open`) or skipped.
    private static func search(
        _ fresh: InterviewEngine, _ baseline: Baseline, target: String, open: Bool, inputs: [Int], constants: Constants,
        today: Day,
        budget: inout Int
    ) -> [(id: String, value: String)]? {
        let instrument = fresh.instrument
        // To open a branch, answers are the likelier key; to skip one, no answer usually is.
        let lists = inputs.map { index -> [Value?] in
            let values = candidates(index, instrument, constants, today: today)
            return open ? Array(values.dropFirst()) + [nil] : values
        }
        guard !lists.contains(where: \.isEmpty) else { return nil }
        var counters = Array(repeating: 0, count: lists.count)
        for _ in 0..<maximumTries {
            guard budget > 0 else { return nil }
            var assignment: [Int: Value] = [:]
            for (k, index) in inputs.enumerated() {
                if let value = lists[k][counters[k]] { assignment[index] = value }
            }
            if let answers = run(
                fresh, baseline, assignment: assignment, target: target, open: open, today: today, budget: &budget)
            {
                return answers
            }
            // The next combination, the first input varying fastest.
            var k = 0
            while k < counters.count {
                counters[k] += 1
                if counters[k] < lists[k].count { break }
                counters[k] = 0
                k += 1
            }
            if k == counters.count { return nil }
        }
        return nil
    }

    /// Runs one interview: the assignment's answers where given, a plain answer where one is
    /// required, no answer otherwise. Returns the answers given when `target` ends as wanted.
    /// Plain answers to try for a required question, most plain first.
    static func fillers(_ index: Int, _ instrument: Instrument, today: Day) -> [Value] {
        let variable = instrument.variables.all[index]
        switch variable.type {
        case .choice(let list): return list.options.map { .choice($0.code) }
        case .set(let list): return list.options.map { .set([$0.code]) }
        case .number:
            let low = instrument.numericBounds(of: variable.id)?.lowerBound
            return ([low].compactMap { $0 } + [1, 0, 18, 30, 50, 100, 1000]).map { .number($0) }
        case .text: return [.text("x"), .text("example")]
        case .date: return [today.ordinal - 1, today.ordinal - 365 * 30, today.ordinal].map { .date(Day(ordinal: $0)) }
        case .boolean: return []
        }
    }

    /// An answer as a test case writes it: option names where there are some.
    static func written(_ value: Value, _ index: Int, _ instrument: Instrument) -> String {
        let type = instrument.variables.all[index].type
        func option(_ code: Int, _ list: OptionList) -> String {
            list.option(code: code)?.name.map { YAMLScalar.string($0, flow: true) } ?? String(code)
        }
        switch (value, type) {
        case (.choice(let code), .choice(let list)): return option(code, list)
        case (.set(let codes), .set(let list)):
            return "[" + codes.map { option($0, list) }.joined(separator: ", ") + "]"
        case (.number(let x), _): return LogicTranslator.format(x)
        case (.text(let text), _): return YAMLScalar.quoted(text)
        case (.date(let day), _): return YAMLScalar.quoted(day.description)
        default: return "refused"
        }
    }
}
