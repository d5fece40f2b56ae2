import Foundation
import Importers
import Instrument

/// The formats `import` reads (the command line's names for ``ImportSource``).
package enum ImportFormat: String, Sendable, CaseIterable {
    /// A REDCap data dictionary (CSV).
    case redcap
    /// An XLSForm workbook (.xlsx).
    case xlsform
    /// A ReproSchema activity folder.
    case reproschema

    var source: ImportSource {
        switch self {
        case .redcap: return .redcap
        case .xlsform: return .xlsform
        case .reproschema: return .reproschema
        }
    }
}

/// `peersurvey import redcap|xlsform|reproschema INPUT --out DIR`: instruments from the formats
/// study leads already have, with a report of every construct not carried over.
package enum ImportCommand {
    /// What to import and where to write it.
    package struct Options: Sendable {
        /// The source format.
        package var source: ImportFormat
        /// The file or folder to import.
        package var input: String
        /// The folder to write the instruments into (created if missing).
        package var outputDirectory: String
        /// REDCap's events file.
        package var eventsPath: String?
        /// REDCap's instrument-event mapping.
        package var mappingPath: String?
        /// Whether to replace instrument files that already exist.
        package var force = false
        /// The day generated tests run on (`YYYY-MM-DD`); today when absent.
        package var today: String?

        /// Options with the defaults.
        package init(source: ImportFormat, input: String, outputDirectory: String) {
            self.source = source
            self.input = input
            self.outputDirectory = outputDirectory
        }
    }

    /// Imports.
    /// - Parameter options: What and where.
    /// - Returns: The files written on standard output and the report on standard error; exit 0
    ///   when something was imported, 64 when a file would be replaced without `--force`, 65 when
    ///   the input is not the format it claims, 66 when it cannot be read, 74 when the output
    ///   cannot be written.
    package static func run(_ options: Options) -> CommandOutput {
        var request = Importer.Request(
            source: options.source.source, path: options.input,
            today: options.today.flatMap(Day.init(iso:)) ?? Day.current())
        request.eventsPath = options.eventsPath
        request.mappingPath = options.mappingPath
        let outcome: Importer.Outcome
        do {
            outcome = try Importer.run(request)
        } catch {
            switch error {
            case .unreadable: return CommandOutput(stderr: "\(error.description)\n", status: .noInput)
            case .invalid: return CommandOutput(stderr: "\(error.description)\n", status: .dataError)
            case .nothingImported(let report):
                let lines = report.notices.map { "\($0.location): \($0.message)\n" }.joined()
                return CommandOutput(
                    stderr: lines
                        + "\(options.input): error: nothing in it could be imported; the lines above say why\n",
                    status: .dataError)
            }
        }
        var out = CommandOutput()
        for notice in outcome.report.notices { out.stderr += "\(notice.location): \(notice.message)\n" }
        let directory = URL(fileURLWithPath: options.outputDirectory)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            out.stderr += "\(options.outputDirectory): error: the folder could not be created\n"
            out.status = .ioError
            return out
        }
        if !options.force {
            for instrument in outcome.instruments {
                let path = directory.appendingPathComponent(instrument.fileName).path
                if FileManager.default.fileExists(atPath: path) {
                    out.stderr +=
                        "\(path): error: the file exists; give another --out folder, or --force to replace it\n"
                    out.status = .usage
                    return out
                }
            }
        }
        for instrument in outcome.instruments {
            let path = directory.appendingPathComponent(instrument.fileName).path
            do {
                try Data(instrument.text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                out.stderr += "\(path): error: the file could not be written\n"
                out.status = .ioError
                return out
            }
            out.stdout +=
                "Wrote \(path): \(count(instrument.questions, "question")), \(count(instrument.tests, "test case")), \(count(instrument.warnings, "warning")) from check.\n"
        }
        if !outcome.report.notices.isEmpty {
            out.stderr +=
                "\(count(outcome.report.notices.count, "construct")) of \(options.input) not carried over or changed, listed above.\n"
        }
        return out
    }

    private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
