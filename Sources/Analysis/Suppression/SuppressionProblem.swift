/// The counts of one table (or of linked tables) and the sums that tie them together, for
/// small-cell suppression.
///
/// **Primary suppression** hides every count from 1 to `minCell - 1`. **Secondary suppression**
/// then hides further counts until every hidden small count is protected by ``ProtectionRule``:
/// the published sums (row and column totals, the number answered, the number of cases, running
/// totals behind cumulative percentages) are linear relations between the hidden counts, and
/// for each hidden small count a linear programme (``IntervalSolver``, GLPK) finds the smallest
/// and largest value it can take. While a small count is not protected, the cheapest count
/// sharing a sum with it is hidden as well: the smallest count of at least `minCell` (it widens
/// the interval by at least `minCell`), else the smallest non-zero one, else a total. Counts
/// hidden this way that turn out not to be needed are shown again, largest first.
struct SuppressionProblem {
    /// What secondary suppression may do with a count.
    enum Role {
        /// Hidden as a complement first.
        case candidate
        /// Hidden only when no candidate helps (totals).
        case fallback
        /// Decided elsewhere (the margins of a cross-tab come from the frequency tables), never
        /// hidden (the number of cases), or never published (an unknown to the attacker).
        case fixed
    }

    private struct Cell {
        var people: Int
        var value: Double
        var state: Visibility
        var role: Role
        /// What an attacker knows the count is at least (1 for a histogram's first and last bar).
        var atLeast: Double
    }

    let minCell: Int
    /// Whether counts are whole numbers of people (unweighted).
    let integral: Bool
    var rule: ProtectionRule { ProtectionRule(minCell: minCell, integral: integral) }
    private var cells: [Cell] = []
    private var equations: [[(cell: Int, coefficient: Double)]] = []

    init(minCell: Int, integral: Bool) {
        self.minCell = minCell
        self.integral = integral
    }

    /// Adds a count; a fixed count keeps its visibility, the others are decided by ``solve()``.
    /// - Parameters:
    ///   - count: The count.
    ///   - role: What secondary suppression may do with it.
    ///   - atLeast: What anyone knows the count is at least, whatever is hidden.
    mutating func add(_ count: Count, role: Role, atLeast: Double = 0) -> Int {
        cells.append(
            Cell(
                people: count.people, value: count.weight, state: role == .fixed ? count.visibility : .shown,
                role: role, atLeast: atLeast))
        return cells.count - 1
    }

    /// Publishes `sum(parts) = total`.
    mutating func sum(_ parts: [Int], equals total: Int) {
        equations.append(parts.map { ($0, 1) } + [(total, -1)])
    }

    /// Publishes `sum(plus) = sum(minus)`.
    mutating func equation(_ plus: [Int], equals minus: [Int]) {
        equations.append(plus.map { ($0, 1) } + minus.map { ($0, -1) })
    }

    /// How many counts this problem hid (fixed counts are counted where they were decided).
    var hiddenCounts: (small: Int, hidden: Int) {
        var small = 0, hidden = 0
        for cell in cells where cell.role != .fixed {
            if cell.state == .small { small += 1 } else if cell.state == .hidden { hidden += 1 }
        }
        return (small, hidden)
    }

    /// A count with the visibility decided for its cell.
    func decided(_ count: Count, _ cell: Int) -> Count {
        var count = count
        count.visibility = cells[cell].state
        return count
    }

    /// The visibility decided for a count.
    func visibility(_ cell: Int) -> Visibility { cells[cell].state }

    /// Whether the count was hidden (small or as a complement).
    func isHidden(_ cell: Int) -> Bool { cells[cell].state != .shown }

    /// Applies primary and then secondary suppression, then shows again any complement that
    /// turned out not to be needed.
    mutating func solve() {
        guard minCell > 1 else { return }
        for index in cells.indices where cells[index].role != .fixed {
            if rule.isSensitive(people: cells[index].people) { cells[index].state = .small }
        }
        // Small counts decided elsewhere (a linked frequency table's) must stay protected too.
        guard cells.contains(where: { $0.state == .small }) else { return }
        var complements: [Int] = []
        for _ in 0...cells.count {
            guard let exposed = unprotected().first else { break }
            guard let complement = complement(for: exposed) else {
                // Nothing left that widens it (a table of fewer than `minCell` people): hide every
                // count that may be hidden, so that at least none is exact; the audit reports it.
                for index in cells.indices where cells[index].role != .fixed && cells[index].state == .shown {
                    cells[index].state = .hidden
                }
                break
            }
            cells[complement].state = .hidden
            complements.append(complement)
        }
        for cell in complements.sorted(by: { (cells[$0].value, $0) > (cells[$1].value, $1) }) {
            cells[cell].state = .shown
            if !unprotected().isEmpty { cells[cell].state = .hidden }
        }
    }

    /// Publishes one more sum of known total (a running total behind a cumulative percent) if
    /// every hidden small count stays protected; returns whether it was published.
    mutating func publish(sumOf parts: [Int]) -> Bool {
        let total = parts.reduce(0.0) { $0 + cells[$1].value }
        let known = add(Count(people: parts.reduce(0) { $0 + cells[$1].people }, weight: total), role: .fixed)
        equations.append(parts.map { ($0, 1) } + [(known, -1)])
        if minCell > 1, parts.contains(where: { cells[$0].state != .shown }), !unprotected().isEmpty {
            equations.removeLast()
            return false
        }
        return true
    }

    /// The linear system an attacker has: every hidden count an unknown, every sum a relation.
    private func system() -> (system: LinearSystem, unknownOf: [Int: Int]) {
        var system = LinearSystem()
        var unknownOf: [Int: Int] = [:]
        let ceiling = cells.map(\.value).max() ?? 0
        for index in cells.indices where cells[index].state != .shown {
            unknownOf[index] = system.unknown(cells[index].atLeast...max(cells[index].atLeast, ceiling))
        }
        for equation in equations {
            var known = 0.0
            var terms: [(unknown: Int, coefficient: Double)] = []
            for term in equation {
                if let unknown = unknownOf[term.cell] {
                    terms.append((unknown, term.coefficient))
                } else {
                    known += term.coefficient * cells[term.cell].value
                }
            }
            system.relate(terms, between: -known, and: -known)
        }
        return (system, unknownOf)
    }

    /// Hidden small counts (decided here or in a linked table) that the published sums do not
    /// protect, in order.
    private func unprotected() -> [Int] {
        let sensitive = cells.indices.filter { cells[$0].state == .small }
        guard !sensitive.isEmpty else { return [] }
        let (system, unknownOf) = system()
        let intervals = IntervalSolver.intervals(system, of: sensitive.map { unknownOf[$0]! })
        return sensitive.filter { cell in
            guard let interval = intervals[unknownOf[cell]!] else { return true }
            return !rule.protects(interval, value: cells[cell].value)
        }
    }

    /// The count to hide next for an unprotected small count: among the counts sharing a sum
    /// with it, the smallest candidate of at least `minCell`, else the smallest non-zero
    /// candidate, else the smallest total; failing those, the same anywhere in the table.
    private func complement(for exposed: Int) -> Int? {
        let related = Set(equations.filter { $0.contains { $0.cell == exposed } }.flatMap { $0.map(\.cell) }).sorted()
        let everywhere = Array(cells.indices)
        func best(_ pool: [Int], _ role: Role, atLeast: Int) -> Int? {
            pool.filter { cells[$0].state == .shown && cells[$0].role == role && cells[$0].people >= atLeast }
                .min { (cells[$0].value, $0) < (cells[$1].value, $1) }
        }
        return best(related, .candidate, atLeast: minCell) ?? best(related, .candidate, atLeast: 1)
            ?? best(related, .fallback, atLeast: 1) ?? best(everywhere, .candidate, atLeast: minCell)
            ?? best(everywhere, .candidate, atLeast: 1) ?? best(everywhere, .fallback, atLeast: 1)
    }
}
