import Analysis
import Export
import Foundation
import Store

/// Who an export is for (`--profile`).
package enum ExportProfileChoice: String, Sendable, CaseIterable {
    /// Pseudonyms, dates coarsened to the month.
    case deidentified
    /// Participant codes and full dates, for the data custodian.
    case custodian

    var profile: ExportProfile { self == .custodian ? .custodian : .deidentified }
}

/// `peersurvey export --db study.sqlite --to DIR`: coded datasets, syntax files and codebooks.
package enum ExportCommand {
    /// What to export and where.
    package struct Options: Sendable {
        /// The study database.
        package var databasePath: String
        /// The target directory.
        package var directory: String
        /// The instrument's id, when the database holds several.
        package var instrument: String?
        /// The `--format` value: ids separated by commas, or `all`.
        package var formats = "all"
        /// Who the export is for.
        package var profile: ExportProfileChoice = .deidentified
        /// Export free text (masked).
        package var includeText = false
        /// Start the CSV with a byte-order mark.
        package var byteOrderMark = false
        /// The release the pseudonyms belong to.
        package var release = "release-1"
        /// Print only the disclosure audit of the codebooks' frequencies; write nothing.
        package var audit = false

        /// Options with the defaults.
        package init(databasePath: String, directory: String) {
            self.databasePath = databasePath
            self.directory = directory
        }
    }

    /// Runs an export.
    /// - Parameter options: What and where.
    /// - Returns: A summary on stdout; exit 64 for a bad format, instrument or target directory,
    ///   65 for a damaged or unloadable study, 66 when the database is missing, 74 for I/O.
    package static func run(_ options: Options) -> CommandOutput {
        var request = ExportRequest(databasePath: options.databasePath, directory: options.directory)
        request.instrument = options.instrument
        request.options = ExportOptions(profile: options.profile.profile, includeText: options.includeText)
        request.byteOrderMark = options.byteOrderMark
        request.release = options.release
        let outcome: ExportRunner.Outcome
        do {
            guard isValidRelease(options.release) else {
                return CommandOutput(
                    stderr:
                        "error: `--release` must be letters, digits, `-`, `_` or `.` (at most 64), such as release-2\n",
                    status: .usage)
            }
            request.formats = try ExportRequest.formats(options.formats)
            if options.audit { return CommandOutput(stdout: try ExportRunner.audit(request).listing) }
            outcome = try ExportRunner.run(request)
        } catch {
            return failure(error)
        }
        return CommandOutput(stdout: summary(outcome, directory: options.directory))
    }

    static func isValidRelease(_ release: String) -> Bool {
        !release.isEmpty && release.utf8.count <= 64
            && release.unicodeScalars.allSatisfy {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0))
            }
    }

    static func summary(_ outcome: ExportRunner.Outcome, directory: String) -> String {
        let report = outcome.report
        var lines: [String] = []
        if !outcome.replaced.isEmpty {
            lines.append("Replaced the earlier export in \(directory) (\(outcome.replaced.count) files).")
        }
        let simulated = report.simulated > 0 ? "; \(report.simulated) of them simulated" : ""
        lines.append(
            "Exported \(report.rows) interviews of \(report.instrument) (\(report.profile.rawValue), \(report.release)\(simulated)) to \(directory):"
        )
        for name in report.files.keys.sorted() { lines.append("  \(name)") }
        lines.append("  export.json")
        if !outcome.added.isEmpty {
            lines.append("Also wrote the CSV, which the syntax files read.")
        }
        if !report.dropped.isEmpty {
            let identifying = report.dropped.filter { $0.reason == .identifying }.map(\.variableID)
            let text = report.dropped.filter { $0.reason == .freeText }.map(\.variableID)
            if !identifying.isEmpty { lines.append("Left out (identifying): \(identifying.joined(separator: ", ")).") }
            if !text.isEmpty {
                lines.append("Left out (free text; --include-text exports it masked): \(text.joined(separator: ", ")).")
            }
        }
        let masked = report.masked.values.reduce(0) { $0 + $1.values.reduce(0, +) }
        if masked > 0 { lines.append("Masked \(masked) email addresses, phone numbers or postcodes in free text.") }
        if let audit = outcome.audit { lines.append(audit.line) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func failure(_ error: any Error) -> CommandOutput {
        guard let error = error as? ExportError else { return .failure(error) }
        switch error {
        case .store(let storeError): return .failure(storeError)
        case .analysis(.noInstruments(let path)):
            return CommandOutput(
                stderr: "error: \(path) holds no instrument yet; interview or simulate first, then export\n",
                status: .dataError)
        case .analysis(let analysisError): return .failure(analysis: analysisError)
        case .unknownFormat, .targetNotEmpty, .targetNotDirectory:
            return CommandOutput(stderr: "error: \(error.description)\n", status: .usage)
        case .io, .readStat:
            return CommandOutput(stderr: "error: \(error.description)\n", status: .ioError)
        }
    }
}
