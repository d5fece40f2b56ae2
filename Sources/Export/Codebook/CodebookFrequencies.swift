import Presentation
package import Analysis
import Instrument

/// A published count: its value when small-cell suppression lets it be shown, and how to print it.
package struct PublishedCount: Sendable, Equatable, Codable {
    /// The count, or `nil` when hidden.
    package var value: Double?
    /// How it is printed: the number, or `x` when hidden.
    package var display: String

    /// Takes a count as `describe` decided it.
    /// - Parameters:
    ///   - count: The count, with its visibility.
    ///   - minCell: The suppression threshold.
    package init(_ count: Count, minCell: Int) {
        switch count.visibility {
        case .shown:
            value = count.weight
            display = NumberFormat.number(count.weight, places: 2)
        case .small, .hidden:
            value = nil
            display = Visibility.hiddenMark
        }
    }

    /// Whether the count may be shown.
    package var isShown: Bool { value != nil }
}

/// A variable's frequencies and statistics in a codebook, taken from `describe`'s result after
/// small-cell suppression (never counted again): hidden counts stay hidden in every codebook.
package struct CodebookFrequencies: Sendable, Equatable, Codable {
    /// One option's count.
    package struct Row: Sendable, Equatable, Codable {
        /// The code.
        package var code: Int
        /// Its label.
        package var label: String
        /// How many chose it.
        package var count: PublishedCount
        /// Its share of those who answered (single choice) or of the base (multiple choice).
        package var percent: Double?
    }

    /// One reason for no answer.
    package struct MissingRow: Sendable, Equatable, Codable {
        /// The reason.
        package var kind: String
        /// Its label.
        package var label: String
        /// How many.
        package var count: PublishedCount
    }

    /// Statistics of numbers.
    package struct Summary: Sendable, Equatable, Codable {
        /// The number of answers.
        package var n: Double
        /// The mean.
        package var mean: Double?
        /// The standard deviation (n - 1).
        package var standardDeviation: Double?
        /// The smallest answer.
        package var minimum: Double?
        /// The median.
        package var median: Double?
        /// The largest answer.
        package var maximum: Double?
    }

    /// The interviews read.
    package var total: Int
    /// Those with an answer.
    package var answered: PublishedCount
    /// Each reason for no answer that occurs (or is hidden).
    package var missing: [MissingRow]
    /// Single choice: every option; multiple choice: how many chose each.
    package var rows: [Row]
    /// Multiple choice: the cases that chose at least one option (the percentages' base).
    package var base: PublishedCount?
    /// Numbers: statistics, when they may be shown.
    package var summary: Summary?
    /// Dates: the earliest and latest month.
    package var months: [String]?

    /// Takes one variable's result from `describe`.
    /// - Parameters:
    ///   - result: The variable's result.
    ///   - minCell: The suppression threshold of the report.
    package init(_ result: VariableResult, minCell: Int) {
        total = result.cases.total.people
        answered = PublishedCount(result.cases.valid, minCell: minCell)
        missing = result.cases.missing.map {
            MissingRow(kind: $0.kind.key, label: $0.label, count: PublishedCount($0.count, minCell: minCell))
        }
        rows = []
        if let frequencies = result.frequencies {
            rows = frequencies.map { row in
                Row(
                    code: row.category.code, label: row.category.label, count: PublishedCount(row.count, minCell: minCell),
                    percent: row.count.percent(of: result.cases.valid))
            }
        }
        if let multiple = result.multiple {
            base = PublishedCount(multiple.base, minCell: minCell)
            rows = multiple.options.map { option in
                Row(
                    code: option.category.code, label: option.category.label,
                    count: PublishedCount(option.count, minCell: minCell), percent: option.count.percent(of: multiple.base))
            }
        }
        if let summary = result.summary {
            self.summary = Summary(
                n: summary.n, mean: summary.mean, standardDeviation: summary.standardDeviation,
                minimum: summary.minimum, median: summary.median, maximum: summary.maximum)
        }
        if let dates = result.dates { months = [dates.earliest, dates.latest] }
    }
}
