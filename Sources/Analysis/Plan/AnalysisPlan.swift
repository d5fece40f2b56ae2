public import Instrument
public import Store

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
public struct AnalysisPlan: Sendable {
    /// A name given in the plan, with where it is written.
    public struct Name: Sendable, Hashable {
        /// The name.
        public var name: String
        /// Where it is written.
        public var location: SourceLocation
    }

    /// One table of the report.
    public struct Table: Sendable {
        /// Its title.
        public var title: String
        /// The variables it describes (every variable when empty and there are no scores).
        public var variables: [Name]
        /// Scores whose alpha it gives (their distributions are described too).
        public var scores: [Name]
        /// A categorical variable to cross-tabulate by.
        public var by: Name?
        /// A frequency weight for this table (overrides the plan's).
        public var weight: Name?
        /// Where the table starts.
        public var location: SourceLocation
    }

    /// The plan's id; the report files are named after it.
    public var id: String
    /// The instrument it describes.
    public var instrument: Name
    /// The instrument's YAML file, relative to the plan, for `peersurvey check`.
    public var instrumentFile: Name?
    /// The report's title.
    public var title: String
    /// The interview statuses read (completed by default).
    public var statuses: Set<InterviewStatus>
    /// Small-cell suppression threshold (10 by default; 0 turns it off).
    public var minCell: Int
    /// Where `min_cell` is written, if it is.
    public var minCellLocation: SourceLocation?
    /// Percentile interpolation.
    public var percentiles: PercentileMethod
    /// A frequency weight for every table.
    public var weight: Name?
    /// The formats written (HTML by default).
    public var formats: [ReportFormat]
    /// The tables, in order.
    public var tables: [Table]

    /// The requests that produce the plan's tables.
    public var requests: [DescribeRequest] {
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
    public var settings: DescribeSettings { DescribeSettings(percentiles: percentiles, minCell: minCell) }
}
