import Foundation

/// How numbers and counts are written in every format, the same on every machine (no locale).
enum Formatting {
    /// A count: the number when shown, `<N` when small, `x` when hidden to protect a small one.
    static func count(_ count: Count, minCell: Int) -> String {
        switch count.visibility {
        case .shown: return number(count.weight, places: 2)
        case .small: return "<\(minCell)"
        case .hidden: return "x"
        }
    }

    /// A percentage with one decimal, or an empty cell.
    static func percent(_ value: Double?) -> String {
        guard let value else { return "" }
        return fixed(value, places: 1)
    }

    /// A number with exactly `places` decimals.
    static func fixed(_ value: Double?, places: Int) -> String {
        guard let value, value.isFinite else { return "" }
        let text = String(format: "%.\(places)f", value)
        return text == "-0" || text.hasPrefix("-0.") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// A number with at most `places` decimals, trailing zeros removed (34, 25.4).
    static func number(_ value: Double?, places: Int = 4) -> String {
        var text = fixed(value, places: places)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A statistic with `places` significant decimals: 2 for means and SDs, 3 for coefficients.
    static func statistic(_ value: Double?, places: Int = 2) -> String { fixed(value, places: places) }

    /// A p-value: `<0.001` when tiny.
    static func p(_ value: Double) -> String { value < 0.001 ? "<0.001" : fixed(value, places: 3) }

    /// A number for machines (CSV and JSON): the shortest text that reads back as the same Double.
    static func exact(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// `1 interview`, `2 interviews`.
    static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
