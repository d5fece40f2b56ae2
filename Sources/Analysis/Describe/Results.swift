package import Instrument

/// How many cases a variable has: all of them, those with an answer, and each reason for none.
package struct CaseCounts: Sendable, Equatable {
    /// One reason for no answer.
    package struct Missing: Sendable, Equatable {
        /// The reason.
        package var kind: MissingKind
        /// Its label in the instrument (`Prefer not to say`).
        package var label: String
        /// How many.
        package var count: Count
        /// Whether the instrument rules the reason out (a refused calculation, a routed-past
        /// question that is never routed): a known zero, never hidden.
        package var structural = false
    }

    /// Every case in the table (after leaving out cases without a valid weight).
    package var total: Count
    /// Cases with an answer.
    package var valid: Count
    /// Cases with each reason for no answer that occurs, in a fixed order.
    package var missing: [Missing]

    /// All missing cases together.
    package var missingTotal: Count { missing.reduce(Count(0)) { $0 + $1.count } }
}

/// One row of a frequency table.
package struct FrequencyRow: Sendable, Equatable {
    /// The option (an unlisted code gets the label "code N (not in the instrument)").
    package var category: Category
    /// How many chose it.
    package var count: Count
    /// The cumulative valid percent up to and including this row, when it may be shown.
    package var cumulativePercent: Double?
}

/// Descriptive statistics of a numeric variable (or of the codes of a categorical one).
package struct NumericSummary: Sendable, Equatable {
    /// The sum of weights (the number of answers, unweighted).
    package var n: Double
    /// The mean.
    package var mean: Double?
    /// The standard deviation (n - 1).
    package var standardDeviation: Double?
    /// The variance (n - 1).
    package var variance: Double?
    /// The standard error of the mean.
    package var standardError: Double?
    /// The smallest value.
    package var minimum: Double?
    /// The largest value.
    package var maximum: Double?
    /// The most frequent value (the smallest if tied).
    package var mode: Double?
    /// Percentiles by proportion (0.1, 0.25, 0.5, 0.75, 0.9).
    package var percentiles: [Double: Double]
    /// Skewness (G1) and its standard error.
    package var skewness: Double?
    /// The standard error of skewness.
    package var skewnessError: Double?
    /// Excess kurtosis (G2).
    package var kurtosis: Double?
    /// The standard error of kurtosis.
    package var kurtosisError: Double?

    /// The proportions every summary reports.
    package static let proportions = [0.1, 0.25, 0.5, 0.75, 0.9]

    /// Summarises a distribution.
    /// - Parameters:
    ///   - distribution: The values.
    ///   - method: How percentiles are interpolated.
    package init(_ distribution: Distribution, method: PercentileMethod) {
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
    package var median: Double? { percentiles[0.5] }
}

/// One bar of a histogram: values from `lower` up to (not including) `upper`; the last bar
/// includes its upper edge.
package struct HistogramBin: Sendable, Equatable {
    /// The lower edge.
    package var lower: Double
    /// The upper edge.
    package var upper: Double
    /// How many values fall in it.
    package var count: Count
}

/// The earliest and latest month of a date variable (whole days are not shown: a single date
/// can identify a person).
package struct DateRange: Sendable, Equatable {
    /// `YYYY-MM` of the earliest date.
    package var earliest: String
    /// `YYYY-MM` of the latest date.
    package var latest: String
    /// `YYYY-MM` of the median date.
    package var median: String
}

/// A multiple-choice variable: each option's count, as a share of all selections and of the
/// cases that chose at least one (the base).
package struct MultipleResponse: Sendable, Equatable {
    /// One option.
    package struct Option: Sendable, Equatable {
        /// The option.
        package var category: Category
        /// How many cases chose it.
        package var count: Count
    }

    /// "Please say" answers written for an "other" option (never shown, only counted).
    package struct Specified: Sendable, Equatable {
        /// The option that asked.
        package var category: Category
        /// The variable holding the words.
        package var variable: String
        /// How many wrote something.
        package var count: Count
    }

    /// The options, in the instrument's order, then unlisted codes.
    package var options: [Option]
    /// All selections.
    package var responses: Count
    /// Cases that chose at least one option.
    package var base: Count
    /// Counts of "please say" answers.
    package var specified: [Specified]
}

/// A categorical variable against a `--by` variable, over the people who answered both (those
/// who did not answer one of them are counted in the frequency tables, not cross-classified).
package struct CrossTab: Sendable, Equatable {
    /// The `--by` variable.
    package var by: String
    /// Its label.
    package var byLabel: String
    /// Row categories (the variable's options, then unlisted codes).
    package var rows: [Category]
    /// Column categories (the `--by` variable's options, then unlisted codes together).
    package var columns: [Category]
    /// Counts, row by row.
    package var cells: [[Count]]
    /// Row totals.
    package var rowTotals: [Count]
    /// Column totals.
    package var columnTotals: [Count]
    /// People who answered both.
    package var total: Count
    /// People left out because they did not answer one of the two.
    package var leftOut: Count
    /// Pearson's chi-square, when it may be shown.
    package var chiSquare: ChiSquare?
    /// Why there is no chi-square, when there is none.
    package var chiSquareNote: String?

    /// A cell as a percentage of its row total, when both may be shown.
    package func rowPercent(_ row: Int, _ column: Int) -> Double? { cells[row][column].percent(of: rowTotals[row]) }

    /// A cell as a percentage of its column total, when both may be shown.
    package func columnPercent(_ row: Int, _ column: Int) -> Double? {
        cells[row][column].percent(of: columnTotals[column])
    }
}

/// A numeric variable by the groups of a `--by` variable, over the people who answered both.
package struct GroupedSummary: Sendable, Equatable {
    /// One group.
    package struct Group: Sendable, Equatable {
        /// The group.
        package var category: Category
        /// Answers in the group.
        package var count: Count
        /// Its statistics, when they may be shown.
        package var summary: NumericSummary?
    }

    /// The `--by` variable.
    package var by: String
    /// Its label.
    package var byLabel: String
    /// The groups.
    package var groups: [Group]
    /// People who answered but are left out for not answering the `--by` variable.
    package var leftOut: Count
}

/// A multiple-choice variable by the groups of a `--by` variable.
package struct GroupedResponse: Sendable, Equatable {
    /// One group.
    package struct Group: Sendable, Equatable {
        /// The group.
        package var category: Category
        /// Cases in the group that chose at least one option.
        package var base: Count
        /// Each option's count, in the order of ``MultipleResponse/options``.
        package var counts: [Count]
    }

    /// The `--by` variable.
    package var by: String
    /// Its label.
    package var byLabel: String
    /// The groups.
    package var groups: [Group]
    /// People who chose options but are left out for not answering the `--by` variable.
    package var leftOut: Count
}
