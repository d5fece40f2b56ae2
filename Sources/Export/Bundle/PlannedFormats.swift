import Foundation

// Placeholders while the writers are built; each is replaced by its real file.
struct SPSSSyntaxFormat: ExportFormat {
    let id = ExportFormatID.sps
    func write(_ bundle: ExportBundle, to directory: URL) throws -> [String] { throw ExportError.notBuilt(id.rawValue) }
}
struct StataSyntaxFormat: ExportFormat {
    let id = ExportFormatID.do
    func write(_ bundle: ExportBundle, to directory: URL) throws -> [String] { throw ExportError.notBuilt(id.rawValue) }
}
struct RSyntaxFormat: ExportFormat {
    let id = ExportFormatID.r
    func write(_ bundle: ExportBundle, to directory: URL) throws -> [String] { throw ExportError.notBuilt(id.rawValue) }
}
