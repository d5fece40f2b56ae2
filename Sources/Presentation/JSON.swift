/// A JSON document whose objects keep their keys in the order written, serialised the same way
/// every time (two-space indentation, `"key": value`): the one JSON writer of the reports,
/// datapackage.json and export.json.
package indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    /// A number; not finite is written as `null`.
    case number(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    /// How a document is laid out where formats differ.
    package struct Style: Sendable {
        /// Arrays kept on one line: those of numbers only, or of up to this many scalars.
        package var inlineScalars: Int?
        /// Also escape U+2028 and U+2029 in strings (valid JSON, but not JavaScript).
        package var escapeLineSeparators: Bool

        /// Reports: arrays of numbers on one line.
        package static let report = Style(inlineScalars: nil, escapeLineSeparators: false)
        /// Data descriptors (datapackage.json, export.json): short arrays of scalars on one line,
        /// line separators escaped.
        package static let descriptor = Style(inlineScalars: 40, escapeLineSeparators: true)
    }

    package static func == (lhs: JSON, rhs: JSON) -> Bool { lhs.rendered(.report) == rhs.rendered(.report) }

    /// A number, or null when absent or not finite.
    package static func optional(_ value: Double?) -> JSON {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    /// The document as text, ending without a newline.
    /// - Parameters:
    ///   - style: The layout.
    ///   - indent: The depth of this value (for nested calls).
    package func rendered(_ style: Style, indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1), close = String(repeating: "  ", count: indent)
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let value): return String(value)
        case .number(let value): return value.isFinite ? NumberFormat.exact(value) : "null"
        case .string(let text): return TextEscaping.jsonString(text, lineSeparators: style.escapeLineSeparators)
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            if inline(items, style) {
                return "[" + items.map { $0.rendered(style) }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { pad + $0.rendered(style, indent: indent + 1) }.joined(separator: ",\n")
                + "\n\(close)]"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            return "{\n"
                + members.map {
                    pad + TextEscaping.jsonString($0.0, lineSeparators: style.escapeLineSeparators) + ": "
                        + $0.1.rendered(style, indent: indent + 1)
                }.joined(separator: ",\n") + "\n\(close)}"
        }
    }

    private func inline(_ items: [JSON], _ style: Style) -> Bool {
        if let most = style.inlineScalars { return items.count <= most && items.allSatisfy(\.isScalar) }
        return items.allSatisfy {
            switch $0 {
            case .number, .integer: return true
            default: return false
            }
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }
}
