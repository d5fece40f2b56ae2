import Analysis
import Foundation
import Store

/// How `describe` and `analyse` write their tables.
package enum DescribeFormat: String, Sendable, CaseIterable {
    /// Aligned text for a terminal.
    case text
    /// Markdown tables.
    case markdown
    /// Long-format CSV.
    case csv
    /// JSON.
    case json
    /// A self-contained HTML page with charts.
    case html

    var report: ReportFormat { ReportFormat(rawValue: rawValue)! }
}

/// How percentiles are interpolated.
package enum PercentileChoice: String, Sendable, CaseIterable {
    /// R type 7 (pandas, numpy, PSPP's default).
    case type7
    /// SPSS's HAVERAGE (R type 6).
    case spss

    var method: PercentileMethod { self == .type7 ? .type7 : .spss }
}

/// `peersurvey describe --db study.sqlite [VARIABLE...]`: descriptive statistics.
package enum DescribeCommand {
    /// What to describe and how to print it.
    package struct Options: Sendable {
        /// The study database.
        package var databasePath: String
        /// The instrument's id, when the database holds several.
        package var instrument: String?
        /// The variables; every variable when empty.
        package var variables: [String] = []
        /// A categorical variable to cross-tabulate by.
        package var by: String?
        /// A numeric variable of frequency weights.
        package var weight: String?
        /// Percentile interpolation.
        package var percentiles: PercentileChoice = .type7
        /// Counts from 1 to `minCell - 1` are suppressed; 0 turns suppression off.
        package var minCell = 10
        /// Also read suspended interviews.
        package var includeSuspended = false
        /// Also read broken-off interviews.
        package var includeBrokenOff = false
        /// The format.
        package var format: DescribeFormat = .text
        /// A file to write instead of standard output.
        package var outputPath: String?
        /// Print only the disclosure audit (for the custodian) and write no tables.
        package var audit = false

        /// Options for a database, with the defaults.
        package init(databasePath: String) { self.databasePath = databasePath }
    }

    /// Describes a dataset.
    /// - Parameter options: What and how.
    /// - Returns: The tables; exit 64 for an unknown or unsuitable variable or instrument, 65 for
    ///   a stored instrument that does not load, 66 when the database is missing, 74 for I/O.
    package static func run(_ options: Options) -> CommandOutput {
        var statuses: Set<InterviewStatus> = [.completed]
        if options.includeSuspended { statuses.insert(.suspended) }
        if options.includeBrokenOff { statuses.insert(.brokenOff) }
        let reports: [DescribeReport]
        do {
            let database = try StudyDatabase.open(at: options.databasePath, readOnly: true)
            let dataset = try Dataset.open(database, instrument: options.instrument, statuses: statuses)
            let request = DescribeRequest(variables: options.variables, by: options.by, weight: options.weight)
            let settings = DescribeSettings(percentiles: options.percentiles.method, minCell: options.minCell)
            reports = [try Describer.describe(dataset, request, settings: settings)]
        } catch let error as AnalysisError {
            return .failure(analysis: error)
        } catch {
            return .failure(error)
        }
        var out = CommandOutput()
        if options.minCell <= 1 { out.stderr = suppressionOffWarning }
        if let audit = reports.first?.suppression.audit {
            if options.audit { return CommandOutput(stdout: audit.listing, stderr: out.stderr) }
            out.stderr += audit.line + "\n"
        }
        let text = ReportRenderer.render(reports, format: options.format.report)
        guard let path = options.outputPath else {
            out.stdout = text
            return out
        }
        if let failure = write(text, to: path) { return failure }
        out.stdout = "Wrote \(path).\n"
        return out
    }

    /// The warning printed whenever suppression is turned off.
    static let suppressionOffWarning =
        "warning: small-cell suppression is off (--min-cell 0): counts of fewer than 10 people can identify them; do not publish these tables\n"

    /// Writes a file atomically; returns the failure to report, if any.
    static func write(_ text: String, to path: String) -> CommandOutput? {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            return nil
        } catch {
            return CommandOutput(
                stderr: "error: \(path) could not be written; check that its folder exists and is writable\n",
                status: .ioError)
        }
    }
}

extension CommandOutput {
    /// The output for a failed analysis: usage mistakes exit 64, problems in the data 65.
    static func failure(analysis error: AnalysisError) -> CommandOutput {
        if case .store(let storeError) = error { return .failure(storeError) }
        return CommandOutput(stderr: "error: \(error.description)\n", status: error.isUsageError ? .usage : .dataError)
    }
}
