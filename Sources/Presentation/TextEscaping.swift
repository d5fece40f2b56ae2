/// Escaping of text for the Markdown, HTML and JSON that peersurvey writes: one implementation
/// for the reports (Analysis) and the codebooks and datapackage.json (Export).
package enum TextEscaping {
    /// Text for Markdown, in a paragraph, heading or table cell: every character Markdown could
    /// read as formatting is escaped with a backslash, and line breaks and tabs become spaces.
    package static func markdown(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "&", "!", "~", "{", "}":
                out += "\\\(character)"
            case "\n", "\r", "\r\n", "\t": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// Text for HTML content and attribute values: `& < > " '` as entities.
    package static func html(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, everything
    /// else as UTF-8.
    /// - Parameter lineSeparators: Also escape U+2028 and U+2029 (valid in JSON, but not in
    ///   JavaScript source that might embed the file).
    package static func jsonString(_ text: String, lineSeparators: Bool = false) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}" where lineSeparators: out += "\\u2028"
            case "\u{2029}" where lineSeparators: out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
