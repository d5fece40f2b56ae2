import Instrument

/// Multiple response tables and Cronbach's alpha.
extension ResultBuilder {
    /// The options of a multiple-choice variable: the listed ones, then codes not listed.
    func multipleOptions(_ variable: DatasetVariable, _ counter: MultipleCounter) -> [(Category, ValueCounter.Tally?, Int?)] {
        var options = variable.categories.enumerated().map { ($1, Optional(counter.options[$0]), Optional($0)) }
        for code in counter.unlisted.keys.sorted() {
            options.append((Category(code: code, label: "code \(code) (not in the instrument)"), counter.unlisted[code], nil))
        }
        return options
    }

    mutating func multipleResponse(_ variable: DatasetVariable, _ group: GroupTally, cases: CaseCounts) -> MultipleResponse {
        let counter = group.multiple!
        let options = multipleOptions(variable, counter)
        var problem = SuppressionProblem(minCell: minCell, integral: integral)
        let optionCells = options.map { problem.add(Count($0.1 ?? ValueCounter.Tally()), role: .candidate) }
        let responses = Count(counter.responses)
        let responseCell = problem.add(responses, role: .fallback)
        problem.sum(optionCells, equals: responseCell)
        var base = Count(counter.base)
        let baseCell: Int
        if base.people == cases.valid.people {
            base.visibility = cases.valid.visibility
            baseCell = problem.add(base, role: .fixed)
        } else {
            baseCell = problem.add(base, role: .fallback)
        }
        var specified: [(Category, String, Count, Int)] = []
        for category in variable.categories where category.asksToSpecify {
            guard let index = plan.tallied.firstIndex(where: {
                if case .specify(let question, let code) = $0.origin { return question == variable.name && code == category.code }
                return false
            }) else { continue }
            let count = Count(variableTallies[index].overall.statuses[0])
            specified.append((category, plan.tallied[index].name, count, problem.add(count, role: .candidate)))
        }
        problem.solve()
        let counts = problem.hiddenCounts
        small += counts.small
        hidden += counts.hidden
        return MultipleResponse(
            options: options.indices.map {
                MultipleResponse.Option(category: options[$0].0, count: problem.decided(Count(options[$0].1 ?? ValueCounter.Tally()), optionCells[$0]))
            },
            responses: problem.decided(responses, responseCell), base: problem.decided(base, baseCell),
            specified: specified.map { MultipleResponse.Specified(category: $0.0, variable: $0.1, count: problem.decided($0.2, $0.3)) })
    }

    /// Each option's count and the base per group, suppressed so that the groups' counts cannot
    /// reveal what the overall table hides.
    mutating func groupedResponse(_ overall: MultipleResponse, by: DatasetVariable, grouping: Grouping, _ variableTally: VariableTally) -> GroupedResponse {
        let byWay = oneWays[by.name]!
        let columns = columns(grouping, byWay)
        let codes = overall.options.map(\.category.code)
        let inner: [[Count]] = codes.map { code in
            columns.map { column in
                let counter = variableTally.groups[column.group].multiple!
                if let index = counter.codes.firstIndex(of: code) { return Count(counter.options[index]) }
                return Count(counter.unlisted[code] ?? ValueCounter.Tally())
            }
        } + [columns.map { Count(variableTally.groups[$0.group].multiple!.base) }]
        var problem = SuppressionProblem(minCell: minCell, integral: integral)
        let margins = (overall.options.map(\.count) + [overall.base]).map { problem.add($0, role: .fixed) }
        let cells = inner.map { $0.map { problem.add($0, role: .candidate) } }
        for row in cells.indices { problem.sum(cells[row], equals: margins[row]) }
        problem.solve()
        let counts = problem.hiddenCounts
        small += counts.small
        hidden += counts.hidden
        let groups = columns.indices.map { column in
            GroupedResponse.Group(
                category: columns[column].category, base: problem.decided(inner.last![column], cells.last![column]),
                counts: codes.indices.map { problem.decided(inner[$0][column], cells[$0][column]) })
        }
        return GroupedResponse(by: by.name, byLabel: by.label, groups: groups)
    }

    mutating func scale(_ index: Int) -> ScaleResult {
        let scale = plan.scales[index]
        let scaleTally = tally.scales[index]
        var complete = Count(people: scaleTally.people, weight: scaleTally.covariances.weight)
        var result = ScaleResult(
            name: scale.score.id, label: scale.label, items: scale.score.items, reversed: scale.score.reverse, complete: complete)
        if minCell > 1, (1..<minCell).contains(scaleTally.people) {
            complete.visibility = .small
            small += 1
            withheld += 1
            result.complete = complete
            result.note = "not shown: fewer than \(minCell) people answered every item"
            return result
        }
        if scaleTally.people < 2 {
            result.note = "needs at least two people who answered every item"
            return result
        }
        result.reliability = Reliability(
            names: scale.score.items, reversed: Set(scale.score.reverse), covariances: scaleTally.covariances,
            people: scaleTally.people)
        if !scale.unreversible.isEmpty {
            result.note = "computed with \(scale.unreversible.joined(separator: ", ")) as stored: it could not be reversed (no range or options)"
        }
        return result
    }
}
