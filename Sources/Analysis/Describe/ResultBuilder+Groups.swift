import Instrument

/// Cross-tabulations, statistics by group and multiple response, each suppressed together with
/// the one-way tables its margins repeat.
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

        func total(_ way: OneWay) -> Count {
            switch self {
            case .category(let index): return way.counts[index]
            case .valid: return way.cases.valid
            case .unlisted:
                let parts = way.counts.indices.filter { way.unlisted[$0] }.map { way.counts[$0] }
                var total = parts.reduce(Count(0), +)
                total.visibility = parts.allSatisfy(\.isShown) ? .shown : .hidden
                return total
            case .missing:
                var total = way.cases.missingTotal
                total.visibility = way.missingTotalKnown ? .shown : .hidden
                return total
            }
        }
    }

    /// The columns of a `--by` variable: its options, codes it does not list (together), and
    /// "no answer", the last two only when they occur.
    func columns(_ grouping: Grouping, _ byWay: OneWay) -> [(category: Category?, group: Int, margin: Margin)] {
        var columns = grouping.categories.indices.map { (Optional(grouping.categories[$0]), $0, Margin.category($0)) }
        if byWay.counts.indices.contains(where: { byWay.unlisted[$0] && byWay.counts[$0].people > 0 }) {
            columns.append((Category(code: -1, label: "codes not in the instrument"), grouping.unlisted, .unlisted))
        }
        if byWay.cases.missingTotal.people > 0 { columns.append((nil, grouping.noAnswer, .missing)) }
        return columns
    }

    /// Decides the inner counts of a table whose rows add up to margins of `rowWay` and whose
    /// columns add up to margins of `columnWay`; both one-way tables keep their own decisions.
    mutating func solveLinked(_ inner: [[Count]], rows: [Margin], rowWay: OneWay, columns: [Margin], columnWay: OneWay) -> [[Count]] {
        var problem = SuppressionProblem(minCell: minCell, integral: integral)
        let rowCells = rowWay.link(into: &problem)
        let columnCells = columnWay.link(into: &problem)
        let cells = inner.map { $0.map { problem.add($0, role: .candidate) } }
        for (index, margin) in rows.enumerated() { problem.equation(cells[index], equals: margin.cells(rowCells, rowWay)) }
        for (index, margin) in columns.enumerated() {
            problem.equation(cells.map { $0[index] }, equals: margin.cells(columnCells, columnWay))
        }
        problem.solve()
        let counts = problem.hiddenCounts
        small += counts.small
        hidden += counts.hidden
        return inner.indices.map { row in inner[row].indices.map { problem.decided(inner[row][$0], cells[row][$0]) } }
    }

    mutating func crossTab(_ variable: DatasetVariable, by: DatasetVariable, grouping: Grouping, _ variableTally: VariableTally) -> CrossTab {
        let rowWay = oneWays[variable.name]!, byWay = oneWays[by.name]!
        let columns = columns(grouping, byWay)
        var rows: [Category?] = rowWay.categories
        var margins = rowWay.categories.indices.map { Margin.category($0) }
        if rowWay.cases.missingTotal.people > 0 {
            rows.append(nil)
            margins.append(.missing)
        }
        let byCode = columns.map { column -> [Int: Count] in
            let distribution = variableTally.groups[column.group].values.distribution()
            var counts: [Int: Count] = [:]
            for index in distribution.values.indices {
                counts[Int(distribution.values[index])] = Count(people: distribution.people[index], weight: distribution.weights[index])
            }
            return counts
        }
        let inner = rows.map { row in
            columns.indices.map { column -> Count in
                guard let row else { return missingCount(variableTally.groups[columns[column].group]) }
                return byCode[column][row.code] ?? Count(0)
            }
        }
        let cells = solveLinked(inner, rows: margins, rowWay: rowWay, columns: columns.map(\.margin), columnWay: byWay)
        var table = CrossTab(
            by: by.name, byLabel: by.label, rows: rows, columns: columns.map(\.category), cells: cells,
            rowTotals: margins.map { $0.total(rowWay) }, columnTotals: columns.map { $0.margin.total(byWay) },
            total: rowWay.cases.total)
        let answeredRows = rows.indices.filter { rows[$0] != nil }
        let answeredColumns = columns.indices.filter { columns[$0].category != nil }
        let valid = answeredRows.map { row in answeredColumns.map { cells[row][$0] } }
        if minCell > 1, valid.joined().contains(where: { !$0.isShown }) {
            table.chiSquareNote = "not shown: with a hidden count it could reveal that count"
            withheld += 1
        } else if let test = ChiSquare(valid.map { $0.map(\.weight) }) {
            table.chiSquare = test
        } else {
            table.chiSquareNote = "needs at least two rows and two columns with answers"
        }
        return table
    }

    mutating func grouped(_ variable: DatasetVariable, by: DatasetVariable, grouping: Grouping, _ variableTally: VariableTally) -> GroupedSummary {
        let rowWay = oneWays[variable.name]!, byWay = oneWays[by.name]!
        let columns = columns(grouping, byWay)
        var margins: [Margin] = [.valid]
        var inner = [columns.map { Count(variableTally.groups[$0.group].statuses[0]) }]
        if rowWay.cases.missingTotal.people > 0 {
            margins.append(.missing)
            inner.append(columns.map { missingCount(variableTally.groups[$0.group]) })
        }
        let cells = solveLinked(inner, rows: margins, rowWay: rowWay, columns: columns.map(\.margin), columnWay: byWay)
        let groups = columns.indices.map { index -> GroupedSummary.Group in
            let count = cells[0][index]
            var summary: NumericSummary?
            if count.isShown, count.people > 0 {
                summary = NumericSummary(variableTally.groups[columns[index].group].values.distribution(), method: settings.percentiles)
            } else if count.people > 0 {
                withheld += 1
            }
            return GroupedSummary.Group(category: columns[index].category, count: count, summary: summary)
        }
        return GroupedSummary(by: by.name, byLabel: by.label, groups: groups)
    }

    func missingCount(_ group: GroupTally) -> Count {
        Count(group.statuses.missing)
    }
}
