import Instrument

/// `peersurvey schema`: the JSON Schema of the instrument format.
public enum SchemaCommand {
    /// The schema on standard output.
    public static func run() -> CommandOutput {
        CommandOutput(stdout: JSONSchema.document())
    }
}
