public import Analysis
import Instrument

/// A published count: its value when small-cell suppression lets it be shown, and how to print it.
public struct PublishedCount: Sendable, Equatable, Codable {
    /// The count, or `nil` when hidden.
    public var value: Double?
    /// How it is printed: the number, `<10` for a small count, `x` for one hidden to protect a small one.
    public var display: String

    /// Takes a count as `describe` decided it.
    /// - Parameters:
    ///   - count: The count, with its visibility.
    ///   - minCell: The suppression threshold.
    public init(_ count: Count, minCell: Int) {
        switch count.visibility {
        case .shown:
            value = count.weight
            display = PlainWords.number(count.weight)
        case .small:
            value = nil
            display = "<\(minCell)"
        case .hidden:
            value = nil
            display = "x"
        }
    }

    /// Whether the count may be shown.
    public var isShown: Bool { value != nil }
}

/// A variable's frequencies and statistics in a codebook, taken from `describe`'s result after
/// small-cell suppression (never counted again): hidden counts stay hidden in every codebook.
public struct CodebookFrequencies: Sendable, Equatable, Codable {
    /// One option's count.
    public struct Row: Sendable, Equatable, Codable {
        /// The code.
        public var code: Int
        /// Its label.
        public var label: String
        /// How many chose it.
        public var count: PublishedCount
        /// Its share of those who answered (single choice) or of the base (multiple choice).
        public var percent: Double?
    }

    /// One reason for no answer.
    public struct MissingRow: Sendable, Equatable, Codable {
        /// The reason.
        public var kind: String
        /// Its label.
        public var label: String
        /// How many.
        public var count: PublishedCount
    }

    /// Statistics of numbers.
    public struct Summary: Sendable, Equatable, Codable {
        /// The number of answers.
        public var n: Double
        /// The mean.
        public var mean: Double?
        /// The standard deviation (n - 1).
        public var standardDeviation: Double?
        /// The smallest answer.
        public var minimum: Double?
        /// The median.
        public var median: Double?
        /// The largest answer.
        public var maximum: Double?
    }

    /// The interviews read.
    public var total: Int
    /// Those with an answer.
    public var answered: PublishedCount
    /// Each reason for no answer that occurs (or is hidden).
    public var missing: [MissingRow]
    /// Single choice: every option; multiple choice: how many chose each.
    public var rows: [Row]
    /// Multiple choice: the cases that chose at least one option (the percentages' base).
    public var base: PublishedCount?
    /// Numbers: statistics, when they may be shown.
    public var summary: Summary?
    /// Dates: the earliest and latest month.
    public var months: [String]?

    /// Takes one variable's result from `describe`.
    /// - Parameters:
    ///   - result: The variable's result.
    ///   - minCell: The suppression threshold of the report.
    public init(_ result: VariableResult, minCell: Int) {
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
