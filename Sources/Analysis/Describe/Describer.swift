import Instrument
import Store

/// What one table of a report asks for.
package struct DescribeRequest: Sendable, Equatable {
    /// The table's title; the instrument's title when absent.
    package var title: String?
    /// The variables to describe, in order; every variable when empty.
    package var variables: [String]
    /// The `scores:` entries to give Cronbach's alpha for; when `nil`, every score if
    /// `variables` is empty, else the scores among `variables`.
    package var scores: [String]?
    /// A categorical variable to cross-tabulate by.
    package var by: String?
    /// A numeric variable holding frequency weights.
    package var weight: String?

    /// Creates a request.
    package init(
        title: String? = nil, variables: [String] = [], scores: [String]? = nil, by: String? = nil,
        weight: String? = nil
    ) {
        self.title = title
        self.variables = variables
        self.scores = scores
        self.by = by
        self.weight = weight
    }
}

/// Settings shared by every table of a report.
package struct DescribeSettings: Sendable, Equatable {
    /// How percentiles are interpolated.
    package var percentiles: PercentileMethod
    /// Counts from 1 to `minCell - 1` are suppressed; 0 (or 1) turns suppression off.
    package var minCell: Int

    /// Creates settings.
    package init(percentiles: PercentileMethod = .type7, minCell: Int = 10) {
        self.percentiles = percentiles
        self.minCell = minCell
    }
}

/// Descriptive statistics of a dataset: one scan for every table asked for, then statistics
/// and small-cell suppression per table.
package enum Describer {
    /// Describes one table.
    /// - Parameters:
    ///   - dataset: The dataset.
    ///   - request: What to describe.
    ///   - settings: Percentiles and suppression.
    /// - Returns: The report.
    /// - Throws: ``AnalysisError`` for an unknown or unsuitable variable, or a database failure.
    package static func describe(
        _ dataset: Dataset, _ request: DescribeRequest = DescribeRequest(),
        settings: DescribeSettings = DescribeSettings()
    ) throws(AnalysisError) -> DescribeReport {
        try describe(dataset, [request], settings: settings)[0]
    }

    /// Describes several tables in one pass over the database.
    /// - Parameters:
    ///   - dataset: The dataset.
    ///   - requests: The tables.
    ///   - settings: Percentiles and suppression.
    /// - Returns: One report per request.
    /// - Throws: ``AnalysisError`` for an unknown or unsuitable variable, or a database failure.
    package static func describe(
        _ dataset: Dataset, _ requests: [DescribeRequest], settings: DescribeSettings
    ) throws(AnalysisError) -> [DescribeReport] {
        var columns = Columns()
        var plans: [TablePlan] = []
        for request in requests { plans.append(try TablePlan(request, dataset: dataset, columns: &columns)) }
        let template = ReportTally(tables: plans.map { $0.emptyTally(columns) })
        let tally = try dataset.scan(columns.variables) { template }
        var reports = plans.indices.map { index in
            var builder = ResultBuilder(
                dataset: dataset, plan: plans[index], tally: tally.tables[index], settings: settings)
            return builder.report()
        }
        // Everything the tables publish together, checked as an attacker would read it.
        let audit = AuditFallback.enforce(&reports)
        for index in reports.indices { reports[index].suppression.audit = audit }
        return reports
    }
}

/// The variables one scan reads, each once.
struct Columns {
    private(set) var variables: [DatasetVariable] = []
    private var slots: [String: Int] = [:]

    mutating func slot(_ variable: DatasetVariable) -> Int {
        if let slot = slots[variable.name] { return slot }
        slots[variable.name] = variables.count
        variables.append(variable)
        return variables.count - 1
    }

    func slot(of name: String) -> Int { slots[name]! }
}

/// A request resolved against the dataset: the variables, the grouping, the weight and the
/// scales, each checked.
struct TablePlan: Sendable {
    struct Scale: Sendable {
        var score: Score
        var label: String
        var reflections: [Double?]
        var unreversible: [String]
        /// Items that are not numbers or choices (alpha cannot be computed with them).
        var unusable: [String]
    }

    var title: String
    var variables: [DatasetVariable]
    /// Variables tallied but not described: the `--by` variable (unless described) and the
    /// "please say" texts of described multiple-choice variables.
    var extras: [DatasetVariable] = []
    var by: DatasetVariable?
    var weight: DatasetVariable?
    var scales: [Scale]

    init(_ request: DescribeRequest, dataset: Dataset, columns: inout Columns) throws(AnalysisError) {
        let instrument = dataset.instrument
        title = request.title ?? instrument.title.text(in: instrument.defaultLanguage)
        if request.variables.isEmpty {
            variables = dataset.variables
        } else {
            var seen = Set<String>()
            variables = []
            for name in request.variables where seen.insert(name).inserted {
                variables.append(try dataset.require(name))
            }
        }
        if let name = request.by {
            let by = try dataset.require(name, option: "--by")
            guard by.kind == .categorical else {
                throw .unsuitableVariable(
                    name, option: "--by",
                    needs: "a single-choice variable (a question, a grid item or a true/false calculation)",
                    found: Self.describe(by))
            }
            self.by = by
        }
        if let name = request.weight {
            let weight = try dataset.require(name, option: "--weight")
            guard weight.kind.isNumeric else {
                throw .unsuitableVariable(
                    name, option: "--weight", needs: "a numeric variable", found: Self.describe(weight))
            }
            self.weight = weight
        }
        let chosen = Set(variables.map(\.name))
        let scores: [Score]
        if let names = request.scores {
            scores = try names.map { name throws(AnalysisError) in
                guard let score = instrument.scores.first(where: { $0.id == name }) else {
                    if dataset.variable(name) != nil {
                        throw .unsuitableVariable(
                            name, option: "scores", needs: "an entry of the instrument's `scores:`",
                            found: "not a score")
                    }
                    throw .unknownVariable(
                        name, instrument: dataset.name, option: "scores",
                        suggestion: Suggestions.closest(to: name, in: instrument.scores.map(\.id)))
                }
                return score
            }
        } else {
            scores = instrument.scores.filter { request.variables.isEmpty || chosen.contains($0.id) }
        }
        scales = scores.map { score in
            var unreversible: [String] = []
            let reflections = score.items.map { item -> Double? in
                guard score.reverse.contains(item) else { return nil }
                guard let bounds = instrument.numericBounds(of: item) else {
                    unreversible.append(item)
                    return nil
                }
                return bounds.lowerBound + bounds.upperBound
            }
            let label = score.label?.text(in: instrument.defaultLanguage) ?? score.id
            let unusable = score.items.filter { item in
                guard let kind = dataset.variable(item)?.kind else { return true }
                return !(kind == .categorical || kind.isNumeric)
            }
            return Scale(
                score: score, label: label, reflections: reflections, unreversible: unreversible, unusable: unusable)
        }
        if let by, !chosen.contains(by.name) { extras.append(by) }
        for variable in variables where variable.kind == .multiple {
            for specify in dataset.variables where !chosen.contains(specify.name) {
                if case .specify(let question, _) = specify.origin, question == variable.name { extras.append(specify) }
            }
        }
        for variable in variables + extras { _ = columns.slot(variable) }
        if let weight { _ = columns.slot(weight) }
        for scale in scales {
            for item in scale.score.items where scale.unusable.isEmpty {
                if let variable = dataset.variable(item) { _ = columns.slot(variable) }
            }
        }
    }

    /// The variables tallied: those described, then the extras.
    var tallied: [DatasetVariable] { variables + extras }

    func emptyTally(_ columns: Columns) -> TableTally {
        let grouping = by.map { Grouping(slot: columns.slot(of: $0.name), categories: $0.categories) }
        return TableTally(
            variables: tallied.map { (columns.slot(of: $0.name), $0) },
            scales: scales.map { scale in
                // A scale with an unusable item tallies nothing (its result says why).
                ScaleTally(
                    slots: scale.unusable.isEmpty ? scale.score.items.map { columns.slot(of: $0) } : [],
                    reflections: scale.reflections)
            },
            grouping: grouping, weightSlot: weight.map { columns.slot(of: $0.name) })
    }

    static func describe(_ variable: DatasetVariable) -> String {
        switch variable.kind {
        case .integer, .decimal, .text, .date: return "a \(variable.kind.description) variable"
        case .multiple: return "a multiple-choice variable"
        case .categorical: return "a single-choice variable"
        case .identifying: return "an identifying variable (its answers are sealed)"
        }
    }
}
