package import Instrument

/// Checks a plan against the variables of its instrument: every name exists ("did you mean"),
/// a `by:` is categorical, a weight is numeric, every score is an entry of `scores:`.
package enum PlanChecker {
    /// What the checker needs to know about a variable.
    package struct Catalogue: Sendable {
        /// The kind of each variable, by name.
        package var kinds: [String: DatasetVariable.Kind]
        /// The ids of the instrument's scores.
        package var scores: [String]
        /// The instrument's id.
        package var instrument: String

        /// The catalogue of an instrument file.
        /// - Parameter instrument: The loaded instrument.
        package init(_ instrument: Instrument) {
            let identifying = instrument.identifyingVariables
            kinds = Dictionary(
                uniqueKeysWithValues: instrument.variables.all.map {
                    ($0.id, DatasetVariables.kind($0, identifying: identifying))
                })
            scores = instrument.scores.map(\.id)
            self.instrument = instrument.id
        }

        /// The catalogue of a dataset (every version of the instrument).
        /// - Parameter dataset: The dataset.
        package init(_ dataset: Dataset) {
            kinds = Dictionary(uniqueKeysWithValues: dataset.variables.map { ($0.name, $0.kind) })
            scores = dataset.instrument.scores.map(\.id)
            instrument = dataset.name
        }
    }

    /// Every problem of a plan against a catalogue.
    /// - Parameters:
    ///   - plan: The plan.
    ///   - catalogue: The instrument's variables.
    /// - Returns: Located diagnostics (errors for unknown or unsuitable names).
    package static func check(_ plan: AnalysisPlan, against catalogue: Catalogue) -> [Diagnostic] {
        var diagnostics = DiagnosticList()
        if plan.instrument.name != catalogue.instrument {
            diagnostics.error(
                "the plan is for `\(plan.instrument.name)`, but the instrument is `\(catalogue.instrument)`",
                at: plan.instrument.location)
        }
        let names = catalogue.kinds.keys.sorted()
        func known(_ item: AnalysisPlan.Name) -> DatasetVariable.Kind? {
            if let kind = catalogue.kinds[item.name] { return kind }
            let suggestion = Suggestions.closest(to: item.name, in: names)
            diagnostics.error(
                "\(catalogue.instrument) has no variable `\(item.name)`"
                    + (suggestion.map { "; did you mean `\($0)`?" } ?? ""),
                at: item.location, suggestion: suggestion)
            return nil
        }
        func numeric(_ weight: AnalysisPlan.Name) {
            if let kind = known(weight), kind != .integer, kind != .decimal {
                diagnostics.error(
                    "a weight must be a numeric variable, but `\(weight.name)` is \(kind.description)",
                    at: weight.location)
            }
        }
        if let weight = plan.weight { numeric(weight) }
        if plan.tables.isEmpty { diagnostics.error("the plan has no tables", at: plan.instrument.location) }
        for table in plan.tables {
            for variable in table.variables { _ = known(variable) }
            for score in table.scores where !catalogue.scores.contains(score.name) {
                let suggestion = Suggestions.closest(to: score.name, in: catalogue.scores)
                let known =
                    catalogue.kinds[score.name] != nil
                    ? "`\(score.name)` is not one of the instrument's `scores:`"
                    : "\(catalogue.instrument) has no score `\(score.name)`"
                diagnostics.error(
                    known + (suggestion.map { "; did you mean `\($0)`?" } ?? ""), at: score.location,
                    suggestion: suggestion)
            }
            if let by = table.by, let kind = known(by), kind != .categorical {
                diagnostics.error(
                    "`by` needs a single-choice variable (a question, a grid item or a true/false calculation), but `\(by.name)` is \(kind.description)",
                    at: by.location)
            }
            if let weight = table.weight { numeric(weight) }
            if table.title.isEmpty { diagnostics.error("each table needs a `title`", at: table.location) }
        }
        if plan.minCell == 0 || plan.minCell == 1 {
            diagnostics.warning(
                "`min_cell: \(plan.minCell)` turns small-cell suppression off; the report must not be published",
                at: plan.minCellLocation ?? plan.instrument.location)
        }
        return diagnostics.sorted
    }
}
