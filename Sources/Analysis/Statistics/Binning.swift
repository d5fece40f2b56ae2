import Foundation

/// Histogram bins with round edges: one bin per value for whole numbers spanning at most 30,
/// otherwise about Sturges' number of bins (log2 n + 1, from 5 to 20) of width 1, 2, 2.5 or 5
/// times a power of ten.
enum Binning {
    struct Bin: Equatable {
        var lower: Double
        var upper: Double
        var people = 0
        var weight = 0.0
    }

    static func bins(_ distribution: Distribution) -> [Bin] {
        guard let low = distribution.minimum, let high = distribution.maximum else { return [] }
        let whole = distribution.values.allSatisfy { $0.rounded() == $0 }
        var width: Double
        if whole, high - low <= 30 {
            width = 1
        } else {
            let target = Double(min(20, max(5, Int(log2(Double(max(distribution.count, 1))).rounded(.up)) + 1)))
            width = nice((high - low) / target)
            if whole { width = max(1, width.rounded(.up)) }
        }
        if width <= 0 || !width.isFinite { width = 1 }
        let start = (low / width).rounded(.down) * width
        let count = max(1, Int(((high - start) / width).rounded(.down)) + 1)
        var bins = (0..<count).map { Bin(lower: start + Double($0) * width, upper: start + Double($0 + 1) * width) }
        for index in distribution.values.indices {
            let position = min(count - 1, max(0, Int(((distribution.values[index] - start) / width).rounded(.down))))
            bins[position].people += distribution.people[index]
            bins[position].weight += distribution.weights[index]
        }
        return bins
    }

    /// The smallest of 1, 2, 2.5, 5 x 10^k not below `raw`.
    static func nice(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow(10, (log10(raw)).rounded(.down))
        for step in [1, 2, 2.5, 5, 10] where step * power >= raw * (1 - 1e-12) { return step * power }
        return 10 * power
    }
}
