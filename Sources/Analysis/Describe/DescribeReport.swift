public import Store

/// Everything `describe` found for one variable, after small-cell suppression.
public struct VariableResult: Sendable, Equatable {
    /// The variable's name.
    public var name: String
    /// Its label.
    public var label: String
    /// How it was analysed.
    public var kind: DatasetVariable.Kind
    /// Cases with an answer and each reason for none.
    public var cases: CaseCounts
    /// Categorical: one row per option.
    public var frequencies: [FrequencyRow]?
    /// Categorical: the codes' mean, SD and median (left out when a count is suppressed, as
    /// they could reveal it).
    public var codeSummary: NumericSummary?
    /// Numeric: descriptive statistics, when they may be shown.
    public var summary: NumericSummary?
    /// Numeric: the histogram's bins.
    public var histogram: [HistogramBin]?
    /// Dates: the months they span.
    public var dates: DateRange?
    /// Multiple choice: the response table.
    public var multiple: MultipleResponse?
    /// Categorical with `--by`: the cross-tabulation.
    public var crossTab: CrossTab?
    /// Numeric with `--by`: statistics per group.
    public var grouped: GroupedSummary?
    /// Multiple choice with `--by`: % of cases per group.
    public var groupedResponse: GroupedResponse?
    /// Answers whose stored value could not be read (a damaged database).
    public var unreadable: Int
}

/// Cronbach's alpha for one `scores:` entry of the instrument.
public struct ScaleResult: Sendable, Equatable {
    /// The score's id.
    public var name: String
    /// Its label.
    public var label: String
    /// The items.
    public var items: [String]
    /// The items reversed before the analysis.
    public var reversed: [String]
    /// Listwise-complete cases.
    public var complete: Count
    /// Alpha and item statistics, when there are enough complete cases to show them.
    public var reliability: Reliability?
    /// Why there is no alpha, when there is none.
    public var note: String?
}

/// How small-cell suppression was applied to a report.
public struct SuppressionSummary: Sendable, Equatable {
    /// Counts from 1 to `minCell - 1` are hidden; 0 or 1 means suppression is off.
    public var minCell: Int
    /// Counts hidden because they are small (shown as `<minCell`).
    public var small: Int
    /// Other counts hidden so that a small one cannot be worked out (shown as `x`).
    public var hidden: Int
    /// Statistics left out because they could reveal a small count.
    public var withheld: Int

    /// Whether suppression is on.
    public var isOn: Bool { minCell > 1 }

    /// A sentence saying what was done, for the top of every report.
    public var explanation: String {
        guard isOn else {
            return
                "Small-cell suppression is off (--min-cell \(minCell)): counts of fewer than 10 people can identify them; do not publish these tables."
        }
        var text = "Small-cell suppression is on: counts from 1 to \(minCell - 1) are shown as <\(minCell)"
        if small == 0 {
            return text + "; no count in these tables is that small."
        }
        text += " (\(small) in these tables)"
        if hidden > 0 {
            text +=
                ", and \(hidden) other count\(hidden == 1 ? " is" : "s are") shown as x so that the small ones cannot be worked out from totals, other cells or percentages"
        }
        if withheld > 0 {
            text +=
                "; \(withheld) statistic\(withheld == 1 ? " was" : "s were") left out because \(withheld == 1 ? "it" : "they") could reveal a small count"
        }
        return text + "."
    }
}

/// The result of describing one table of variables: the report's data model, rendered as text,
/// Markdown, CSV, JSON or HTML.
public struct DescribeReport: Sendable, Equatable {
    /// The table's title.
    public var title: String
    /// The instrument's id.
    public var instrument: String
    /// The instrument's title.
    public var instrumentTitle: String
    /// The versions read.
    public var versions: [Int]
    /// The interview statuses read.
    public var statuses: [InterviewStatus]
    /// Interviews read.
    public var interviews: Int
    /// How many of them `simulate` made.
    public var simulated: Int
    /// The `--by` variable.
    public var by: String?
    /// The `--weight` variable.
    public var weight: String?
    /// Interviews left out for a missing, zero or negative weight.
    public var unweighted: Int
    /// How percentiles were computed.
    public var percentiles: PercentileMethod
    /// The variables.
    public var variables: [VariableResult]
    /// The scales.
    public var scales: [ScaleResult]
    /// How suppression was applied.
    public var suppression: SuppressionSummary
    /// Sentences about the data (simulated interviews, unreadable values).
    public var notes: [String]
}
