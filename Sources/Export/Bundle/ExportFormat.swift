package import Foundation

/// The files an export can write.
package enum ExportFormatID: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// The coded CSV.
    case csv
    /// SPSS system file.
    case sav
    /// Stata 14+ dataset.
    case dta
    /// SPSS/PSPP syntax reading the CSV.
    case sps
    /// Stata do-file reading the CSV.
    case `do`
    /// R script reading the CSV.
    case r
    /// Frictionless Data Package v2 (`datapackage.json`).
    case datapackage
    /// DDI Codebook 2.5 XML.
    case ddi
    /// The human codebook in Markdown.
    case codebookMarkdown = "codebook-md"
    /// The human codebook in HTML.
    case codebookHTML = "codebook-html"
}

/// One output format of an export. Formats are registered in ``ExportFormats/all``.
package protocol ExportFormat: Sendable {
    /// Which format this is.
    var id: ExportFormatID { get }

    /// Writes the format's files.
    /// - Parameters:
    ///   - bundle: Everything an export knows: layout, instrument, dataset, statistics, report.
    ///   - directory: The target directory (exists, and holds no earlier file of this format).
    /// - Returns: The names of the files written, relative to `directory`.
    /// - Throws: ``ExportError`` or an I/O error.
    func write(_ bundle: ExportBundle, to directory: URL) throws -> [String]
}

/// The table of every format, in the order an export writes them.
package enum ExportFormats {
    /// Every format.
    package static let all: [any ExportFormat] = [
        CSVFormat(), SAVFormat(), DTAFormat(), SPSSSyntaxFormat(), StataSyntaxFormat(), RSyntaxFormat(),
        DataPackageFormat(), DDIFormat(), CodebookMarkdownFormat(), CodebookHTMLFormat(),
    ]

    /// The format with an id.
    package static func format(_ id: ExportFormatID) -> any ExportFormat {
        all.first { $0.id == id }!
    }
}
