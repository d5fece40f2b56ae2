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

    /// Merges every bar of 1 to `minCell - 1` values into its smaller neighbour (through empty
    /// bars) until every bar is empty or holds at least `minCell`: a histogram then needs no
    /// hidden bar, so its mean and other statistics cannot reveal one. The tails become "up to"
    /// and "or more" bars (bottom- and top-coding).
    /// - Returns: The bars and how many were merged away.
    static func merged(_ bins: [Bin], minCell: Int) -> (bins: [Bin], merged: Int) {
        guard minCell > 1 else { return (bins, 0) }
        var bins = bins
        var merged = 0
        while bins.count > 1, let index = bins.indices.first(where: { (1..<minCell).contains(bins[$0].people) }) {
            let neighbour: Int
            if index == 0 {
                neighbour = 1
            } else if index == bins.count - 1 {
                neighbour = index - 1
            } else {
                neighbour = bins[index - 1].people <= bins[index + 1].people ? index - 1 : index + 1
            }
            let low = min(index, neighbour), high = max(index, neighbour)
            bins[low] = Bin(
                lower: bins[low].lower, upper: bins[high].upper, people: bins[low].people + bins[high].people,
                weight: bins[low].weight + bins[high].weight)
            bins.remove(at: high)
            merged += 1
        }
        return (bins, merged)
    }

    /// The smallest of 1, 2, 2.5, 5 x 10^k not below `raw`.
    static func nice(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow(10, (log10(raw)).rounded(.down))
        for step in [1, 2, 2.5, 5, 10] where step * power >= raw * (1 - 1e-12) { return step * power }
        return 10 * power
    }
}
