package import Instrument
package import Store

/// An analysis plan (`analysis/*.yaml`): which tables a study publishes, and how.
///
/// ```yaml
/// plan: warmline-main
/// instrument: warmline-follow-up
/// instrument_file: ../instruments/warmline-follow-up.yaml
/// title: "Warmline follow-up: main findings"
/// formats: [html, markdown]
/// tables:
///   - title: How helpful the call was, by gender
///     variables: [call_helpful, feel_after]
///     by: gender
/// ```
package struct AnalysisPlan: Sendable {
    /// A name given in the plan, with where it is written.
    package struct Name: Sendable, Hashable {
        /// The name.
        package var name: String
        /// Where it is written.
        package var location: SourceLocation
    }

    /// One table of the report.
    package struct Table: Sendable {
        /// Its title.
        package var title: String
        /// The variables it describes (every variable when empty and there are no scores).
        package var variables: [Name]
        /// Scores whose alpha it gives (their distributions are described too).
        package var scores: [Name]
        /// A categorical variable to cross-tabulate by.
        package var by: Name?
        /// A frequency weight for this table (overrides the plan's).
        package var weight: Name?
        /// Where the table starts.
        package var location: SourceLocation
    }

    /// The plan's id; the report files are named after it.
    package var id: String
    /// The instrument it describes.
    package var instrument: Name
    /// The instrument's YAML file, relative to the plan, for `peersurvey check`.
    package var instrumentFile: Name?
    /// The report's title.
    package var title: String
    /// The interview statuses read (completed by default).
    package var statuses: Set<InterviewStatus>
    /// Small-cell suppression threshold (10 by default; 0 turns it off).
    package var minCell: Int
    /// Where `min_cell` is written, if it is.
    package var minCellLocation: SourceLocation?
    /// Percentile interpolation.
    package var percentiles: PercentileMethod
    /// A frequency weight for every table.
    package var weight: Name?
    /// The formats written (HTML by default).
    package var formats: [ReportFormat]
    /// The tables, in order.
    package var tables: [Table]

    /// The requests that produce the plan's tables.
    package var requests: [DescribeRequest] {
        tables.map { table in
            let scores = table.scores.map(\.name)
            let variables =
                table.variables.map(\.name) + scores.filter { name in !table.variables.contains { $0.name == name } }
            return DescribeRequest(
                title: table.title, variables: variables, scores: scores.isEmpty ? nil : scores, by: table.by?.name,
                weight: (table.weight ?? weight)?.name)
        }
    }

    /// The settings of the plan's tables.
    package var settings: DescribeSettings { DescribeSettings(percentiles: percentiles, minCell: minCell) }
}
