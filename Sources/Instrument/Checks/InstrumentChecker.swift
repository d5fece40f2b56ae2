/// The static checks of an instrument, after decoding: builds the variable table, resolves and
/// type-checks every expression, and looks for mistakes a person would otherwise find in the
/// field (routing to later questions, cycles, questions that can never be asked, piping of
/// unknown answers, long sentences). Every problem is collected, not only the first.
final class InstrumentChecker {
    var instrument: Instrument
    let source: SourceFile
    var diagnostics: DiagnosticList
    /// Ids of things that are not variables (notes, grids, sections), and what they are.
    var nonVariables: [String: String] = [:]
    /// The first asking step of each section.
    var sectionStarts: [Int] = []
    /// The first asking step of each question, by section and question index.
    var questionSteps: [[Int]] = []
    /// "Did you mean" within the file's allowance.
    let speller: Speller

    init(instrument: Instrument, source: SourceFile, diagnostics: DiagnosticList, speller: Speller = Speller()) {
        self.instrument = instrument
        self.source = source
        self.diagnostics = diagnostics
        self.speller = speller
    }

    /// The closest variable name to a misspelt one (the variables are prepared once).
    func suggestVariable(_ name: String) -> String? {
        speller.closest(to: name, in: instrument.variables.ids, set: "variables")
    }

    /// Runs every check, storing resolved expressions in ``instrument``.
    func run(rawTests: [YAMLNode]) {
        buildVariables()
        checkSectionsAndSafeguardIDs()
        typeCalculations()
        checkScores()
        computeAvailability()
        bindExpressions()
        checkSafeguards()
        checkDefaults()
        checkPiping()
        checkReachability()
        checkReadability()
        checkOptionNameShadowing()
        instrument.tests = resolveTests(rawTests)
    }

    /// Adds a variable, reporting a duplicate id and an illegal name.
    func addVariable(_ variable: Variable) {
        if let problem = NameRules.problem(with: variable.id) {
            diagnostics.error("the variable name `\(variable.id)` \(problem)", at: variable.location)
        }
        if let existing = instrument.variables.caseInsensitiveMatch(variable.id) {
            let same = existing.id == variable.id ? "`\(variable.id)` is" : "`\(variable.id)` and `\(existing.id)` are"
            diagnostics.error(
                "\(same) used twice (first at line \(existing.location.line)); every variable needs its own name, and case does not count",
                at: variable.location)
            return
        }
        if let what = nonVariables[variable.id] {
            diagnostics.error("`\(variable.id)` is already the name of \(what)", at: variable.location)
            return
        }
        instrument.variables.add(variable)
    }

    private func buildVariables() {
        var step = 0
        for (sectionIndex, section) in instrument.sections.enumerated() {
            sectionStarts.append(step)
            var steps: [Int] = []
            for question in section.questions {
                steps.append(step)
                let location = question.location
                switch question.kind {
                case .note:
                    noteNonVariable(question.id, "a note", at: location)
                    step += 1
                case .calculate:
                    addVariable(Variable(
                        id: question.id, origin: .calculation, type: .number(integer: false), section: sectionIndex,
                        available: -1, step: nil, location: location))
                case .grid(let list, let items):
                    noteNonVariable(question.id, "a grid (its items are the variables)", at: location)
                    for item in items {
                        addVariable(Variable(
                            id: item.id, origin: .gridItem(grid: question.id), type: .choice(list), section: sectionIndex,
                            available: step, step: step, location: item.location, identifying: question.identifying))
                        step += 1
                    }
                    if items.isEmpty { step += 1 }
                default:
                    let type = TestValueReader.valueType(of: question.kind)!
                    addVariable(Variable(
                        id: question.id, origin: .question, type: type, section: sectionIndex, available: step,
                        step: step, location: location, identifying: question.identifying))
                    step += 1
                    guard let list = question.kind.options else { break }
                    if case .multiple = question.kind {
                        for option in list.options where question.id.count + 1 + String(option.code).count > NameRules.maximumLength {
                            diagnostics.error(
                                "the column `\(question.id)_\(option.code)` for option \(option.code) would be longer than \(NameRules.maximumLength) characters; shorten the id `\(question.id)`",
                                at: option.location ?? location)
                        }
                    }
                    for option in list.options where option.specify != nil {
                        addVariable(Variable(
                            id: Variable.specifyName(question: question.id, code: option.code), origin: .specify(question: question.id, code: option.code),
                            type: .text, section: sectionIndex, available: step, step: step, location: option.location ?? location,
                            identifying: question.identifying))
                        step += 1
                    }
                }
            }
            questionSteps.append(steps)
        }
        for score in instrument.scores {
            let section = instrument.sections.indices.last ?? 0
            addVariable(Variable(
                id: score.id, origin: .score, type: .number(integer: false), section: section, available: -1, step: nil,
                location: score.location))
        }
    }

    private func noteNonVariable(_ id: String, _ what: String, at location: SourceLocation) {
        if let existing = instrument.variables.caseInsensitiveMatch(id) {
            diagnostics.error("`\(id)` is used twice (first at line \(existing.location.line))", at: location)
        } else if nonVariables[id] != nil {
            diagnostics.error("`\(id)` is used twice", at: location)
        }
        if let problem = NameRules.problem(with: id) {
            diagnostics.error("the name `\(id)` \(problem)", at: location)
        }
        nonVariables[id] = what
    }

    private func checkSectionsAndSafeguardIDs() {
        var sections: [String: Int] = [:]
        for section in instrument.sections {
            if let line = sections[section.id] {
                diagnostics.error("the section id `\(section.id)` is used twice (first at line \(line))", at: section.location)
            }
            sections[section.id] = sections[section.id] ?? section.location.line
        }
        var safeguards: [String: Int] = [:]
        for safeguard in instrument.safeguards {
            if let line = safeguards[safeguard.id] {
                diagnostics.error("the safeguard id `\(safeguard.id)` is used twice (first at line \(line))", at: safeguard.location)
            }
            safeguards[safeguard.id] = safeguards[safeguard.id] ?? safeguard.location.line
        }
    }

    /// Reports a binding problem at its column inside the expression.
    func report(_ problem: BindingProblem, in expression: Expression) {
        let location = expression.node.map { ScalarLocator(source: source).location(ofIndex: problem.span.start, in: $0) }
        diagnostics.error(problem.message, at: location ?? expression.location, suggestion: problem.suggestion)
    }

    /// What an expression may do with the content of an identifying answer.
    enum IdentifyingUse {
        /// Anything: the result records what it carries (a calculation, which is then itself
        /// identifying; a check of an identifying question, which constrains only sealed values).
        case allowed
        /// Only `answered(x)`; any other use is an error, for the reason given.
        case refused(because: String)
    }

    /// Binds an expression in a context, reporting problems; returns the typed result.
    func bind(
        _ expression: Expression, limit: Int?, selfID: String? = nil, condition role: String?,
        identifying use: IdentifyingUse
    ) -> Expression {
        var result = expression
        guard let syntax = expression.syntax else { return result }
        var binder = Binder(
            variables: instrument.variables, limit: limit, selfID: selfID, nonVariables: nonVariables, speller: speller)
        let typed: Binder.Typed?
        if let role {
            typed = binder.bindCondition(syntax, role: role)
        } else {
            typed = binder.bind(syntax)
        }
        if let typed {
            result.bound = typed.bound
            result.type = typed.type
            result.identifyingInput = typed.identifying?.name
            if case .refused(let reason) = use, let input = typed.identifying {
                binder.problems.append(BindingProblem(
                    message: "\(role ?? "this expression") cannot use \(describeIdentifying(input.name)): \(reason); only `answered(\(input.name))` may be used",
                    span: input.span))
                result.bound = nil
            }
        }
        for problem in binder.problems { report(problem, in: expression) }
        return result
    }

    /// "the identifying answer `email`", or for a calculation, what it is calculated from.
    func describeIdentifying(_ name: String) -> String {
        guard let variable = instrument.variables[name], variable.origin == .calculation else {
            return "the identifying answer `\(name)`"
        }
        return "`\(name)`, which is calculated from an identifying answer"
    }
}
