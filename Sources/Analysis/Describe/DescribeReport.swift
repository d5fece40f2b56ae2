package import Store

/// Everything `describe` found for one variable, after small-cell suppression.
package struct VariableResult: Sendable, Equatable {
    /// The variable's name.
    package var name: String
    /// Its label.
    package var label: String
    /// How it was analysed.
    package var kind: DatasetVariable.Kind
    /// Cases with an answer and each reason for none.
    package var cases: CaseCounts
    /// Categorical: one row per option.
    package var frequencies: [FrequencyRow]?
    /// Categorical: the codes' mean, SD and median (left out when a count is suppressed, as
    /// they could reveal it).
    package var codeSummary: NumericSummary?
    /// Numeric: descriptive statistics, when they may be shown.
    package var summary: NumericSummary?
    /// Numeric: the histogram's bins.
    package var histogram: [HistogramBin]?
    /// Dates: the months they span.
    package var dates: DateRange?
    /// Multiple choice: the response table.
    package var multiple: MultipleResponse?
    /// Categorical with `--by`: the cross-tabulation.
    package var crossTab: CrossTab?
    /// Numeric with `--by`: statistics per group.
    package var grouped: GroupedSummary?
    /// Multiple choice with `--by`: % of cases per group.
    package var groupedResponse: GroupedResponse?
    /// Answers whose stored value could not be read (a damaged database).
    package var unreadable: Int
}

/// Cronbach's alpha for one `scores:` entry of the instrument.
package struct ScaleResult: Sendable, Equatable {
    /// The score's id.
    package var name: String
    /// Its label.
    package var label: String
    /// The items.
    package var items: [String]
    /// The items reversed before the analysis.
    package var reversed: [String]
    /// Listwise-complete cases.
    package var complete: Count
    /// Alpha and item statistics, when there are enough complete cases to show them.
    package var reliability: Reliability?
    /// Why there is no alpha, when there is none.
    package var note: String?
}

/// How small-cell suppression was applied to a report.
package struct SuppressionSummary: Sendable, Equatable {
    /// Counts from 1 to `minCell - 1` are hidden; 0 or 1 means suppression is off.
    package var minCell: Int
    /// Counts hidden because they are small.
    package var small: Int
    /// Other counts hidden so that a small one cannot be worked out.
    package var hidden: Int
    /// Statistics left out because they could reveal a small count.
    package var withheld: Int
    /// Histogram bars merged into a neighbour instead of being hidden.
    package var merged = 0
    /// What the audit of everything published with this report found (set after the audit).
    package var audit: AuditSummary?

    /// Whether suppression is on.
    package var isOn: Bool { minCell > 1 }

    /// A sentence saying what was done, for the top of every report. It never says how many of
    /// the hidden counts are small (that would help to tell which).
    package var explanation: String {
        guard isOn else {
            return
                "Small-cell suppression is off (--min-cell \(minCell)): counts of fewer than 10 people can identify them; do not publish these tables."
        }
        var text = "Small-cell suppression is on (--min-cell \(minCell))"
        let all = small + hidden
        if all == 0 {
            text += ": no count in these tables is from 1 to \(minCell - 1)"
        } else {
            text +=
                ": \(all) count\(all == 1 ? " is" : "s are") hidden (shown as x) so that no count of 1 to \(minCell - 1) people can be seen or worked out"
        }
        if merged > 0 {
            text += "; \(merged) histogram bar\(merged == 1 ? " was" : "s were") merged into a neighbour instead"
        }
        if withheld > 0 {
            text +=
                "; \(withheld) statistic\(withheld == 1 ? " was" : "s were") left out because \(withheld == 1 ? "it" : "they") could reveal a hidden count"
        }
        text += "."
        if let audit, all > 0, audit.unprotected == 0 {
            text +=
                " Everything published with these tables was checked together: no hidden count of 1 to \(minCell - 1) people can be narrowed to fewer than \(minCell) possible values."
        }
        return text
    }
}

/// The result of describing one table of variables: the report's data model, rendered as text,
/// Markdown, CSV, JSON or HTML.
package struct DescribeReport: Sendable, Equatable {
    /// The table's title.
    package var title: String
    /// The instrument's id.
    package var instrument: String
    /// The instrument's title.
    package var instrumentTitle: String
    /// The versions read.
    package var versions: [Int]
    /// The interview statuses read.
    package var statuses: [InterviewStatus]
    /// Interviews read.
    package var interviews: Int
    /// How many of them `simulate` made.
    package var simulated: Int
    /// The `--by` variable.
    package var by: String?
    /// The `--weight` variable.
    package var weight: String?
    /// Interviews left out for a missing, zero or negative weight.
    package var unweighted: Int
    /// How percentiles were computed.
    package var percentiles: PercentileMethod
    /// The variables.
    package var variables: [VariableResult]
    /// The scales.
    package var scales: [ScaleResult]
    /// How suppression was applied.
    package var suppression: SuppressionSummary
    /// Sentences about the data (simulated interviews, unreadable values).
    package var notes: [String]
}
