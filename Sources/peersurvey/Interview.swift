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

            In a study with a plan (`peersurvey study plan`), give the wave instead of the \
            instrument: a new participant joins at the first wave and gets a code; a later wave \
            continues them by that code.

            Examples:
              peersurvey interview instruments/warmline-follow-up.yaml --db study.sqlite --interviewer PR01
              peersurvey interview --db study.sqlite --wave start_of_term --interviewer PR01
              peersurvey interview --db study.sqlite --wave end_of_term --participant K7MQ-2P4X --interviewer PR01
            """)

    @Argument(help: "The instrument file (not needed with --wave).")
    var instrument: String?

    @Option(help: "The wave of the study plan to interview.")
    var wave: String?

    @Option(help: "The participant's code, to continue them at a later wave.")
    var participant: String?

    @Option(help: "The participant's arm, at the first wave of a study with arms.")
    var arm: String?

    @Flag(help: "Interview a participant outside the wave's window (confirmed by the interviewer).")
    var outsideWindow = false

    @OptionGroup var database: DatabaseOption

    @Option(help: "The peer researcher's code (such as PR01; not a name).")
    var interviewer: String

    @Option(help: "The language of the interview (one of the instrument's `languages:`).")
    var language: String?

    @Flag(help: "Numbered prompts and typed answers, for screen readers and scripts.")
    var plain = false

    func validate() throws {
        if instrument == nil, wave == nil, participant == nil {
            throw ValidationError("Give the instrument file, or --wave in a study with a plan.")
        }
        if instrument != nil, wave != nil || participant != nil || arm != nil {
            throw ValidationError("Give the instrument file or --wave/--participant, not both: a wave's instrument comes from the plan.")
        }
    }

    func run() throws {
        let runner = Interviewers.runner(plain: plain, database: database.path)
        guard let instrument else {
            let request = WaveInterviewCommand.Request(
                databasePath: database.path, wave: wave, participant: participant, arm: arm, interviewer: interviewer,
                language: language, outsideWindow: outsideWindow, today: Today.day())
            try finish(WaveInterviewCommand.run(request, run: runner))
        }
        try finish(InterviewCommand.interview(
            instrumentPath: instrument, databasePath: database.path, interviewer: interviewer, language: language,
            run: runner))
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
