@testable import Analysis

/// Someone trying to work out suppressed counts from a published table: every hidden count is an
/// unknown between 0 and the total (a small count looks like any other hidden one: both print
/// as `x`), every published sum is an equation, and a search finds the values each unknown can
/// take. A suppressed small count is safe when it can take at least two values (the audit's
/// rule is stricter; see ``ProtectionRule``).
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
            unknowns.append(Unknown(low: 0, high: ceiling, small: true))
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

    /// The small unknowns that can take only one value: for each, the search looks for
    /// assignments of all unknowns that satisfy every equation with two different values of it.
    func exposed() -> [Int] {
        unknowns.indices.filter { index in
            guard unknowns[index].small else { return false }
            var possible = 0
            for value in unknowns[index].low...unknowns[index].high {
                var assignment = [Int?](repeating: nil, count: unknowns.count)
                assignment[index] = value
                var budget = 200_000
                if feasible(&assignment, &budget) { possible += 1 }
                if possible >= 2 { return false }
            }
            return true
        }
    }

    /// Whether the partial assignment extends to one that satisfies every equation (depth-first,
    /// fixing any unknown that an equation with one open unknown determines).
    private func feasible(_ assignment: inout [Int?], _ budget: inout Int) -> Bool {
        budget -= 1
        guard budget > 0 else { return false }
        var forced: [Int] = []
        defer { for index in forced { assignment[index] = nil } }
        var changed = true
        while changed {
            changed = false
            for equation in equations {
                let open = equation.terms.filter { assignment[$0.0] == nil }
                let known = equation.terms.filter { assignment[$0.0] != nil }.reduce(0) {
                    $0 + $1.1 * assignment[$1.0]!
                }
                if open.isEmpty {
                    if known != equation.value { return false }
                    continue
                }
                guard open.count == 1 else { continue }
                let remainder = equation.value - known
                guard remainder % open[0].1 == 0 else { return false }
                let value = remainder / open[0].1
                guard value >= unknowns[open[0].0].low, value <= unknowns[open[0].0].high else { return false }
                assignment[open[0].0] = value
                forced.append(open[0].0)
                changed = true
            }
        }
        let open = assignment.indices.filter { assignment[$0] == nil }
        guard let next = open.min(by: { unknowns[$0].high - unknowns[$0].low < unknowns[$1].high - unknowns[$1].low })
        else {
            return true
        }
        for value in unknowns[next].low...unknowns[next].high {
            assignment[next] = value
            if feasible(&assignment, &budget) {
                assignment[next] = nil
                return true
            }
            assignment[next] = nil
            if budget <= 0 { return false }
        }
        return false
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

extension Count {
    /// The same count hidden (an unpublished count, unknown to the attacker).
    var hiddenForTests: Count { withVisibility(.hidden) }

    /// The same count with another visibility.
    func withVisibility(_ visibility: Visibility) -> Count {
        var count = self
        count.visibility = visibility
        return count
    }
}
