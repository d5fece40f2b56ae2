/// Counts of consecutive whole numbers in an array (slot `i` counts `base + i`), growing to
/// cover new numbers while the window stays within `maximum` slots. The counting core of
/// ``ValueCounter``: an array increment instead of a dictionary lookup per value.
struct DenseWindow: Sendable {
    let weighted: Bool
    let maximum: Int
    private(set) var base = 0
    private var baseValue = 0.0
    private var size = 0.0
    private var counts: [Int] = []
    private var weights: [Double] = []

    init(weighted: Bool, maximum: Int) {
        self.weighted = weighted
        self.maximum = maximum
    }

    /// Counts `value` if it is a whole number inside the window now; false otherwise.
    @inline(__always)
    mutating func addIfInside(_ value: Double, weight: Double) -> Bool {
        let offset = value - baseValue
        guard offset >= 0, offset < size, offset.rounded(.towardZero) == offset else { return false }
        let index = Int(offset)
        counts[index] += 1
        if weighted { weights[index] += weight }
        return true
    }

    /// Counts `people` cases of `whole`, which ``cover(_:)`` has made room for.
    mutating func add(_ whole: Int, people: Int, weight: Double) {
        let index = whole - base
        counts[index] += people
        if weighted { weights[index] += weight }
    }

    /// Grows the window to cover `whole` if it stays within `maximum` slots.
    mutating func cover(_ whole: Int) -> Bool {
        if !counts.isEmpty, whole >= base, whole < base + counts.count { return true }
        let low = counts.isEmpty ? whole : min(base, whole)
        let high = counts.isEmpty ? whole : max(base + counts.count - 1, whole)
        guard high - low < maximum else { return false }
        // Leave room to spare on the side the window grew, so that growing is rare.
        let span = high - low + 1
        let room = counts.isEmpty ? 0 : min(maximum - span, span)
        let newLow = whole < base ? low - room : low
        let newHigh = whole < base ? high : high + room
        var grown = [Int](repeating: 0, count: newHigh - newLow + 1)
        var grownWeights = weighted ? [Double](repeating: 0, count: grown.count) : []
        for index in counts.indices {
            grown[base - newLow + index] = counts[index]
            if weighted { grownWeights[base - newLow + index] = weights[index] }
        }
        counts = grown
        weights = grownWeights
        base = newLow
        baseValue = Double(newLow)
        size = Double(counts.count)
        return true
    }

    /// Adds another window's counts position by position when they fit in this one; false (and
    /// nothing added) when they do not.
    mutating func absorb(_ other: DenseWindow) -> Bool {
        guard let first = other.counts.firstIndex(where: { $0 > 0 }), let last = other.counts.lastIndex(where: { $0 > 0 })
        else { return true }
        guard cover(other.base + first), cover(other.base + last) else { return false }
        let offset = other.base - base
        for index in first...last {
            counts[offset + index] += other.counts[index]
            if weighted { weights[offset + index] += other.weights[index] }
        }
        return true
    }

    /// Calls `body` with each counted number, its people and their weight, in ascending order.
    func forEach(_ body: (Int, Int, Double) -> Void) {
        for index in counts.indices where counts[index] > 0 {
            body(base + index, counts[index], weighted ? weights[index] : Double(counts[index]))
        }
    }
}
