/// Counts the values of one variable in a stream, keeping memory bounded by the number of
/// distinct values rather than the number of cases where it can: whole numbers (choice codes,
/// integers, counts, day numbers of dates) are counted in a dense window or a dictionary; only
/// values with a fractional part are kept one by one, because exact percentiles need them.
struct ValueCounter: Sendable {
    /// The largest window of consecutive whole numbers counted densely.
    static let maximumWindow = 1 << 16
    /// How many distinct values with a fractional part are counted in a dictionary before
    /// further ones are kept one by one (most decimals have a few hundred distinct values).
    static let maximumDistinctFractions = 8_192

    /// A count of people and the sum of their weights.
    struct Tally: Sendable, Equatable {
        var people = 0
        var weight = 0.0

        @inline(__always)
        mutating func add(_ weight: Double) {
            people += 1
            self.weight += weight
        }
    }

    let weighted: Bool
    private var base = 0
    private var baseValue = 0.0
    private var windowSize = 0.0
    private var dense: [Int] = []
    private var denseWeights: [Double] = []
    private var sparse: [Double: Tally] = [:]
    private var decimals: [Double] = []
    private var decimalWeights: [Double] = []

    init(weighted: Bool) { self.weighted = weighted }

    /// Counts a value (NaN and infinities are the caller's to reject).
    @inline(__always)
    mutating func add(_ value: Double, weight: Double = 1) {
        let offset = value - baseValue
        if offset >= 0, offset < windowSize, offset.rounded(.towardZero) == offset {
            let index = Int(offset)
            dense[index] += 1
            if weighted { denseWeights[index] += weight }
            return
        }
        add(value, people: 1, weight: weight)
    }

    /// Counts `people` cases of one value with the sum of their weights.
    private mutating func add(_ value: Double, people: Int, weight: Double) {
        guard value.rounded() == value, abs(value) < 1e15 else {
            if sparse.count < Self.maximumDistinctFractions || sparse[value] != nil {
                sparse[value, default: Tally()].people += people
                sparse[value, default: Tally()].weight += weight
                return
            }
            let each = weight / Double(people)
            for _ in 0..<people {
                decimals.append(value)
                if weighted { decimalWeights.append(each) }
            }
            return
        }
        if !cover(Int(value)) {
            sparse[value, default: Tally()].people += people
            sparse[value, default: Tally()].weight += weight
            return
        }
        let index = Int(value) - base
        dense[index] += people
        if weighted { denseWeights[index] += weight }
    }

    /// Grows the dense window to cover `whole` if the window stays small enough.
    private mutating func cover(_ whole: Int) -> Bool {
        if !dense.isEmpty, whole >= base, whole < base + dense.count { return true }
        let low = dense.isEmpty ? whole : min(base, whole)
        let high = dense.isEmpty ? whole : max(base + dense.count - 1, whole)
        guard high - low < Self.maximumWindow else { return false }
        // Leave room to spare on the side the window grew, so that growing is rare.
        let span = high - low + 1
        let room = dense.isEmpty ? 0 : min(Self.maximumWindow - span, span)
        let newLow = whole < base ? low - room : low
        let newHigh = whole < base ? high : high + room
        var grown = [Int](repeating: 0, count: newHigh - newLow + 1)
        var grownWeights = weighted ? [Double](repeating: 0, count: grown.count) : []
        for index in dense.indices {
            grown[base - newLow + index] = dense[index]
            if weighted { grownWeights[base - newLow + index] = denseWeights[index] }
        }
        dense = grown
        denseWeights = grownWeights
        base = newLow
        baseValue = Double(newLow)
        windowSize = Double(dense.count)
        return true
    }

    /// Adds the counts of another counter (for scans run in parallel).
    mutating func merge(_ other: ValueCounter) {
        if let first = other.dense.firstIndex(where: { $0 > 0 }), let last = other.dense.lastIndex(where: { $0 > 0 }),
            cover(other.base + first), cover(other.base + last)
        {
            // The other window's values fit in this one: add the counts position by position.
            let offset = other.base - base
            for index in first...last {
                dense[offset + index] += other.dense[index]
                if weighted { denseWeights[offset + index] += other.denseWeights[index] }
            }
        } else {
            for index in other.dense.indices where other.dense[index] > 0 {
                let weight = other.weighted ? other.denseWeights[index] : Double(other.dense[index])
                add(Double(other.base + index), people: other.dense[index], weight: weight)
            }
        }
        for (value, tally) in other.sparse { add(value, people: tally.people, weight: tally.weight) }
        decimals += other.decimals
        decimalWeights += other.decimalWeights
    }

    /// The counted values in ascending order with their tallies.
    func distribution() -> Distribution {
        var entries: [(value: Double, tally: Tally)] = []
        for index in dense.indices where dense[index] > 0 {
            entries.append(
                (
                    Double(base + index),
                    Tally(people: dense[index], weight: weighted ? denseWeights[index] : Double(dense[index]))
                ))
        }
        for (value, tally) in sparse { entries.append((value, tally)) }
        if !decimals.isEmpty {
            // Sort the values themselves (with their weights alongside only when weighted).
            var values: [Double], weights: [Double]
            if weighted {
                let order = decimals.indices.sorted { decimals[$0] < decimals[$1] }
                values = order.map { decimals[$0] }
                weights = order.map { decimalWeights[$0] }
            } else {
                values = decimals.sorted()
                weights = []
            }
            var index = 0
            while index < values.count {
                let value = values[index]
                var tally = Tally()
                while index < values.count, values[index] == value {
                    tally.add(weighted ? weights[index] : 1)
                    index += 1
                }
                entries.append((value, tally))
            }
        }
        entries.sort { $0.value < $1.value }
        // A value counted both ways (in parts merged from parallel scans) becomes one entry.
        var merged: [(value: Double, tally: Tally)] = []
        merged.reserveCapacity(entries.count)
        for entry in entries {
            if let last = merged.last, last.value == entry.value {
                merged[merged.count - 1].tally.people += entry.tally.people
                merged[merged.count - 1].tally.weight += entry.tally.weight
            } else {
                merged.append(entry)
            }
        }
        entries = merged
        return Distribution(
            values: entries.map(\.value), people: entries.map(\.tally.people), weights: entries.map(\.tally.weight))
    }
}
