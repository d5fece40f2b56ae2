public import ArgumentParser
import PeerSurveyKit

extension ImportFormat: ExpressibleByArgument {}

/// `peersurvey import redcap|xlsform|reproschema INPUT --out DIR`
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make instruments from a REDCap data dictionary, an XLSForm or a ReproSchema activity.",
        discussion: """
            Writes one instrument per REDCap form (one for an XLSForm or an activity) into the \
            folder, each with a comment naming the source row of every question and test cases \
            generated from its routing; every construct that could not be carried over is listed \
            on standard error with its place in the source. Exits 0 when something was imported, \
            65 when the input is not the format named, 66 when it cannot be read. See \
            docs/importing.md.

            Examples:
              peersurvey import redcap dictionary.csv --out instruments/
              peersurvey import xlsform form.xlsx --out instruments/
              peersurvey import reproschema reproschema-library/activities/GAD7 --out instruments/
            """)

    @Argument(help: "The source format.")
    var source: ImportFormat

    @Argument(help: "The data dictionary (CSV), the XLSForm (.xlsx) or the activity folder.")
    var input: String

    @Option(help: "The folder to write the instruments into (created if missing).")
    var out: String

    @Option(help: "REDCap only: the events file (unique_event_name ...).")
    var events: String?

    @Option(help: "REDCap only: the instrument-event mapping (arm_num, unique_event_name, form).")
    var mapping: String?

    @Flag(help: "Replace instrument files that already exist in the folder.")
    var force = false

    @Option(help: "The day the generated test cases run on (YYYY-MM-DD); today by default.")
    var today: String?

    func validate() throws {
        if source != .redcap, events != nil || mapping != nil {
            throw ValidationError("Please give --events and --mapping only with `import redcap`.")
        }
        if mapping != nil, events == nil {
            throw ValidationError("Please give --events with --mapping: the mapping names the events of that file.")
        }
        if let today, !TestCommand.isDate(today) { throw ValidationError("Please give --today as YYYY-MM-DD.") }
    }

    func run() throws {
        var options = ImportCommand.Options(source: source, input: input, outputDirectory: out)
        options.eventsPath = events
        options.mappingPath = mapping
        options.force = force
        options.today = today
        try finish(ImportCommand.run(options))
    }
}
