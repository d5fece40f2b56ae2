import ArgumentParser
import PeerSurveyKit

/// `peersurvey study init --db PATH --title TEXT [--key NAME.pub]`
struct Study: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Create a study database, and record its plan.",
        subcommands: [Init.self, Plan.self])

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

        @Option(help: "A study plan (studies/NAME.yaml) with the study's waves.")
        var plan: String?

        func run() throws {
            try finish(StudyCommand.initialise(path: database.path, title: title, keyPath: key, planPath: plan))
        }
    }

    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Record a study plan in a study, or add waves to the one recorded.",
            discussion: """
                Example:
                  peersurvey study plan --db study.sqlite studies/recovery-college-term.yaml
                """)

        @OptionGroup var database: DatabaseOption

        @Argument(help: "The study plan file.")
        var plan: String

        func run() throws {
            try finish(PlanCommand.record(databasePath: database.path, planPath: plan))
        }
    }
}

/// `peersurvey due --db PATH [--all] [--today DATE]`
struct Due: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "List the participants due, overdue and lost for each wave of the study plan.",
        discussion: """
            Codes only: nothing identifying is shown.

            Example:
              peersurvey due --db study.sqlite
            """)

    @OptionGroup var database: DatabaseOption

    @Flag(help: "List every participant's every later wave, not only those needing action.")
    var all = false

    @Option(help: "Judge as on this day (YYYY-MM-DD) instead of today.")
    var today: String?

    func run() throws {
        guard let day = today.map(Today.parse) ?? Today.day() else {
            throw ValidationError("--today takes a date as YYYY-MM-DD.")
        }
        try finish(PlanCommand.due(databasePath: database.path, today: day, all: all))
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
