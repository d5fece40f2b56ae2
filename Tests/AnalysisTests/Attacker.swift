@testable import Analysis

/// Someone trying to work out suppressed counts from a published table: every hidden count is an
/// unknown (a small one between 1 and N-1, any other between 0 and the total), every published
/// sum is an equation, and a search finds the values each unknown can take. A suppressed small
/// count is safe when it can take at least two values.
struct Attacker {
    struct Unknown {
        var low: Int
        var high: Int
        var small: Bool
    }

    private(set) var unknowns: [Unknown] = []
    /// Equations: terms over unknowns, equal to a known value.
    private var equations: [(terms: [(Int, Int)], value: Int)] = []
    let minCell: Int
    let ceiling: Int

    init(minCell: Int, ceiling: Int) {
        self.minCell = minCell
        self.ceiling = ceiling
    }

    /// A published count: a known number, or an unknown.
    enum Cell {
        case known(Int)
        case unknown(Int)
    }

    /// What the attacker sees in place of a count.
    mutating func cell(_ count: Count) -> Cell {
        switch count.visibility {
        case .shown: return .known(count.people)
        case .small:
            unknowns.append(Unknown(low: 1, high: minCell - 1, small: true))
            return .unknown(unknowns.count - 1)
        case .hidden:
            unknowns.append(Unknown(low: 0, high: ceiling, small: false))
            return .unknown(unknowns.count - 1)
        }
    }

    /// `sum(parts) = total`.
    mutating func sum(_ parts: [Cell], equals total: Cell) {
        equation(parts.map { ($0, 1) } + [(total, -1)])
    }

    /// `sum(coefficient * cell) = 0`.
    mutating func equation(_ terms: [(Cell, Int)]) {
        var value = 0
        var unknownTerms: [(Int, Int)] = []
        for (cell, coefficient) in terms {
            switch cell {
            case .known(let number): value -= coefficient * number
            case .unknown(let index): unknownTerms.append((index, coefficient))
            }
        }
        if !unknownTerms.isEmpty { equations.append((unknownTerms, value)) }
    }

    /// The small unknowns that can take only one value.
    func exposed() -> [Int] {
        var seen = unknowns.map { _ in Set<Int>() }
        var assignment = [Int?](repeating: nil, count: unknowns.count)
        search(&assignment, &seen, budget: 2_000_000)
        return unknowns.indices.filter { unknowns[$0].small && seen[$0].count < 2 }
    }

    private func search(_ assignment: inout [Int?], _ seen: inout [Set<Int>], budget: Int) {
        var steps = 0
        func satisfied(_ assignment: [Int?]) -> Bool {
            for equation in equations where equation.terms.allSatisfy({ assignment[$0.0] != nil }) {
                if equation.terms.reduce(0, { $0 + $1.1 * assignment[$1.0]! }) != equation.value { return false }
            }
            return true
        }
        func recurse(_ assignment: inout [Int?]) {
            steps += 1
            if steps > budget { return }
            // Propagate: an equation with one unassigned unknown fixes it.
            var forced: [Int] = []
            var changed = true
            while changed {
                changed = false
                for equation in equations {
                    let open = equation.terms.filter { assignment[$0.0] == nil }
                    guard open.count == 1 else { continue }
                    let rest = equation.terms.filter { assignment[$0.0] != nil }.reduce(0) { $0 + $1.1 * assignment[$1.0]! }
                    let remainder = equation.value - rest
                    guard remainder % open[0].1 == 0 else { undo(&assignment, forced); return }
                    let value = remainder / open[0].1
                    let unknown = unknowns[open[0].0]
                    guard value >= unknown.low, value <= unknown.high else { undo(&assignment, forced); return }
                    assignment[open[0].0] = value
                    forced.append(open[0].0)
                    changed = true
                }
            }
            guard satisfied(assignment) else { undo(&assignment, forced); return }
            guard let next = assignment.indices.first(where: { assignment[$0] == nil }) else {
                for index in assignment.indices { seen[index].insert(assignment[index]!) }
                undo(&assignment, forced)
                return
            }
            for value in unknowns[next].low...unknowns[next].high {
                assignment[next] = value
                recurse(&assignment)
                assignment[next] = nil
                if steps > budget { break }
            }
            undo(&assignment, forced)
        }
        func undo(_ assignment: inout [Int?], _ forced: [Int]) {
            for index in forced { assignment[index] = nil }
        }
        recurse(&assignment)
    }

    /// The attacker's view of a frequency table: its counts, the number answered, each missing
    /// reason and the total, and the running sums behind shown cumulative percentages.
    static func frequencyTable(_ result: VariableResult, minCell: Int) -> Attacker {
        var attacker = Attacker(minCell: minCell, ceiling: result.cases.total.people)
        let rows = (result.frequencies ?? []).map { attacker.cell($0.count) }
        let valid = attacker.cell(result.cases.valid)
        let missing = result.cases.missing.map { attacker.cell($0.count) }
        let total = attacker.cell(result.cases.total)
        if !rows.isEmpty { attacker.sum(rows, equals: valid) }
        attacker.sum([valid] + missing, equals: total)
        if case .known(let answered) = valid {
            for (index, row) in (result.frequencies ?? []).enumerated() {
                guard let cumulative = row.cumulativePercent else { continue }
                let running = Int((cumulative * Double(answered) / 100).rounded())
                attacker.sum(Array(rows[0...index]), equals: .known(running))
            }
        }
        return attacker
    }
}
