import ArgumentParser
import Foundation
import PeerSurveyKit

/// `peersurvey interview INSTRUMENT --db PATH --interviewer CODE [--language cy] [--plain]`
struct Interview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: "Run an interview at the terminal, saving every answer as it is given.",
        discussion: """
            Consent comes first. Typing goes straight into a text, number or date answer; digits \
            choose, arrows move, space toggles, Enter confirms. Commands are Ctrl keys, which typing \
            cannot produce: Ctrl-B back, Ctrl-R prefer not to say, Ctrl-K don't know, Ctrl-N note, \
            Ctrl-P pause (from any screen), Ctrl-E stop, Ctrl-G the keys. Ctrl-C suspends the \
            interview safely; `peersurvey resume` continues it. Without a terminal, or with --plain, \
            the interview runs as numbered prompts and typed answers (commands: /back, /refuse, ...).

            Example:
              peersurvey interview instruments/warmline-follow-up.yaml --db study.sqlite --interviewer PR01
            """)

    @Argument(help: "The instrument file.")
    var instrument: String

    @OptionGroup var database: DatabaseOption

    @Option(help: "The peer researcher's code (such as PR01; not a name).")
    var interviewer: String

    @Option(help: "The language of the interview (one of the instrument's `languages:`).")
    var language: String?

    @Flag(help: "Numbered prompts and typed answers, for screen readers and scripts.")
    var plain = false

    func run() throws {
        try finish(InterviewCommand.interview(
            instrumentPath: instrument, databasePath: database.path, interviewer: interviewer, language: language,
            run: Interviewers.runner(plain: plain, database: database.path)))
    }
}

/// `peersurvey resume --db PATH [CODE]`
struct Resume: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue a suspended interview, or list them when no code is given.")

    @OptionGroup var database: DatabaseOption

    @Argument(help: "The participant code.")
    var code: String?

    @Flag(help: "Numbered prompts and typed answers.")
    var plain = false

    func run() throws {
        guard let code else { try finish(InterviewCommand.listSuspended(databasePath: database.path)) }
        try finish(InterviewCommand.resume(
            databasePath: database.path, code: code, run: Interviewers.runner(plain: plain, database: database.path)))
    }
}

/// `peersurvey preview INSTRUMENT`
struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Run an instrument as an interview without saving anything.")

    @Argument(help: "The instrument file.")
    var instrument: String

    @Option(help: "The language of the interview.")
    var language: String?

    @Flag(help: "Numbered prompts and typed answers.")
    var plain = false

    func run() throws {
        try finish(InterviewCommand.preview(
            instrumentPath: instrument, language: language, run: Interviewers.runner(plain: plain, database: nil)))
    }
}
