import Analysis
import Export
import Foundation
import Instrument
import Store

/// What `codebook` writes.
package enum CodebookFormat: String, Sendable, CaseIterable {
    /// The human codebook in Markdown.
    case md
    /// The human codebook as one self-contained HTML page.
    case html
    /// DDI Codebook 2.5 XML.
    case ddi
    /// The human codebook's content as JSON (see docs/exports.md).
    case json
    /// A REDCap data dictionary (CSV), to move a study to REDCap (see docs/importing.md).
    case redcap
}

/// `peersurvey codebook INSTRUMENT [--db study.sqlite] --format md|html|ddi|json|redcap [--output FILE]`:
/// a codebook of an instrument alone (for an ethics committee), or with frequencies from a study.
package enum CodebookCommand {
    /// What to describe and how.
    package struct Options: Sendable {
        /// An instrument file, or with a database, the id of an instrument it holds.
        package var instrument: String
        /// The study database for frequencies, if any.
        package var databasePath: String?
        /// The format.
        package var format: CodebookFormat = .md
        /// A file to write instead of standard output.
        package var outputPath: String?
        /// Counts from 1 to `minCell - 1` are suppressed; 0 turns suppression off.
        package var minCell = 10
        /// Print only the disclosure audit of the codebook's frequencies.
        package var audit = false

        /// Options for an instrument, with the defaults.
        package init(instrument: String) { self.instrument = instrument }
    }

    /// Makes the codebook.
    /// - Parameter options: What and how.
    /// - Returns: The codebook on standard output (or a line naming the file written); exit 64
    ///   for an instrument the database does not hold, 65 for an instrument with errors, 66 for a
    ///   missing file or database, 74 when the output cannot be written.
    package static func run(_ options: Options) -> CommandOutput {
        let bundle: ExportBundle
        switch makeBundle(options) {
        case .success(let made): bundle = made
        case .failure(let output): return output
        }
        let text: String
        var audit: AuditSummary?
        var notes: [String] = []
        do {
            audit = try bundle.statistics()?.suppression.audit
            if options.audit {
                return CommandOutput(
                    stdout: audit?.listing ?? "No study was read (--db): the codebook publishes no counts.\n")
            }
            switch options.format {
            case .redcap:
                let dictionary = RedcapDictionary.render(bundle.instrument)
                text = dictionary.csv
                notes = dictionary.notes
            case .md: text = MarkdownCodebook.render(try Codebook.of(bundle))
            case .html: text = HTMLCodebook.render(try Codebook.of(bundle))
            case .json: text = JSONCodebook.render(try Codebook.of(bundle))
            case .ddi:
                text = DDIWriter(
                    layout: bundle.layout, instrument: bundle.instrument, statistics: try bundle.statistics(),
                    studyTitle: try? bundle.dataset?.database.study().title, csvFileName: bundle.csvFileName
                ).render()
            }
        } catch let error as ExportError {
            if case .analysis(let analysis) = error { return .failure(analysis: analysis) }
            return CommandOutput(stderr: "error: \(error.description)\n", status: .dataError)
        } catch {
            return .failure(error)
        }
        var out = CommandOutput()
        if options.databasePath != nil, options.minCell <= 1 { out.stderr = DescribeCommand.suppressionOffWarning }
        if let audit { out.stderr += audit.line + "\n" }
        for note in notes { out.stderr += "\(bundle.instrument.id): not in the REDCap dictionary: \(note)\n" }
        guard let path = options.outputPath else {
            out.stdout = text
            return out
        }
        if let failure = DescribeCommand.write(text, to: path) { return failure }
        out.stdout = "Wrote \(path).\n"
        return out
    }

    /// A result that is either a value or the output to stop with.
    enum Step<Value> {
        case success(Value)
        case failure(CommandOutput)
    }

    /// The export bundle the codebook formats read: the layout of a de-identified export, and the
    /// study's dataset when a database is given. No rows are written, so no pseudonym key is needed.
    static func makeBundle(_ options: Options) -> Step<ExportBundle> {
        var instrument: Instrument?
        if FileManager.default.fileExists(atPath: options.instrument) || options.databasePath == nil {
            switch load(options.instrument) {
            case .success(let loaded): instrument = loaded
            case .failure(let output): return .failure(output)
            }
        }
        var dataset: Dataset?
        if let path = options.databasePath {
            do {
                let database = try StudyDatabase.open(at: path, readOnly: true)
                dataset = try Dataset.open(database, instrument: instrument?.id ?? options.instrument)
            } catch let error as AnalysisError {
                return .failure(.failure(analysis: error))
            } catch {
                return .failure(.failure(error))
            }
        }
        guard let instrument = instrument ?? dataset?.instrument else {
            return .failure(CommandOutput(stderr: "error: no instrument was given\n", status: .usage))
        }
        let older = (dataset?.versions ?? []).map(\.instrument).filter { $0.version != instrument.version }
        let layout = ExportLayout(instrument, options: ExportOptions(), olderVersions: older)
        let report = ExportReport(
            instrument: instrument.id, profile: .deidentified, release: "codebook", includeText: false, exportedAt: "")
        let deidentifier = Deidentifier(profile: .deidentified, secret: Data(count: 32), studyID: "", release: "codebook")
        return .success(
            ExportBundle(
                layout: layout, instrument: instrument, dataset: dataset, report: report, deidentifier: deidentifier,
                minCell: options.minCell))
    }

    /// Loads an instrument file; its errors are printed as `check` prints them.
    static func load(_ path: String) -> Step<Instrument> {
        let result: InstrumentLoader.Result
        do {
            result = try InstrumentLoader.load(path: path)
        } catch {
            return .failure(
                CommandOutput(
                    stderr: "\(error.description)\nGive an instrument file (YAML), or with --db, the id of an instrument in the study.\n",
                    status: .noInput))
        }
        guard let instrument = result.instrument, !result.hasErrors else {
            let errors = result.diagnostics.filter { $0.severity == .error }
            let text = DiagnosticRenderer(sources: result.source.map { [path: $0] } ?? [:], colour: false).render(errors)
            return .failure(
                CommandOutput(
                    stderr: text + "\(path): the instrument has errors; run `peersurvey check` and fix them first\n",
                    status: .dataError))
        }
        return .success(instrument)
    }
}
