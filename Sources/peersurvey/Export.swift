public import ArgumentParser
import PeerSurveyKit

extension ExportProfileChoice: ExpressibleByArgument {}

/// `peersurvey export --db PATH --to DIR`
struct ExportData: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a study as coded datasets, syntax files and codebooks, de-identified by default.",
        discussion: """
            Writes one bundle per instrument into DIR: the coded CSV, SPSS .sav and .sps, Stata \
            .dta and .do, an R script, datapackage.json, DDI XML, a codebook in Markdown and HTML, \
            and export.json (what was left out, masked and coarsened, and each file's SHA-256). \
            Identifying questions are never exported; free text only with --include-text, masked; \
            participant codes become pseudonyms of the release (--release) unless --profile \
            custodian. DIR must be new, empty, or an earlier export. See docs/exports.md.

            Examples:
              peersurvey export --db study.sqlite --to export/
              peersurvey export --db study.sqlite --to spss/ --format sav,sps --release archive-2026
            """)

    @OptionGroup var database: DatabaseOption

    @Option(help: "The instrument's id, when the database holds more than one.")
    var instrument: String?

    @Option(help: "The directory to write into (new, empty, or an earlier export).")
    var to: String

    @Option(
        help: ArgumentHelp(
            "Formats, separated by commas, or all.",
            valueName: "csv,sav,dta,sps,do,r,datapackage,ddi,codebook-md,codebook-html|all"))
    var format = "all"

    @Option(help: "Who the export is for: deidentified (pseudonyms, coarse dates) or custodian (participant codes).")
    var profile: ExportProfileChoice = .deidentified

    @Flag(help: "Export free-text answers, with emails, phone numbers and postcodes masked.")
    var includeText = false

    @Flag(help: "Start the CSV with a UTF-8 byte-order mark (for Excel).")
    var bom = false

    @Option(help: "The release name; pseudonyms differ between releases.")
    var release = "release-1"

    @Flag(help: "Print only the disclosure audit: every hidden count and the interval an attacker can prove for it.")
    var audit = false

    func run() throws {
        var options = ExportCommand.Options(databasePath: database.path, directory: to)
        options.instrument = instrument
        options.formats = format
        options.profile = profile
        options.includeText = includeText
        options.byteOrderMark = bom
        options.release = release
        options.audit = audit
        try finish(ExportCommand.run(options))
    }
}
