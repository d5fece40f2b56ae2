/// `peersurvey import xlsform`.
enum XLSFormImporter {
    static func run(path: String) throws(ImportError) -> ImportResult {
        throw .invalid(location: path, message: "not yet")
    }
}
