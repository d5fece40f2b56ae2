import Foundation

/// Reads pages of a SQLite database file directly, in blocks of consecutive pages (a table
/// written in key order lies mostly in consecutive pages, so a scan needs few system calls).
///
/// Used only while the caller holds a read transaction on the database and the write-ahead log
/// is empty: then the main file is exactly the snapshot being read, and no checkpoint can change
/// it until the transaction ends.
final class PageFile {
    /// Pages read per system call.
    static let blockPages = 64

    let pageSize: Int
    /// The bytes of each page that hold data (the page size less the reserved bytes).
    let usableSize: Int
    let pageCount: Int
    private let descriptor: Int32
    private var block: [UInt8] = []
    private var blockStart = -1
    private var blockPages = 0

    /// Opens the file and reads its header; `nil` when the file is not in a form this reader
    /// handles (the caller then reads through SQLite).
    init?(path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        var header = [UInt8](repeating: 0, count: 100)
        let count = header.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 100, 0) }
        let size = Int(header[16]) << 8 | Int(header[17])
        let pageSize = size == 1 ? 65_536 : size
        let encoding = Int(header[56]) << 24 | Int(header[57]) << 16 | Int(header[58]) << 8 | Int(header[59])
        var status = stat()
        guard count == 100, header.starts(with: Array("SQLite format 3\0".utf8)), pageSize >= 512,
            pageSize & (pageSize - 1) == 0, encoding == 1, fstat(descriptor, &status) == 0
        else {
            close(descriptor)
            return nil
        }
        self.pageSize = pageSize
        usableSize = pageSize - Int(header[20])
        pageCount = Int(status.st_size) / pageSize
        guard usableSize >= 480 else {
            close(descriptor)
            return nil
        }
    }

    deinit { close(descriptor) }

    /// The bytes of page `number` (1-based), or `nil` if it is outside the file or cannot be read.
    func page(_ number: Int) -> ArraySlice<UInt8>? {
        guard number >= 1, number <= pageCount else { return nil }
        let index = number - 1
        if blockStart < 0 || index < blockStart || index >= blockStart + blockPages {
            let start = index - index % Self.blockPages
            let pages = min(Self.blockPages, pageCount - start)
            if block.count < pages * pageSize { block = [UInt8](repeating: 0, count: Self.blockPages * pageSize) }
            let wanted = pages * pageSize
            var done = 0
            while done < wanted {
                let read = block.withUnsafeMutableBytes {
                    pread(descriptor, $0.baseAddress! + done, wanted - done, off_t((start * pageSize) + done))
                }
                guard read > 0 else {
                    blockStart = -1
                    return nil
                }
                done += read
            }
            blockStart = start
            blockPages = pages
        }
        let offset = (index - blockStart) * pageSize
        return block[offset..<(offset + pageSize)]
    }
}
