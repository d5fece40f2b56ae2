/// Mean and variance in one streaming pass, by Welford's method with frequency weights (West,
/// 1979): stable where the textbook formula `(sum x^2 - (sum x)^2 / n) / (n - 1)` cancels
/// catastrophically (on 1e9 + {4, 7, 13, 16} it gives -170.67; this gives 30).
package struct RunningMoments: Sendable, Equatable {
    /// The sum of the weights (the number of cases, unweighted).
    package private(set) var weight = 0.0
    /// The running mean.
    package private(set) var mean = 0.0
    private var squares = 0.0

    /// No cases yet.
    package init() {}

    /// Adds a case.
    /// - Parameters:
    ///   - value: Its value.
    ///   - weight: Its frequency weight (1 when unweighted).
    package mutating func add(_ value: Double, weight: Double = 1) {
        guard weight > 0 else { return }
        self.weight += weight
        let delta = value - mean
        mean += delta * weight / self.weight
        squares += weight * delta * (value - mean)
    }

    /// Combines the moments of another set of cases (Chan, Golub and LeVeque's formula).
    /// - Parameter other: Moments of other cases.
    package mutating func merge(_ other: RunningMoments) {
        guard other.weight > 0 else { return }
        guard weight > 0 else {
            self = other
            return
        }
        let total = weight + other.weight
        let delta = other.mean - mean
        mean += delta * other.weight / total
        squares += other.squares + delta * delta * weight * other.weight / total
        weight = total
    }

    /// The variance with the n-1 denominator (sum of weights minus one); `nil` below two cases.
    package var variance: Double? { weight > 1 ? max(0, squares) / (weight - 1) : nil }

    /// The standard deviation with the n-1 denominator.
    package var standardDeviation: Double? { variance.map { $0.squareRoot() } }
}

/// Means and the covariance matrix of several variables in one streaming pass (Welford's method
/// in several dimensions, with frequency weights), for Cronbach's alpha over listwise-complete
/// cases.
package struct CovarianceAccumulator: Sendable, Equatable {
    /// The number of variables.
    package let count: Int
    /// The sum of the weights.
    package private(set) var weight = 0.0
    /// The running means.
    package private(set) var means: [Double]
    /// Sums of cross-products of deviations, row by row (`count` x `count`).
    private var products: [Double]
    private var deltas: [Double]

    /// An accumulator for `count` variables.
    /// - Parameter count: The number of variables.
    package init(count: Int) {
        self.count = count
        means = Array(repeating: 0, count: count)
        products = Array(repeating: 0, count: count * count)
        deltas = Array(repeating: 0, count: count)
    }

    /// Adds a case.
    /// - Parameters:
    ///   - values: One value per variable.
    ///   - weight: Its frequency weight.
    package mutating func add(_ values: [Double], weight: Double = 1) {
        guard weight > 0, values.count == count else { return }
        self.weight += weight
        let share = weight / self.weight
        for index in 0..<count {
            deltas[index] = values[index] - means[index]
            means[index] += deltas[index] * share
        }
        for row in 0..<count {
            let scaled = weight * deltas[row]
            for column in 0..<count {
                products[row * count + column] += scaled * (values[column] - means[column])
            }
        }
    }

    /// Combines another accumulator over the same variables.
    /// - Parameter other: Another set of cases.
    package mutating func merge(_ other: CovarianceAccumulator) {
        guard other.weight > 0 else { return }
        guard weight > 0 else {
            self = other
            return
        }
        let total = weight + other.weight
        let factor = weight * other.weight / total
        let delta = (0..<count).map { other.means[$0] - means[$0] }
        for row in 0..<count {
            for column in 0..<count {
                products[row * count + column] +=
                    other.products[row * count + column] + delta[row] * delta[column] * factor
            }
        }
        for index in 0..<count { means[index] += delta[index] * other.weight / total }
        weight = total
    }

    /// The covariance of two variables, with the n-1 denominator; `nil` below two cases.
    /// - Parameters:
    ///   - row: One variable's index.
    ///   - column: The other's.
    package func covariance(_ row: Int, _ column: Int) -> Double? {
        weight > 1 ? products[row * count + column] / (weight - 1) : nil
    }
}
