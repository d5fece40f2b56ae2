public import Instrument

/// How many cases a variable has: all of them, those with an answer, and each reason for none.
public struct CaseCounts: Sendable, Equatable {
    /// One reason for no answer.
    public struct Missing: Sendable, Equatable {
        /// The reason.
        public var kind: MissingKind
        /// Its label in the instrument (`Prefer not to say`).
        public var label: String
        /// How many.
        public var count: Count
    }

    /// Every case in the table (after leaving out cases without a valid weight).
    public var total: Count
    /// Cases with an answer.
    public var valid: Count
    /// Cases with each reason for no answer that occurs, in a fixed order.
    public var missing: [Missing]

    /// All missing cases together.
    public var missingTotal: Count { missing.reduce(Count(0)) { $0 + $1.count } }
}

/// One row of a frequency table.
public struct FrequencyRow: Sendable, Equatable {
    /// The option (an unlisted code gets the label "code N (not in the instrument)").
    public var category: Category
    /// How many chose it.
    public var count: Count
    /// The cumulative valid percent up to and including this row, when it may be shown.
    public var cumulativePercent: Double?
}

/// Descriptive statistics of a numeric variable (or of the codes of a categorical one).
public struct NumericSummary: Sendable, Equatable {
    /// The sum of weights (the number of answers, unweighted).
    public var n: Double
    /// The mean.
    public var mean: Double?
    /// The standard deviation (n - 1).
    public var standardDeviation: Double?
    /// The variance (n - 1).
    public var variance: Double?
    /// The standard error of the mean.
    public var standardError: Double?
    /// The smallest value.
    public var minimum: Double?
    /// The largest value.
    public var maximum: Double?
    /// The most frequent value (the smallest if tied).
    public var mode: Double?
    /// Percentiles by proportion (0.1, 0.25, 0.5, 0.75, 0.9).
    public var percentiles: [Double: Double]
    /// Skewness (G1) and its standard error.
    public var skewness: Double?
    /// The standard error of skewness.
    public var skewnessError: Double?
    /// Excess kurtosis (G2).
    public var kurtosis: Double?
    /// The standard error of kurtosis.
    public var kurtosisError: Double?

    /// The proportions every summary reports.
    public static let proportions = [0.1, 0.25, 0.5, 0.75, 0.9]

    /// Summarises a distribution.
    /// - Parameters:
    ///   - distribution: The values.
    ///   - method: How percentiles are interpolated.
    public init(_ distribution: Distribution, method: PercentileMethod) {
        n = distribution.n
        mean = distribution.mean
        variance = distribution.variance
        standardDeviation = distribution.standardDeviation
        standardError = distribution.standardError
        minimum = distribution.minimum
        maximum = distribution.maximum
        mode = distribution.mode
        var percentiles: [Double: Double] = [:]
        for p in Self.proportions { percentiles[p] = distribution.percentile(p, method: method) }
        self.percentiles = percentiles
        skewness = distribution.skewness
        skewnessError = distribution.skewnessError
        kurtosis = distribution.kurtosis
        kurtosisError = distribution.kurtosisError
    }

    /// The median.
    public var median: Double? { percentiles[0.5] }
}

/// One bar of a histogram: values from `lower` up to (not including) `upper`; the last bar
/// includes its upper edge.
public struct HistogramBin: Sendable, Equatable {
    /// The lower edge.
    public var lower: Double
    /// The upper edge.
    public var upper: Double
    /// How many values fall in it.
    public var count: Count
}

/// The earliest and latest month of a date variable (whole days are not shown: a single date
/// can identify a person).
public struct DateRange: Sendable, Equatable {
    /// `YYYY-MM` of the earliest date.
    public var earliest: String
    /// `YYYY-MM` of the latest date.
    public var latest: String
    /// `YYYY-MM` of the median date.
    public var median: String
}

/// A multiple-choice variable: each option's count, as a share of all selections and of the
/// cases that chose at least one (the base).
public struct MultipleResponse: Sendable, Equatable {
    /// One option.
    public struct Option: Sendable, Equatable {
        /// The option.
        public var category: Category
        /// How many cases chose it.
        public var count: Count
    }

    /// "Please say" answers written for an "other" option (never shown, only counted).
    public struct Specified: Sendable, Equatable {
        /// The option that asked.
        public var category: Category
        /// The variable holding the words.
        public var variable: String
        /// How many wrote something.
        public var count: Count
    }

    /// The options, in the instrument's order, then unlisted codes.
    public var options: [Option]
    /// All selections.
    public var responses: Count
    /// Cases that chose at least one option.
    public var base: Count
    /// Counts of "please say" answers.
    public var specified: [Specified]
}

/// A categorical variable against a `--by` variable, over the people who answered both (those
/// who did not answer one of them are counted in the frequency tables, not cross-classified).
public struct CrossTab: Sendable, Equatable {
    /// The `--by` variable.
    public var by: String
    /// Its label.
    public var byLabel: String
    /// Row categories (the variable's options, then unlisted codes).
    public var rows: [Category]
    /// Column categories (the `--by` variable's options, then unlisted codes together).
    public var columns: [Category]
    /// Counts, row by row.
    public var cells: [[Count]]
    /// Row totals.
    public var rowTotals: [Count]
    /// Column totals.
    public var columnTotals: [Count]
    /// People who answered both.
    public var total: Count
    /// People left out because they did not answer one of the two.
    public var leftOut: Int
    /// Pearson's chi-square, when it may be shown.
    public var chiSquare: ChiSquare?
    /// Why there is no chi-square, when there is none.
    public var chiSquareNote: String?

    /// A cell as a percentage of its row total, when both may be shown.
    public func rowPercent(_ row: Int, _ column: Int) -> Double? { cells[row][column].percent(of: rowTotals[row]) }

    /// A cell as a percentage of its column total, when both may be shown.
    public func columnPercent(_ row: Int, _ column: Int) -> Double? {
        cells[row][column].percent(of: columnTotals[column])
    }
}

/// A numeric variable by the groups of a `--by` variable, over the people who answered both.
public struct GroupedSummary: Sendable, Equatable {
    /// One group.
    public struct Group: Sendable, Equatable {
        /// The group.
        public var category: Category
        /// Answers in the group.
        public var count: Count
        /// Its statistics, when they may be shown.
        public var summary: NumericSummary?
    }

    /// The `--by` variable.
    public var by: String
    /// Its label.
    public var byLabel: String
    /// The groups.
    public var groups: [Group]
    /// People who answered but are left out for not answering the `--by` variable.
    public var leftOut: Int
}

/// A multiple-choice variable by the groups of a `--by` variable.
public struct GroupedResponse: Sendable, Equatable {
    /// One group.
    public struct Group: Sendable, Equatable {
        /// The group.
        public var category: Category
        /// Cases in the group that chose at least one option.
        public var base: Count
        /// Each option's count, in the order of ``MultipleResponse/options``.
        public var counts: [Count]
    }

    /// The `--by` variable.
    public var by: String
    /// Its label.
    public var byLabel: String
    /// The groups.
    public var groups: [Group]
    /// People who chose options but are left out for not answering the `--by` variable.
    public var leftOut: Int
}
