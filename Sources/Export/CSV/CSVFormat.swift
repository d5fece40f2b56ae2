package import Foundation

/// The coded CSV: UTF-8 (a byte-order mark with `--bom`), one header row of column names, then
/// one row per interview; fields quoted as RFC 4180 says (only when they hold a comma, a quote,
/// CR or LF; quotes doubled), lines ended by CRLF.
///
/// Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or CR)
/// gets a leading apostrophe, which spreadsheets hide and treat as "this is text". Numbers (codes,
/// values, missing codes such as -7) are never touched.
package struct CSVFormat: RowFormat {
    /// The format's id.
    package let id = ExportFormatID.csv
    /// Whether the file starts with a UTF-8 byte-order mark (for Excel).
    package var byteOrderMark: Bool
    /// Whether this is the copy for SPSS, with each line break in text written as a space.
    package var forSPSS: Bool

    /// Creates the format.
    /// - Parameters:
    ///   - byteOrderMark: Start with a UTF-8 byte-order mark.
    ///   - forSPSS: Write the copy the `.sps` reads when free text holds line breaks.
    package init(byteOrderMark: Bool = false, forSPSS: Bool = false) {
        self.byteOrderMark = byteOrderMark
        self.forSPSS = forSPSS
    }

    /// The name of the copy for SPSS: `INSTRUMENT-spss.csv`.
    package static func spssFileName(_ instrument: String) -> String { "\(instrument)-spss.csv" }

    /// Opens the CSV and writes its header row.
    package func makeSink(_ bundle: ExportBundle, directory: URL, rowCount: Int) throws -> any RowSink {
        let name = forSPSS ? Self.spssFileName(bundle.layout.instrument) : bundle.csvFileName
        let sink = try CSVSink(url: directory.appendingPathComponent(name), flattenLineBreaks: forSPSS)
        if byteOrderMark { try sink.file.append([0xEF, 0xBB, 0xBF]) }
        try sink.writeHeader(bundle.layout.columns.map(\.name))
        return sink
    }
}

/// Spreadsheet formula neutralisation, shared with the syntax files' documentation.
package enum CSVText {
    /// The first bytes that make a spreadsheet treat a cell as a formula: `=`, `+`, `-`, `@`,
    /// tab and CR (OWASP's list).
    package static func isFormulaStart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@")
            || byte == 9 || byte == 13
    }

    /// A text as the CSV holds it (before quoting): with a leading apostrophe when it would be a formula.
    package static func neutralised(_ text: String) -> String {
        guard let first = text.utf8.first, isFormulaStart(first) else { return text }
        return "'" + text
    }
}
