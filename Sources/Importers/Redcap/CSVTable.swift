import CSV
import Foundation

/// A CSV file read into rows, each with the line it starts on. The rows come from CSV.swift; a
/// first pass over the text finds the start line of every record and locates the mistakes the
/// library would silently absorb (a quoted field that is never closed, a stray quote).
struct CSVTable: Sendable {
    /// One record.
    struct Row: Sendable {
        /// The line the record starts on (1-based).
        var line: Int
        /// The fields.
        var fields: [String]
    }

    /// The file name to name in messages.
    var name: String
    /// The records, the header first.
    var rows: [Row]

    /// The most a dictionary may be: far beyond any real project.
    static let maximumBytes = 32 << 20

    /// Reads a CSV file.
    /// - Parameters:
    ///   - path: The file.
    ///   - name: The name to use in messages.
    /// - Throws: ``ImportError`` when it cannot be read, is too large, is not UTF-8 text or has
    ///   unbalanced quotes (located to the line and column of the quote).
    static func read(path: String, name: String) throws(ImportError) -> CSVTable {
        let data = try InputFile.read(path: path, limit: maximumBytes, what: "a CSV file")
        guard var text = String(data: data, encoding: .utf8) else {
            throw .invalid(
                location: "\(name):1",
                message: "the file is not UTF-8 text; save it from REDCap or a spreadsheet as CSV (UTF-8)")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return try parse(text, name: name)
    }

    /// Parses CSV text.
    static func parse(_ text: String, name: String) throws(ImportError) -> CSVTable {
        let starts = try recordStarts(text, name: name)
        var fieldsOfRows: [[String]] = []
        do {
            let reader = try CSVReader(string: text, hasHeaderRow: false)
            while let row = reader.next() { fieldsOfRows.append(row) }
            if let error = reader.error { throw error }
        } catch {
            throw .invalid(location: "\(name):1", message: "the file could not be read as CSV")
        }
        var rows: [Row] = []
        for (index, fields) in fieldsOfRows.enumerated() {
            let line = index < starts.count ? starts[index] : (starts.last ?? 1)
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            rows.append(Row(line: line, fields: fields))
        }
        return CSVTable(name: name, rows: rows)
    }

    /// The line each record starts on, checking quotes as RFC 4180 has them: a field is quoted
    /// only from its first character, and a quote inside a quoted field is doubled.
    private static func recordStarts(_ text: String, name: String) throws(ImportError) -> [Int] {
        var starts = [1]
        var line = 1, column = 0
        var inQuotes = false, fieldStart = true, afterClosingQuote = false
        var openedAt = (1, 1)
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let c = pending ?? scalars.next() {
            pending = nil
            column += 1
            if inQuotes {
                if c == "\"" {
                    let next = scalars.next()
                    if next == "\"" {
                        column += 1
                        continue
                    }
                    inQuotes = false
                    afterClosingQuote = true
                    pending = next
                } else if c == "\n" {
                    line += 1
                    column = 0
                }
                continue
            }
            switch c {
            case "\"":
                guard fieldStart else {
                    throw .invalid(
                        location: "\(name):\(line):\(column)",
                        message:
                            "a quote inside a field that does not start with one; quote the whole field and double the quote (\"\")"
                    )
                }
                inQuotes = true
                openedAt = (line, column)
                fieldStart = false
            case ",":
                fieldStart = true
                afterClosingQuote = false
            case "\n":
                line += 1
                column = 0
                fieldStart = true
                afterClosingQuote = false
                starts.append(line)
            case "\r":
                column -= 1
            default:
                if afterClosingQuote {
                    throw .invalid(
                        location: "\(name):\(line):\(column)",
                        message: "text after the closing quote of a field; put it inside the quotes or after a comma")
                }
                fieldStart = false
            }
        }
        if inQuotes {
            throw .invalid(
                location: "\(name):\(openedAt.0):\(openedAt.1)",
                message: "this quoted field is never closed; the quotes in the file are unbalanced")
        }
        return starts
    }
}
