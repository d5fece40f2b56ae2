import Foundation

/// Which way is better on a measure.
package enum Direction: String, Sendable, Equatable, Codable {
    /// Higher scores are better (wellbeing).
    case higherIsBetter = "higher"
    /// Lower scores are better (PHQ-9, GAD-7).
    case lowerIsBetter = "lower"
}

/// Reliable and clinically significant change, participant by participant.
///
/// By Jacobson and Truax (1991): the reliable change index of a participant is their change
/// divided by S_diff = sqrt(2) x SEm, SEm = SD x sqrt(1 - r), with SD the first wave's SD of the
/// paired sample and r the measure's reliability; beyond +-1.96 the change is reliable. Or by a
/// fixed published threshold (NHS Talking Therapies: a fall of 6 or more on PHQ-9, 4 or more on
/// GAD-7). Clinically significant change ("recovered") is a reliable improvement that also
/// crosses a cut-off from the clinical side to the other (higher is better: below the cut-off
/// before, at or above it after; lower is better: at or above before, below after).
package struct ReliableChange: Sendable, Equatable {
    /// How reliable change is decided.
    package enum Criterion: Sendable, Equatable {
        /// The Jacobson-Truax index with this reliability (from the plan, or Cronbach's alpha at the
        /// first wave); `source` says which, for the report.
        case index(reliability: Double, source: String)
        /// A change of at least this size in the better direction (and in the worse direction
        /// for deterioration).
        case threshold(Double)
    }

    /// The criterion used.
    package var criterion: Criterion
    /// S_diff of the Jacobson-Truax index; `nil` with a fixed threshold.
    package var standardErrorOfDifference: Double?
    /// Each participant's index (`nil` with a fixed threshold).
    package var indices: [Double]?
    /// Participants reliably improved, unchanged and deteriorated.
    package var improved: Int, unchanged: Int, deteriorated: Int
    /// Participants reliably improved who crossed the cut-off (when one is given).
    package var recovered: Int?

    /// Classifies each pair.
    /// - Parameters:
    ///   - before: The first wave's values.
    ///   - after: The second wave's, in the same order.
    ///   - criterion: The index with a reliability, or a fixed threshold.
    ///   - direction: Which way is better.
    ///   - cutOff: The clinical cut-off, if any.
    /// - Returns: `nil` when the index cannot be computed (fewer than 2 pairs, or no spread).
    package init?(
        before: [Double], after: [Double], criterion: Criterion, direction: Direction, cutOff: Double? = nil
    ) {
        precondition(before.count == after.count)
        self.criterion = criterion
        let changes = zip(after, before).map { $0 - $1 }
        let better: (Double) -> Bool, worse: (Double) -> Bool
        switch criterion {
        case .index(let reliability, _):
            guard before.count > 1, (0...1).contains(reliability) else { return nil }
            let mean = NeumaierSum.of(before) / Double(before.count)
            let sd = (NeumaierSum.of(before.map { ($0 - mean) * ($0 - mean) }) / Double(before.count - 1)).squareRoot()
            let sDiff = 2.0.squareRoot() * sd * (1 - reliability).squareRoot()
            guard sDiff > 0 else { return nil }
            standardErrorOfDifference = sDiff
            let indices = changes.map { $0 / sDiff }
            self.indices = indices
            let sign = direction == .higherIsBetter ? 1.0 : -1.0
            better = { sign * $0 / sDiff > 1.96 }
            worse = { sign * $0 / sDiff < -1.96 }
        case .threshold(let size):
            let sign = direction == .higherIsBetter ? 1.0 : -1.0
            better = { sign * $0 >= size }
            worse = { sign * $0 <= -size }
        }
        improved = changes.filter(better).count
        deteriorated = changes.filter(worse).count
        unchanged = changes.count - improved - deteriorated
        if let cutOff {
            recovered = zip(before, after).filter { pair in
                guard better(pair.1 - pair.0) else { return false }
                switch direction {
                case .higherIsBetter: return pair.0 < cutOff && pair.1 >= cutOff
                case .lowerIsBetter: return pair.0 >= cutOff && pair.1 < cutOff
                }
            }.count
        }
    }
}
