package import Presentation

/// How numbers are written in reports: the shared ``NumberFormat``, and counts as reports show
/// them.
typealias Formatting = NumberFormat

extension NumberFormat {
    /// A count: the number when shown, `<N` when small, `x` when hidden to protect a small one.
    static func count(_ count: Count, minCell: Int) -> String {
        switch count.visibility {
        case .shown: return number(count.weight, places: 2)
        case .small: return "<\(minCell)"
        case .hidden: return "x"
        }
    }
}
