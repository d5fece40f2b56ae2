import Foundation
import Instrument
package import Interview
import Store
package import Terminal

/// `peersurvey interview`, `resume` and `preview`: prepare a session, run it on the screen or in
/// line mode, and report how it ended.
package enum InterviewCommand {
    /// Which interviewer to run.
    package enum Mode: Sendable {
        /// The full-screen interviewer (a terminal on standard input and output).
        case screen
        /// Numbered prompts and typed answers.
        case line
    }

    /// Runs a session in the chosen mode.
    package typealias Runner = (InterviewSession, _ askConsent: Bool) throws -> Ending

    /// Starts a new interview.
    /// - Parameters:
    ///   - instrumentPath: The instrument file.
    ///   - databasePath: The study database (created, without a key, when missing).
    ///   - interviewer: The peer researcher's code.
    ///   - language: The language, or the instrument's first.
    ///   - run: Runs the session on the screen or in line mode.
    package static func interview(
        instrumentPath: String, databasePath: String, interviewer: String, language: String?, run: Runner
    ) -> CommandOutput {
        let loaded: (Instrument, String)
        switch load(instrumentPath) {
        case .failure(let refused): return refused.output
        case .success(let value): loaded = value
        }
        let (instrument, source) = loaded
        if let language, !instrument.languages.contains(language) {
            return CommandOutput(
                stderr: "error: the instrument has no language `\(language)`; it has \(instrument.languages.joined(separator: ", "))\n",
                status: .usage)
        }
        guard StudyDatabase.isValidInterviewer(interviewer) else {
            return CommandOutput(stderr: "error: the interviewer code must be \(StudyDatabase.interviewerPattern)\n", status: .usage)
        }
        do {
            let database: StudyDatabase
            var created = ""
            if StudyFile.entryExists(databasePath) {
                database = try StudyDatabase.open(at: databasePath)
                // Refused before anything is written (registering the instrument would be).
                if instrument.hasIdentifyingQuestions, try database.study().publicKey == nil {
                    throw StoreError.noPublicKey(instrument: instrument.id, questions: instrument.identifyingVariables.sorted())
                }
            } else {
                if instrument.hasIdentifyingQuestions {
                    throw StoreError.noPublicKey(instrument: instrument.id, questions: instrument.identifyingVariables.sorted())
                }
                database = try StudyDatabase.create(at: databasePath) { database in
                    try database.initStudy(title: instrument.title.text(in: instrument.defaultLanguage), publicKey: nil)
                }
                created = "Created the study database \(databasePath) (no key: identifying questions cannot be asked in it).\n"
            }
            defer { try? database.close() }
            let registered = try database.register(instrument, source: source)
            let recorder = try database.beginInterview(
                registered, interviewer: interviewer, language: language ?? instrument.defaultLanguage, simulated: false)
            let engine = InterviewEngine(instrument: instrument, language: recorder.language, today: Day.current())
            let session = InterviewSession(engine: engine, log: recorder)
            let ending = try run(session, true)
            return report(ending, code: recorder.code, database: databasePath, prefix: created, words: session.words)
        } catch {
            return .failure(error)
        }
    }

    /// Continues a suspended interview at its first unanswered question.
    package static func resume(databasePath: String, code: String, run: Runner) -> CommandOutput {
        do {
            let database = try StudyDatabase.open(at: databasePath)
            defer { try? database.close() }
            let recorder = try database.continueInterview(code: code)
            let source = try database.source(of: recorder.instrument)
            let result = InstrumentLoader.load(text: source, path: "\(recorder.instrument.name) (stored)")
            guard let instrument = result.instrument, !result.hasErrors else {
                return CommandOutput(stderr: "error: the stored instrument no longer loads; it cannot be resumed\n", status: .dataError)
            }
            let (session, askConsent) = InterviewSession.resuming(
                instrument, saved: try recorder.saved(for: instrument), log: recorder, language: recorder.language,
                today: Day.current())
            let ending = try run(session, askConsent)
            return report(ending, code: recorder.code, database: databasePath, prefix: "", words: session.words)
        } catch {
            return .failure(error)
        }
    }

    /// Lists the interviews that can be resumed, for `resume` without a code: suspended ones,
    /// and interrupted ones (active, with no window holding them: a crash, a closed window).
    package static func listSuspended(databasePath: String) -> CommandOutput {
        do {
            let database = try StudyDatabase.open(at: databasePath, readOnly: true)
            defer { try? database.close() }
            let resumable = try database.interviews().filter { $0.status == .suspended || $0.interrupted }
            if resumable.isEmpty { return CommandOutput(stdout: "No suspended or interrupted interviews in \(databasePath).\n") }
            let rows = resumable.map { [$0.code, $0.statusLabel, "\($0.instrument) v\($0.version)", $0.interviewer, String($0.answers), String($0.updatedAt.prefix(16)).replacingOccurrences(of: "T", with: " ")] }
            return CommandOutput(stdout: "Interviews to continue (continue one with `peersurvey resume --db \(databasePath) CODE`):\n"
                + Table.render(header: ["code", "status", "instrument", "interviewer", "answers", "last activity"], rows: rows, rightAligned: [4]))
        } catch {
            return .failure(error)
        }
    }

    /// Runs an interview that saves nothing.
    package static func preview(instrumentPath: String, language: String?, run: Runner) -> CommandOutput {
        switch load(instrumentPath) {
        case .failure(let refused): return refused.output
        case .success(let (instrument, _)):
            let engine = InterviewEngine(instrument: instrument, language: language, today: Day.current())
            do {
                _ = try run(InterviewSession(engine: engine, log: PreviewLog()), true)
                return CommandOutput(stdout: engine.words.previewFinished + "\n")
            } catch {
                return .failure(error)
            }
        }
    }

    /// The message for how the interview ended, in the interview's language.
    package static func report(
        _ ending: Ending, code: String, database: String, prefix: String, words: InterviewerWords = .english
    ) -> CommandOutput {
        let resume = "peersurvey resume --db \(database) \(code)"
        let line: String
        switch ending {
        case .completed: line = words.reportCompleted(code, database)
        case .suspended: line = words.reportSuspended(code, resume)
        case .stopped(let reason): line = words.reportStopped(code, reason.rawValue)
        case .discarded: line = words.reportDiscarded(code)
        case .noConsent: line = words.reportNoConsent(code)
        }
        return CommandOutput(stdout: prefix + line + "\n")
    }

    private struct Refused: Error { var output: CommandOutput }

    private static func load(_ path: String) -> Result<(Instrument, String), Refused> {
        do {
            let result = try InstrumentLoader.load(path: path)
            guard let instrument = result.instrument, let source = result.source, !result.hasErrors else {
                let errors = result.diagnostics.filter { $0.severity == .error }
                let text = DiagnosticRenderer(sources: result.source.map { [path: $0] } ?? [:], colour: false).render(errors)
                return .failure(Refused(output: CommandOutput(stderr: text + "\(path): fix these errors (see `peersurvey check`) before interviewing\n", status: .dataError)))
            }
            return .success((instrument, source.text))
        } catch {
            return .failure(Refused(output: CommandOutput(stderr: error.description + "\n", status: .noInput)))
        }
    }
}
