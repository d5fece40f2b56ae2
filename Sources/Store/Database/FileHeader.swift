import Foundation

/// The first 100 bytes of a SQLite file, read without opening it through SQLite, so that a file
/// that is not ours is refused before anything could write to it.
struct FileHeader: Sendable {
    /// `PRAGMA application_id` as stored in the header.
    var applicationID: UInt32
    /// `PRAGMA user_version` as stored in the header.
    var userVersion: UInt32
    /// The page size in bytes.
    var pageSize: Int
    /// The number of pages the header says the main file holds.
    var pageCount: Int
    /// The size of the file on disk.
    var fileSize: Int

    private static let magic = Array("SQLite format 3\0".utf8)

    /// Reads the header of the file at `path`.
    /// - Returns: The header, or `nil` when the file is not a SQLite database (too short,
    ///   wrong magic string).
    static func read(path: String) -> FileHeader? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 100), data.count == 100 else { return nil }
        let bytes = [UInt8](data)
        guard Array(bytes[0..<16]) == magic else { return nil }
        func u32(_ at: Int) -> UInt32 {
            bytes[at..<at + 4].reduce(0) { $0 << 8 | UInt32($1) }
        }
        let rawPageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        let pageSize = rawPageSize == 1 ? 65_536 : rawPageSize
        guard pageSize >= 512, pageSize & (pageSize - 1) == 0 else { return nil }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        // The in-header page count is valid only when the "version-valid-for" number matches the
        // change counter; otherwise it is unknown (older writers).
        let pageCount = u32(92) == u32(24) ? Int(u32(28)) : 0
        return FileHeader(
            applicationID: u32(68), userVersion: u32(60), pageSize: pageSize, pageCount: pageCount,
            fileSize: size)
    }

    /// Whether the file is shorter than its own header says: it was cut off.
    var isTruncated: Bool { pageCount > 0 && fileSize < pageCount * pageSize }
}
