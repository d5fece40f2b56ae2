import Foundation

/// How the writer spells a string in YAML: plain where a person would write it plain, double
/// quoted (with escapes) wherever a plain scalar would be read back as something else.
enum YAMLScalar {
    /// Words YAML 1.1 reads as booleans or null.
    private static let special: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    ]

    /// The scalar for `text`.
    /// - Parameters:
    ///   - text: The string.
    ///   - flow: Whether it stands inside `{...}` or `[...]`, where `,` and brackets end it.
    /// - Returns: The text to write.
    static func string(_ text: String, flow: Bool = false) -> String {
        canBePlain(text, flow: flow) ? text : quoted(text)
    }

    /// Whether `text` reads back as the same string when written plain.
    static func canBePlain(_ text: String, flow: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if special.contains(text.lowercased()) { return false }
        if first == " " || last == " " || last == ":" { return false }
        if "-?:,[]{}#&*!|>'\"%@`0123456789.+".unicodeScalars.contains(first) { return false }
        if text.contains(": ") || text.contains(" #") { return false }
        for scalar in text.unicodeScalars {
            if flow, ",[]{}".unicodeScalars.contains(scalar) { return false }
            if !isPrintable(scalar) || scalar == "\t" || scalar == "\\" { return false }
        }
        return true
    }

    /// `text` in double quotes, with every character that needs it escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if isPrintable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else if scalar.value <= 0xFF {
                    out += String(format: "\\x%02X", scalar.value)
                } else if scalar.value <= 0xFFFF {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out += String(format: "\\U%08X", scalar.value)
                }
            }
        }
        return out + "\""
    }

    /// YAML's printable set, less the line and paragraph separators and the byte-order mark that
    /// editors show badly.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E: return true
        case 0xA0...0xD7FF: return scalar.value != 0x2028 && scalar.value != 0x2029
        case 0xE000...0xFFFD: return scalar.value != 0xFEFF
        case 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// A key: plain when it can be, quoted otherwise (`"no":` for Norwegian).
    static func key(_ text: String) -> String { string(text, flow: true) }
}
