/// When a hidden count is protected: the interval an attacker can prove for it from everything
/// published with it is at least `minCell` wide, and the attacker can exclude no side of the
/// true count (values below it and values above it both remain possible).
///
/// With `minCell` 10, a hidden 3 is protected by an interval such as 0 to 12, not by 1 to 9
/// (8 wide) nor by 3 to 15 (the attacker knows it is at least 3). For counts of people the
/// interval is first narrowed to whole numbers (0.4 to 12.7 proves 1 to 12).
struct ProtectionRule: Sendable, Equatable {
    /// The threshold: counts from 1 to `minCell - 1` are sensitive.
    let minCell: Int
    /// Whether counts are whole numbers of people (unweighted).
    let integral: Bool

    /// Whether a count is sensitive: from 1 to `minCell - 1` people.
    func isSensitive(people: Int) -> Bool { minCell > 1 && (1..<minCell).contains(people) }

    /// The interval an attacker can prove, as whole numbers when counts are whole.
    func proven(_ interval: ClosedRange<Double>) -> ClosedRange<Double> {
        guard integral else { return interval }
        let low = (interval.lowerBound - 1e-6).rounded(.up)
        let high = interval.upperBound.isInfinite ? interval.upperBound : (interval.upperBound + 1e-6).rounded(.down)
        return low...max(low, high)
    }

    /// Whether a hidden count with this true value is protected by this interval.
    func protects(_ interval: ClosedRange<Double>, value: Double) -> Bool {
        let proven = proven(interval)
        let tolerance = integral ? 0 : 1e-9 * max(1, abs(value))
        return proven.upperBound - proven.lowerBound >= Double(minCell) - tolerance
            && proven.lowerBound < value - tolerance && value + tolerance < proven.upperBound
    }
}
