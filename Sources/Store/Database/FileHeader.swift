import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
        // The size of the file itself (a symbolic link's own size is the length of its target's
        // name), and never an open of a FIFO, which would wait for a writer for ever.
        guard case .regular(let size) = StudyFile.kind(of: path), let bytes = OpenFiles.shared.prefix(100, of: path)
        else {
            return nil
        }
        guard Array(bytes[0..<16]) == magic else { return nil }
        func u32(_ at: Int) -> UInt32 {
            bytes[at..<at + 4].reduce(0) { $0 << 8 | UInt32($1) }
        }
        let rawPageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        let pageSize = rawPageSize == 1 ? 65_536 : rawPageSize
        guard pageSize >= 512, pageSize & (pageSize - 1) == 0 else { return nil }
        // The in-header page count is valid only when the "version-valid-for" number matches the
        // change counter; otherwise it is unknown (older writers).
        let pageCount = u32(92) == u32(24) ? Int(u32(28)) : 0
        return FileHeader(
            applicationID: u32(68), userVersion: u32(60), pageSize: pageSize, pageCount: pageCount,
            fileSize: size)
    }

    /// Whether the main file is shorter than its own header says. Not damage by itself: a crash
    /// in the middle of a checkpoint leaves the header written and the rest of the pages still
    /// in the write-ahead log, which SQLite replays. Only SQLite can judge (see
    /// ``StudyDatabase/open(at:readOnly:)``).
    var isShorterThanHeader: Bool { pageCount > 0 && fileSize < pageCount * pageSize }
}

/// Descriptors of database files opened to read their header, kept open for the life of the
/// process. Closing any descriptor of a file releases every POSIX lock this process holds on it,
/// including SQLite's locks of a connection to the same file (SQLite's documentation, "How To
/// Corrupt An SQLite Database File", 2.2); a descriptor that is never closed cannot do that.
/// One per file (device and inode), so the number stays that of the files a command opens.
final class OpenFiles: @unchecked Sendable {
    static let shared = OpenFiles()
    private let lock = NSLock()
    private var descriptors: [String: Int32] = [:]

    /// The first `count` bytes of the file at `path`, or `nil` when it is shorter or unreadable.
    func prefix(_ count: Int, of path: String) -> [UInt8]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let key = "\(info.st_dev):\(info.st_ino)"
        let descriptor: Int32 = lock.withLock {
            if let known = descriptors[key] { return known }
            let opened = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            var check = stat()
            guard opened >= 0, fstat(opened, &check) == 0, check.st_dev == info.st_dev, check.st_ino == info.st_ino
            else {
                // Replaced between the two calls: read it once; closing is safe as nothing else
                // of this process can hold a lock on a file it has not seen yet.
                return opened
            }
            descriptors[key] = opened
            return opened
        }
        guard descriptor >= 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: count)
        let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, 0) }
        if lock.withLock({ !descriptors.values.contains(descriptor) }) { close(descriptor) }
        return read == count ? bytes : nil
    }
}
