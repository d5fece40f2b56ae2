import Foundation

/// `peersurvey import redcap`: a REDCap data dictionary becomes one instrument per form.
package enum RedcapImporter {
    /// Imports a dictionary.
    /// - Parameters:
    ///   - path: The data dictionary (CSV).
    ///   - eventsPath: REDCap's events file, if given.
    ///   - mappingPath: REDCap's instrument-event mapping, if given.
    /// - Returns: One draft per form, and the report.
    /// - Throws: ``ImportError`` when the file is not a REDCap dictionary or cannot be read.
    package static func run(path: String, eventsPath: String? = nil, mappingPath: String? = nil) throws(ImportError)
        -> ImportResult
    {
        let name = (path as NSString).lastPathComponent
        let table = try CSVTable.read(path: path, name: name)
        guard let header = table.rows.first else {
            throw .invalid(location: "\(name):1", message: "the file is empty; export the data dictionary from REDCap")
        }
        let cells = header.fields.map(RedcapField.normalised)
        let expected = RedcapField.headers.prefix(5)
        guard cells.count >= 5, zip(cells, expected).allSatisfy({ $1.contains($0) }) else {
            let found = header.fields.prefix(5).map { "`\($0)`" }.joined(separator: ", ")
            throw .invalid(
                location: "\(name):\(header.line)",
                message:
                    "this is not a REDCap data dictionary: its first row should begin with the columns `Variable / Field Name`, `Form Name`, `Section Header`, `Field Type`, `Field Label` (found \(found))"
            )
        }
        var report = ImportReport()
        let fields = table.rows.dropFirst().map(RedcapField.init)
        guard !fields.isEmpty else {
            throw .invalid(location: "\(name):\(header.line)", message: "the dictionary has no fields")
        }
        var forms: [String] = []
        for field in fields where !forms.contains(field.form) { forms.append(field.form) }
        let formOf = Dictionary(fields.map { ($0.name, $0.form) }, uniquingKeysWith: { first, _ in first })
        var drafts: [DraftInstrument] = []
        for (index, form) in forms.enumerated() {
            let rows = fields.filter { $0.form == form }
            var planner = RedcapFormBuilder(file: name, form: form, formOf: formOf)
            _ = planner.build(rows, isFirstForm: index == 0)
            var builder = RedcapFormBuilder(file: name, form: form, formOf: formOf)
            builder.planned = planner.infos
            drafts.append(builder.build(rows, isFirstForm: index == 0))
            report.append(builder.report)
        }
        if let eventsPath { report.append(try RedcapEvents.report(eventsPath: eventsPath, mappingPath: mappingPath)) }
        return ImportResult(drafts: drafts, report: report)
    }
}

/// What an importer made: drafts to settle and write, and what it could not carry over.
package struct ImportResult: Sendable {
    /// One draft per instrument.
    package var drafts: [DraftInstrument]
    /// The notices so far.
    package var report: ImportReport
}
