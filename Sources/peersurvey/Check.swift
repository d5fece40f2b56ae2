public import ArgumentParser
import PeerSurveyKit

extension DiagnosticFormat: ExpressibleByArgument {}

/// `peersurvey check FILE...`
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every mistake in instrument files, located to the line and column.",
        discussion: """
            Exits 0 when there are no errors (warnings allowed), 65 when there is any error, 66 when \
            a file cannot be read.

            Example:
              peersurvey check instruments/*.yaml
              peersurvey check --format json instruments/warmline-follow-up.yaml
            """)

    @Argument(help: "The instrument files to check.")
    var files: [String]

    @Option(help: "How to print diagnostics.")
    var format: DiagnosticFormat = .text

    func validate() throws {
        if files.isEmpty { throw ValidationError("Please name at least one instrument file to check.") }
    }

    func run() throws {
        try finish(CheckCommand.run(paths: files, format: format, colour: format == .text && useColour()))
    }
}
