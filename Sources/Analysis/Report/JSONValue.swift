/// A JSON value with object keys kept in the order written, serialised the same way every time.
enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }

    /// A number, or null when absent or not finite.
    static func optional(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    /// Serialises with two-space indentation.
    func serialized(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1), close = String(repeating: "  ", count: indent)
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let value): return value.isFinite ? Formatting.exact(value) : "null"
        case .string(let text): return Self.quote(text)
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            if items.allSatisfy({ if case .number = $0 { return true } else { return false } }) {
                return "[" + items.map { $0.serialized() }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { pad + $0.serialized(indent: indent + 1) }.joined(separator: ",\n")
                + "\n\(close)]"
        case .object(let pairs):
            guard !pairs.isEmpty else { return "{}" }
            return "{\n"
                + pairs.map { pad + Self.quote($0.0) + ": " + $0.1.serialized(indent: indent + 1) }.joined(
                    separator: ",\n") + "\n\(close)}"
        }
    }

    static func quote(_ text: String) -> String { TextEscaping.jsonString(text) }
}
