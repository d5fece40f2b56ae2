public import ArgumentParser
import PeerSurveyKit

extension CodebookFormat: ExpressibleByArgument {}

/// `peersurvey codebook INSTRUMENT [--db PATH] --format md|html|ddi|json|redcap [--output FILE]`
struct Codebook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codebook",
        abstract: "Write a codebook: every variable's wording, codes, missing codes and routing in plain words.",
        discussion: """
            From the instrument alone (for an ethics committee), or with --db, with the frequencies \
            of a study's completed interviews, small counts hidden as in describe. Identifying \
            questions are listed as sealed and never counted. md and html are for people, ddi is \
            DDI Codebook 2.5 XML for data archives, json is the same content for scripts, redcap \
            is a REDCap data dictionary (CSV) for moving the study to REDCap, with what REDCap \
            cannot hold listed on standard error.

            Examples:
              peersurvey codebook instruments/warmline-follow-up.yaml --format html --output codebook.html
              peersurvey codebook instruments/warmline-follow-up.yaml --db study.sqlite --format ddi
              peersurvey codebook instruments/warmline-follow-up.yaml --format redcap --output dictionary.csv
            """)

    @Argument(help: "The instrument file (or, with --db, the id of an instrument in the study).")
    var instrument: String

    @Option(name: .customLong("db"), help: "A study database to count answers from.")
    var database: String?

    @Option(help: "What to write.")
    var format: CodebookFormat = .md

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "Hide counts from 1 to N-1 (and counts that would reveal them); 0 turns this off.")
    var minCell = 10

    @Flag(help: "Print only the disclosure audit: every hidden count and the interval an attacker can prove for it.")
    var audit = false

    func validate() throws {
        if minCell < 0 { throw ValidationError("Please give --min-cell as 0 (no suppression) or a positive number.") }
    }

    func run() throws {
        var options = CodebookCommand.Options(instrument: instrument)
        options.databasePath = database
        options.format = format
        options.outputPath = output
        options.minCell = minCell
        options.audit = audit
        try finish(CodebookCommand.run(options))
    }
}
