package import Instrument
package import Store

/// The change between two waves of a study: per measure the paired statistics and reliable
/// change, per categorical item the paired table, and the attrition between the waves. Counts
/// are protected as in every report (``Count``).
package struct ChangeReport: Sendable {
    /// One numeric measure.
    package struct Numeric: Sendable {
        package var name: String
        package var label: String
        package var isScore: Bool
        /// The paired statistics; `nil` with fewer pairs than the smallest count shown.
        package var change: PairedChange?
        /// Pairs, for the count shown beside the statistics.
        package var pairs: Count
        /// The measure's settings.
        package var measure: ChangeMeasure
        /// Reliable and clinically significant change, when it can be judged.
        package var reliable: ReliableChange?
        /// The counts reliably improved, unchanged, deteriorated and recovered, protected.
        package var improved: Count?, unchanged: Count?, deteriorated: Count?, recovered: Count?
        /// Why reliable change is not given, when it is not.
        package var reliableNote: String?
        /// The pairs themselves, for the HTML scatter (only when there are enough to show).
        package var points: [(before: Double, after: Double)]
        /// The first wave's mean of those retained and of those lost.
        package var retainedMean: Double?, lostMean: Double?
    }

    /// One categorical item.
    package struct Categorical: Sendable {
        package var name: String
        package var label: String
        /// The categories, in order.
        package var categories: [Category]
        /// The paired table, protected: `cells[i][j]` from `categories[i]` to `categories[j]`.
        package var cells: [[Count]]
        /// The test (McNemar for two categories, Bowker for more); `nil` when nothing is shown.
        package var test: CategoricalChange?
    }

    package var title: String
    package var plan: String
    package var from: StudyPlan.Wave
    package var to: StudyPlan.Wave
    /// Participants at the first wave (completed).
    package var participants: Int
    /// Of those: with the second wave completed, lost (its window closed without it), and still
    /// to come (not yet due, or due).
    package var retained: Count, lost: Count, pending: Count
    package var numeric: [Numeric]
    package var categorical: [Categorical]
    package var minCell: Int
    package var notes: [String]
}
