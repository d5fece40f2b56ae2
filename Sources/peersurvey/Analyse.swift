import ArgumentParser
import Foundation
import PeerSurveyKit

/// `peersurvey analyse PLAN --db PATH --out DIR`
struct Analyse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyse",
        abstract: "Produce the tables an analysis plan names, in the formats it names.",
        discussion: """
            A plan (analysis/NAME.yaml) lists tables of variables, cross-tabs by a grouping \
            variable, and scale scores; the report is written as DIR/NAME.html (and .md, .csv, \
            .json or .txt as the plan asks), with small-cell suppression unless the plan turns it \
            off. `peersurvey check PLAN` checks a plan against its instrument file.

            Example:
              peersurvey analyse analysis/warmline-follow-up.yaml --db study.sqlite --out report/
            """)

    @Argument(help: "The analysis plan (a YAML file starting with `plan:`).")
    var plan: String

    @OptionGroup var database: DatabaseOption

    @Option(help: "The folder to write the report into (created if missing).")
    var out: String

    @Flag(help: "Print only the disclosure audit: every hidden count and the interval an attacker can prove for it.")
    var audit = false

    func run() throws {
        try finish(
            AnalyseCommand.run(
                planPath: plan, databasePath: database.path, outputDirectory: out, colour: useColour(STDERR_FILENO),
                audit: audit))
    }
}
