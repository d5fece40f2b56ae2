import Instrument

/// `peersurvey schema`: the JSON Schema of the instrument format.
package enum SchemaCommand {
    /// The schema on standard output.
    package static func run() -> CommandOutput {
        CommandOutput(stdout: JSONSchema.document())
    }
}
