/// Makes text from an instrument or an answer safe to print on a terminal: control characters
/// (including ESC, which starts ANSI sequences that could move the cursor, change colours or
/// retitle the window) are shown as visible escapes such as `\u{1B}` instead of being sent.
package enum SafeText {
    /// `text` with every control character (C0, DEL, C1, and bidirectional overrides) made visible.
    /// Newlines are kept only when `keepNewlines` is true.
    package static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if keepNewlines, scalar == "\n" {
                out.unicodeScalars.append(scalar)
            } else if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value)
            {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
