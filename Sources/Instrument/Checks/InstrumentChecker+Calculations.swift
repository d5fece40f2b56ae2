extension InstrumentChecker {
    /// The positions of calculation questions.
    private var calculations: [(section: Int, question: Int, id: String, expression: Expression)] {
        instrument.sections.enumerated().flatMap { s, section in
            section.questions.enumerated().compactMap { q, question in
                if case .calculate(let expression) = question.kind { return (s, q, question.id, expression) }
                return nil
            }
        }
    }

    /// Types every calculation in the order their inputs require, reporting cycles.
    func typeCalculations() {
        let calcs = calculations
        let byID = Dictionary(calcs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let edges: [[Int]] = calcs.map { calc in
            (calc.expression.syntax?.names ?? []).compactMap { byID[$0.0] }
        }
        // Depth-first search, recording cycles and a post-order (inputs first).
        var state = [Int](repeating: 0, count: calcs.count)  // 0 new, 1 on stack, 2 done
        var order: [Int] = []
        var inCycle = Set<Int>()
        var stack: [Int] = []
        func visit(_ node: Int) {
            state[node] = 1
            stack.append(node)
            for next in edges[node] {
                if state[next] == 1 {
                    let cycle = Array(stack[stack.lastIndex(of: next)!...])
                    if !cycle.contains(where: inCycle.contains) {
                        let names = (cycle + [next]).map { "`\(calcs[$0].id)`" }.joined(separator: " -> ")
                        let message = cycle.count == 1
                            ? "the calculation `\(calcs[next].id)` uses itself; a calculation cannot depend on its own value"
                            : "calculations form a cycle: \(names); each would need the other's value first"
                        diagnostics.error(message, at: calcs[next].expression.location ?? source.location(ofOffset: 0))
                    }
                    inCycle.formUnion(cycle)
                } else if state[next] == 0 {
                    visit(next)
                }
            }
            stack.removeLast()
            state[node] = 2
            order.append(node)
        }
        for node in calcs.indices where state[node] == 0 { visit(node) }
        for node in order where !inCycle.contains(node) {
            let calc = calcs[node]
            let bound = bind(calc.expression, limit: nil, condition: nil, identifying: .allowed)
            instrument.sections[calc.section].questions[calc.question].kind = .calculate(bound)
            if let type = bound.type, let index = instrument.variables.index(of: calc.id) {
                if case .set = type {
                    diagnostics.error("a calculation cannot be a multiple-choice answer; use `count(...)` or `has`", at: calc.expression.location)
                }
                // A value that carries an identifying answer's content is itself identifying:
                // sealed at capture and never exported (inputs first, so chains are followed).
                let identifying = bound.identifyingInput != nil
                instrument.variables.update(index) {
                    $0.type = type
                    $0.identifying = identifying
                }
            }
        }
    }

    /// Works out when each calculation's and score's value becomes known: after the last of its inputs.
    func computeAvailability() {
        let variables = instrument.variables
        var memo: [Int: Int] = [:]
        var visiting = Set<Int>()
        let calcExpressions = Dictionary(
            calculations.map { ($0.id, $0.expression) }, uniquingKeysWith: { a, _ in a })
        let scoreItems = Dictionary(instrument.scores.map { ($0.id, $0.items) }, uniquingKeysWith: { a, _ in a })
        func availability(_ index: Int) -> Int {
            let variable = variables.all[index]
            switch variable.origin {
            case .calculation, .score:
                if let known = memo[index] { return known }
                guard visiting.insert(index).inserted else { return -1 }
                let inputs: [Int]
                if variable.origin == .score {
                    inputs = (scoreItems[variable.id] ?? []).compactMap { variables.index(of: $0) }
                } else if let bound = calcExpressions[variable.id]?.bound {
                    inputs = Array(bound.variableIndices)
                } else {
                    inputs = (calcExpressions[variable.id]?.syntax?.names ?? []).compactMap { variables.index(of: $0.0) }
                }
                let value = inputs.map(availability).max() ?? -1
                visiting.remove(index)
                memo[index] = value
                return value
            default:
                return variable.available
            }
        }
        for index in variables.all.indices {
            let value = availability(index)
            instrument.variables.update(index) { $0.available = value }
        }
    }

    /// Binds `ask_if`, checks, warnings and safeguards, each where its variables must already be
    /// known. None may use an identifying answer's content (only whether it was answered), except
    /// the checks and warnings of an identifying question, which constrain only sealed values.
    func bindExpressions() {
        let routing = IdentifyingUse.refused(
            because: "whether a question is asked is stored in plain text, so it would reveal part of that answer")
        for s in instrument.sections.indices {
            if let askIf = instrument.sections[s].askIf {
                instrument.sections[s].askIf = bind(askIf, limit: sectionStarts[s], condition: "`ask_if`", identifying: routing)
            }
            for q in instrument.sections[s].questions.indices {
                let question = instrument.sections[s].questions[q]
                let step = questionSteps[s][q]
                if let askIf = question.askIf {
                    instrument.sections[s].questions[q].askIf = bind(askIf, limit: step, condition: "`ask_if`", identifying: routing)
                }
                let rules: IdentifyingUse = question.identifying
                    ? .allowed
                    : .refused(because: "the plain answer to `\(question.id)` would have to agree with it, and so reveal part of it")
                instrument.sections[s].questions[q].checks = question.checks.map {
                    Rule(
                        condition: bind($0.condition, limit: step, selfID: question.id, condition: "a check", identifying: rules),
                        message: $0.message)
                }
                instrument.sections[s].questions[q].warnings = question.warnings.map {
                    Rule(
                        condition: bind($0.condition, limit: step, selfID: question.id, condition: "a warning", identifying: rules),
                        message: $0.message)
                }
            }
        }
        for i in instrument.safeguards.indices {
            instrument.safeguards[i].when = bind(
                instrument.safeguards[i].when, limit: nil, condition: "a safeguard's `when`",
                identifying: .refused(because: "a safeguard that is shown is logged in plain text, so it would reveal part of that answer"))
        }
    }

    /// A default must be an answer the question would accept.
    func checkDefaults() {
        for (_, question) in instrument.allQuestions {
            guard case .value(let value)? = question.defaultAnswer else { continue }
            switch (question.kind, value) {
            case (.integer(let range?), .number(let x)), (.decimal(let range?, _), .number(let x)):
                if !range.contains(x) {
                    diagnostics.error(
                        "the default \(x.formattedNumber) of `\(question.id)` is outside its range \(range.lowerBound.formattedNumber) to \(range.upperBound.formattedNumber)",
                        at: question.location)
                }
            case (.text(let length, _), .text(let text)):
                if !length.contains(text.count) {
                    diagnostics.error("the default of `\(question.id)` is not within its `length`", at: question.location)
                }
            default:
                break
            }
        }
    }

    /// A bare name in an expression that is both an option of the question compared and a variable
    /// reads as the option; say so, because a reader may think otherwise.
    func checkOptionNameShadowing() {
        for (_, question) in instrument.allQuestions {
            guard let list = question.kind.options else { continue }
            for option in list.options {
                if let name = option.name, instrument.variables[name] != nil {
                    diagnostics.warning(
                        "the option name `\(name)` of `\(question.id)` is also a variable; in `\(question.id) == \(name)` it means the option",
                        at: option.location)
                }
            }
        }
    }
}
