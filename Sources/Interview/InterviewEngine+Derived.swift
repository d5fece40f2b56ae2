import Instrument

extension InterviewEngine {
    /// Calculations in an order where each comes after the calculations it uses.
    static func orderCalculations(_ instrument: Instrument) -> [(variable: Int, expression: Bound)] {
        var pending: [(Int, Bound)] = instrument.allQuestions.compactMap { _, question in
            guard case .calculate(let expression) = question.kind, let bound = expression.bound,
                let index = instrument.variables.index(of: question.id)
            else { return nil }
            return (index, bound)
        }
        let calculationIndices = Set(pending.map(\.0))
        var ordered: [(variable: Int, expression: Bound)] = []
        var done = Set<Int>()
        while !pending.isEmpty {
            let before = pending.count
            pending.removeAll { variable, bound in
                let inputs = bound.variableIndices.intersection(calculationIndices).subtracting([variable])
                guard inputs.isSubset(of: done) else { return false }
                ordered.append((variable, bound))
                done.insert(variable)
                return true
            }
            if pending.count == before { break }  // A cycle; the checker reports it.
        }
        return ordered
    }

    /// Recomputes calculations and scores from the current answers.
    mutating func recompute() {
        // Scores may use calculations and calculations may use scores: two passes settle
        // every instrument the checker accepts.
        for _ in 0..<2 {
            for (variable, bound) in calculationOrder {
                // An identifying calculation over an answer sealed in an earlier sitting cannot be
                // computed again here (its content is unreadable): it keeps the value sealed then.
                // A plain calculation reads identifying answers only through `answered(x)`, which
                // a sealed answer satisfies, so it is always computed.
                if instrument.variables.all[variable].identifying,
                    bound.variableIndices.contains(where: { answers[$0] == .value(.sealed) })
                {
                    continue
                }
                let result = evaluator.evaluate(bound) { self.answers[$0]?.value }
                answers[variable] = result.map { .value(Self.normalise($0, as: instrument.variables.all[variable].type)) } ?? .notApplicable
            }
            for entry in scoreVariables {
                answers[entry.variable] = scoreValue(entry).map { .value(.number($0)) } ?? .notApplicable
            }
        }
    }

    /// A score from its items: reverse-coded where asked, `nil` below the minimum answered.
    func scoreValue(_ entry: (score: Score, variable: Int, items: [Int], bounds: [ClosedRange<Double>?])) -> Double? {
        var values: [Double] = []
        for (position, item) in entry.items.enumerated() {
            let x: Double
            switch answers[item]?.value {
            case .number(let number)?: x = number
            case .choice(let code)?: x = Double(code)
            default: continue
            }
            if let bounds = entry.bounds[position] {
                values.append(bounds.lowerBound + bounds.upperBound - x)
            } else {
                values.append(x)
            }
        }
        guard values.count >= entry.score.minAnswered, !values.isEmpty else { return nil }
        let mean = Evaluator.sum(values) / Double(values.count)
        switch entry.score.method {
        case .mean: return mean
        case .sum: return values.count == entry.items.count ? Evaluator.sum(values) : mean * Double(entry.items.count)
        }
    }

    /// Evaluates every safeguard that has not fired; returns (and logs) those that fire now. A
    /// safeguard with `after:` waits until every variable it names has an answer or a missing
    /// status, so a scale is not interrupted before its last item.
    mutating func fireSafeguards() -> [Safeguard] {
        var fired: [Safeguard] = []
        for (index, safeguard) in instrument.safeguards.enumerated() where !firedSafeguards.contains(index) {
            if let after = safeguard.after {
                let awaited = instrument.variablesAwaited(by: after).compactMap { instrument.variables.index(of: $0) }
                if awaited.contains(where: { answers[$0] == nil }) { continue }
            }
            guard let bound = safeguard.when.bound, evaluator.isTrue(bound, { self.answers[$0]?.value }) else { continue }
            firedSafeguards.insert(index)
            pendingEvents.append(.safeguardFired(id: safeguard.id))
            fired.append(safeguard)
        }
        return fired
    }

    /// A calculated value in the form its type expects (a number that is a choice's code stays a number).
    static func normalise(_ value: Value, as type: ValueType) -> Value {
        if case .choice(let code) = value, case .number = type { return .number(Double(code)) }
        return value
    }

    /// Marks a safeguard as fired without an event (resuming an interview whose log says it
    /// fired), so that it does not fire a second time.
    public mutating func restoreFiredSafeguard(_ id: String) {
        if let index = instrument.safeguards.firstIndex(where: { $0.id == id }) { firedSafeguards.insert(index) }
    }
}
