/// Builds indented XML text. Text and attribute values are escaped, and characters XML 1.0 does
/// not allow (most control characters) are dropped, so any label from an instrument makes a
/// well-formed document.
struct XMLBuilder {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var depth = 0
    private var open: [String] = []

    /// Opens an element.
    mutating func start(_ name: String, _ attributes: [(String, String)] = []) {
        text += indent + "<\(name)\(Self.attributes(attributes))>\n"
        open.append(name)
        depth += 1
    }

    /// Closes the innermost open element.
    mutating func end() {
        depth -= 1
        text += indent + "</\(open.removeLast())>\n"
    }

    /// An element holding only text.
    mutating func element(_ name: String, _ content: String, _ attributes: [(String, String)] = []) {
        text += indent + "<\(name)\(Self.attributes(attributes))>\(Self.escape(content))</\(name)>\n"
    }

    /// An element without content.
    mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        text += indent + "<\(name)\(Self.attributes(attributes))/>\n"
    }

    private var indent: String { String(repeating: "  ", count: depth) }

    private static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// Escapes text for element content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "\r": out += "&#13;"
            default:
                let value = scalar.value
                let allowed = value >= 0x20 && !(0xFFFE...0xFFFF).contains(value) && !(0x7F...0x84).contains(value)
                    && !(0x86...0x9F).contains(value)
                if allowed { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
