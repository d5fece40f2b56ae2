package import Foundation

/// An R script that reads the coded CSV with readr, fixing every column's type, and labels it
/// with haven: `labelled_spss()` for coded columns (value labels, and the missing codes kept
/// distinct as user-missing values with `na_range` or `na_values`), a `label` attribute on
/// every column. Multiple-response sets are recorded in the data frame's `mr_sets` attribute.
package struct RSyntaxFormat: ExportFormat {
    /// The format's id.
    package let id = ExportFormatID.r

    /// Creates the format.
    package init() {}

    /// Writes `INSTRUMENT.R`.
    package func write(_ bundle: ExportBundle, to directory: URL) throws -> [String] {
        let name = "\(bundle.layout.instrument).R"
        try OutputFile.writeText(Self.text(bundle), to: directory.appendingPathComponent(name))
        return [name]
    }

    static func text(_ bundle: ExportBundle) -> String {
        let columns = bundle.layout.columns
        var lines = SyntaxText.header(bundle, prefix: "#", tool: "R")
        lines += [
            "# Needs readr and haven: install.packages(c(\"readr\", \"haven\")).", "",
            "library(readr)", "library(haven)", "",
            "data <- read_csv(\(SyntaxText.r(bundle.csvFileName)), na = \"\", locale = locale(encoding = \"UTF-8\"),",
            "  col_types = cols(",
        ]
        for (index, column) in columns.enumerated() {
            let type = column.storage.isNumeric ? "col_double()" : "col_character()"
            lines.append("    `\(column.name)` = \(type)\(index == columns.count - 1 ? "" : ",")")
        }
        lines += ["  ))", ""]
        for column in columns {
            let name = "data$`\(column.name)`"
            let label = SyntaxText.r(column.label)
            guard column.storage.isNumeric, !column.allLabels.isEmpty || !column.missingCodes.isEmpty else {
                lines.append("attr(\(name), \"label\") <- \(label)")
                continue
            }
            let labels = column.allLabels.map { "\(SyntaxText.r($0.label)) = \($0.code)" }.joined(separator: ", ")
            var missing = ""
            switch MissingDeclaration.of(column) {
            case .none: break
            case .range(let low, let high): missing = ", na_range = c(\(low), \(high))"
            case .values(let codes): missing = ", na_values = c(\(codes.map(String.init).joined(separator: ", ")))"
            case .rangeAndValue(let low, let high, let code):
                missing = ", na_range = c(\(low), \(high)), na_values = c(\(code))"
            }
            lines.append("\(name) <- labelled_spss(\(name), labels = c(\(labels))\(missing), label = \(label))")
        }
        let sets = bundle.layout.multipleResponseSets
        if !sets.isEmpty {
            lines += ["", "attr(data, \"mr_sets\") <- list("]
            for (index, set) in sets.enumerated() {
                let members = set.columns.map { SyntaxText.r($0) }.joined(separator: ", ")
                lines.append(
                    "  `\(set.name)` = list(label = \(SyntaxText.r(set.label)), counted_value = 1, variables = c(\(members)))\(index == sets.count - 1 ? "" : ",")"
                )
            }
            lines.append(")")
        }
        lines += ["", "# haven::zap_missing(data) turns the missing codes into NA; as_factor(data) gives factors.", ""]
        return lines.joined(separator: "\n")
    }
}
