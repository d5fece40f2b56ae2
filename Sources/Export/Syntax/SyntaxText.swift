import Foundation

/// Quoting and line-making shared by the syntax files.
enum SyntaxText {
    /// A label on one line: line breaks and tabs become spaces, cut to `bytes` bytes of UTF-8.
    static func oneLine(_ text: String, bytes: Int) -> String {
        let flat = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        return RowEncoder.cut(flat, toBytes: bytes)
    }

    /// An SPSS string: in double quotes, quotes doubled.
    static func spss(_ text: String, bytes: Int = 255) -> String {
        // Cut first, then double the quotes: PSPP counts the label's own bytes.
        "\"" + oneLine(text, bytes: bytes).replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A Stata string in compound double quotes, which may hold any quote but not a newline.
    static func stata(_ text: String, bytes: Int = 80) -> String {
        var line = oneLine(text, bytes: bytes)
        // `"..."' ends at the first "' inside; a backquote followed by a quote would open a nested
        // pair. Neither occurs in labels in practice; break them with a space when they do.
        line = line.replacingOccurrences(of: "\"'", with: "\" '").replacingOccurrences(of: "`\"", with: "` \"")
        return "`\"" + line + "\"'"
    }

    /// An R string in double quotes with backslash escapes.
    static func r(_ text: String) -> String {
        var out = "\""
        for scalar in oneLine(text, bytes: 10_000).unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A number as the syntax files write it (whole numbers without a point).
    static func number(_ value: Int) -> String { String(value) }

    /// The comment at the top of each syntax file.
    static func header(_ bundle: ExportBundle, prefix: String, tool: String, reads: String? = nil) -> [String] {
        let report = bundle.report
        return [
            "\(prefix) \(tool) syntax written by peersurvey for \(bundle.layout.instrument), version \(bundle.layout.version).",
            "\(prefix) Profile \(report.profile.rawValue), release \(report.release). Reads \(reads ?? bundle.csvFileName) from the working directory.",
            "\(prefix) Text starting with = + - @ has a leading apostrophe in the CSV (against spreadsheet formulas).",
        ]
    }
}
