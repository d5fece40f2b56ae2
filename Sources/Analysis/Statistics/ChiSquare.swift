import Foundation

/// Pearson's chi-square test of independence on an r x c table of counts.
package struct ChiSquare: Sendable, Equatable, Codable {
    /// X^2 = sum (O - E)^2 / E.
    package var statistic: Double
    /// (r - 1)(c - 1), over the rows and columns with a non-zero total.
    package var degreesOfFreedom: Int
    /// The upper tail probability of the chi-square distribution.
    package var p: Double
    /// Cells with an expected count under 5.
    package var smallExpected: Int
    /// All cells of the table (rows and columns with a non-zero total).
    package var cells: Int
    /// The smallest expected count.
    package var minimumExpected: Double

    /// The test on a table of (possibly weighted) counts; rows and columns whose total is zero
    /// are left out, as PSPP does. No continuity correction.
    /// - Parameter table: Counts, row by row.
    /// - Returns: The test, or `nil` when fewer than two rows or two columns have a total.
    package init?(_ table: [[Double]]) {
        let rowTotals = table.map { NeumaierSum.of($0) }
        let columns = table.first?.count ?? 0
        let columnTotals = (0..<columns).map { column in NeumaierSum.of(table.map { $0[column] }) }
        let rows = rowTotals.indices.filter { rowTotals[$0] > 0 }
        let kept = columnTotals.indices.filter { columnTotals[$0] > 0 }
        guard rows.count >= 2, kept.count >= 2 else { return nil }
        let total = NeumaierSum.of(rows.map { rowTotals[$0] })
        var sum = NeumaierSum()
        var small = 0
        var minimum = Double.infinity
        for row in rows {
            for column in kept {
                let expected = rowTotals[row] * columnTotals[column] / total
                let difference = table[row][column] - expected
                sum.add(difference * difference / expected)
                if expected < 5 { small += 1 }
                minimum = min(minimum, expected)
            }
        }
        statistic = sum.value
        degreesOfFreedom = (rows.count - 1) * (kept.count - 1)
        p = Self.upperTail(statistic, degreesOfFreedom: degreesOfFreedom)
        smallExpected = small
        cells = rows.count * kept.count
        minimumExpected = minimum
    }

    /// P(X > x) for a chi-square variable: the regularized upper incomplete gamma Q(df/2, x/2).
    /// - Parameters:
    ///   - x: The statistic.
    ///   - degreesOfFreedom: The degrees of freedom.
    /// - Returns: The probability.
    package static func upperTail(_ x: Double, degreesOfFreedom: Int) -> Double {
        guard x > 0 else { return 1 }
        return Gamma.upperRegularized(Double(degreesOfFreedom) / 2, x / 2)
    }
}

/// The regularized incomplete gamma functions (Numerical Recipes, 3rd edition, 6.2): a series
/// below `a + 1` and a continued fraction (modified Lentz) above.
enum Gamma {
    static func upperRegularized(_ a: Double, _ x: Double) -> Double {
        guard x > 0, a > 0 else { return 1 }
        if x < a + 1 { return max(0, 1 - series(a, x)) }
        return continuedFraction(a, x)
    }

    /// P(a, x) by its series.
    private static func series(_ a: Double, _ x: Double) -> Double {
        var term = 1 / a, sum = term, denominator = a
        for _ in 0..<10_000 {
            denominator += 1
            term *= x / denominator
            sum += term
            if abs(term) < abs(sum) * 1e-16 { break }
        }
        return sum * exp(-x + a * log(x) - lgamma(a))
    }

    /// Q(a, x) by its continued fraction.
    private static func continuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for index in 1...10_000 {
            let an = -Double(index) * (Double(index) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return exp(-x + a * log(x) - lgamma(a)) * h
    }
}
