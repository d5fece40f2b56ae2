import Analysis
import Foundation
import Store

extension Codebook {
    /// The codebook of an export: its layout, its instrument and, when it has a study, the
    /// statistics the bundle computed once for every format.
    /// - Parameter bundle: The export's bundle.
    /// - Returns: The codebook.
    /// - Throws: ``ExportError`` when the study cannot be read.
    package static func of(_ bundle: ExportBundle) throws -> Codebook {
        CodebookBuilder(
            instrument: bundle.instrument, layout: bundle.layout, statistics: try bundle.statistics(),
            studyTitle: bundle.studyTitle
        ).build()
    }
}

extension ExportBundle {
    /// The study's title, when there is a study and it can be read.
    var studyTitle: String? { try? dataset?.database.study().title }

    /// The file name of a codebook file: `<instrument>-<suffix>`.
    func codebookFileName(_ suffix: String) -> String { "\(layout.instrument)-\(suffix)" }
}

/// The `codebook-md` format of `export`: the human codebook in Markdown.
struct CodebookMarkdownFormat: ExportFormat {
    let id = ExportFormatID.codebookMarkdown

    func write(_ bundle: ExportBundle, to directory: URL) throws -> [String] {
        let name = bundle.codebookFileName("codebook.md")
        try TextFile.write(MarkdownCodebook.render(try Codebook.of(bundle)), to: directory.appendingPathComponent(name))
        return [name]
    }
}

/// The `codebook-html` format of `export`: the human codebook as one self-contained page.
struct CodebookHTMLFormat: ExportFormat {
    let id = ExportFormatID.codebookHTML

    func write(_ bundle: ExportBundle, to directory: URL) throws -> [String] {
        let name = bundle.codebookFileName("codebook.html")
        try TextFile.write(HTMLCodebook.render(try Codebook.of(bundle)), to: directory.appendingPathComponent(name))
        return [name]
    }
}
