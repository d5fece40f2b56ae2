import Foundation
import Yams

extension YAMLReader {
    /// A located diagnostic for a byte sequence that is not UTF-8.
    static func invalidUTF8(_ bytes: [UInt8], path: String) -> Diagnostic {
        // Find the first byte that does not start a valid UTF-8 sequence.
        var offset = 0
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var consumed = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed += UTF8.width(scalar)
                offset = consumed
            case .emptyInput:
                break loop
            case .error:
                break loop
            }
        }
        let prefix = String(decoding: bytes[..<offset], as: UTF8.self)
        let line = prefix.unicodeScalars.count { $0 == "\n" } + 1
        let column = prefix.unicodeScalars.reversed().prefix { $0 != "\n" }.count + 1
        let byte = offset < bytes.count ? String(format: "0x%02X", bytes[offset]) : "the end"
        return .error(
            "the file is not UTF-8 text (byte \(byte) at offset \(offset)); save it as UTF-8",
            at: SourceLocation(file: path, line: line, column: column))
    }

    /// Turns a Yams error into a located diagnostic with a hint for the common mistakes.
    static func diagnostic(for error: YamlError, in source: SourceFile) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: source.path, line: mark.line, column: mark.column)
        }
        func character(at mark: Mark) -> Unicode.Scalar? {
            let offset = source.offset(line: mark.line, column: mark.column)
            return offset < source.scalars.count ? source.scalars[offset] : nil
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            if problem.contains("cannot start any token"), character(at: mark) == "\t" {
                return .error("a tab is used for indentation; YAML allows only spaces", at: at(mark))
            }
            if problem.contains("tab") {
                return .error("a tab is used for indentation; YAML allows only spaces", at: at(mark))
            }
            var message = "YAML syntax: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line))"
            }
            if problem.contains("mapping values are not allowed") {
                message += "; a value that contains `: ` must be put in quotes"
            } else if problem.contains("could not find expected ':'") || problem.contains("did not find expected key") {
                message += "; check the indentation and that every key ends with `:`"
            } else if problem.contains("Maximum nesting level") {
                message = "the YAML is nested more than 1,000 levels deep"
            }
            return .error(message, at: at(mark))
        case .composer(_, let problem, let mark, _):
            return .error("YAML: \(problem)", at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? "?"
            let second = secondOccurrence(of: key, after: context.mark, in: source)
            let message =
                "the key `\(key)` appears twice in the same mapping (first at line \(context.mark.line)); each key may appear once"
            return .error(message, at: second ?? at(context.mark))
        case .reader(let problem, let offset, let value, _):
            let location = offset.map { characterOffset in
                let prefix = source.text.prefix(characterOffset)
                return source.location(ofOffset: prefix.unicodeScalars.count)
            } ?? source.location(ofOffset: 0)
            let shown = value >= 0 ? String(format: " (U+%04X)", value) : ""
            return .error("the file contains a character YAML does not allow\(shown): \(problem)", at: location)
        default:
            return .error("the file could not be read as YAML", at: source.location(ofOffset: 0))
        }
    }

    /// Where a duplicated key is written a second time: the next line at the same column that
    /// starts with the key, before the mapping ends (a line indented less).
    private static func secondOccurrence(of key: String, after mark: Mark, in source: SourceFile) -> SourceLocation? {
        var lineNumber = mark.line + 1
        let indent = mark.column - 1
        while let line = source.line(lineNumber) {
            let scalars = Array(line.unicodeScalars)
            let leading = scalars.prefix { $0 == " " || $0 == "-" }.count
            let trimmed = String(String.UnicodeScalarView(scalars.dropFirst(leading)))
            if !trimmed.isEmpty, !trimmed.hasPrefix("#") {
                if leading < indent, !scalars.prefix(leading).contains("-") { return nil }
                if leading == indent || (scalars.prefix(leading).contains("-") && leading == indent) {
                    for candidate in [key + ":", "\"\(key)\":", "'\(key)':"] where trimmed.hasPrefix(candidate) {
                        return SourceLocation(file: source.path, line: lineNumber, column: leading + 1)
                    }
                }
            }
            lineNumber += 1
        }
        return nil
    }
}
