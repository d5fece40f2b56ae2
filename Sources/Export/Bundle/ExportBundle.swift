package import Analysis
package import Foundation
package import Instrument
import Store

/// Everything an export knows, handed to every ``ExportFormat``: the layout, the instrument, the
/// dataset when there is a database, statistics computed once and shared, and the report.
package struct ExportBundle: Sendable {
    /// The columns.
    package var layout: ExportLayout
    /// The instrument (the newest version when there are several).
    package var instrument: Instrument
    /// The study's data; `nil` for a codebook made from the instrument alone.
    package var dataset: Dataset?
    /// What the export read, dropped, masked and wrote.
    package var report: ExportReport
    /// The coded CSV's file name, which the syntax files read.
    package var csvFileName: String
    /// The CSV the SPSS syntax reads: the coded CSV, or, when exported free text holds line
    /// breaks (which SPSS's and PSPP's `GET DATA` cannot read inside a quoted field), a copy in
    /// which each line break in text is a space (``CSVFormat/spssFileName(_:)``).
    package var spssCSVFileName: String
    /// The pseudonym key and masking: how rows are de-identified.
    package var deidentifier: Deidentifier
    /// The date stamped inside `.sav` and `.dta` files: fixed per study (its creation), so that
    /// two exports are byte-identical.
    package var fileDate = Date(timeIntervalSince1970: 0)
    private let cache: StatisticsCache

    /// Creates a bundle.
    /// - Parameters:
    ///   - layout: The columns.
    ///   - instrument: The instrument.
    ///   - dataset: The dataset, if there is a database.
    ///   - report: The report so far (interview counts).
    ///   - deidentifier: How participant codes and free text are treated.
    ///   - minCell: The small-cell suppression threshold of the shared statistics.
    package init(
        layout: ExportLayout, instrument: Instrument, dataset: Dataset?, report: ExportReport,
        deidentifier: Deidentifier, minCell: Int = 10
    ) {
        self.layout = layout
        self.instrument = instrument
        self.dataset = dataset
        self.report = report
        self.deidentifier = deidentifier
        self.csvFileName = "\(layout.instrument).csv"
        self.spssCSVFileName = csvFileName
        self.cache = StatisticsCache(minCell: minCell)
    }

    /// Frequencies and summary statistics of every exported variable (with small-cell
    /// suppression), computed on first use and shared by every format; `nil` without a dataset.
    /// - Throws: ``ExportError/analysis(_:)`` when the database cannot be read.
    package func statistics() throws -> DescribeReport? {
        guard let dataset else { return nil }
        return try cache.value(dataset: dataset, variables: layout.exportedVariables(in: dataset))
    }
}

extension ExportLayout {
    /// The instrument variables that have columns, in column order, that the dataset has.
    func exportedVariables(in dataset: Dataset) -> [String] {
        var seen = Set<String>()
        return columns.compactMap(\.variableID).filter { seen.insert($0).inserted && dataset.variable($0) != nil }
    }
}

/// Statistics computed once under a lock.
final class StatisticsCache: @unchecked Sendable {
    private let lock = NSLock()
    private var report: DescribeReport?
    private let minCell: Int

    init(minCell: Int) { self.minCell = minCell }

    func value(dataset: Dataset, variables: [String]) throws -> DescribeReport {
        try lock.withLock {
            if let report { return report }
            do throws(AnalysisError) {
                // One scope for every table of a release: the completed interviews, as `describe`
                // counts them, whatever rows the coded datasets hold (an export also writes broken-off
                // and suspended interviews, whose answers the difference of two scopes would reveal).
                let completed =
                    dataset.statuses == [.completed]
                    ? dataset : try Dataset.open(dataset.database, instrument: dataset.name, statuses: [.completed])
                let made = try Describer.describe(
                    completed, DescribeRequest(title: "Frequencies", variables: variables, scores: []),
                    settings: DescribeSettings(minCell: minCell))
                report = made
                return made
            } catch {
                throw ExportError.analysis(error)
            }
        }
    }
}
