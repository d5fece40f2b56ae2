/// How percentiles are interpolated between ordered values.
package enum PercentileMethod: String, Sendable, CaseIterable, Codable {
    /// R type 7, `h = (n - 1)p + 1`: pandas, numpy's default, PSPP's default.
    case type7
    /// R type 6, `h = (n + 1)p`, clamped to the smallest and largest value: SPSS's HAVERAGE.
    case spss
}

/// The values of a variable in ascending order, each with the number of people who gave it and
/// the sum of their weights: everything exact descriptive statistics need. Sums are compensated
/// and moments are taken in two passes around the mean.
package struct Distribution: Sendable, Equatable {
    /// The distinct values, ascending.
    package let values: [Double]
    /// The number of people with each value.
    package let people: [Int]
    /// The sum of their weights (equal to `people` when unweighted).
    package let weights: [Double]
    /// The running sum of `weights`.
    private let cumulative: [Double]

    /// Creates a distribution.
    /// - Parameters:
    ///   - values: Distinct values, ascending.
    ///   - people: The number of people with each.
    ///   - weights: The sum of their weights.
    package init(values: [Double], people: [Int], weights: [Double]) {
        self.values = values
        self.people = people
        self.weights = weights
        var running = NeumaierSum()
        cumulative = weights.map {
            running.add($0)
            return running.value
        }
    }

    /// The same values with weights equal to the counts.
    /// - Parameter values: Any values.
    /// - Returns: Their unweighted distribution.
    package static func of(_ values: [Double]) -> Distribution {
        var counter = ValueCounter(weighted: false)
        for value in values { counter.add(value) }
        return counter.distribution()
    }

    /// The number of people.
    package var count: Int { people.reduce(0, +) }
    /// The sum of the weights: the n of every formula (equal to ``count`` when unweighted).
    package var n: Double { cumulative.last ?? 0 }

    /// The mean.
    package var mean: Double? {
        guard n > 0 else { return nil }
        var sum = NeumaierSum()
        for index in values.indices { sum.add(values[index] * weights[index]) }
        return sum.value / n
    }

    /// Sums of the 2nd, 3rd and 4th powers of deviations from the mean, each weighted.
    private func centralSums() -> (Double, Double, Double)? {
        guard let mean else { return nil }
        var two = NeumaierSum(), three = NeumaierSum(), four = NeumaierSum()
        for index in values.indices {
            let deviation = values[index] - mean
            let square = deviation * deviation
            two.add(weights[index] * square)
            three.add(weights[index] * square * deviation)
            four.add(weights[index] * square * square)
        }
        return (two.value, three.value, four.value)
    }

    /// The variance with the n-1 denominator; `nil` below two cases.
    package var variance: Double? {
        guard n > 1, let sums = centralSums() else { return nil }
        return sums.0 / (n - 1)
    }

    /// The standard deviation with the n-1 denominator.
    package var standardDeviation: Double? { variance.map { $0.squareRoot() } }

    /// The standard error of the mean, SD / sqrt(n).
    package var standardError: Double? { standardDeviation.map { $0 / n.squareRoot() } }

    /// Skewness, bias-adjusted (G1, as SPSS, PSPP and pandas); `nil` below three cases or with
    /// no spread.
    package var skewness: Double? {
        guard n > 2, let (two, three, _) = centralSums(), two > 0 else { return nil }
        let g1 = (three / n) / Swift.max(two / n, .leastNormalMagnitude).squareRootCubed
        return g1 * (n * (n - 1)).squareRoot() / (n - 2)
    }

    /// The standard error of skewness, sqrt(6n(n-1) / ((n-2)(n+1)(n+3))).
    package var skewnessError: Double? {
        guard n > 2 else { return nil }
        return (6 * n * (n - 1) / ((n - 2) * (n + 1) * (n + 3))).squareRoot()
    }

    /// Excess kurtosis, bias-adjusted (G2); `nil` below four cases or with no spread.
    package var kurtosis: Double? {
        guard n > 3, let (two, _, four) = centralSums(), two > 0 else { return nil }
        let g2 = (four / n) / ((two / n) * (two / n)) - 3
        return ((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3))
    }

    /// The standard error of kurtosis, 2 SEskew sqrt((n^2-1) / ((n-3)(n+5))).
    package var kurtosisError: Double? {
        guard n > 3, let skew = skewnessError else { return nil }
        return 2 * skew * ((n * n - 1) / ((n - 3) * (n + 5))).squareRoot()
    }

    /// The smallest value.
    package var minimum: Double? { values.first }
    /// The largest value.
    package var maximum: Double? { values.last }

    /// The most frequent value; the smallest of tied modes (as SPSS).
    package var mode: Double? {
        guard var best = values.indices.first else { return nil }
        for index in values.indices where weights[index] > weights[best] { best = index }
        return values[best]
    }

    /// The `k`-th smallest value (1-based; with weights, the first value whose running weight
    /// reaches `k`).
    private func ordered(_ k: Double) -> Double {
        let target = k - 1e-9 * Swift.max(1, k)
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] >= target { high = middle } else { low = middle + 1 }
        }
        return values[low]
    }

    /// A percentile.
    /// - Parameters:
    ///   - p: The proportion, from 0 to 1.
    ///   - method: R type 7 (the default) or SPSS's type 6.
    /// - Returns: The percentile; `nil` without cases.
    package func percentile(_ p: Double, method: PercentileMethod = .type7) -> Double? {
        guard n > 0, !values.isEmpty else { return nil }
        let h: Double
        switch method {
        case .type7:
            h = (n - 1) * p + 1
        case .spss:
            h = (n + 1) * p
            if h <= 1 { return values.first }
            if h >= n { return values.last }
        }
        let whole = Swift.max(1, Swift.min(n, h.rounded(.down)))
        let fraction = h - whole
        let low = ordered(whole)
        guard fraction > 0, whole + 1 <= n.rounded(.up) else { return low }
        let high = ordered(Swift.min(whole + 1, n))
        return low + fraction * (high - low)
    }
}

extension Double {
    /// `x^(3/2)`.
    fileprivate var squareRootCubed: Double { self * squareRoot() }
}
