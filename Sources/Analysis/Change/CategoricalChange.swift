import Foundation

/// Change in a categorical variable between two waves: the paired table (first wave's category
/// by second wave's) and a test that the participants moved as much one way as the other.
///
/// With two categories it is McNemar's test with the continuity correction; with more, Bowker's
/// test of symmetry (the same statistic summed over every pair of categories, without
/// correction), as R's `mcnemar.test` computes both. Symmetry implies marginal homogeneity; a
/// symmetric table is what "no change overall" means for a paired categorical item, and Bowker
/// needs no matrix inverse, so small tables never fail (decision written in docs/analysis.md).
package struct CategoricalChange: Sendable, Equatable {
    /// The categories (codes), in order.
    package var codes: [Int]
    /// `table[i][j]`: participants in category `codes[i]` at the first wave and `codes[j]` at the
    /// second.
    package var table: [[Int]]
    /// The test statistic; `nil` when no participant changed category.
    package var chiSquare: Double?
    /// Its degrees of freedom (pairs of categories with any change).
    package var degreesOfFreedom: Int
    /// Its p-value.
    package var p: Double?

    /// The paired table and its test.
    /// - Parameters:
    ///   - before: Each participant's code at the first wave.
    ///   - after: Their code at the second, in the same order.
    ///   - codes: The categories to tabulate, in order (codes outside it are ignored).
    package init(before: [Int], after: [Int], codes: [Int]) {
        precondition(before.count == after.count)
        self.codes = codes
        let index = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        var table = Array(repeating: Array(repeating: 0, count: codes.count), count: codes.count)
        for (b, a) in zip(before, after) {
            guard let i = index[b], let j = index[a] else { continue }
            table[i][j] += 1
        }
        self.table = table
        var statistic = 0.0, df = 0
        for i in codes.indices {
            for j in codes.indices where j > i {
                let upper = Double(table[i][j]), lower = Double(table[j][i])
                guard upper + lower > 0 else { continue }
                df += 1
                if codes.count == 2 {
                    let corrected = max(0, abs(upper - lower) - 1)
                    statistic += corrected * corrected / (upper + lower)
                } else {
                    statistic += (upper - lower) * (upper - lower) / (upper + lower)
                }
            }
        }
        // R counts every pair of categories in df for Bowker, changed or not.
        degreesOfFreedom = codes.count == 2 ? 1 : codes.count * (codes.count - 1) / 2
        if df > 0 {
            chiSquare = statistic
            p = ChiSquare.upperTail(statistic, degreesOfFreedom: degreesOfFreedom)
        }
    }
}
