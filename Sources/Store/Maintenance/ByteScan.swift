import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Searches the raw bytes of files for strings, in blocks (memory stays flat for a large
/// database), so `withdraw` can check that a participant's traces are gone from the disk.
enum ByteScan {
    /// Block size for reading.
    static let blockSize = 4 << 20

    /// The markers that occur somewhere in the bytes of the files (missing files hold none).
    /// - Parameters:
    ///   - markers: UTF-8 strings, none empty.
    ///   - paths: The files, read as they are on the disk.
    static func found(_ markers: [String], in paths: [String]) -> Set<String> {
        let needles = markers.map { Array($0.utf8) }.filter { !$0.isEmpty }
        guard let longest = needles.map(\.count).max() else { return [] }
        var result: Set<String> = []
        for path in paths {
            guard let handle = FileHandle(forReadingAtPath: path) else { continue }
            defer { try? handle.close() }
            var carry: [UInt8] = []
            while result.count < needles.count {
                guard let data = try? handle.read(upToCount: blockSize), !data.isEmpty else { break }
                var block = carry
                block.append(contentsOf: data)
                block.withUnsafeBytes { haystack in
                    for needle in needles where !result.contains(String(decoding: needle, as: UTF8.self)) {
                        if contains(haystack, needle) { result.insert(String(decoding: needle, as: UTF8.self)) }
                    }
                }
                // Keep the tail, so a marker split between two blocks is still found.
                carry = Array(block.suffix(longest - 1))
            }
        }
        return result
    }

    /// Whether `needle` occurs in `haystack`: candidates by the first byte (`memchr`), then compared.
    private static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        guard let base = haystack.baseAddress, needle.count <= haystack.count else { return false }
        let last = haystack.count - needle.count
        var start = 0
        return needle.withUnsafeBytes { wanted in
            while start <= last {
                guard let hit = memchr(base + start, Int32(needle[0]), last - start + 1) else { return false }
                let offset = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + offset, wanted.baseAddress!, needle.count) == 0 { return true }
                start = offset + 1
            }
            return false
        }
    }
}
