package import Instrument

/// The source formats `peersurvey import` reads.
package enum ImportSource: String, Sendable, CaseIterable {
    /// A REDCap data dictionary (CSV).
    case redcap
    /// An XLSForm workbook (.xlsx), as ODK and Kobo use.
    case xlsform
    /// A ReproSchema activity folder (JSON-LD).
    case reproschema
}

/// The importers' one entry point: reads a source, builds drafts and settles each into checked
/// instrument YAML.
package enum Importer {
    /// What to import.
    package struct Request: Sendable {
        /// The format.
        package var source: ImportSource
        /// The file or folder.
        package var path: String
        /// REDCap's events file.
        package var eventsPath: String?
        /// REDCap's instrument-event mapping.
        package var mappingPath: String?
        /// The day the generated tests run on.
        package var today: Day

        /// Creates a request.
        package init(source: ImportSource, path: String, today: Day) {
            self.source = source
            self.path = path
            self.today = today
        }
    }

    /// What an import gives.
    package struct Outcome: Sendable {
        /// The instruments, checked.
        package var instruments: [SettledInstrument]
        /// What was not carried over, located.
        package var report: ImportReport
    }

    /// Runs an import.
    /// - Parameter request: What to import.
    /// - Returns: The instruments and the report.
    /// - Throws: ``ImportError`` when the input is not the format it claims or cannot be read.
    package static func run(_ request: Request) throws(ImportError) -> Outcome {
        let result: ImportResult
        switch request.source {
        case .redcap:
            result = try RedcapImporter.run(
                path: request.path, eventsPath: request.eventsPath, mappingPath: request.mappingPath)
        case .xlsform:
            result = try XLSFormImporter.run(path: request.path)
        case .reproschema:
            result = try ReproSchemaImporter.run(path: request.path)
        }
        var report = result.report
        var instruments: [SettledInstrument] = []
        for draft in result.drafts {
            guard !draft.questions.isEmpty else {
                report.note(
                    request.path, "`\(draft.id)` has no question peersurvey can ask; no instrument is written for it")
                continue
            }
            instruments.append(try Settler.settle(draft, report: &report, today: request.today))
        }
        guard !instruments.isEmpty else {
            throw .nothingImported(report)
        }
        return Outcome(instruments: instruments, report: report)
    }
}
