import Analysis
/// A JSON value whose objects keep their keys in the order written, so a descriptor reads in a
/// sensible order (name, title, type, ...) and the same input always gives the same bytes.
indirect enum JSONText: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case array([JSONText])
    case object([(String, JSONText)])

    static func == (lhs: JSONText, rhs: JSONText) -> Bool { lhs.rendered() == rhs.rendered() }

    /// The value as indented JSON (two spaces), ending without a newline.
    func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let close = String(repeating: "  ", count: indent)
        switch self {
        case .string(let text): return Self.quote(text)
        case .integer(let value): return String(value)
        case .number(let value): return PlainWords.number(value)
        case .bool(let value): return value ? "true" : "false"
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            // Short arrays of scalars stay on one line.
            if items.allSatisfy(\.isScalar), items.count <= 40 {
                return "[" + items.map { $0.rendered() }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { pad + $0.rendered(indent: indent + 1) }.joined(separator: ",\n") + "\n\(close)]"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            return "{\n"
                + members.map { pad + Self.quote($0.0) + ": " + $0.1.rendered(indent: indent + 1) }.joined(separator: ",\n")
                + "\n\(close)}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped; everything else as UTF-8.
    static func quote(_ text: String) -> String { TextEscaping.jsonString(text, lineSeparators: true) }
}
