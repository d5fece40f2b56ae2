package import Foundation

/// A Stata do-file (`.do`) that reads the coded CSV: `import delimited` with every column's type
/// fixed, `label variable`, missing codes turned into extended missing values (`.a` for the
/// lowest code, `.b` for the next, ... the same letters as the `.dta`), `label define` with the
/// codes and the extended missing values, and `label values`. Stata has no multiple-response
/// sets; the flags of each set are listed in a note.
package struct StataSyntaxFormat: ExportFormat {
    /// The format's id.
    package let id = ExportFormatID.do

    /// Creates the format.
    package init() {}

    /// Writes `INSTRUMENT.do`.
    package func write(_ bundle: ExportBundle, to directory: URL) throws -> [String] {
        let name = "\(bundle.layout.instrument).do"
        try OutputFile.writeText(Self.text(bundle), to: directory.appendingPathComponent(name))
        return [name]
    }

    /// The extended missing value of each missing code: `.a` for the lowest.
    static func tags(_ layout: ExportLayout) -> [Int: String] {
        Dictionary(uniqueKeysWithValues: layout.missingCodes.enumerated().map {
            ($1.code, "." + String(UnicodeScalar(UInt8(ascii: "a") + UInt8($0))))
        })
    }

    static func text(_ bundle: ExportBundle) -> String {
        let columns = bundle.layout.columns
        let tags = tags(bundle.layout)
        var lines = SyntaxText.header(bundle, prefix: "*", tool: "Stata")
        let strings = columns.indices.filter { !columns[$0].storage.isNumeric }.map { String($0 + 1) }
        let numbers = columns.indices.filter { columns[$0].storage.isNumeric }.map { String($0 + 1) }
        var options = ["varnames(1)", "case(preserve)", "encoding(\"utf-8\")", "bindquote(strict)", "maxquotelen(32767)"]
        if !strings.isEmpty { options.append("stringcols(\(strings.joined(separator: " ")))") }
        if !numbers.isEmpty { options.append("numericcols(\(numbers.joined(separator: " ")))") }
        lines += [
            "version 14", "clear",
            "import delimited using \(SyntaxText.stata(bundle.csvFileName, bytes: 4096)), \(options.joined(separator: " "))",
            "",
        ]
        for column in columns {
            lines.append("label variable \(column.name) \(SyntaxText.stata(column.label, bytes: 80))")
        }
        lines.append("")
        for column in columns where column.storage.isNumeric && !column.missingCodes.isEmpty {
            let mapping = column.missingCodes.compactMap { missing in
                tags[missing.code].map { "\(missing.code)=\($0)" }
            }
            lines.append("mvdecode \(column.name), mv(\(mapping.joined(separator: " \\ ")))")
        }
        lines.append("")
        for column in columns where column.storage.isNumeric && !column.allLabels.isEmpty {
            var pairs = column.valueLabels.map { "\($0.code) \(SyntaxText.stata($0.label, bytes: 32_000))" }
            pairs += column.missingCodes.compactMap { missing in
                tags[missing.code].map { "\($0) \(SyntaxText.stata(missing.label, bytes: 32_000))" }
            }
            lines.append("label define \(column.name) \(pairs.joined(separator: " ")), replace")
            lines.append("label values \(column.name) \(column.name)")
        }
        for set in bundle.layout.multipleResponseSets {
            lines.append(
                "notes _dta: \(SyntaxText.stata(set.note, bytes: 8000))"
            )
        }
        lines += ["", "compress", ""]
        return lines.joined(separator: "\n")
    }
}
