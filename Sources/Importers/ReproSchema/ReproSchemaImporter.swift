/// `peersurvey import reproschema`.
enum ReproSchemaImporter {
    static func run(path: String) throws(ImportError) -> ImportResult {
        throw .invalid(location: path, message: "not yet")
    }
}
