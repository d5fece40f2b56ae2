import Instrument

/// The disclosure audit of a release: every count, sum, total, running total, left-out count
/// and mean that the reports of one run publish, read as an attacker reads them, and for each
/// hidden count the interval that attacker can prove from all of it together.
///
/// The audit reads only the finished reports (what every format prints), not how suppression
/// decided them, so it checks the suppression as an independent party would. Reports over the
/// same interviews (the same statuses and weight) share their counts: a count shown in one
/// report and hidden in another is known. The unpublished counts that link tables (people in a
/// cross-tab's row who skipped the `--by` question) are unknowns with no published value.
package enum ReleaseAudit {
    /// Audits the reports of one run together.
    /// - Parameter reports: Every report the run publishes.
    /// - Returns: Each hidden count's proven interval, and totals.
    package static func audit(_ reports: [DescribeReport]) -> AuditSummary {
        let minCell = reports.map(\.suppression.minCell).max() ?? 0
        var model = AuditModel(
            ceiling: Double(reports.map(\.interviews).max() ?? 0),
            integral: reports.allSatisfy { $0.weight == nil })
        for report in reports { model.add(report) }
        let rule = ProtectionRule(minCell: minCell, integral: model.integral)
        let targets = model.targets
        let intervals = IntervalSolver.intervals(model.system, of: targets.map(\.unknown))
        let findings = targets.map { target -> AuditFinding in
            let interval = intervals[target.unknown] ?? model.system.bounds[target.unknown]
            let proven = rule.proven(interval)
            let small = rule.isSensitive(people: target.people)
            return AuditFinding(
                place: target.place, variable: target.variable, value: target.value, small: small, low: proven.lowerBound,
                high: proven.upperBound, isProtected: !small || rule.protects(interval, value: target.value))
        }
        return AuditSummary(
            minCell: minCell, findings: findings, merged: reports.reduce(0) { $0 + $1.suppression.merged },
            withheld: reports.reduce(0) { $0 + $1.suppression.withheld })
    }
}

/// The attacker's linear system, built from published reports.
struct AuditModel {
    /// A count in a relation: known, or an unknown of the system.
    enum Term {
        case known(Double)
        case unknown(Int)
    }

    private struct Entry {
        var term: Term
        /// Published (hidden) rather than an unpublished link.
        var published: Bool
        var people: Int
        var value: Double
        var place: String
    }

    let ceiling: Double
    let integral: Bool
    private(set) var system = LinearSystem()
    private var entries: [String: Entry] = [:]
    private var order: [String] = []
    private var scope = ""
    private var table = ""

    init(ceiling: Double, integral: Bool) {
        self.ceiling = ceiling
        self.integral = integral
    }

    /// Every published hidden count, in the order first seen.
    var targets: [(unknown: Int, people: Int, value: Double, place: String, variable: String)] {
        order.compactMap { key in
            guard let entry = entries[key], entry.published, case .unknown(let unknown) = entry.term else { return nil }
            // Keys are "scope|statuses|weight" then the variable's name (or "scale").
            let variable = key.split(separator: "|", omittingEmptySubsequences: false).dropFirst(2).first.map(String.init) ?? ""
            return (unknown, entry.people, entry.value, entry.place, variable)
        }
    }

    /// A published count under a key (the same key in two reports is the same count).
    mutating func cell(_ key: String, _ count: Count, _ place: String, atLeast: Double = 0, unbounded: Bool = false)
        -> Term
    {
        let key = scope + "|" + key
        if var entry = entries[key] {
            if count.isShown, case .unknown(let unknown) = entry.term {
                system.relate([(unknown, 1)], between: count.weight, and: count.weight)
                entry.term = .known(count.weight)
                entries[key] = entry
            } else if !count.isShown, !entry.published, case .unknown = entry.term {
                entry.published = true
                entry.people = count.people
                entry.value = count.weight
                entry.place = table + place
                entries[key] = entry
            }
            return entries[key]!.term
        }
        let term: Term
        if count.isShown {
            term = .known(count.weight)
        } else {
            term = .unknown(system.unknown(atLeast...(unbounded ? .infinity : max(atLeast, ceiling))))
        }
        entries[key] = Entry(term: term, published: true, people: count.people, value: count.weight, place: table + place)
        order.append(key)
        return term
    }

    /// A count the reports do not publish but relate to (a variable's frequency that another
    /// report may publish): an unknown until a report shows it.
    mutating func linked(_ key: String) -> Term {
        let key = scope + "|" + key
        if let entry = entries[key] { return entry.term }
        let term = Term.unknown(system.unknown(0...ceiling))
        entries[key] = Entry(term: term, published: false, people: 0, value: 0, place: "")
        order.append(key)
        return term
    }

    /// An unpublished count that only links tables.
    mutating func free() -> Term { .unknown(system.unknown(0...ceiling)) }

    /// Publishes `lower <= sum(coefficient * term) <= upper`.
    mutating func relate(_ terms: [(Term, Double)], between lower: Double, and upper: Double) {
        var known = 0.0
        var unknowns: [(unknown: Int, coefficient: Double)] = []
        for (term, coefficient) in terms {
            switch term {
            case .known(let value): known += coefficient * value
            case .unknown(let index): unknowns.append((index, coefficient))
            }
        }
        system.relate(unknowns, between: lower - known, and: upper - known)
    }

    /// `sum(parts) = total`.
    mutating func sum(_ parts: [Term], equals total: Term) {
        relate(parts.map { ($0, 1) } + [(total, -1)], between: 0, and: 0)
    }

    /// `small <= large`.
    mutating func atMost(_ small: Term, _ large: Term) {
        relate([(small, 1), (large, -1)], between: -.infinity, and: 0)
    }

    mutating func add(_ report: DescribeReport) {
        scope = report.statuses.map(\.rawValue).sorted().joined(separator: ",") + "|" + (report.weight ?? "")
        table = report.title + ": "
        for variable in report.variables { add(variable) }
        for scale in report.scales {
            let complete = cell("scale|\(scale.name)|complete", scale.complete, "scale \(scale.name): complete cases")
            for item in scale.items { atMost(complete, linked("\(item)|cases|answered")) }
        }
    }

    /// The frequency-table counts of a variable: total, answered, each reason (a reason not
    /// listed is a known zero), each category by code.
    private mutating func add(_ variable: VariableResult) {
        let name = variable.name
        let cases = variable.cases
        let total = cell("\(name)|cases|total", cases.total, "\(name): total")
        let answered = cell("\(name)|cases|answered", cases.valid, "\(name): answered")
        var parts = [answered]
        for kind in MissingKind.allCases {
            let listed = cases.missing.first { $0.kind == kind }
            parts.append(
                cell("\(name)|missing|\(kind.key)", listed?.count ?? Count(0), "\(name): \(listed?.label ?? kind.key)"))
        }
        sum(parts, equals: total)
        if let rows = variable.frequencies {
            unlistedCodes[name] = rows.filter { $0.category.label.hasSuffix("(not in the instrument)") }.map(\.category.code)
            let counts = rows.map { cell("\(name)|code|\($0.category.code)", $0.count, "\(name): \($0.category.label)") }
            sum(counts, equals: answered)
            if case .known(let valid) = answered {
                for (index, row) in rows.enumerated() {
                    guard let cumulative = row.cumulativePercent else { continue }
                    let running = cumulative * valid / 100
                    let slack = 1e-7 * max(1, running)
                    relate(counts[0...index].map { ($0, 1) }, between: running - slack, and: running + slack)
                }
            }
        }
        if let bins = variable.histogram { histogram(variable, bins, answered: answered) }
        if let multiple = variable.multiple { self.multiple(name, multiple, answered: answered) }
        if let table = variable.crossTab { crossTab(variable, table) }
        if let grouped = variable.grouped { self.grouped(variable, grouped) }
        if let grouped = variable.groupedResponse, let multiple = variable.multiple {
            groupedResponse(name, grouped, multiple)
        }
    }

    private mutating func histogram(_ variable: VariableResult, _ bins: [HistogramBin], answered: Term) {
        let name = variable.name
        let counts = bins.indices.map { index in
            // The minimum and the maximum are in the first and last bar: each holds someone.
            cell(
                "\(name)|bin|\(bins[index].lower)|\(bins[index].upper)", bins[index].count,
                "\(name): bar \(AuditSummary.number(bins[index].lower)) to \(AuditSummary.number(bins[index].upper))",
                atLeast: (index == 0 || index == bins.count - 1) && bins[index].count.weight >= 1 ? 1 : 0)
        }
        sum(counts, equals: answered)
        // A mean shown beside a hidden bar: n x mean is the sum of the bars' values.
        guard let summary = variable.summary, let mean = summary.mean, bins.contains(where: { !$0.count.isShown })
        else { return }
        var terms: [(Term, Double)] = []
        for (index, bin) in bins.enumerated() {
            if variable.kind == .integer, bin.upper - bin.lower == 1 {
                terms.append((counts[index], bin.lower))
                continue
            }
            let values = free()
            relate([(values, 1), (counts[index], -bin.lower)], between: 0, and: .infinity)
            relate([(values, 1), (counts[index], -bin.upper)], between: -.infinity, and: 0)
            terms.append((values, 1))
        }
        let total = summary.n * mean
        let slack = 1e-7 * max(1, abs(total))
        relate(terms, between: total - slack, and: total + slack)
    }

    private mutating func multiple(_ name: String, _ multiple: MultipleResponse, answered: Term) {
        let responses = cell("\(name)|selections", multiple.responses, "\(name): selections", unbounded: true)
        let base = cell("\(name)|base", multiple.base, "\(name): base")
        let options = multiple.options.map {
            cell("\(name)|option|\($0.category.code)", $0.count, "\(name): \($0.category.label)")
        }
        sum(options, equals: responses)
        atMost(base, answered)
        for option in options { atMost(option, base) }
        for specified in multiple.specified {
            let count = cell(
                "\(name)|specified|\(specified.category.code)", specified.count,
                "\(name): \(specified.category.label), please say")
            if let index = multiple.options.firstIndex(where: { $0.category.code == specified.category.code }) {
                atMost(count, options[index])
            }
        }
    }

    /// A `--by` variable's count in a column: its category, or its codes not in the instrument.
    private mutating func margin(_ by: String, _ category: Category, unlisted: [Int]) -> Term {
        guard category.code == -1, category.label == "codes not in the instrument" else {
            return linked("\(by)|code|\(category.code)")
        }
        let total = free()
        sum(unlisted.map { linked("\(by)|code|\($0)") }, equals: total)
        return total
    }

    /// The codes of the `--by` variable that its frequency table lists as not in the instrument.
    private var unlistedCodes: [String: [Int]] = [:]

    private mutating func crossTab(_ variable: VariableResult, _ table: CrossTab) {
        let name = variable.name, by = table.by
        let prefix = "\(name)|by|\(by)"
        let place = "\(name) by \(by): "
        let cells = table.rows.indices.map { row in
            table.columns.indices.map { column in
                cell(
                    "\(prefix)|cell|\(table.rows[row].code)|\(column)", table.cells[row][column],
                    place + "\(table.rows[row].label), \(table.columns[column].label)")
            }
        }
        let rowTotals = table.rows.indices.map {
            cell("\(prefix)|row|\(table.rows[$0].code)", table.rowTotals[$0], place + "row \(table.rows[$0].label)")
        }
        let columnTotals = table.columns.indices.map {
            cell("\(prefix)|column|\($0)", table.columnTotals[$0], place + "column \(table.columns[$0].label)")
        }
        let total = cell("\(prefix)|total", table.total, place + "answered both")
        let leftOut = cell("\(prefix)|left out", table.leftOut, place + "left out")
        for row in cells.indices { sum(cells[row], equals: rowTotals[row]) }
        for column in table.columns.indices { sum(cells.map { $0[column] }, equals: columnTotals[column]) }
        sum(rowTotals, equals: total)
        let variableTotal = linked("\(name)|cases|total")
        sum([total, leftOut], equals: variableTotal)
        // Each row is the variable's frequency less those in it who skipped the `--by` question;
        // each column the `--by` variable's frequency less those in it who skipped this one.
        let skippedBy = table.rows.indices.map { _ in free() }
        let skippedThis = table.columns.indices.map { _ in free() }
        let skippedBoth = free()
        for row in table.rows.indices {
            sum([rowTotals[row], skippedBy[row]], equals: linked("\(name)|code|\(table.rows[row].code)"))
        }
        for column in table.columns.indices {
            sum(
                [columnTotals[column], skippedThis[column]],
                equals: margin(by, table.columns[column], unlisted: unlistedCodes[by] ?? []))
        }
        sum(skippedBy + skippedThis + [skippedBoth], equals: leftOut)
        relate(
            (skippedBy + [skippedBoth]).map { ($0, 1) } + [(linked("\(by)|cases|total"), -1), (linked("\(by)|cases|answered"), 1)],
            between: 0, and: 0)
        relate(
            (skippedThis + [skippedBoth]).map { ($0, 1) } + [(variableTotal, -1), (linked("\(name)|cases|answered"), 1)],
            between: 0, and: 0)
    }

    private mutating func grouped(_ variable: VariableResult, _ grouped: GroupedSummary) {
        let name = variable.name, by = grouped.by
        let place = "\(name) by \(by): "
        let groups = grouped.groups.indices.map {
            cell("\(name)|groups|\(by)|\($0)", grouped.groups[$0].count, place + "n of \(grouped.groups[$0].category.label)")
        }
        let leftOut = cell("\(name)|groups|\(by)|left out", grouped.leftOut, place + "left out")
        sum(groups + [leftOut], equals: linked("\(name)|cases|answered"))
        for (index, group) in grouped.groups.enumerated() {
            atMost(groups[index], margin(by, group.category, unlisted: unlistedCodes[by] ?? []))
        }
        let skippedBy = [leftOut, free()]
        relate(
            skippedBy.map { ($0, 1) } + [(linked("\(by)|cases|total"), -1), (linked("\(by)|cases|answered"), 1)],
            between: 0, and: 0)
    }

    private mutating func groupedResponse(_ name: String, _ grouped: GroupedResponse, _ multiple: MultipleResponse) {
        let by = grouped.by
        let place = "\(name) by \(by): "
        let bases = grouped.groups.indices.map {
            cell("\(name)|mgroups|\(by)|\($0)|base", grouped.groups[$0].base, place + "base of \(grouped.groups[$0].category.label)")
        }
        let leftOut = cell("\(name)|mgroups|\(by)|left out", grouped.leftOut, place + "left out")
        sum(bases + [leftOut], equals: linked("\(name)|base"))
        relate(
            [(leftOut, 1), (free(), 1), (linked("\(by)|cases|total"), -1), (linked("\(by)|cases|answered"), 1)],
            between: 0, and: 0)
        for (index, group) in grouped.groups.enumerated() {
            atMost(bases[index], margin(by, group.category, unlisted: unlistedCodes[by] ?? []))
        }
        for (option, entry) in multiple.options.enumerated() {
            let counts = grouped.groups.indices.map { index in
                cell(
                    "\(name)|mgroups|\(by)|\(index)|\(entry.category.code)", grouped.groups[index].counts[option],
                    place + "\(entry.category.label), \(grouped.groups[index].category.label)")
            }
            for index in counts.indices { atMost(counts[index], bases[index]) }
            relate(
                counts.map { ($0, 1) } + [(linked("\(name)|option|\(entry.category.code)"), -1)], between: -.infinity,
                and: 0)
        }
    }
}
