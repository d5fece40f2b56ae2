import Instrument
import Store

/// Turns a table's tallies into results: statistics, then small-cell suppression of every
/// count and of statistics that could reveal a suppressed count.
struct ResultBuilder {
    let dataset: Dataset
    let plan: TablePlan
    let tally: TableTally
    /// Each tallied variable's counts per group, in the order of ``TablePlan/tallied``.
    let variableTallies: [VariableTally]
    let settings: DescribeSettings
    var small = 0
    var hidden = 0
    var withheld = 0
    /// Histogram bars merged into their neighbours.
    var merged = 0
    /// The solved one-way table of each tallied variable, by name.
    var oneWays: [String: OneWay] = [:]
    /// The values of each tallied variable (all groups together), by name.
    var distributions: [String: Distribution] = [:]

    init(dataset: Dataset, plan: TablePlan, tally: TableTally, settings: DescribeSettings) {
        self.dataset = dataset
        self.plan = plan
        self.tally = tally
        variableTallies = tally.variables
        self.settings = settings
    }

    var minCell: Int { max(0, settings.minCell) }
    var integral: Bool { plan.weight == nil }
    var language: String { dataset.instrument.defaultLanguage }

    mutating func report() -> DescribeReport {
        let tallied = plan.tallied
        let groups = variableTallies.map(\.overall)
        // Sorting the values is the slow part of the statistics: one variable per core.
        let sorted = Parallel.map(groups) { $0.values.distribution() }
        var overall: [String: GroupTally] = [:]
        for (index, variable) in tallied.enumerated() {
            let group = groups[index]
            overall[variable.name] = group
            distributions[variable.name] = sorted[index]
            let oneWay = makeOneWay(variable, group)
            oneWays[variable.name] = oneWay
            if index < plan.variables.count {
                small += oneWay.small
                hidden += oneWay.hidden
            }
        }
        var results: [VariableResult] = []
        for (index, variable) in plan.variables.enumerated() {
            results.append(result(variable, variableTallies[index], overall: overall))
        }
        let scales = plan.scales.indices.map { scale($0) }
        let instrument = dataset.instrument
        return DescribeReport(
            title: plan.title, instrument: dataset.name, instrumentTitle: instrument.title.text(in: language),
            versions: dataset.versions.map(\.registration.version),
            statuses: InterviewStatus.allCases.filter(dataset.statuses.contains),
            interviews: tally.interviews, simulated: tally.simulated, by: plan.by?.name, weight: plan.weight?.name,
            unweighted: tally.unweighted, percentiles: settings.percentiles, variables: results, scales: scales,
            suppression: SuppressionSummary(
                minCell: minCell, small: small, hidden: hidden, withheld: withheld, merged: merged),
            notes: notes(results))
    }

    /// The answered and missing counts of a variable, every missing reason in a fixed order
    /// (those nobody gave are dropped by ``OneWay`` unless it hides them), each marked
    /// structural when the instrument and the interviews read rule it out.
    func cases(_ group: GroupTally, of variable: DatasetVariable? = nil) -> CaseCounts {
        let kinds: [(MissingKind, StoredStatus)] = [
            (.refused, .refused), (.dontKnow, .dontKnow), (.notApplicable, .notApplicable),
            (.notReached, .notReached), (.notInVersion, .notInVersion),
        ]
        let impossible = variable.map { StructuralZeros.impossible(for: $0, in: dataset) } ?? []
        let missing = kinds.map { kind, status -> CaseCounts.Missing in
            let tally = group.statuses[status]
            var missing = CaseCounts.Missing(
                kind: kind, label: dataset.instrument.missing[kind].label.text(in: language), count: Count(tally))
            missing.structural = tally.people == 0 && impossible.contains(kind)
            return missing
        }
        let valid = Count(group.statuses[.answered])
        let total = missing.reduce(valid) { $0 + $1.count }
        return CaseCounts(total: total, valid: valid, missing: missing)
    }

    /// The rows of a categorical variable: every listed option, then codes the instrument does
    /// not list.
    func categoryRows(_ variable: DatasetVariable, _ distribution: Distribution) -> [(Category, Count, Bool)] {
        var byCode: [Int: Count] = [:]
        for index in distribution.values.indices {
            byCode[Int(distribution.values[index])] = Count(
                people: distribution.people[index], weight: distribution.weights[index])
        }
        var rows = variable.categories.map { ($0, byCode[$0.code] ?? Count(0), false) }
        let listed = Set(variable.categories.map(\.code))
        for code in byCode.keys.sorted() where !listed.contains(code) {
            rows.append((Category(code: code, label: "code \(code) (not in the instrument)"), byCode[code]!, true))
        }
        return rows
    }

    func makeOneWay(_ variable: DatasetVariable, _ group: GroupTally) -> OneWay {
        let cases = cases(group, of: variable)
        guard variable.kind == .categorical else {
            return OneWay(categories: [], counts: [], unlisted: [], cases: cases, minCell: minCell, integral: integral)
        }
        let rows = categoryRows(variable, distributions[variable.name] ?? group.values.distribution())
        return OneWay(
            categories: rows.map(\.0), counts: rows.map(\.1), unlisted: rows.map(\.2), cases: cases, minCell: minCell,
            integral: integral)
    }

    mutating func result(_ variable: DatasetVariable, _ variableTally: VariableTally, overall: [String: GroupTally])
        -> VariableResult
    {
        let group = overall[variable.name]!
        let oneWay = oneWays[variable.name]!
        var result = VariableResult(
            name: variable.name, label: variable.label, kind: variable.kind, cases: oneWay.cases,
            unreadable: group.unreadable)
        let distribution = distributions[variable.name] ?? group.values.distribution()
        switch variable.kind {
        case .categorical:
            result.frequencies = oneWay.categories.indices.map {
                FrequencyRow(
                    category: oneWay.categories[$0], count: oneWay.counts[$0], cumulativePercent: oneWay.cumulative[$0])
            }
            if oneWay.cases.valid.isShown, !oneWay.hidesCategories {
                result.codeSummary = NumericSummary(distribution, method: settings.percentiles)
            } else if oneWay.cases.valid.weight > 0 {
                withheld += 1
            }
        case .integer, .decimal:
            if oneWay.cases.valid.isShown {
                let bins = histogram(distribution, valid: oneWay.cases.valid)
                result.histogram = bins
                // With a hidden bar, the mean and every other statistic would be further equations
                // in the hidden counts (the mean and the shown bars gave them away exactly).
                if bins.allSatisfy(\.count.isShown) {
                    result.summary = NumericSummary(distribution, method: settings.percentiles)
                } else {
                    withheld += 1
                }
            } else if oneWay.cases.valid.weight > 0 {
                withheld += 1
            }
        case .date:
            if oneWay.cases.valid.isShown, let low = distribution.minimum, let high = distribution.maximum,
                let median = distribution.percentile(0.5, method: .spss)
            {
                func month(_ ordinal: Double) -> String { String(Day(ordinal: Int(ordinal)).description.prefix(7)) }
                result.dates = DateRange(
                    earliest: month(low), latest: month(high), median: month(median.rounded(.down)))
            }
        case .multiple:
            result.multiple = multipleResponse(variable, group, cases: oneWay.cases)
        case .text, .identifying:
            break
        }
        if let by = plan.by, by.name != variable.name, let grouping = tally.grouping {
            switch variable.kind {
            case .categorical: result.crossTab = crossTab(variable, by: by, grouping: grouping, variableTally)
            case .integer, .decimal: result.grouped = grouped(variable, by: by, grouping: grouping, variableTally)
            case .multiple:
                if let multiple = result.multiple {
                    result.groupedResponse = groupedResponse(
                        multiple, cases: oneWay.cases, by: by, grouping: grouping, variableTally)
                }
            default: break
            }
        }
        return result
    }

    /// Histogram bins, small ones merged into their neighbours, then suppressed like a frequency
    /// table whose total is the number answered (the first and last bar are known to hold
    /// someone: the minimum and the maximum).
    mutating func histogram(_ distribution: Distribution, valid: Count) -> [HistogramBin] {
        let (bins, merged) = Binning.merged(Binning.bins(distribution), minCell: minCell)
        self.merged += merged
        var problem = SuppressionProblem(minCell: minCell, integral: integral)
        let cells = bins.indices.map { index in
            problem.add(
                Count(people: bins[index].people, weight: bins[index].weight), role: .candidate,
                atLeast: index == 0 || index == bins.count - 1 ? min(1, bins[index].weight) : 0)
        }
        let total = problem.add(valid, role: .fixed)
        problem.sum(cells, equals: total)
        problem.solve()
        let counts = problem.hiddenCounts
        small += counts.small
        hidden += counts.hidden
        return bins.indices.map { index in
            HistogramBin(
                lower: bins[index].lower, upper: bins[index].upper,
                count: problem.decided(Count(people: bins[index].people, weight: bins[index].weight), cells[index]))
        }
    }

    func notes(_ results: [VariableResult]) -> [String] {
        var notes: [String] = []
        let read = tally.interviews
        if tally.simulated == read, read > 0 {
            notes.append("All \(read) interviews were made by `peersurvey simulate`: these are not real answers.")
        } else if tally.simulated > 0 {
            notes.append(
                "\(tally.simulated) of the \(read) interviews were made by `peersurvey simulate`: these are not real answers."
            )
        }
        if tally.unweighted > 0, let weight = plan.weight {
            notes.append(
                "\(tally.unweighted) interviews are left out because their weight (\(weight.name)) is missing, zero or negative."
            )
        }
        if dataset.versions.count > 1 {
            let versions = dataset.versions.map { String($0.registration.version) }.joined(separator: ", ")
            notes.append(
                "The interviews used versions \(versions) of the instrument; a variable that a version did not have counts as \"not in version\" there."
            )
        }
        let unreadable = results.filter { $0.unreadable > 0 }
        if !unreadable.isEmpty {
            notes.append(
                "Some stored answers of \(unreadable.map(\.name).joined(separator: ", ")) could not be read and are left out; run `peersurvey verify`."
            )
        }
        return notes
    }
}
