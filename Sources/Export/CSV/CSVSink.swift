import Presentation
import Foundation

/// Writes rows as CSV bytes: each row is encoded into a local buffer (no per-byte calls into the
/// file, no exclusivity checks on the class's storage) and handed to the file at once.
final class CSVSink: RowSink {
    let file: OutputFile
    private let flattenLineBreaks: Bool
    private var spare: [UInt8] = []

    init(url: URL, flattenLineBreaks: Bool = false) throws {
        file = try OutputFile(url)
        self.flattenLineBreaks = flattenLineBreaks
    }

    func writeHeader(_ names: [String]) throws {
        try file.append(names.joined(separator: ","))
        try file.append([13, 10])
    }

    func write(_ row: ExportRow) throws {
        var line = spare
        spare = []
        line.removeAll(keepingCapacity: true)
        for index in row.kinds.indices {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            switch row.kinds[index] {
            case .blank: break
            case .number: CSVLine.appendNumber(row.numbers[index], to: &line)
            case .text: CSVLine.appendText(row.texts[index], flattenLineBreaks: flattenLineBreaks, to: &line)
            }
        }
        line.append(13)
        line.append(10)
        try file.append(line)
        spare = line
    }

    func finish() throws -> [String] {
        try file.close()
        return [file.url.lastPathComponent]
    }
}

/// The bytes of CSV fields.
enum CSVLine {
    /// Whole numbers without a decimal point, others in Swift's shortest round-trip form.
    static func appendNumber(_ value: Double, to line: inout [UInt8]) {
        guard value == value.rounded(), abs(value) < 1e15 else {
            var text = NumberFormat.exact(value)
            text.withUTF8 { line.append(contentsOf: $0) }
            return
        }
        var number = Int64(value)
        if number < 0 {
            line.append(UInt8(ascii: "-"))
            number = -number
        }
        let start = line.count
        repeat {
            line.append(UInt8(48 + number % 10))
            number /= 10
        } while number > 0
        line[start...].reverse()
    }

    /// Text, quoted as RFC 4180 says when it holds a comma, a quote or a line break, with an
    /// apostrophe before a formula (``CSVText``).
    static func appendText(_ text: String, flattenLineBreaks: Bool, to line: inout [UInt8]) {
        var text = text
        if flattenLineBreaks, text.utf8.contains(where: { $0 == 10 || $0 == 13 }) {
            text = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\r", with: " ")
                .replacingOccurrences(of: "\n", with: " ")
        }
        text.withUTF8 { bytes in
            guard let first = bytes.first else { return }
            let needsQuotes = bytes.contains { $0 == 34 || $0 == 44 || $0 == 10 || $0 == 13 }
            if needsQuotes { line.append(34) }
            if CSVText.isFormulaStart(first) { line.append(UInt8(ascii: "'")) }
            if needsQuotes {
                for byte in bytes {
                    if byte == 34 { line.append(34) }
                    line.append(byte)
                }
                line.append(34)
            } else {
                line.append(contentsOf: bytes)
            }
        }
    }
}
