import Foundation

/// Writes the text files of the codebook formats.
enum TextFile {
    /// Writes UTF-8 text atomically.
    /// - Parameters:
    ///   - text: The text.
    ///   - url: Where.
    /// - Throws: ``ExportError/io(path:detail:)`` naming the file.
    static func write(_ text: String, to url: URL) throws {
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw ExportError.io(path: url.path, detail: "could not be written; check that the folder is writable")
        }
    }
}
