import Foundation

/// Words from a source made safe for the instrument format's texts: literal braces doubled (a
/// `{` would otherwise start piping), and the source's own piping (`[age]` in REDCap, `${age}`
/// in XLSForm) made `{age}` where the field exists.
enum Piping {
    /// Doubles `{` and `}`.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "{", with: "{{").replacingOccurrences(of: "}", with: "}}")
    }

    /// `text` with braces escaped and each `open name close` whose name `rename` knows made `{id}`.
    /// - Parameters:
    ///   - text: The source's words.
    ///   - open: `[` or `${`.
    ///   - close: `]` or `}`.
    ///   - rename: The variable name of a source field, `nil` when it is not one (left as written).
    static func convert(_ text: String, open: String, close: String, rename: (String) -> String?) -> String {
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: open) {
            out += escape(String(rest[..<start.lowerBound]))
            let after = rest[start.upperBound...]
            if let end = after.range(of: close), let id = rename(String(after[..<end.lowerBound])) {
                out += "{\(id)}"
                rest = after[end.upperBound...]
            } else {
                out += escape(open)
                rest = after
            }
        }
        return out + escape(String(rest))
    }
}
