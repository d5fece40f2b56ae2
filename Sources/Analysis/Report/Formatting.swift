package import Presentation

/// How numbers are written in reports: the shared ``NumberFormat``, and counts as reports show
/// them.
typealias Formatting = NumberFormat

extension NumberFormat {
    /// A count: the number when shown, `x` when hidden. Small counts and the counts hidden to
    /// protect them look the same, so that nobody can tell which hidden count is the small one.
    static func count(_ count: Count, minCell: Int) -> String {
        switch count.visibility {
        case .shown: return number(count.weight, places: 2)
        case .small, .hidden: return Visibility.hiddenMark
        }
    }
}
