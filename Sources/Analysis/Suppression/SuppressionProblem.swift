/// The counts of one table (or of linked tables) and the sums that tie them together, for
/// small-cell suppression.
///
/// **Primary suppression** hides every count from 1 to `minCell - 1`. **Secondary suppression**
/// then hides further counts until no small count can be worked out exactly: the published
/// sums (row and column totals, the number answered, the number of cases, running totals behind
/// cumulative percentages) form linear equations in the hidden counts, and a hidden count is
/// exposed when those equations determine it. That is checked by Gaussian elimination: in the
/// reduced row echelon form of the equations restricted to the hidden counts, a count is
/// determined exactly when some row has no other non-zero entry. It is also exposed when the
/// only hidden counts in one sum are small ones whose total leaves them a single possibility
/// (all 1, or all `minCell - 1`). While a small count is exposed, the smallest non-zero count
/// sharing a sum with it is hidden as well.
struct SuppressionProblem {
    /// What secondary suppression may do with a count.
    enum Role {
        /// Hidden as a complement first.
        case candidate
        /// Hidden only when no candidate helps (totals).
        case fallback
        /// Decided elsewhere (the margins of a cross-tab come from the frequency tables), or
        /// never hidden (the number of cases).
        case fixed
    }

    private struct Cell {
        var people: Int
        var value: Double
        var state: Visibility
        var role: Role
    }

    let minCell: Int
    /// Whether counts are whole numbers of people (unweighted), which the bounds check needs.
    let integral: Bool
    private var cells: [Cell] = []
    private var equations: [[(cell: Int, coefficient: Double)]] = []

    init(minCell: Int, integral: Bool) {
        self.minCell = minCell
        self.integral = integral
    }

    /// Adds a count; a fixed count keeps its visibility, the others are decided by ``solve()``.
    mutating func add(_ count: Count, role: Role) -> Int {
        cells.append(
            Cell(
                people: count.people, value: count.weight, state: role == .fixed ? count.visibility : .shown, role: role
            ))
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
            if (1..<minCell).contains(cells[index].people) { cells[index].state = .small }
        }
        guard cells.contains(where: { $0.state == .small }) else { return }
        var complements: [Int] = []
        for _ in 0...cells.count {
            guard let exposed = exposed().first else { break }
            guard let complement = complement(for: exposed.cell, zeroHelps: !exposed.byBounds) else { break }
            cells[complement].state = .hidden
            complements.append(complement)
        }
        for cell in complements.reversed() {
            cells[cell].state = .shown
            if !exposed().isEmpty { cells[cell].state = .hidden }
        }
    }

    /// Publishes one more sum of known total (a running total behind a cumulative percent) if
    /// that exposes no small count; returns whether it was published.
    mutating func publish(sumOf parts: [Int]) -> Bool {
        let total = parts.reduce(0.0) { $0 + cells[$1].value }
        let known = add(Count(people: parts.reduce(0) { $0 + cells[$1].people }, weight: total), role: .fixed)
        equations.append(parts.map { ($0, 1) } + [(known, -1)])
        if minCell > 1, !exposed().isEmpty {
            equations.removeLast()
            return false
        }
        return true
    }

    /// Small counts that the published sums determine, exactly (by the equations) or by their
    /// bounds.
    private func exposed() -> [(cell: Int, byBounds: Bool)] {
        let unknown = cells.indices.filter { cells[$0].state != .shown }
        guard !unknown.isEmpty else { return [] }
        var column: [Int: Int] = [:]
        for (position, cell) in unknown.enumerated() { column[cell] = position }
        var rows: [[Double]] = []
        for equation in equations {
            var row = [Double](repeating: 0, count: unknown.count)
            var any = false
            for term in equation {
                if let position = column[term.cell] {
                    row[position] += term.coefficient
                    any = true
                }
            }
            if any { rows.append(row) }
        }
        let determined = Set(Self.determined(rows, columns: unknown.count).map { unknown[$0] })
        let bounded = integral ? boundExposed(determined) : []
        return unknown.compactMap { cell in
            guard cells[cell].state == .small else { return nil }
            if determined.contains(cell) { return (cell, false) }
            return bounded.contains(cell) ? (cell, true) : nil
        }
    }

    /// Small counts pinned by their bounds, in a sum whose open counts (hidden and not
    /// determined) all have the same sign: each small count is at least 1 and at most `minCell`
    /// - 1, each other hidden count at least 0. If the open counts must add up to the number of
    /// small ones, each small one is 1; if only small ones are open and they must add up to k
    /// times (`minCell` - 1), each is `minCell` - 1.
    private func boundExposed(_ determined: Set<Int>) -> Set<Int> {
        var exposed = Set<Int>()
        for equation in equations {
            let open = equation.filter { cells[$0.cell].state != .shown && !determined.contains($0.cell) }
            let small = open.filter { cells[$0.cell].state == .small }
            guard !small.isEmpty else { continue }
            let sign = open[0].coefficient
            guard open.allSatisfy({ $0.coefficient == sign }) else { continue }
            let known = equation.filter { term in !open.contains { $0.cell == term.cell } }
                .reduce(0.0) { $0 + $1.coefficient * cells[$1.cell].value }
            let total = -known / sign
            let k = Double(small.count)
            if total <= k || (open.count == small.count && total >= k * Double(minCell - 1)) {
                exposed.formUnion(small.map(\.cell))
            }
        }
        return exposed
    }

    /// The columns a system of equations determines (reduced row echelon form).
    static func determined(_ matrix: [[Double]], columns: Int) -> [Int] {
        var rows = matrix
        var pivotRow = 0
        var pivots: [(row: Int, column: Int)] = []
        for column in 0..<columns where pivotRow < rows.count {
            var best = pivotRow
            for row in pivotRow..<rows.count where abs(rows[row][column]) > abs(rows[best][column]) { best = row }
            guard abs(rows[best][column]) > 1e-9 else { continue }
            rows.swapAt(pivotRow, best)
            let pivot = rows[pivotRow][column]
            for index in 0..<columns { rows[pivotRow][index] /= pivot }
            for row in rows.indices where row != pivotRow && abs(rows[row][column]) > 1e-12 {
                let factor = rows[row][column]
                for index in 0..<columns { rows[row][index] -= factor * rows[pivotRow][index] }
            }
            pivots.append((pivotRow, column))
            pivotRow += 1
        }
        return pivots.filter { pivot in
            (0..<columns).allSatisfy { $0 == pivot.column || abs(rows[pivot.row][$0]) < 1e-9 }
        }.map(\.column)
    }

    /// The count to hide next: the smallest non-zero candidate sharing a sum with the exposed
    /// count, else a zero sharing a sum with it (shown as `x`, it stops the exposed count from
    /// being the difference of the others), else a total sharing a sum with it, else the same
    /// anywhere in the table.
    private func complement(for exposed: Int, zeroHelps: Bool) -> Int? {
        let related = Set(equations.filter { $0.contains { $0.cell == exposed } }.flatMap { $0.map(\.cell) }).sorted()
        let everywhere = Array(cells.indices)
        func best(_ pool: [Int], _ role: Role, zero: Bool = false) -> Int? {
            pool.filter {
                cells[$0].state == .shown && cells[$0].role == role
                    && (zero ? cells[$0].people == 0 : cells[$0].people > 0)
            }
            .min { (cells[$0].people, $0) < (cells[$1].people, $1) }
        }
        // A zero does not help a count pinned by its bounds (the sum it would join stays as small).
        let zeros = { (pool: [Int]) in zeroHelps ? best(pool, .candidate, zero: true) : nil }
        return best(related, .candidate) ?? zeros(related) ?? best(related, .fallback)
            ?? best(everywhere, .candidate) ?? zeros(everywhere) ?? best(everywhere, .fallback)
            ?? best(everywhere, .candidate, zero: true)
    }
}
