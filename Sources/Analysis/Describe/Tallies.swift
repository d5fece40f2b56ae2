import Instrument
import Store

/// People and weight by answer status, as six fields rather than an array so that counting
/// needs no checks in the hot loop.
struct StatusTallies: Sendable {
    private var answered = ValueCounter.Tally(), refused = ValueCounter.Tally(), dontKnow = ValueCounter.Tally()
    private var notApplicable = ValueCounter.Tally(), notReached = ValueCounter.Tally(),
        notInVersion = ValueCounter.Tally()

    subscript(_ status: StoredStatus) -> ValueCounter.Tally {
        get {
            switch status {
            case .answered: return answered
            case .refused: return refused
            case .dontKnow: return dontKnow
            case .notApplicable: return notApplicable
            case .notReached: return notReached
            case .notInVersion: return notInVersion
            }
        }
        set {
            switch status {
            case .answered: answered = newValue
            case .refused: refused = newValue
            case .dontKnow: dontKnow = newValue
            case .notApplicable: notApplicable = newValue
            case .notReached: notReached = newValue
            case .notInVersion: notInVersion = newValue
            }
        }
    }

    @inline(__always)
    mutating func count(_ status: StoredStatus, weight: Double) {
        switch status {
        case .answered: answered.add(weight)
        case .refused: refused.add(weight)
        case .dontKnow: dontKnow.add(weight)
        case .notApplicable: notApplicable.add(weight)
        case .notReached: notReached.add(weight)
        case .notInVersion: notInVersion.add(weight)
        }
    }

    /// Every reason for no answer together.
    var missing: ValueCounter.Tally {
        StoredStatus.allCases.filter { $0 != .answered }.reduce(ValueCounter.Tally()) {
            ValueCounter.Tally(people: $0.people + self[$1].people, weight: $0.weight + self[$1].weight)
        }
    }

    mutating func merge(_ other: StatusTallies) {
        for status in StoredStatus.allCases {
            self[status].people += other[status].people
            self[status].weight += other[status].weight
        }
    }
}

/// What one group of cases (all cases, or one group of a `--by` variable) gave for a variable.
struct GroupTally: Sendable {
    /// People and weight by `answer.status`.
    var statuses = StatusTallies()
    /// The values of a categorical, numeric or date variable.
    var values: ValueCounter
    /// The selections of a multiple-choice variable.
    var multiple: MultipleCounter?
    /// Answers whose stored value could not be read as the variable's type.
    var unreadable = 0

    init(weighted: Bool, multiple: MultipleCounter?) {
        values = ValueCounter(weighted: weighted)
        self.multiple = multiple
    }

    mutating func merge(_ other: GroupTally) {
        statuses.merge(other.statuses)
        values.merge(other.values)
        if let theirs = other.multiple { multiple?.merge(theirs) }
        unreadable += other.unreadable
    }
}

/// How a variable's value is read for counting: dates come as day numbers, so they are counted
/// as numbers.
enum TallyMode: Sendable {
    case number, multiple, status

    init(_ kind: DatasetVariable.Kind) {
        switch kind {
        case .categorical, .integer, .decimal, .date: self = .number
        case .multiple: self = .multiple
        case .text, .identifying: self = .status
        }
    }
}

extension GroupTally {
    /// An empty tally for a variable.
    init(_ variable: DatasetVariable, weighted: Bool) {
        let multiple =
            TallyMode(variable.kind) == .multiple
            ? MultipleCounter(codes: variable.categories.map(\.code), weighted: weighted) : nil
        self.init(weighted: weighted, multiple: multiple)
    }

    /// Counts one interview's answer in slot `slot`.
    @inline(__always)
    mutating func add(
        _ mode: TallyMode, _ slot: Int, _ statuses: UnsafeBufferPointer<StoredStatus>,
        _ numbers: UnsafeBufferPointer<Double>,
        _ row: InterviewRow, weight: Double
    ) {
        let status = statuses[slot]
        guard status == .answered else {
            self.statuses.count(status, weight: weight)
            return
        }
        switch mode {
        case .number:
            let value = numbers[slot]
            guard value.isFinite else {
                unreadable += 1
                return
            }
            values.add(value, weight: weight)
        case .multiple:
            guard let codes = row.codes(slot) else {
                unreadable += 1
                return
            }
            multiple!.add(codes, weight: weight)
        case .status:
            break
        }
        self.statuses.count(.answered, weight: weight)
    }
}

/// The counts of one variable in one table, per group, once a scan is done.
struct VariableTally: Sendable {
    let slot: Int
    var groups: [GroupTally]

    /// All groups together.
    var overall: GroupTally {
        var total = groups[0]
        for group in groups.dropFirst() { total.merge(group) }
        return total
    }
}

/// Counts the options chosen in a multiple-choice variable: per option, all selections, and the
/// cases that chose at least one.
struct MultipleCounter: Sendable {
    let codes: [Int]
    private let indexOfCode: [Int32]
    let weighted: Bool
    var options: [ValueCounter.Tally]
    var unlisted: [Int: ValueCounter.Tally] = [:]
    var responses = ValueCounter.Tally()
    var base = ValueCounter.Tally()

    init(codes: [Int], weighted: Bool) {
        self.codes = codes
        self.weighted = weighted
        let highest = max(0, min(codes.max() ?? 0, 10_000))
        var index = [Int32](repeating: -1, count: highest + 1)
        for (position, code) in codes.enumerated() where (0...highest).contains(code) { index[code] = Int32(position) }
        indexOfCode = index
        options = Array(repeating: ValueCounter.Tally(), count: codes.count)
    }

    /// Counts the codes of one answer.
    mutating func add(_ codes: ArraySlice<Int>, weight: Double) {
        for code in codes { count(code, weight: weight) }
        if !codes.isEmpty {
            base.people += 1
            base.weight += weight
        }
    }

    private mutating func count(_ code: Int, weight: Double) {
        responses.people += 1
        responses.weight += weight
        if code >= 0, code < indexOfCode.count, indexOfCode[code] >= 0 {
            options[Int(indexOfCode[code])].people += 1
            options[Int(indexOfCode[code])].weight += weight
        } else {
            unlisted[code, default: ValueCounter.Tally()].people += 1
            unlisted[code, default: ValueCounter.Tally()].weight += weight
        }
    }

    mutating func merge(_ other: MultipleCounter) {
        for index in options.indices {
            options[index].people += other.options[index].people
            options[index].weight += other.options[index].weight
        }
        for (code, tally) in other.unlisted {
            unlisted[code, default: ValueCounter.Tally()].people += tally.people
            unlisted[code, default: ValueCounter.Tally()].weight += tally.weight
        }
        responses.people += other.responses.people
        responses.weight += other.responses.weight
        base.people += other.base.people
        base.weight += other.base.weight
    }
}

/// The listwise-complete cases of a scale's items, for Cronbach's alpha.
struct ScaleTally: Sendable {
    let slots: [Int]
    /// For a reverse-scored item, the sum of its lowest and highest code (x becomes sum - x).
    let reflections: [Double?]
    var covariances: CovarianceAccumulator
    var people = 0
    private var buffer: [Double]

    init(slots: [Int], reflections: [Double?]) {
        self.slots = slots
        self.reflections = reflections
        covariances = CovarianceAccumulator(count: slots.count)
        buffer = Array(repeating: 0, count: slots.count)
    }

    mutating func add(
        _ statuses: UnsafeBufferPointer<StoredStatus>, _ numbers: UnsafeBufferPointer<Double>, weight: Double
    ) {
        guard !slots.isEmpty else { return }
        for (index, slot) in slots.enumerated() {
            guard statuses[slot] == .answered, numbers[slot].isFinite else { return }
            let value = numbers[slot]
            buffer[index] = reflections[index].map { $0 - value } ?? value
        }
        covariances.add(buffer, weight: weight)
        people += 1
    }

    mutating func merge(_ other: ScaleTally) {
        covariances.merge(other.covariances)
        people += other.people
    }
}
