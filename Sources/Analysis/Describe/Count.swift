/// Whether a published count is shown.
package enum Visibility: String, Sendable, Codable {
    /// Shown.
    case shown
    /// A small count (1 to `--min-cell` - 1), hidden (printed as `x`).
    case small
    /// Hidden so that a small count cannot be worked out from totals or percentages (printed as
    /// `x`, like a small count: a reader cannot tell the two apart).
    case hidden

    /// How every hidden count is printed.
    package static let hiddenMark = "x"
}

/// A count of people in a table: the number of interviews, the sum of their weights (the same
/// when unweighted), and whether small-cell suppression lets it be shown. Renderers print only
/// what ``display(minCell:)`` returns.
package struct Count: Sendable, Equatable {
    /// The number of interviews (unweighted), which decides suppression.
    package var people: Int
    /// The count reported: the sum of weights (equal to `people` when unweighted).
    package var weight: Double
    /// Whether it may be shown.
    package var visibility: Visibility = .shown

    /// Creates a shown count.
    /// - Parameters:
    ///   - people: The number of interviews.
    ///   - weight: The sum of their weights.
    package init(people: Int, weight: Double) {
        self.people = people
        self.weight = weight
    }

    /// An unweighted count.
    /// - Parameter people: The number of interviews.
    package init(_ people: Int) { self.init(people: people, weight: Double(people)) }

    init(_ tally: ValueCounter.Tally) { self.init(people: tally.people, weight: tally.weight) }

    /// Whether the count may be shown.
    package var isShown: Bool { visibility == .shown }

    /// The value when shown.
    package var shown: Double? { isShown ? weight : nil }

    /// Adds another count (visibility is decided later).
    static func + (lhs: Count, rhs: Count) -> Count {
        Count(people: lhs.people + rhs.people, weight: lhs.weight + rhs.weight)
    }

    /// A percentage of a total, `nil` unless both may be shown and the total is not zero.
    /// - Parameter total: The denominator.
    /// - Returns: The percentage.
    package func percent(of total: Count) -> Double? {
        guard isShown, total.isShown, total.weight > 0 else { return nil }
        return weight / total.weight * 100
    }
}
