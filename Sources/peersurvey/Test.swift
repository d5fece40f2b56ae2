import ArgumentParser
import Foundation
import PeerSurveyKit

/// `peersurvey test FILE...`
struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the test cases written in instrument files.",
        discussion: """
            Each case under `tests:` gives answers and says what must follow: which questions are \
            asked or skipped, values, scores and safeguards. Exits 1 when a case fails.

            Example:
              peersurvey test instruments/recovery-college-outcomes.yaml
            """)

    @Argument(help: "The instrument files whose cases to run.")
    var files: [String]

    @Option(help: "The date `today()` returns in cases that do not set `today:` (YYYY-MM-DD).")
    var today: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("Please name at least one instrument file to test.") }
        if let today, !TestCommand.isDate(today) { throw ValidationError("Please give --today as YYYY-MM-DD.") }
    }

    func run() throws {
        try finish(TestCommand.run(paths: files, today: today, colour: useColour()))
    }
}
