public import Instrument

/// The interview engine: a pure state machine over an ``Instrument``. It decides the next step by
/// routing, validates answers (hard checks and soft warnings), keeps calculations and scores up to
/// date, fires safeguards, supports going back (re-routing what follows), and reports the status
/// of every variable. No terminal, no database: the interviewer and `peersurvey test` drive it.
public struct InterviewEngine: Sendable {
    /// The instrument being asked.
    public let instrument: Instrument
    /// The language of the interview.
    public let language: String
    /// The asking order.
    public let plan: StepPlan
    /// Evaluates expressions; carries the day of the interview.
    public let evaluator: Evaluator

    /// The current answer of each variable, by index; `nil` until the variable is reached.
    public internal(set) var answers: [Answer?]
    /// The step being asked, or `nil` before the first and after the last.
    public internal(set) var position: Int?
    /// The steps asked so far, in order, for going back.
    public internal(set) var visited: [Int] = []
    /// Whether every step has been passed.
    public internal(set) var isFinished = false
    /// The safeguards that have fired, by index.
    public internal(set) var firedSafeguards: Set<Int> = []
    /// Events not yet taken by the caller (see ``takeEvents()``).
    public internal(set) var pendingEvents: [EngineEvent] = []

    let calculationOrder: [(variable: Int, expression: Bound)]
    let scoreVariables: [(score: Score, variable: Int, items: [Int], bounds: [ClosedRange<Double>?])]

    /// Starts an interview.
    /// - Parameters:
    ///   - instrument: A checked instrument (from ``InstrumentLoader``).
    ///   - language: One of its languages; the default language when `nil`.
    ///   - today: The day of the interview, for `today()` and date ranges.
    public init(instrument: Instrument, language: String? = nil, today: Day) {
        self.instrument = instrument
        self.language = language.flatMap { instrument.languages.contains($0) ? $0 : nil } ?? instrument.defaultLanguage
        self.plan = StepPlan(instrument)
        self.evaluator = Evaluator(today: today)
        self.answers = Array(repeating: nil, count: instrument.variables.all.count)
        self.calculationOrder = Self.orderCalculations(instrument)
        self.scoreVariables = instrument.scores.compactMap { score in
            guard let variable = instrument.variables.index(of: score.id) else { return nil }
            let items = score.items.compactMap { instrument.variables.index(of: $0) }
            let bounds = score.items.map { score.reverse.contains($0) ? instrument.numericBounds(of: $0) : nil }
            return (score, variable, items, bounds)
        }
        recompute()
    }

    /// The value of the variable at an index, `nil` when it has no answer.
    public func value(_ index: Int) -> Value? { answers[index]?.value }

    /// The current answer of a variable by id.
    public func answer(of id: String) -> Answer? {
        instrument.variables.index(of: id).flatMap { answers[$0] }
    }

    /// The step being asked.
    public var currentStep: Step? { position.map { plan.steps[$0] } }

    /// Hands over the events since the last call.
    public mutating func takeEvents() -> [EngineEvent] {
        defer { pendingEvents.removeAll() }
        return pendingEvents
    }

    /// Whether a step's conditions (its section's and its question's) hold now.
    public func isOnRoute(_ index: Int) -> Bool {
        let step = plan.steps[index]
        let lookup: (Int) -> Value? = { self.answers[$0]?.value }
        // Read through the arrays rather than into local copies: this runs for every step of
        // every simulated interview, and copying a Section or Question retains all it holds.
        if let bound = instrument.sections[step.section].askIf?.bound, !evaluator.isTrue(bound, lookup) { return false }
        if let bound = instrument.sections[step.section].questions[step.question].askIf?.bound,
            !evaluator.isTrue(bound, lookup)
        {
            return false
        }
        if case .specify(let code) = step.kind {
            let id = instrument.sections[step.section].questions[step.question].id
            guard let parent = instrument.variables.index(of: id) else { return false }
            switch answers[parent]?.value {
            case .choice(let chosen)?: return chosen == code
            case .set(let chosen)?: return chosen.contains(code)
            default: return false
            }
        }
        return true
    }

    /// Moves to the next step on the route, marking the steps passed by as not applicable.
    /// - Returns: The step to ask, or `nil` when the interview has no more steps.
    @discardableResult
    public mutating func advance() -> Step? {
        var index = (position ?? -1) + 1
        if let position, visited.last != position {
            visited.append(position)
        }
        while index < plan.steps.count {
            if isOnRoute(index) {
                position = index
                return plan.steps[index]
            }
            routePast(index)
            index += 1
        }
        position = nil
        isFinished = true
        recompute()
        return nil
    }

    /// Records that a step is off the route: its variable becomes not applicable (logged if it had an answer).
    private mutating func routePast(_ index: Int) {
        guard let variable = plan.steps[index].variable else { return }
        set(variable, .notApplicable, reason: .routeChanged)
    }

    /// Sets a variable's answer, logging a first answer or a change, then refreshes what depends on it.
    mutating func set(_ variable: Int, _ answer: Answer, reason: ChangeReason) {
        let id = instrument.variables.all[variable].id
        switch answers[variable] {
        case nil:
            if answer != .notApplicable { pendingEvents.append(.answered(variable: id, answer: answer)) }
        case let previous? where previous != answer:
            pendingEvents.append(.changed(variable: id, from: previous, to: answer, reason: reason))
        default:
            break
        }
        answers[variable] = answer
        recompute()
    }

    /// Goes back to the previous step asked.
    /// - Returns: The step now being asked, or `nil` at the first step.
    @discardableResult
    public mutating func goBack() -> Step? {
        var candidates = visited
        if let position { candidates.removeAll { $0 >= position } }
        guard let previous = candidates.last else { return nil }
        let from = currentStep?.variable.map { instrument.variables.all[$0].id }
        visited = Array(candidates.dropLast())
        position = previous
        isFinished = false
        if let variable = plan.steps[previous].variable {
            pendingEvents.append(.back(from: from, to: instrument.variables.all[variable].id))
        }
        return plan.steps[previous]
    }

    /// Skips the rest of the current section (a participant's wish from the pause screen): its
    /// unanswered questions become refused, and the interview moves to the next section.
    public mutating func skipRestOfSection() -> Step? {
        guard let position else { return nil }
        let section = plan.steps[position].section
        pendingEvents.append(.sectionSkipped(section: instrument.sections[section].id))
        var index = position
        while index < plan.steps.count, plan.steps[index].section == section {
            if let variable = plan.steps[index].variable {
                if isOnRoute(index), answers[variable] == nil {
                    set(variable, .refused, reason: .sectionSkipped)
                } else if !isOnRoute(index) {
                    routePast(index)
                }
            }
            index += 1
        }
        self.position = index - 1
        visited.append(index - 1)
        return advance()
    }

    /// Ends the interview early: every variable not yet reached becomes "not reached".
    public mutating func breakOff() {
        for variable in answers.indices where answers[variable] == nil {
            if case .calculation = instrument.variables.all[variable].origin { continue }
            if case .score = instrument.variables.all[variable].origin { continue }
            answers[variable] = .notReached
        }
        position = nil
        recompute()
    }

    /// The status of every variable: its answer, or why it has none. Variables never reached are
    /// "not reached" (or "not applicable" for calculations and scores that have no value).
    public var finalAnswers: [(variable: Variable, answer: Answer)] {
        instrument.variables.all.enumerated().map { index, variable in
            (variable, answers[index] ?? .notReached)
        }
    }

    /// An estimate of progress: the number of the current question among those on the route, and
    /// how many there are likely to be. A later step counts when its conditions hold now or
    /// depend on answers not yet given.
    public var progress: (current: Int, total: Int) {
        var total = 0, current = 0
        for index in plan.steps.indices where plan.steps[index].kind != .note {
            let counts: Bool
            if let position, index < position {
                // Only what was asked: a question routed past before a suspension has no answer
                // yet (its status is settled at the end) and must not count after resuming.
                counts = plan.steps[index].variable.map { answers[$0] != nil && answers[$0] != .notApplicable } ?? false
            } else {
                counts = index == position || isOnRoute(index) || dependsOnUnanswered(index)
            }
            guard counts else { continue }
            total += 1
            if let position, index <= position { current = total }
        }
        if position == nil { current = total }
        return (current, max(total, 1))
    }

    private func dependsOnUnanswered(_ index: Int) -> Bool {
        let step = plan.steps[index]
        let section = instrument.sections[step.section]
        let question = section.questions[step.question]
        let indices = (section.askIf?.bound?.variableIndices ?? []).union(question.askIf?.bound?.variableIndices ?? [])
        return indices.contains { answers[$0] == nil }
    }
}
