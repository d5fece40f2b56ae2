import Instrument
import Store

/// Cross-tabulations and statistics by group over the people who answered both questions,
/// suppressed together with the frequency tables their totals could be compared with.
///
/// People who did not answer one of the two questions are not shown in these tables, but they
/// are in the frequency tables; so the suppression problem links each row and column to its
/// frequency-table count through the unpublished count of those people (an unknown to anyone
/// reading the tables, known to be zero when nobody skipped the other question).
extension ResultBuilder {
    /// A margin of a linked table: which counts of a solved one-way table a row or column adds up to.
    enum Margin {
        case category(Int)
        case unlisted
        case valid
        case missing

        func cells(_ cells: OneWay.Cells, _ way: OneWay) -> [Int] {
            switch self {
            case .category(let index): return [cells.categories[index]]
            case .unlisted: return cells.categories.indices.filter { way.unlisted[$0] }.map { cells.categories[$0] }
            case .valid: return [cells.valid]
            case .missing: return cells.missing
            }
        }
    }

    /// A table to suppress: published inner counts, and the unpublished counts of people in each
    /// row who skipped the `--by` variable, in each column who skipped the row variable, and both.
    struct Linked {
        var inner: [[Count]]
        var rowSkipped: [Count]
        var columnSkipped: [Count]
        var bothSkipped: Count
        var rows: [Margin]
        var columns: [Margin]
    }

    /// The `--by` variable's columns: its options, and codes it does not list (together, when
    /// they occur).
    func columns(_ grouping: Grouping, _ byWay: OneWay) -> [(category: Category, group: Int, margin: Margin)] {
        var columns = grouping.categories.indices.map { (grouping.categories[$0], $0, Margin.category($0)) }
        if byWay.counts.indices.contains(where: { byWay.unlisted[$0] && byWay.counts[$0].people > 0 }) {
            columns.append((Category(code: -1, label: "codes not in the instrument"), grouping.unlisted, .unlisted))
        }
        return columns
    }

    /// The people a linked table says it left out: those who did not answer one of the two
    /// questions (a cross-tab), or who answered the variable but not the `--by` variable.
    enum LeftOut {
        case notBoth(Count)
        case rowSkipped(Count)
    }

    /// Decides the inner counts, the row, column and grand totals and the count left out of a
    /// linked table.
    mutating func solve(_ table: Linked, rowWay: OneWay, columnWay: OneWay, leftOut: LeftOut) -> (
        cells: [[Count]], rows: [Count], columns: [Count], total: Count, leftOut: Count
    ) {
        var problem = SuppressionProblem(minCell: minCell, integral: integral)
        let rowWayCells = rowWay.link(into: &problem)
        let columnWayCells = columnWay.link(into: &problem)
        let width = table.columns.count
        let cells = table.inner.map { $0.map { problem.add($0, role: .candidate) } }
        let rowSums = table.inner.map { $0.reduce(Count(0), +) }
        let columnSums = (0..<width).map { column in table.inner.reduce(Count(0)) { $0 + $1[column] } }
        let totalSum = rowSums.reduce(Count(0), +)
        let rowCells = rowSums.map { problem.add($0, role: .fallback) }
        let columnCells = columnSums.map { problem.add($0, role: .fallback) }
        let totalCell = problem.add(totalSum, role: .fallback)
        for (row, cellsOfRow) in cells.enumerated() { problem.sum(cellsOfRow, equals: rowCells[row]) }
        for column in 0..<width { problem.sum(cells.map { $0[column] }, equals: columnCells[column]) }
        problem.sum(rowCells, equals: totalCell)
        // Unpublished counts are unknowns, unless nobody skipped (then they are known zeros).
        func unpublished(_ count: Count, _ anyone: Bool) -> [Int] {
            guard anyone else { return [] }
            var hidden = count
            hidden.visibility = .hidden
            return [problem.add(hidden, role: .fixed)]
        }
        let bySkipped = columnWay.cases.missingTotal.people > 0, rowSkipped = rowWay.cases.missingTotal.people > 0
        let rowUnknowns = table.rowSkipped.map { unpublished($0, bySkipped) }
        let columnUnknowns = table.columnSkipped.map { unpublished($0, rowSkipped) }
        let both = unpublished(table.bothSkipped, bySkipped && rowSkipped)
        for (row, margin) in table.rows.enumerated() {
            problem.equation([rowCells[row]] + rowUnknowns[row], equals: margin.cells(rowWayCells, rowWay))
        }
        for (column, margin) in table.columns.enumerated() {
            problem.equation(
                [columnCells[column]] + columnUnknowns[column], equals: margin.cells(columnWayCells, columnWay))
        }
        if bySkipped { problem.equation(rowUnknowns.flatMap { $0 } + both, equals: columnWayCells.missing) }
        if rowSkipped { problem.equation(columnUnknowns.flatMap { $0 } + both, equals: rowWayCells.missing) }
        // The number left out is published too: a count like any other.
        let leftOutCount: Count
        let leftOutCell: Int
        switch leftOut {
        case .notBoth(let count):
            leftOutCount = count
            leftOutCell = problem.add(count, role: .candidate)
            problem.sum([leftOutCell, totalCell], equals: rowWayCells.total)
        case .rowSkipped(let count):
            leftOutCount = count
            leftOutCell = problem.add(count, role: .candidate)
            if bySkipped { problem.sum(rowUnknowns.flatMap { $0 }, equals: leftOutCell) }
        }
        problem.solve()
        let counts = problem.hiddenCounts
        small += counts.small
        hidden += counts.hidden
        return (
            table.inner.indices.map { row in
                table.inner[row].indices.map { problem.decided(table.inner[row][$0], cells[row][$0]) }
            },
            rowSums.indices.map { problem.decided(rowSums[$0], rowCells[$0]) },
            columnSums.indices.map { problem.decided(columnSums[$0], columnCells[$0]) },
            problem.decided(totalSum, totalCell),
            problem.decided(leftOutCount, leftOutCell)
        )
    }

    /// The counts of one group's values by code.
    func countsByCode(_ group: GroupTally) -> [Int: Count] {
        let distribution = group.values.distribution()
        var counts: [Int: Count] = [:]
        for index in distribution.values.indices {
            counts[Int(distribution.values[index])] = Count(
                people: distribution.people[index], weight: distribution.weights[index])
        }
        return counts
    }

    mutating func crossTab(
        _ variable: DatasetVariable, by: DatasetVariable, grouping: Grouping, _ variableTally: VariableTally
    ) -> CrossTab {
        let rowWay = oneWays[variable.name]!, byWay = oneWays[by.name]!
        let columns = columns(grouping, byWay)
        let byCode = columns.map { countsByCode(variableTally.groups[$0.group]) }
        let skippedBy = countsByCode(variableTally.groups[grouping.noAnswer])
        let rows = rowWay.categories
        let table = Linked(
            inner: rows.map { row in columns.indices.map { byCode[$0][row.code] ?? Count(0) } },
            rowSkipped: rows.map { skippedBy[$0.code] ?? Count(0) },
            columnSkipped: columns.map { Count(variableTally.groups[$0.group].statuses.missing) },
            bothSkipped: Count(variableTally.groups[grouping.noAnswer].statuses.missing),
            rows: rows.indices.map { Margin.category($0) }, columns: columns.map(\.margin))
        let answeredBoth = table.inner.joined().reduce(Count(0), +)
        let leftOut = Count(
            people: rowWay.cases.total.people - answeredBoth.people,
            weight: rowWay.cases.total.weight - answeredBoth.weight)
        let solved = solve(table, rowWay: rowWay, columnWay: byWay, leftOut: .notBoth(leftOut))
        var result = CrossTab(
            by: by.name, byLabel: by.label, rows: rows, columns: columns.map(\.category), cells: solved.cells,
            rowTotals: solved.rows, columnTotals: solved.columns, total: solved.total, leftOut: solved.leftOut)
        if minCell > 1, solved.cells.joined().contains(where: { !$0.isShown }) {
            result.chiSquareNote = "not shown: with a hidden count it could reveal that count"
            withheld += 1
        } else if let test = ChiSquare(table.inner.map { $0.map(\.weight) }) {
            result.chiSquare = test
        } else {
            result.chiSquareNote = "needs at least two rows and two columns with answers"
        }
        return result
    }

    mutating func grouped(
        _ variable: DatasetVariable, by: DatasetVariable, grouping: Grouping, _ variableTally: VariableTally
    ) -> GroupedSummary {
        let rowWay = oneWays[variable.name]!, byWay = oneWays[by.name]!
        let columns = columns(grouping, byWay)
        let noAnswer = variableTally.groups[grouping.noAnswer]
        let table = Linked(
            inner: [columns.map { Count(variableTally.groups[$0.group].statuses[.answered]) }],
            rowSkipped: [Count(noAnswer.statuses[.answered])],
            columnSkipped: columns.map { Count(variableTally.groups[$0.group].statuses.missing) },
            bothSkipped: Count(noAnswer.statuses.missing), rows: [.valid], columns: columns.map(\.margin))
        let solved = solve(
            table, rowWay: rowWay, columnWay: byWay, leftOut: .rowSkipped(Count(noAnswer.statuses[.answered])))
        let groups = columns.indices.map { index -> GroupedSummary.Group in
            let count = solved.cells[0][index]
            var summary: NumericSummary?
            if count.isShown, count.people > 0 {
                summary = NumericSummary(
                    variableTally.groups[columns[index].group].values.distribution(), method: settings.percentiles)
            } else if count.people > 0 {
                withheld += 1
            }
            return GroupedSummary.Group(category: columns[index].category, count: count, summary: summary)
        }
        return GroupedSummary(by: by.name, byLabel: by.label, groups: groups, leftOut: solved.leftOut)
    }
}
