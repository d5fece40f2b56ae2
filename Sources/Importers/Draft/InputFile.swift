import Foundation

/// Reads an input file with a size limit, so that a huge or endless input is refused before it
/// is read.
enum InputFile {
    /// Reads at most `limit` bytes of `path`.
    /// - Throws: ``ImportError/unreadable(path:reason:)`` when the file cannot be read, and
    ///   ``ImportError/invalid(location:message:)`` when it is larger than `limit`.
    static func read(path: String, limit: Int, what: String) throws(ImportError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw .unreadable(path: path, reason: "it is a folder; give \(what)") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: "permission denied")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw .unreadable(path: path, reason: "it could not be read")
        }
        guard data.count <= limit else {
            throw .invalid(
                location: (path as NSString).lastPathComponent,
                message:
                    "the file is larger than \(limit >> 20) MB, far beyond any real \(what.replacingOccurrences(of: "a ", with: "")); refused unread"
            )
        }
        return data
    }
}
