import Foundation

/// How numbers are written in every report, codebook and machine-readable file: one formatter,
/// the same on every machine (no locale), so that identical numbers print identically
/// everywhere.
package enum NumberFormat {
    /// A number with exactly `places` decimals (`12.50`), rounded from its exact binary value;
    /// an empty string for a missing or non-finite value. Never `-0.00`.
    package static func fixed(_ value: Double?, places: Int) -> String {
        guard let value, value.isFinite else { return "" }
        let text = String(format: "%.\(places)f", value)
        return text == "-0" || text.hasPrefix("-0.") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// A number with at most `places` decimals, trailing zeros removed (`34`, `25.4`).
    package static func number(_ value: Double?, places: Int = 4) -> String {
        var text = fixed(value, places: places)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A percentage with one decimal, or an empty cell.
    package static func percent(_ value: Double?) -> String {
        guard let value else { return "" }
        return fixed(value, places: 1)
    }

    /// A statistic with `places` decimals: 2 for means and SDs, 3 for coefficients.
    package static func statistic(_ value: Double?, places: Int = 2) -> String { fixed(value, places: places) }

    /// A p-value: `<0.001` when tiny.
    package static func p(_ value: Double) -> String { value < 0.001 ? "<0.001" : fixed(value, places: 3) }

    /// A number for machines (CSV and JSON): the shortest text that reads back as the same
    /// Double, in plain decimal notation that every reader takes (SPSS, PSPP, R, pandas,
    /// Frictionless): whole numbers as integers (`1000000000000000`, never `1e+15` or `.0`),
    /// small ones as `0.0000001` (never `1e-07`); only beyond 10^21 or below 10^-30 with an
    /// exponent. An empty string when not finite.
    package static func exact(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value.rounded() == value, abs(value) < 9.2e18 { return String(Int64(value)) }
        let shortest = "\(value)"
        guard let e = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }), abs(value) < 1e21, abs(value) >= 1e-30,
            let exponent = Int(shortest[shortest.index(after: e)...])
        else { return shortest }
        var mantissa = String(shortest[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let digits = parts.joined()
        let point = parts[0].count + exponent  // where the decimal point falls in `digits`
        var text: String
        if point <= 0 {
            text = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            text = digits + String(repeating: "0", count: point - digits.count)
        } else {
            text = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return (negative ? "-" : "") + text
    }

    /// `1 interview`, `2 interviews`.
    package static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
