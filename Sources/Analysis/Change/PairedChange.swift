import Foundation

/// Change in a numeric variable between two waves, over the participants who answered at both:
/// the paired t-test with its confidence interval, the effect size d_z, and the Wilcoxon
/// signed-rank test. Every figure matches R (`t.test(after, before, paired = TRUE)`,
/// `wilcox.test(after, before, paired = TRUE, exact = FALSE, correct = TRUE)`); fixture C of
/// STATISTICS.md is a test.
package struct PairedChange: Sendable, Equatable {
    /// Participants with a value at both waves.
    package var n: Int
    /// Mean at the first wave.
    package var meanBefore: Double
    /// Mean at the second wave.
    package var meanAfter: Double
    /// Mean of (after - before).
    package var meanChange: Double
    /// SD of the change (n - 1); `nil` with fewer than 2 pairs.
    package var sdChange: Double?
    /// Paired t and its degrees of freedom; `nil` when the SD of change is 0 or undefined.
    package var t: Double?
    package var degreesOfFreedom: Int
    /// Two-sided p of the t-test.
    package var p: Double?
    /// The 95% confidence interval of the mean change.
    package var confidenceInterval: ClosedRange<Double>?
    /// Cohen's d_z: mean change / SD of change.
    package var dz: Double?
    /// Wilcoxon's V: the sum of the ranks of the positive differences (zeros dropped).
    package var wilcoxonV: Double
    /// Pairs left after dropping zero differences.
    package var wilcoxonN: Int
    /// Two-sided p of the signed-rank test (normal approximation, ties and continuity corrected).
    package var wilcoxonP: Double?

    /// The change from `before` to `after`, pair by pair.
    /// - Parameters:
    ///   - before: The first wave's values.
    ///   - after: The second wave's values, in the same order (same participants).
    ///   - confidence: The level of the interval (0.95).
    /// - Returns: `nil` when there is no pair.
    package init?(before: [Double], after: [Double], confidence: Double = 0.95) {
        precondition(before.count == after.count)
        n = before.count
        guard n > 0 else { return nil }
        let differences = zip(after, before).map { $0 - $1 }
        meanBefore = NeumaierSum.of(before) / Double(n)
        meanAfter = NeumaierSum.of(after) / Double(n)
        meanChange = NeumaierSum.of(differences) / Double(n)
        degreesOfFreedom = n - 1
        if n > 1 {
            let mean = meanChange
            let sd = (NeumaierSum.of(differences.map { ($0 - mean) * ($0 - mean) }) / Double(n - 1)).squareRoot()
            sdChange = sd
            if sd > 0 {
                let standardError = sd / Double(n).squareRoot()
                let t = mean / standardError
                self.t = t
                p = StudentT.twoSidedP(t, degreesOfFreedom: Double(n - 1))
                let critical = StudentT.quantile(1 - (1 - confidence) / 2, degreesOfFreedom: Double(n - 1))
                confidenceInterval = (mean - critical * standardError)...(mean + critical * standardError)
                dz = mean / sd
            }
        }
        (wilcoxonV, wilcoxonN, wilcoxonP) = Self.signedRank(differences)
    }

    /// The Wilcoxon signed-rank test as R computes it with `exact = FALSE, correct = TRUE`:
    /// zero differences dropped, average ranks for ties, the variance reduced for ties, a
    /// continuity correction of 0.5 towards zero.
    static func signedRank(_ differences: [Double]) -> (v: Double, n: Int, p: Double?) {
        let nonzero = differences.filter { $0 != 0 }
        let n = nonzero.count
        guard n > 0 else { return (0, 0, nil) }
        let order = nonzero.indices.sorted { abs(nonzero[$0]) < abs(nonzero[$1]) }
        var ranks = [Double](repeating: 0, count: n)
        var ties = 0.0
        var start = 0
        while start < n {
            var end = start
            while end + 1 < n, abs(nonzero[order[end + 1]]) == abs(nonzero[order[start]]) { end += 1 }
            let rank = Double(start + end + 2) / 2
            for position in start...end { ranks[order[position]] = rank }
            let size = Double(end - start + 1)
            ties += size * size * size - size
            start = end + 1
        }
        let v = NeumaierSum.of(nonzero.indices.filter { nonzero[$0] > 0 }.map { ranks[$0] })
        let count = Double(n)
        let z0 = v - count * (count + 1) / 4
        let sigma = (count * (count + 1) * (2 * count + 1) / 24 - ties / 48).squareRoot()
        guard sigma > 0 else { return (v, n, nil) }
        let correction = z0 > 0 ? 0.5 : (z0 < 0 ? -0.5 : 0)
        let z = (z0 - correction) / sigma
        return (v, n, min(1, 2 * min(Normal.cdf(z), Normal.cdf(-z))))
    }
}
