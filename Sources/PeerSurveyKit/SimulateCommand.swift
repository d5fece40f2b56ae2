import Foundation
import Instrument
import Simulation
import Store

/// `peersurvey simulate INSTRUMENT --db study.sqlite --count N [--seed S]`.
package enum SimulateCommand {
    /// Rates of missing answers and break-offs.
    package struct Rates: Sendable {
        /// Prefer not to say.
        package var refused: Double
        /// Don't know.
        package var dontKnow: Double
        /// Break-off.
        package var breakOff: Double

        /// Rates as fractions from 0 to 1.
        package init(refused: Double, dontKnow: Double, breakOff: Double) {
            self.refused = refused
            self.dontKnow = dontKnow
            self.breakOff = breakOff
        }
    }

    /// Simulates interviews into a study database (created when missing) and reports coverage.
    /// - Parameters:
    ///   - instrumentPath: The instrument file.
    ///   - databasePath: The study database.
    ///   - count: Interviews to generate.
    ///   - seed: The random seed; the same seed gives the same answers.
    ///   - rates: Missing-answer and break-off rates.
    ///   - today: The interview date for the engine (fixed by `--today` for reproducible runs).
    package static func run(
        instrumentPath: String, databasePath: String, count: Int, seed: UInt64, rates: Rates, today: String?
    ) -> CommandOutput {
        let loaded: InstrumentLoader.Result
        do {
            loaded = try InstrumentLoader.load(path: instrumentPath)
        } catch {
            return CommandOutput(stderr: error.description + "\n", status: .noInput)
        }
        guard let instrument = loaded.instrument, let source = loaded.source, !loaded.hasErrors else {
            // The located errors first, as `codebook` and `interview` give them.
            let errors = loaded.diagnostics.filter { $0.severity == .error }
            let text = DiagnosticRenderer(sources: loaded.source.map { [instrumentPath: $0] } ?? [:]).render(errors)
            return CommandOutput(
                stderr: text + "\(instrumentPath): the instrument has errors; run `peersurvey check` first\n", status: .dataError)
        }
        let day = today.flatMap(Day.init(iso:)) ?? Day.current()
        var settings = SimulationSettings(count: count, seed: seed)
        settings.refusedRate = rates.refused
        settings.dontKnowRate = rates.dontKnow
        settings.breakOffRate = rates.breakOff
        do {
            let database: StudyDatabase
            if StudyFile.entryExists(databasePath) {
                database = try StudyDatabase.open(at: databasePath)
            } else {
                database = try StudyDatabase.create(at: databasePath) { database in
                    try database.initStudy(title: instrument.title.text(in: instrument.defaultLanguage), publicKey: nil)
                }
            }
            defer { try? database.close() }
            let registered = try database.register(instrument, source: source.text)
            let result = try Simulator.run(instrument, registered: registered, into: database, settings: settings, today: day)
            var out = "Simulated \(result.interviews) interviews of \(instrument.id) into \(databasePath) "
            out += "(seed \(seed); \(result.coverage.brokenOff) broke off). They are marked as simulated.\n"
            let findings = result.coverage.findings(in: instrument)
            if findings.isEmpty {
                out += "Coverage: every question was reached, every option chosen, every check, warning and safeguard fired.\n"
            } else {
                out += "Coverage: \(findings.count) gap\(findings.count == 1 ? "" : "s") (dead routing or rare answers to look at before fieldwork):\n"
                for finding in findings {
                    out += "\(finding.location.file == "" ? instrumentPath : finding.location.file):\(finding.location.line):\(finding.location.column): note: \(finding.message)\n"
                }
            }
            return CommandOutput(stdout: out)
        } catch {
            return .failure(error)
        }
    }
}
