import ArgumentParser
import PeerSurveyKit

/// `peersurvey schema`
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print a JSON Schema of the instrument format, for editors.",
        discussion: """
            Save it and point your editor at it; with the VS Code YAML extension, add to settings.json:
              "yaml.schemas": { "./instrument.schema.json": "instruments/*.yaml" }

            Example:
              peersurvey schema > instrument.schema.json
            """)

    func run() throws {
        try finish(SchemaCommand.run())
    }
}
