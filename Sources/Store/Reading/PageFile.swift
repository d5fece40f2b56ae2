import GRDB
import GRDBSQLite

/// Reads pages of a SQLite database file directly, in blocks of consecutive pages (a table
/// written in key order lies mostly in consecutive pages, so a scan needs few reads).
///
/// It reads through the file handle SQLite itself holds for the connection (the VFS's `xRead`,
/// found with `SQLITE_FCNTL_FILE_POINTER`), never a descriptor of its own: closing a second
/// descriptor on a file SQLite has open would drop the process's POSIX locks on it (SQLite's
/// "How To Corrupt An SQLite Database File", section 2.2).
///
/// Used only while the connection holds a read transaction and the write-ahead log is empty:
/// then the main file is exactly the snapshot being read, and no checkpoint can change it until
/// the transaction ends.
final class PageFile {
    /// Pages read per call.
    static let blockPages = 64

    let pageSize: Int
    /// The bytes of each page that hold data (the page size less the reserved bytes).
    let usableSize: Int
    let pageCount: Int
    private let file: UnsafeMutablePointer<sqlite3_file>
    private let read: @convention(c) (UnsafeMutablePointer<sqlite3_file>?, UnsafeMutableRawPointer?, Int32, sqlite3_int64) -> Int32
    private var block: [UInt8] = []
    private var blockStart = -1
    private var blockPages = 0

    /// Takes the main database file of a connection and reads its header; `nil` when the file is
    /// not in a form this reader handles (the caller then reads through SQLite).
    /// - Parameter db: The connection, inside a read transaction.
    init?(_ db: Database) {
        var pointer: UnsafeMutableRawPointer?
        guard let connection = db.sqliteConnection,
            sqlite3_file_control(connection, "main", SQLITE_FCNTL_FILE_POINTER, &pointer) == SQLITE_OK,
            let file = pointer?.assumingMemoryBound(to: sqlite3_file.self),
            let methods = file.pointee.pMethods, let read = methods.pointee.xRead,
            let fileSize = methods.pointee.xFileSize
        else { return nil }
        self.file = file
        self.read = read
        var size: sqlite3_int64 = 0
        var header = [UInt8](repeating: 0, count: 100)
        let status = header.withUnsafeMutableBytes { read(file, $0.baseAddress, 100, 0) }
        guard status == SQLITE_OK, fileSize(file, &size) == SQLITE_OK else { return nil }
        let rawSize = Int(header[16]) << 8 | Int(header[17])
        let pageSize = rawSize == 1 ? 65_536 : rawSize
        let encoding = Int(header[56]) << 24 | Int(header[57]) << 16 | Int(header[58]) << 8 | Int(header[59])
        guard header.starts(with: Array("SQLite format 3\0".utf8)), pageSize >= 512, pageSize & (pageSize - 1) == 0,
            encoding == 1, pageSize - Int(header[20]) >= 480
        else { return nil }
        self.pageSize = pageSize
        usableSize = pageSize - Int(header[20])
        pageCount = Int(size) / pageSize
    }

    /// The bytes of page `number` (1-based), or `nil` if it is outside the file or cannot be read.
    func page(_ number: Int) -> ArraySlice<UInt8>? {
        guard number >= 1, number <= pageCount else { return nil }
        let index = number - 1
        if blockStart < 0 || index < blockStart || index >= blockStart + blockPages {
            let start = index - index % Self.blockPages
            let pages = min(Self.blockPages, pageCount - start)
            if block.count < pages * pageSize { block = [UInt8](repeating: 0, count: Self.blockPages * pageSize) }
            let status = block.withUnsafeMutableBytes {
                read(file, $0.baseAddress, Int32(pages * pageSize), sqlite3_int64(start * pageSize))
            }
            guard status == SQLITE_OK else {
                blockStart = -1
                return nil
            }
            blockStart = start
            blockPages = pages
        }
        let offset = (index - blockStart) * pageSize
        return block[offset..<(offset + pageSize)]
    }
}
