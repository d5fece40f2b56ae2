import Instrument

/// A variable's frequency table (or just its answered and missing counts) after suppression:
/// the unit every cross-tabulation links to, so that its margins hide what the table hides.
struct OneWay {
    /// The rows' categories (categorical variables), then unlisted codes.
    var categories: [Category]
    /// Their counts, with visibility decided.
    var counts: [Count]
    /// Which rows hold codes the instrument does not list.
    var unlisted: [Bool]
    /// Answered, missing by reason and total, with visibility decided.
    var cases: CaseCounts
    /// The cumulative percent of each row, where it may be shown.
    var cumulative: [Double?]
    /// Counts hidden by this table.
    var small = 0
    var hidden = 0

    /// Solves the table on its own: categories and missing reasons are hidden first, the number
    /// answered only if needed, the number of cases never. `cases` lists every missing reason,
    /// those nobody gave with a count of 0.
    init(categories: [Category], counts: [Count], unlisted: [Bool], cases: CaseCounts, minCell: Int, integral: Bool) {
        self.categories = categories
        self.unlisted = unlisted
        var problem = SuppressionProblem(minCell: minCell, integral: integral)
        let cells = Self.add(counts: counts, cases: cases, to: &problem, role: nil)
        problem.solve()
        self.counts = zip(counts, cells.categories).map { problem.decided($0, $1) }
        var decided = cases
        decided.valid = problem.decided(cases.valid, cells.valid)
        for index in decided.missing.indices {
            decided.missing[index].count = problem.decided(cases.missing[index].count, cells.missing[index])
        }
        // Reasons nobody gave are listed only when hidden (as a last-resort complement).
        decided.missing.removeAll { $0.count.people == 0 && $0.count.isShown }
        self.cases = decided
        var cumulative: [Double?] = []
        var running = NeumaierSum()
        for index in counts.indices {
            running.add(counts[index].weight)
            let published =
                decided.valid.isShown && decided.valid.weight > 0
                && problem.publish(sumOf: Array(cells.categories[0...index]))
            cumulative.append(published ? running.value / decided.valid.weight * 100 : nil)
        }
        self.cumulative = cumulative
        (small, hidden) = problem.hiddenCounts
    }

    /// The cells of a one-way table in a problem.
    struct Cells {
        var categories: [Int]
        var valid: Int
        var missing: [Int]
        var total: Int
    }

    /// Adds a table's counts and its sums to a problem: as candidates to decide (`role` nil), or
    /// fixed as already decided (to link a cross-tabulation to it).
    static func add(
        counts: [Count], cases: CaseCounts, to problem: inout SuppressionProblem, role: SuppressionProblem.Role?
    ) -> Cells {
        let categories = counts.map { problem.add($0, role: role ?? .candidate) }
        let valid = problem.add(cases.valid, role: role ?? .fallback)
        // A reason the instrument rules out is a known zero: hiding it would protect nothing.
        let missing = cases.missing.map { problem.add($0.count, role: $0.structural ? .fixed : role ?? .candidate) }
        var total = cases.total
        total.visibility = .shown
        let totalCell = problem.add(total, role: .fixed)
        if !categories.isEmpty { problem.sum(categories, equals: valid) }
        problem.sum([valid] + missing, equals: totalCell)
        return Cells(categories: categories, valid: valid, missing: missing, total: totalCell)
    }

    /// Adds this solved table to a problem as fixed counts.
    func link(into problem: inout SuppressionProblem) -> Cells {
        Self.add(counts: counts, cases: cases, to: &problem, role: .fixed)
    }

    /// Whether the number of missing cases can be worked out from what is shown.
    var missingTotalKnown: Bool { cases.valid.isShown || cases.missing.allSatisfy(\.count.isShown) }

    /// Whether any category count is hidden.
    var hidesCategories: Bool { counts.contains { !$0.isShown } }
}
