package import Analysis
import Foundation
package import Instrument

/// Writes a DDI Codebook 2.5 document (`codeBook`) for an export: the study (title, abstract,
/// notes on simulation and suppression), the coded CSV as a file (name, counts of cases and
/// variables) and one `var` per column with its label, question text in every language,
/// interviewer instruction, who is asked, categories with frequencies (missing codes flagged
/// `missing="Y"`) and summary statistics. Counts come from `describe` after small-cell
/// suppression: a hidden count gets no `freq` statistic, only the mark `describe` shows.
package struct DDIWriter {
    let layout: ExportLayout
    let instrument: Instrument
    let statistics: DescribeReport?
    let studyTitle: String?
    let csvFileName: String
    let lookup: VariableCatalogue
    let words: PlainWords

    /// The DDI Codebook 2.5 namespace.
    static let namespace = "ddi:codebook:2_5"

    /// Creates a writer.
    /// - Parameters:
    ///   - layout: The columns of the coded CSV.
    ///   - instrument: The instrument.
    ///   - statistics: Frequencies after suppression; `nil` for a codebook of the instrument alone.
    ///   - studyTitle: The study's title, when there is a study.
    ///   - csvFileName: The coded CSV's file name.
    package init(
        layout: ExportLayout, instrument: Instrument, statistics: DescribeReport?, studyTitle: String?,
        csvFileName: String
    ) {
        self.layout = layout
        self.instrument = instrument
        self.statistics = statistics
        self.studyTitle = studyTitle
        self.csvFileName = csvFileName
        lookup = VariableCatalogue(instrument)
        words = PlainWords(lookup)
    }

    /// Renders the document.
    /// - Returns: The XML text.
    package func render() -> String {
        var xml = XMLBuilder()
        xml.start(
            "codeBook",
            [
                ("xmlns", Self.namespace), ("version", "2.5"), ("ID", Self.id("codebook-\(instrument.id)")),
                ("xml:lang", instrument.defaultLanguage),
            ])
        studyDescription(&xml)
        fileDescription(&xml)
        dataDescription(&xml)
        xml.end()
        return xml.text
    }

    private func studyDescription(_ xml: inout XMLBuilder) {
        let language = instrument.defaultLanguage
        xml.start("stdyDscr")
        xml.start("citation")
        xml.start("titlStmt")
        xml.element("titl", studyTitle ?? instrument.title.text(in: language))
        if studyTitle != nil { xml.element("subTitl", instrument.title.text(in: language)) }
        for other in instrument.languages.dropFirst() {
            xml.element("parTitl", instrument.title.text(in: other), [("xml:lang", other)])
        }
        xml.element("IDNo", instrument.id)
        xml.end()
        xml.start("verStmt")
        xml.element("version", "Instrument version \(layout.version)")
        xml.end()
        xml.end()
        xml.start("stdyInfo")
        for text in instrument.languages.compactMap({ lang in instrument.description.map { (lang, $0.text(in: lang)) } }) {
            xml.element("abstract", text.1, [("xml:lang", text.0)])
        }
        xml.start("sumDscr")
        xml.element("anlyUnit", "Interviews: one row per interview")
        xml.element("dataKind", "Survey data from interviews by peer researchers")
        xml.end()
        xml.end()
        var notes: [String] = []
        if let statistics {
            notes.append(statistics.suppression.explanation)
            if statistics.simulated > 0 {
                notes.append(
                    "\(statistics.simulated) of the \(statistics.interviews) interviews were made by peersurvey simulate.")
            }
        } else {
            notes.append("Made from the instrument alone: no study was read, so there are no frequencies.")
        }
        for note in notes { xml.element("notes", note) }
        xml.end()
    }

    private func fileDescription(_ xml: inout XMLBuilder) {
        xml.start("fileDscr", [("ID", "F1")])
        xml.start("fileTxt")
        xml.element("fileName", csvFileName)
        xml.start("dimensns")
        if let statistics { xml.element("caseQnty", String(statistics.interviews)) }
        xml.element("varQnty", String(layout.columns.count))
        xml.end()
        xml.element("fileType", "CSV (UTF-8), one header row, comma-separated")
        xml.end()
        xml.end()
    }

    private func dataDescription(_ xml: inout XMLBuilder) {
        xml.start("dataDscr")
        let ids = Dictionary(uniqueKeysWithValues: layout.columns.enumerated().map { ($1.name, "V\($0 + 1)") })
        for (index, set) in layout.multipleResponseSets.enumerated() {
            let members = set.columns.compactMap { ids[$0] }
            guard !members.isEmpty else { continue }
            xml.start(
                "varGrp", [("ID", "G\(index + 1)"), ("type", "multipleResp"), ("var", members.joined(separator: " ")), ("name", set.name)])
            xml.element("labl", set.label)
            xml.end()
        }
        for (index, column) in layout.columns.enumerated() {
            variable(column, id: "V\(index + 1)", into: &xml)
        }
        for dropped in layout.dropped {
            let why =
                dropped.reason == .identifying
                ? "identifying: sealed in the study database, never exported"
                : "free text: exported only with --include-text"
            xml.element("notes", "Not in this file: \(dropped.variableID) (\(why)).")
        }
        xml.end()
    }

    /// An XML ID from any text: letters, digits, `-`, `_` and `.`, starting with a letter.
    static func id(_ text: String) -> String {
        let kept = String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "_" })
        return kept.first?.isLetter == true ? kept : "x" + kept
    }
}

/// The `ddi` format of `export`: a DDI Codebook 2.5 XML document describing the coded CSV.
struct DDIFormat: ExportFormat {
    let id = ExportFormatID.ddi

    func write(_ bundle: ExportBundle, to directory: URL) throws -> [String] {
        let name = bundle.codebookFileName("ddi.xml")
        let writer = DDIWriter(
            layout: bundle.layout, instrument: bundle.instrument, statistics: try bundle.statistics(),
            studyTitle: bundle.studyTitle, csvFileName: bundle.csvFileName)
        try TextFile.write(writer.render(), to: directory.appendingPathComponent(name))
        return [name]
    }
}
