import Foundation

/// Renders diagnostics as compilers do, or as JSON for scripts and editors.
public struct DiagnosticRenderer: Sendable {
    /// The source files by path, for quoting the offending line.
    public var sources: [String: SourceFile]
    /// Whether to colour the severity (only on a terminal, never with `NO_COLOR`).
    public var colour: Bool

    /// Creates a renderer.
    /// - Parameters:
    ///   - sources: The files the diagnostics point into.
    ///   - colour: Whether to use ANSI colour.
    public init(sources: [String: SourceFile] = [:], colour: Bool = false) {
        self.sources = sources
        self.colour = colour
    }

    /// `file:line:col: error: message`, then the source line and a caret under the column.
    /// - Parameter diagnostic: The diagnostic.
    /// - Returns: One or three lines of text, ending in a newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        var severity = diagnostic.severity.rawValue
        if colour {
            let code = diagnostic.severity == .error ? "31" : diagnostic.severity == .warning ? "35" : "36"
            severity = "\u{1B}[1;\(code)m\(severity)\u{1B}[0m"
        }
        guard let location = diagnostic.location else {
            return "\(severity): \(diagnostic.message)\n"
        }
        var out = "\(location): \(severity): \(diagnostic.message)\n"
        // A long line is quoted as a window of it around the column, marked with "...".
        let start = location.column - 1 < Self.quotedWidth ? 0 : location.column - 1 - Self.quotedWidth / 2
        if let source = sources[location.file], let line = source.line(location.line, from: start, width: Self.quotedWidth) {
            let shown = Self.printable(line.text)
            let lead = start > 0 ? "..." : ""
            out += "    \(lead)\(shown.text)\(line.more ? "..." : "")\n"
            let caretColumn = min(location.column - 1 - start, shown.widths.count)
            let indent = lead.count + shown.widths.prefix(caretColumn).reduce(0, +)
            out += "    " + String(repeating: " ", count: indent) + "^\n"
        }
        return out
    }

    /// Renders a list of diagnostics followed by a one-line summary.
    /// - Parameter diagnostics: The diagnostics, in the order to print them.
    /// - Returns: The text.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    /// The diagnostics as a JSON document: `{"diagnostics": [...], "errors": n, "warnings": n}`.
    /// - Parameter diagnostics: The diagnostics.
    /// - Returns: Pretty-printed JSON with sorted keys.
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        struct Document: Encodable {
            struct Item: Encodable {
                var file: String?
                var line: Int?
                var column: Int?
                var severity: String
                var message: String
                var suggestion: String?
            }
            var diagnostics: [Item]
            var errors: Int
            var warnings: Int
        }
        let document = Document(
            diagnostics: diagnostics.map {
                .init(
                    file: $0.location?.file, line: $0.location?.line, column: $0.location?.column,
                    severity: $0.severity.rawValue, message: $0.message, suggestion: $0.suggestion)
            },
            errors: diagnostics.count { $0.severity == .error },
            warnings: diagnostics.count { $0.severity == .warning })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// How many scalars of a line are quoted.
    static let quotedWidth = 400

    /// The line with control characters made visible (so a hostile file cannot drive the
    /// terminal) and the display width of each scalar, tabs kept so the caret lines up.
    static func printable(_ line: String) -> (text: String, widths: [Int]) {
        var text = ""
        var widths: [Int] = []
        for scalar in line.unicodeScalars.prefix(quotedWidth) {
            if scalar == "\t" {
                text.unicodeScalars.append(" ")
                widths.append(1)
            } else if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                text += "\u{FFFD}"
                widths.append(1)
            } else {
                text.unicodeScalars.append(scalar)
                widths.append(scalar.properties.isEmojiPresentation || (0x1100...0xFFDC).contains(scalar.value) && Self.isWide(scalar) ? 2 : 1)
            }
        }
        return (text, widths)
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6:
            return true
        default:
            return false
        }
    }
}
