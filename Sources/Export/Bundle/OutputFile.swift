import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file written through a buffer, hashed (SHA-256) as it is written, so export.json can list
/// every file's hash without reading it again. Full buffers are hashed and written on a
/// background queue while the export goes on encoding rows (the machine's second core).
///
/// Threading: the owner calls `append`, `flush` and `close` from one thread; `hasher` and
/// `descriptor` are used only on `queue` once the file is open; `failure` is under `lock`.
final class OutputFile: @unchecked Sendable {
    let url: URL
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var hasher = SHA256()
    private var closed = false
    private let queue = DispatchQueue(label: "peersurvey.export.output")
    /// At most this many buffers wait for the queue, so memory stays bounded.
    private let slots = DispatchSemaphore(value: 3)
    private let lock = NSLock()
    private var failure: ExportError?
    static let bufferSize = 1 << 20

    /// Creates (or replaces) the file.
    /// - Throws: ``ExportError/io(path:detail:)``.
    init(_ url: URL) throws {
        self.url = url
        // Owner only, whatever the umask (the folder is private too; see ExportDirectory).
        descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ExportError.io(
                path: url.path, detail: "the file could not be created (\(String(cString: strerror(errno))))")
        }
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        queue.sync {}
        if !closed { _ = systemClose(descriptor) }
    }

    @inline(__always)
    func append(_ byte: UInt8) throws {
        buffer.append(byte)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    func append(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    func append(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    func append(_ text: String) throws {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Hands the buffer to the queue, which hashes and writes it.
    func flush() throws {
        if let failure = lock.withLock({ failure }) { throw failure }
        guard !buffer.isEmpty else { return }
        let chunk = buffer
        buffer = []
        buffer.reserveCapacity(Self.bufferSize)
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            guard lock.withLock({ failure == nil }) else { return }
            hasher.update(data: chunk)
            let error: ExportError? = chunk.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let written = systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return .io(
                            path: url.path,
                            detail: "the file could not be written (\(String(cString: strerror(errno))))")
                    }
                    offset += written
                }
                return nil
            }
            if let error { lock.withLock { failure = error } }
        }
    }

    /// Flushes, syncs and closes the file.
    /// - Returns: The SHA-256 of everything written, in hex.
    @discardableResult
    func close() throws -> String {
        try flush()
        let digest = queue.sync { hasher.finalize() }
        closed = true
        if let failure = lock.withLock({ failure }) {
            _ = systemClose(descriptor)
            throw failure
        }
        if fsync(descriptor) != 0 || systemClose(descriptor) != 0 {
            throw ExportError.io(
                path: url.path, detail: "the file could not be saved (\(String(cString: strerror(errno))))")
        }
        let hex = digest.map { String(format: "%02x", $0) }.joined()
        OutputFile.record(url.standardizedFileURL.path, hex)
        return hex
    }

    /// Writes a whole text file at once.
    /// - Returns: The file's name.
    @discardableResult
    static func writeText(_ text: String, to url: URL) throws -> String {
        let file = try OutputFile(url)
        try file.append(text)
        try file.close()
        return url.lastPathComponent
    }

    // The hashes of files written in this process, by full path, for export.json (files other
    // formats write another way are hashed by reading them).
    nonisolated(unsafe) private static var hashes: [String: String] = [:]
    private static let lock = NSLock()

    static func record(_ path: String, _ digest: String) { lock.withLock { hashes[path] = digest } }

    /// The SHA-256 of a file: as recorded when this process wrote it, else read from the disk.
    static func digest(of url: URL) throws -> String {
        let path = url.standardizedFileURL.path
        if let known = lock.withLock({ hashes.removeValue(forKey: path) }) { return known }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ExportError.io(path: path, detail: "the file could not be read back to hash it")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try? handle.read(upToCount: bufferSize), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

private func systemClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
