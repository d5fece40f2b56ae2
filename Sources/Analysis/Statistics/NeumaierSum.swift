/// A compensated sum (Neumaier's improvement of Kahan summation): the rounding error of every
/// addition is carried and added back at the end, so ten million additions of 0.1 give
/// 1,000,000 to within a few units in the last place, where `reduce(0, +)` drifts.
package struct NeumaierSum: Sendable, Equatable {
    private var sum = 0.0
    private var compensation = 0.0

    /// An empty sum.
    package init() {}

    /// Adds a value.
    /// - Parameter value: The value to add.
    @inline(__always)
    package mutating func add(_ value: Double) {
        let total = sum + value
        if abs(sum) >= abs(value) {
            compensation += (sum - total) + value
        } else {
            compensation += (value - total) + sum
        }
        sum = total
    }

    /// Adds another compensated sum (for sums taken in parallel).
    /// - Parameter other: The other sum.
    package mutating func add(_ other: NeumaierSum) {
        add(other.sum)
        add(other.compensation)
    }

    /// The sum.
    package var value: Double { sum + compensation }

    /// The compensated sum of a sequence.
    /// - Parameter values: The values.
    /// - Returns: Their sum.
    package static func of<S: Sequence>(_ values: S) -> Double where S.Element == Double {
        var total = NeumaierSum()
        for value in values { total.add(value) }
        return total.value
    }
}
