import Instrument
import Store

/// Multiple response tables and Cronbach's alpha.
extension ResultBuilder {
    /// The options of a multiple-choice variable: the listed ones, then codes not listed.
    func multipleOptions(_ variable: DatasetVariable, _ counter: MultipleCounter) -> [(
        Category, ValueCounter.Tally?, Int?
    )] {
        var options = variable.categories.enumerated().map { ($1, Optional(counter.options[$0]), Optional($0)) }
        for code in counter.unlisted.keys.sorted() {
            options.append(
                (Category(code: code, label: "code \(code) (not in the instrument)"), counter.unlisted[code], nil))
        }
        return options
    }

    mutating func multipleResponse(_ variable: DatasetVariable, _ group: GroupTally, cases: CaseCounts)
        -> MultipleResponse
    {
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
            guard
                let index = plan.tallied.firstIndex(where: {
                    if case .specify(let question, let code) = $0.origin {
                        return question == variable.name && code == category.code
                    }
                    return false
                })
            else { continue }
            let count = Count(variableTallies[index].overall.statuses[.answered])
            specified.append((category, plan.tallied[index].name, count, problem.add(count, role: .candidate)))
        }
        problem.solve()
        let counts = problem.hiddenCounts
        small += counts.small
        hidden += counts.hidden
        return MultipleResponse(
            options: options.indices.map {
                MultipleResponse.Option(
                    category: options[$0].0,
                    count: problem.decided(Count(options[$0].1 ?? ValueCounter.Tally()), optionCells[$0]))
            },
            responses: problem.decided(responses, responseCell), base: problem.decided(base, baseCell),
            specified: specified.map {
                MultipleResponse.Specified(category: $0.0, variable: $0.1, count: problem.decided($0.2, $0.3))
            })
    }

    /// Each option's count and the base per group of the `--by` variable, over the people who
    /// answered it, suppressed so that the groups cannot reveal what the overall table or the
    /// `--by` variable's frequencies hide.
    mutating func groupedResponse(
        _ overall: MultipleResponse, cases: CaseCounts, by: DatasetVariable, grouping: Grouping,
        _ variableTally: VariableTally
    ) -> GroupedResponse {
        let byWay = oneWays[by.name]!
        let columns = columns(grouping, byWay)
        let codes = overall.options.map(\.category.code)
        func counts(_ group: Int) -> [Count] {
            let counter = variableTally.groups[group].multiple!
            return codes.map { code in
                if let index = counter.codes.firstIndex(of: code) { return Count(counter.options[index]) }
                return Count(counter.unlisted[code] ?? ValueCounter.Tally())
            } + [Count(counter.base)]
        }
        let inner = columns.map { counts($0.group) }
        let skipped = counts(grouping.noAnswer)
        var problem = SuppressionProblem(minCell: minCell, integral: integral)
        let byCells = byWay.link(into: &problem)
        let margins = (overall.options.map(\.count) + [overall.base]).map { problem.add($0, role: .fixed) }
        let cells = inner.map { $0.map { problem.add($0, role: .candidate) } }
        func unknown(_ count: Count) -> Int {
            var hidden = count
            hidden.visibility = .hidden
            return problem.add(hidden, role: .fixed)
        }
        let bySkipped = byWay.cases.missingTotal.people > 0
        var skippedCells: [Int] = []
        for row in margins.indices {
            let skippedCell = bySkipped ? [unknown(skipped[row])] : []
            skippedCells += skippedCell
            problem.equation(cells.map { $0[row] } + skippedCell, equals: [margins[row]])
        }
        // The number left out (who chose options but did not answer the `--by` variable) is
        // published: the base of those who skipped it.
        let leftOut = skipped[codes.count]
        let leftOutCell = problem.add(leftOut, role: .candidate)
        if bySkipped {
            problem.sum([skippedCells[codes.count]], equals: leftOutCell)
            // They are among those who skipped the `--by` variable, with the others unknown.
            let others = unknown(
                Count(
                    people: byWay.cases.missingTotal.people - leftOut.people,
                    weight: byWay.cases.missingTotal.weight - leftOut.weight))
            problem.equation([leftOutCell, others], equals: byCells.missing)
        }
        // A group's base and the people in it outside the base make up the group.
        let outside = cases.total.people - overall.base.people > 0
        for (index, column) in columns.enumerated() {
            let group = variableTally.groups[column.group]
            let rest = Count(
                people: group.statuses.missing.people + group.statuses[.answered].people - group.multiple!.base.people,
                weight: 0)
            problem.equation(
                [cells[index][codes.count]] + (outside ? [unknown(rest)] : []),
                equals: column.margin.cells(byCells, byWay))
        }
        problem.solve()
        let hiddenCounts = problem.hiddenCounts
        small += hiddenCounts.small
        hidden += hiddenCounts.hidden
        let groups = columns.indices.map { column in
            GroupedResponse.Group(
                category: columns[column].category,
                base: problem.decided(inner[column][codes.count], cells[column][codes.count]),
                counts: codes.indices.map { problem.decided(inner[column][$0], cells[column][$0]) })
        }
        return GroupedResponse(
            by: by.name, byLabel: by.label, groups: groups, leftOut: problem.decided(leftOut, leftOutCell))
    }

    mutating func scale(_ index: Int) -> ScaleResult {
        let scale = plan.scales[index]
        let scaleTally = tally.scales[index]
        var complete = Count(people: scaleTally.people, weight: scaleTally.covariances.weight)
        var result = ScaleResult(
            name: scale.score.id, label: scale.label, items: scale.score.items, reversed: scale.score.reverse,
            complete: complete)
        if !scale.unusable.isEmpty {
            result.note =
                "not computed: \(scale.unusable.joined(separator: ", ")) \(scale.unusable.count == 1 ? "is" : "are") not a number or a choice"
            return result
        }
        if minCell > 1, (1..<minCell).contains(scaleTally.people) {
            complete.visibility = .small
            small += 1
            withheld += 1
            result.complete = complete
            result.note = "not shown: the number who answered every item is hidden"
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
            result.note =
                "computed with \(scale.unreversible.joined(separator: ", ")) as stored: it could not be reversed (no range or options)"
        }
        return result
    }
}
