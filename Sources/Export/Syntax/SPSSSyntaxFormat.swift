package import Foundation

/// SPSS/PSPP syntax (`.sps`) that reads the coded CSV: `GET DATA`, `VARIABLE LABELS`, `VALUE
/// LABELS`, `MISSING VALUES` (one range per variable), `VARIABLE LEVEL` and `MRSETS`. It runs in
/// PSPP without an error or a warning (tested).
package struct SPSSSyntaxFormat: ExportFormat {
    /// The format's id.
    package let id = ExportFormatID.sps

    /// Creates the format.
    package init() {}

    /// Writes `INSTRUMENT.sps`.
    package func write(_ bundle: ExportBundle, to directory: URL) throws -> [String] {
        let name = "\(bundle.layout.instrument).sps"
        try OutputFile.writeText(Self.text(bundle), to: directory.appendingPathComponent(name))
        return [name]
    }

    static func text(_ bundle: ExportBundle) -> String {
        let columns = bundle.layout.columns
        var lines = SyntaxText.header(bundle, prefix: "*", tool: "SPSS", reads: bundle.spssCSVFileName)
        if bundle.spssCSVFileName != bundle.csvFileName {
            lines += [
                "* Some free text holds line breaks, which GET DATA cannot read inside a quoted field: this reads",
                "* \(bundle.spssCSVFileName), the CSV with each such line break as a space. The .sav keeps them.",
            ]
        }
        lines.append("* Run it from the folder that holds the CSV, or change /FILE below.")
        lines += [
            "", "GET DATA", "  /TYPE=TXT", "  /FILE=\(SyntaxText.spss(bundle.spssCSVFileName, bytes: 4096))",
            "  /ENCODING=\"UTF-8\"", "  /ARRANGEMENT=DELIMITED", "  /DELCASE=LINE", "  /FIRSTCASE=2",
            "  /DELIMITERS=\",\"", "  /QUALIFIER='\"'", "  /VARIABLES=",
        ]
        for column in columns { lines.append("    \(column.name) \(format(column))") }
        lines.append(".")
        lines += ["", "VARIABLE LABELS"]
        for (index, column) in columns.enumerated() {
            lines.append("  \(index == 0 ? "" : "/")\(column.name) \(SyntaxText.spss(column.label))")
        }
        lines.append(".")
        let labelled = columns.filter { $0.storage.isNumeric && !$0.allLabels.isEmpty }
        if !labelled.isEmpty {
            lines += ["", "VALUE LABELS"]
            for column in labelled {
                lines.append("  /\(column.name)")
                for label in column.allLabels {
                    lines.append("    \(label.code) \(SyntaxText.spss(label.label, bytes: 120))")
                }
            }
            lines.append(".")
        }
        let missing = columns.compactMap { column -> (String, String)? in
            guard column.storage.isNumeric else { return nil }
            switch MissingDeclaration.of(column) {
            case .none: return nil
            case .range(let low, let high): return (column.name, "\(low) THRU \(high)")
            case .values(let codes): return (column.name, codes.map(String.init).joined(separator: ", "))
            case .rangeAndValue(let low, let high, let code): return (column.name, "\(low) THRU \(high), \(code)")
            }
        }
        if !missing.isEmpty {
            lines += ["", "MISSING VALUES"]
            for (index, entry) in missing.enumerated() {
                lines.append("  \(index == 0 ? "" : "/")\(entry.0) (\(entry.1))")
            }
            lines.append(".")
        }
        lines += ["", "VARIABLE LEVEL"]
        var first = true
        for measure in [ExportColumn.Measure.nominal, .ordinal, .scale] {
            let names = columns.filter { $0.measure == measure }.map(\.name)
            guard !names.isEmpty else { continue }
            lines.append("  \(first ? "" : "/")\(names.joined(separator: " ")) (\(measure.rawValue.uppercased()))")
            first = false
        }
        lines.append(".")
        let sets = bundle.layout.multipleResponseSets
        if !sets.isEmpty {
            lines += ["", "MRSETS"]
            for set in sets {
                lines.append(
                    "  /MDGROUP NAME=$\(set.name) LABEL=\(SyntaxText.spss(set.label)) CATEGORYLABELS=VARLABELS VALUE=1")
                lines.append("    VARIABLES=\(set.columns.joined(separator: " "))")
            }
            lines.append(".")
        }
        lines += ["", "EXECUTE.", ""]
        return lines.joined(separator: "\n")
    }

    /// The input format of a column: `A` and its width for text, `F` for numbers.
    static func format(_ column: ExportColumn) -> String {
        switch column.storage {
        case .string(let width): return "A\(max(1, width))"
        case .numeric(let decimals): return "F\(max(8, decimals + 6)).\(decimals)"
        }
    }
}
