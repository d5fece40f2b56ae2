import Store

/// How the rows of one table are split by a `--by` variable: one group per category, one for
/// codes the instrument does not list, and one for cases without an answer.
struct Grouping: Sendable {
    let slot: Int
    let categories: [Category]
    private let groupOfCode: [Int: Int]

    init(slot: Int, categories: [Category]) {
        self.slot = slot
        self.categories = categories
        groupOfCode = Dictionary(categories.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Categories, then "unlisted codes", then "no answer".
    var count: Int { categories.count + 2 }
    var unlisted: Int { categories.count }
    var noAnswer: Int { categories.count + 1 }

    func group(of row: InterviewRow) -> Int {
        guard row.statuses[slot] == .answered else { return noAnswer }
        let value = row.numbers[slot]
        guard value.isFinite, value.rounded() == value, abs(value) < 1e15 else { return unlisted }
        return groupOfCode[Int(value)] ?? unlisted
    }
}

/// The running counts of one table: every variable it describes (per group), its scales, and
/// how many interviews it saw. The groups of all variables are kept in one flat array, so that
/// counting an answer touches one array element and the counter inside it.
struct TableTally: Sendable {
    /// Each variable's slot in the rows and how its value is read.
    let columns: [(slot: Int, mode: TallyMode)]
    /// Variable `v`, group `g` is at `v * groupCount + g`.
    var cells: [GroupTally]
    var scales: [ScaleTally]
    let grouping: Grouping?
    let weightSlot: Int?
    /// Interviews read, including those left out for their weight.
    var interviews = 0
    /// Interviews made by `simulate`.
    var simulated = 0
    /// Interviews left out because their weight is missing, zero or negative.
    var unweighted = 0

    var groupCount: Int { grouping?.count ?? 1 }

    init(
        variables: [(slot: Int, variable: DatasetVariable)], scales: [ScaleTally], grouping: Grouping?, weightSlot: Int?
    ) {
        columns = variables.map { ($0.slot, TallyMode($0.variable.kind)) }
        let groups = grouping?.count ?? 1
        cells = variables.flatMap {
            Array(repeating: GroupTally($0.variable, weighted: weightSlot != nil), count: groups)
        }
        self.scales = scales
        self.grouping = grouping
        self.weightSlot = weightSlot
    }

    /// Each variable's counts per group.
    var variables: [VariableTally] {
        let groups = groupCount
        return columns.indices.map {
            VariableTally(slot: columns[$0].slot, groups: Array(cells[($0 * groups)..<(($0 + 1) * groups)]))
        }
    }

    mutating func consume(_ row: InterviewRow) {
        interviews += 1
        if row.simulated { simulated += 1 }
        var weight = 1.0
        if let weightSlot {
            let value = row.numbers[weightSlot]
            guard row.statuses[weightSlot] == .answered, value.isFinite, value > 0 else {
                unweighted += 1
                return
            }
            weight = value
        }
        let group = grouping?.group(of: row) ?? 0
        let groups = groupCount
        row.statuses.withUnsafeBufferPointer { statuses in
            row.numbers.withUnsafeBufferPointer { numbers in
                columns.withUnsafeBufferPointer { columns in
                    cells.withUnsafeMutableBufferPointer { cells in
                        for index in columns.indices {
                            cells[index * groups + group].add(
                                columns[index].mode, columns[index].slot, statuses, numbers, row, weight: weight)
                        }
                    }
                }
                for index in scales.indices { scales[index].add(statuses, numbers, weight: weight) }
            }
        }
    }

    mutating func merge(_ other: TableTally) {
        for index in cells.indices { cells[index].merge(other.cells[index]) }
        for index in scales.indices { scales[index].merge(other.scales[index]) }
        interviews += other.interviews
        simulated += other.simulated
        unweighted += other.unweighted
    }
}

/// Every table of a report filled in one scan.
struct ReportTally: RowConsumer {
    var tables: [TableTally]

    mutating func consume(_ row: InterviewRow) {
        for index in tables.indices { tables[index].consume(row) }
    }

    mutating func merge(_ other: ReportTally) {
        for index in tables.indices { tables[index].merge(other.tables[index]) }
    }
}
