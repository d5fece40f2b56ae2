/// Counts the values of one variable in a stream, keeping memory bounded by the number of
/// distinct values rather than the number of cases where it can: whole numbers (choice codes,
/// integers, counts, day numbers of dates) are counted in a dense window or a dictionary; values
/// with one decimal place (35.7, the usual decimal answer) in a second dense window of tenths;
/// other fractions in a dictionary, and only past its limit one by one, because exact percentiles
/// need them.
struct ValueCounter: Sendable {
    /// The largest window of consecutive whole numbers (or tenths) counted densely.
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
    /// Whole numbers: slot `i` counts the value `base + i`.
    private var wholes: DenseWindow
    /// Values of one decimal place: slot `i` counts `(base + i) / 10`, never a whole number.
    private var tenths: DenseWindow
    private var sparse: [Double: Tally] = [:]
    private var decimals: [Double] = []
    private var decimalWeights: [Double] = []

    init(weighted: Bool) {
        self.weighted = weighted
        wholes = DenseWindow(weighted: weighted, maximum: Self.maximumWindow)
        tenths = DenseWindow(weighted: weighted, maximum: Self.maximumWindow)
    }

    /// Counts a value (NaN and infinities are the caller's to reject).
    @inline(__always)
    mutating func add(_ value: Double, weight: Double = 1) {
        if wholes.addIfInside(value, weight: weight) { return }
        add(value, people: 1, weight: weight)
    }

    /// Counts `people` cases of one value with the sum of their weights.
    private mutating func add(_ value: Double, people: Int, weight: Double) {
        if value.rounded() == value, abs(value) < 1e15 {
            if wholes.cover(Int(value)) {
                wholes.add(Int(value), people: people, weight: weight)
            } else {
                sparse[value, default: Tally()].people += people
                sparse[value, default: Tally()].weight += weight
            }
            return
        }
        // One decimal place, exactly: the value is the double nearest to k / 10.
        let scaled = (value * 10).rounded()
        if abs(scaled) < 1e15, scaled / 10 == value, tenths.cover(Int(scaled)) {
            tenths.add(Int(scaled), people: people, weight: weight)
            return
        }
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
    }

    /// Adds the counts of another counter (for scans run in parallel).
    mutating func merge(_ other: ValueCounter) {
        if !wholes.absorb(other.wholes) {
            other.wholes.forEach { add(Double($0), people: $1, weight: $2) }
        }
        if !tenths.absorb(other.tenths) {
            other.tenths.forEach { add(Double($0) / 10, people: $1, weight: $2) }
        }
        for (value, tally) in other.sparse { add(value, people: tally.people, weight: tally.weight) }
        decimals += other.decimals
        decimalWeights += other.decimalWeights
    }

    /// The counted values in ascending order with their tallies.
    func distribution() -> Distribution {
        var entries: [(value: Double, tally: Tally)] = []
        wholes.forEach { entries.append((Double($0), Tally(people: $1, weight: $2))) }
        tenths.forEach { entries.append((Double($0) / 10, Tally(people: $1, weight: $2))) }
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
