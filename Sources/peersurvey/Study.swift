import ArgumentParser
import PeerSurveyKit

/// `peersurvey study init --db PATH --title TEXT [--key NAME.pub]`
struct Study: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Create a study database.",
        subcommands: [Init.self])

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create a new study database, recording the public key that seals identifying answers.",
            discussion: """
                Example:
                  peersurvey study init --db study.sqlite --title "Warmline follow-up" --key study-key.pub
                """)

        @OptionGroup var database: DatabaseOption

        @Option(help: "The study's title.")
        var title: String

        @Option(help: "The public key file (NAME.pub from `peersurvey keys new`).")
        var key: String?

        func run() throws {
            try finish(StudyCommand.initialise(path: database.path, title: title, keyPath: key))
        }
    }
}

/// `peersurvey status --db PATH`
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Summarise the interviews in a study database by instrument, status and interviewer.")

    @OptionGroup var database: DatabaseOption

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
        try finish(StudyCommand.status(path: database.path, json: format == .json))
    }
}

/// Text for people, JSON for scripts.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
}
