/// Cronbach's alpha of a set of items from their covariance matrix over listwise-complete cases
/// (as SPSS RELIABILITY and psych::alpha), with reverse-keyed items already reversed.
package struct Reliability: Sendable, Equatable {
    /// One item's statistics.
    package struct Item: Sendable, Equatable {
        /// The item's variable.
        package var name: String
        /// Whether it was reverse-scored before the analysis.
        package var reversed: Bool
        /// Its mean (after reversing).
        package var mean: Double
        /// Its standard deviation.
        package var standardDeviation: Double
        /// Its correlation with the sum of the other items (the corrected item-total correlation).
        package var itemRestCorrelation: Double?
        /// Alpha of the scale without this item.
        package var alphaIfDeleted: Double?
    }

    /// The sum of weights of listwise-complete cases (their number, unweighted).
    package var n: Double
    /// The number of listwise-complete people.
    package var people: Int
    /// Raw alpha: k/(k-1) (1 - sum of item variances / variance of the total).
    package var alpha: Double?
    /// Standardised alpha: k r / (1 + (k-1) r), r the mean inter-item correlation.
    package var standardisedAlpha: Double?
    /// The mean correlation between pairs of items.
    package var meanInterItemCorrelation: Double?
    /// Each item.
    package var items: [Item]

    /// Computes alpha from accumulated covariances.
    /// - Parameters:
    ///   - names: The items' names, in the accumulator's order.
    ///   - reversed: Which were reversed.
    ///   - covariances: The accumulator over listwise-complete cases.
    ///   - people: The number of those cases (unweighted).
    package init(names: [String], reversed: Set<String>, covariances: CovarianceAccumulator, people: Int) {
        let k = names.count
        n = covariances.weight
        self.people = people
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        var complete = covariances.weight > 1
        for row in 0..<k {
            for column in 0..<k {
                if let value = covariances.covariance(row, column) {
                    matrix[row][column] = value
                } else {
                    complete = false
                }
            }
        }
        let all = Array(0..<k)
        alpha = complete ? Self.alpha(matrix, all) : nil
        let correlation = complete ? Self.meanCorrelation(matrix, all) : nil
        meanInterItemCorrelation = correlation
        if let r = correlation {
            standardisedAlpha = Double(k) * r / (1 + Double(k - 1) * r)
        } else {
            standardisedAlpha = nil
        }
        items = (0..<k).map { index in
            let rest = all.filter { $0 != index }
            var restCorrelation: Double?
            if complete, !rest.isEmpty {
                let covariance = NeumaierSum.of(rest.map { matrix[index][$0] })
                let restVariance = NeumaierSum.of(rest.flatMap { a in rest.map { b in matrix[a][b] } })
                let denominator = (matrix[index][index] * restVariance).squareRoot()
                restCorrelation = denominator > 0 ? covariance / denominator : nil
            }
            return Item(
                name: names[index], reversed: reversed.contains(names[index]), mean: covariances.means[index],
                standardDeviation: max(0, matrix[index][index]).squareRoot(), itemRestCorrelation: restCorrelation,
                alphaIfDeleted: complete && rest.count >= 2 ? Self.alpha(matrix, rest) : nil)
        }
    }

    static func alpha(_ matrix: [[Double]], _ items: [Int]) -> Double? {
        let k = Double(items.count)
        guard items.count >= 2 else { return nil }
        let itemVariances = NeumaierSum.of(items.map { matrix[$0][$0] })
        let totalVariance = NeumaierSum.of(items.flatMap { a in items.map { b in matrix[a][b] } })
        guard totalVariance > 0 else { return nil }
        return k / (k - 1) * (1 - itemVariances / totalVariance)
    }

    static func meanCorrelation(_ matrix: [[Double]], _ items: [Int]) -> Double? {
        var sum = NeumaierSum(), pairs = 0
        for (position, a) in items.enumerated() {
            for b in items[(position + 1)...] {
                let denominator = (matrix[a][a] * matrix[b][b]).squareRoot()
                guard denominator > 0 else { return nil }
                sum.add(matrix[a][b] / denominator)
                pairs += 1
            }
        }
        return pairs > 0 ? sum.value / Double(pairs) : nil
    }
}
