public import Foundation

/// The coded CSV: UTF-8 (a byte-order mark with `--bom`), one header row of column names, then
/// one row per interview; fields quoted as RFC 4180 says (only when they hold a comma, a quote,
/// CR or LF; quotes doubled), lines ended by CRLF.
///
/// Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or CR)
/// gets a leading apostrophe, which spreadsheets hide and treat as "this is text". Numbers (codes,
/// values, missing codes such as -7) are never touched.
public struct CSVFormat: RowFormat {
    /// The format's id.
    public let id = ExportFormatID.csv
    /// Whether the file starts with a UTF-8 byte-order mark (for Excel).
    public var byteOrderMark: Bool
    /// Whether this is the copy for SPSS, with each line break in text written as a space.
    public var forSPSS: Bool

    /// Creates the format.
    /// - Parameters:
    ///   - byteOrderMark: Start with a UTF-8 byte-order mark.
    ///   - forSPSS: Write the copy the `.sps` reads when free text holds line breaks.
    public init(byteOrderMark: Bool = false, forSPSS: Bool = false) {
        self.byteOrderMark = byteOrderMark
        self.forSPSS = forSPSS
    }

    /// The name of the copy for SPSS: `INSTRUMENT-spss.csv`.
    public static func spssFileName(_ instrument: String) -> String { "\(instrument)-spss.csv" }

    /// Opens the CSV and writes its header row.
    public func makeSink(_ bundle: ExportBundle, directory: URL, rowCount: Int) throws -> any RowSink {
        let name = forSPSS ? Self.spssFileName(bundle.layout.instrument) : bundle.csvFileName
        let sink = try CSVSink(url: directory.appendingPathComponent(name), flattenLineBreaks: forSPSS)
        if byteOrderMark { try sink.file.append([0xEF, 0xBB, 0xBF]) }
        try sink.writeHeader(bundle.layout.columns.map(\.name))
        return sink
    }
}

/// Writes rows as CSV bytes.
final class CSVSink: RowSink {
    let file: OutputFile
    private let flattenLineBreaks: Bool
    private var digits = [UInt8](repeating: 0, count: 32)

    init(url: URL, flattenLineBreaks: Bool = false) throws {
        file = try OutputFile(url)
        self.flattenLineBreaks = flattenLineBreaks
    }

    func writeHeader(_ names: [String]) throws {
        for (index, name) in names.enumerated() {
            if index > 0 { try file.append(UInt8(ascii: ",")) }
            try file.append(name)
        }
        try file.append([13, 10])
    }

    func write(_ row: ExportRow) throws {
        for index in row.kinds.indices {
            if index > 0 { try file.append(UInt8(ascii: ",")) }
            switch row.kinds[index] {
            case .blank: break
            case .number: try appendNumber(row.numbers[index])
            case .text: try appendText(row.texts[index])
            }
        }
        try file.append([13, 10])
    }

    func finish() throws -> [String] {
        try file.close()
        return [file.url.lastPathComponent]
    }

    /// Whole numbers without a decimal point, others in Swift's shortest round-trip form.
    private func appendNumber(_ value: Double) throws {
        if value == value.rounded(), abs(value) < 1e15 {
            var number = Int64(value)
            if number == 0 {
                try file.append(UInt8(ascii: "0"))
                return
            }
            let negative = number < 0
            if negative { number = -number }
            var count = 0
            while number > 0 {
                digits[count] = UInt8(48 + number % 10)
                number /= 10
                count += 1
            }
            if negative { try file.append(UInt8(ascii: "-")) }
            while count > 0 {
                count -= 1
                try file.append(digits[count])
            }
        } else {
            try file.append(value.description)
        }
    }

    private func appendText(_ text: String) throws {
        var text = text
        if flattenLineBreaks, text.utf8.contains(where: { $0 == 10 || $0 == 13 }) {
            text = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\r", with: " ")
                .replacingOccurrences(of: "\n", with: " ")
        }
        try text.withUTF8 { bytes in
            guard let first = bytes.first else { return }
            let formula = CSVText.isFormulaStart(first)
            var needsQuotes = false
            for byte in bytes where byte == 34 || byte == 44 || byte == 10 || byte == 13 {
                needsQuotes = true
                break
            }
            if needsQuotes { try file.append(34) }
            if formula { try file.append(UInt8(ascii: "'")) }
            if needsQuotes {
                for byte in bytes {
                    if byte == 34 { try file.append(34) }
                    try file.append(byte)
                }
                try file.append(34)
            } else {
                try file.append(UnsafeRawBufferPointer(bytes))
            }
        }
    }
}

/// Spreadsheet formula neutralisation, shared with the syntax files' documentation.
public enum CSVText {
    /// The first bytes that make a spreadsheet treat a cell as a formula: `=`, `+`, `-`, `@`,
    /// tab and CR (OWASP's list).
    public static func isFormulaStart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@")
            || byte == 9 || byte == 13
    }

    /// A text as the CSV holds it (before quoting): with a leading apostrophe when it would be a formula.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.utf8.first, isFormulaStart(first) else { return text }
        return "'" + text
    }
}
