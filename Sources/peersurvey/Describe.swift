public import ArgumentParser
import PeerSurveyKit

extension DescribeFormat: ExpressibleByArgument {}
extension PercentileChoice: ExpressibleByArgument {}

/// `peersurvey describe --db PATH [VARIABLE...]`
struct Describe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Describe a study: frequencies, descriptive statistics, cross-tabs and scale reliability.",
        discussion: """
            Reads completed interviews of one instrument (every version of it). Counts from 1 to \
            --min-cell minus 1 are shown as <10 by default, and other counts are hidden where they \
            would let a small count be worked out; the output says what was hidden. Free-text \
            answers are only counted, never printed.

            Examples:
              peersurvey describe --db study.sqlite
              peersurvey describe --db study.sqlite call_helpful feel_after --by gender
              peersurvey describe --db study.sqlite --format html --out report.html
            """)

    @OptionGroup var database: DatabaseOption

    @Argument(help: "Variables to describe (every variable when none are given).")
    var variables: [String] = []

    @Option(help: "The instrument's id, when the database holds more than one.")
    var instrument: String?

    @Option(help: "A single-choice variable to cross-tabulate every variable by.")
    var by: String?

    @Option(help: "A numeric variable holding frequency weights.")
    var weight: String?

    @Option(help: "How percentiles are interpolated.")
    var percentiles: PercentileChoice = .type7

    @Option(help: "Hide counts from 1 to N-1 (and counts that would reveal them); 0 turns this off.")
    var minCell = 10

    @Flag(help: "Also read suspended interviews.")
    var includeSuspended = false

    @Flag(help: "Also read broken-off interviews.")
    var includeBrokenOff = false

    @Option(help: "How to print the tables.")
    var format: DescribeFormat = .text

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    @Flag(help: "Print only the disclosure audit: every hidden count and the interval an attacker can prove for it.")
    var audit = false

    func validate() throws {
        if minCell < 0 { throw ValidationError("Please give --min-cell as 0 (no suppression) or a positive number.") }
    }

    func run() throws {
        var options = DescribeCommand.Options(databasePath: database.path)
        options.instrument = instrument
        options.variables = variables
        options.by = by
        options.weight = weight
        options.percentiles = percentiles
        options.minCell = minCell
        options.includeSuspended = includeSuspended
        options.includeBrokenOff = includeBrokenOff
        options.format = format
        options.outputPath = out
        options.audit = audit
        try finish(DescribeCommand.run(options))
    }
}
