public import Instrument

extension InterviewEngine {
    /// The question a step belongs to.
    public func question(of step: Step) -> Question {
        instrument.sections[step.section].questions[step.question]
    }

    /// The missing answers the participant may give at a step.
    public func allowed(at step: Step) -> [MissingKind] {
        switch step.kind {
        case .note: return []
        case .specify: return [.refused, .dontKnow]
        default: return question(of: step).allow
        }
    }

    /// Gives an answer to the current step.
    /// - Parameters:
    ///   - answer: The answer or missing status.
    ///   - confirmed: Whether soft warnings have been confirmed (they are returned otherwise).
    /// - Returns: Accepted (with any safeguards that fired), rejected, or warnings to confirm.
    public mutating func answer(_ answer: Answer, confirmed: Bool = false) -> AnswerOutcome {
        guard let position, let variable = plan.steps[position].variable else {
            return .rejected([words.noQuestionHere])
        }
        let step = plan.steps[position]
        let problems = validate(answer, at: step, variable: variable)
        if !problems.isEmpty { return .rejected(problems) }
        if !confirmed, case .value = answer {
            let warnings = firedRules(question(of: step).warnings, at: step, with: answer, variable: variable)
            if !warnings.isEmpty { return .needsConfirmation(warnings) }
        }
        set(variable, answer, reason: .amended)
        return .accepted(safeguards: fireSafeguards())
    }

    /// Changes the answer of an earlier variable at the review (the member check), re-routing what
    /// follows: questions that fall off the route become not applicable.
    /// - Returns: Accepted, rejected, or warnings to confirm, as ``answer(_:confirmed:)``.
    public mutating func amend(_ id: String, to answer: Answer, confirmed: Bool = false) -> AnswerOutcome {
        guard let variable = instrument.variables.index(of: id), let stepIndex = plan.stepOfVariable[variable] else {
            return .rejected([words.notAQuestion(id)])
        }
        let step = plan.steps[stepIndex]
        let problems = validate(answer, at: step, variable: variable)
        if !problems.isEmpty { return .rejected(problems) }
        if !confirmed, case .value = answer {
            let warnings = firedRules(question(of: step).warnings, at: step, with: answer, variable: variable)
            if !warnings.isEmpty { return .needsConfirmation(warnings) }
        }
        set(variable, answer, reason: .memberCheck)
        // Later steps that are now off the route lose their answers; newly on-route ones are left
        // for the caller to ask (see ``unansweredOnRoute``).
        for index in (stepIndex + 1)..<plan.steps.count where !isOnRoute(index) {
            if let v = plan.steps[index].variable, answers[v] != nil, answers[v] != .notApplicable {
                set(v, .notApplicable, reason: .routeChanged)
            }
        }
        return .accepted(safeguards: fireSafeguards())
    }

    /// Steps now on the route that have no answer (after an amendment opened a new branch).
    public var unansweredOnRoute: [Int] {
        plan.steps.indices.filter { index in
            guard let v = plan.steps[index].variable else { return false }
            return isOnRoute(index) && (answers[v] == nil || answers[v] == .notApplicable)
        }
    }

    /// After a question that an amendment at the review opened: on to the next question without
    /// an answer on the route, or back to the review when there is none.
    public mutating func returnToReview() {
        if let position, visited.last != position { visited.append(position) }
        if let next = unansweredOnRoute.first {
            position = next
            isFinished = false
        } else {
            position = nil
            isFinished = true
            recompute()
        }
    }

    /// Moves to a step directly (the review, or resuming a saved interview).
    public mutating func jump(to index: Int) {
        if let position, visited.last != position { visited.append(position) }
        position = index
        isFinished = false
    }

    /// Restores a saved answer without validation or events (resuming an interview from the store).
    public mutating func restore(_ id: String, _ answer: Answer) {
        guard let variable = instrument.variables.index(of: id) else { return }
        answers[variable] = answer
        if let step = plan.stepOfVariable[variable], answer != .notApplicable, visited.last != step { visited.append(step) }
        recompute()
    }

    /// Why an answer cannot be accepted at a step; empty when it can.
    public func validate(_ answer: Answer, at step: Step, variable: Int) -> [String] {
        guard case .value(let value) = answer else {
            guard let kind = answer.missingKind, allowed(at: step).contains(kind) else {
                return [allowed(at: step).isEmpty ? words.needsAnAnswer : words.notOneOfTheAllowedAnswers]
            }
            return []
        }
        if case .sealed = value {
            // A sealed answer can only be kept as it is (it was checked when it was given).
            return answers[variable] == .value(.sealed) ? [] : [words.doesNotFit]
        }
        let question = question(of: step)
        var problems: [String] = []
        // SQLite ends text at a NUL character, so one would silently cut the answer short: it is
        // refused here, on every path (screen, line mode, simulation, tests). Every other
        // character, control characters included, is kept exactly.
        if case .text(let text) = value, text.unicodeScalars.contains("\u{0}") {
            return [words.nulCharacter]
        }
        switch (step.kind, question.kind, value) {
        case (.specify, _, .text(let text)):
            if text.trimmingSpaces.isEmpty { problems.append(words.typeTheAnswerOrRefuse) }
            if text.count > 2000 { problems.append(words.keepTo(2000)) }
        case (.question, .single(let list), .choice(let code)), (.gridItem, .grid(let list, _), .choice(let code)):
            if list.option(code: code) == nil { problems.append(words.chooseOneOfTheOptions) }
        case (.question, .multiple(let list), .set(let codes)):
            if codes.isEmpty { problems.append(words.chooseAtLeastOneOption) }
            if codes.contains(where: { list.option(code: $0) == nil }) { problems.append(words.chooseFromTheOptions) }
            if codes.count > 1, let exclusive = list.options.first(where: { $0.exclusive && codes.contains($0.code) }) {
                problems.append(words.cannotBeChosenWithOthers(exclusive.label.text(in: language)))
            }
        case (.question, .integer(let range), .number(let x)):
            if x != x.rounded() { problems.append(words.giveWholeNumber) }
            if let range, !range.contains(x) {
                problems.append(rangeMessage(range))
            } else if abs(x) > Value.largestExactInteger {
                // Beyond 2^53 - 1 a whole number is no longer exact (see Value.largestExactInteger).
                problems.append(words.giveWholeNumberWithin(Value.largestExactInteger))
            }
        case (.question, .decimal(let range, let decimals), .number(let x)):
            if let range, !range.contains(x) { problems.append(rangeMessage(range)) }
            if let decimals, Self.decimalPlaces(x) > decimals {
                problems.append(words.giveAtMostDecimals(decimals))
            }
        case (.question, .text(let length, _), .text(let text)):
            if text.count < length.lowerBound {
                problems.append(length.lowerBound == 1 ? words.typeAnAnswer : words.typeAtLeast(length.lowerBound))
            }
            if text.count > length.upperBound { problems.append(words.keepTo(length.upperBound)) }
        case (.question, .date(let from, let to), .date(let day)):
            let low = from.map(resolve), high = to.map(resolve)
            if let low, day < low { problems.append(words.dateOnOrAfter(low.description)) }
            if let high, day > high { problems.append(words.dateOnOrBefore(high.description)) }
        default:
            problems.append(words.doesNotFit)
        }
        if problems.isEmpty, case .question = step.kind {
            problems = firedRules(question.checks, at: step, with: answer, variable: variable)
        }
        return problems
    }

    /// The messages of the rules whose conditions hold with `answer` given to `variable`.
    func firedRules(_ rules: [Rule], at step: Step, with answer: Answer, variable: Int) -> [String] {
        rules.compactMap { rule in
            guard let bound = rule.condition.bound else { return nil }
            let fires = evaluator.isTrue(bound) { index in index == variable ? answer.value : self.answers[index]?.value }
            return fires ? pipe(rule.message, overriding: (variable, answer)) : nil
        }
    }

    func resolve(_ bound: DateBound) -> Day {
        switch bound {
        case .day(let day): return day
        case .today: return evaluator.today
        }
    }

    func rangeMessage(_ range: ClosedRange<Double>) -> String {
        words.giveNumberFromTo(range.lowerBound.formattedNumber, range.upperBound.formattedNumber)
    }

    static func decimalPlaces(_ x: Double) -> Int {
        var digits = 0
        var scaled = abs(x)
        while digits < 15, (scaled - scaled.rounded()).magnitude > 1e-9 * max(1, scaled) {
            scaled *= 10
            digits += 1
        }
        return digits
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
