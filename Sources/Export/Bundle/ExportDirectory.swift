import Foundation

/// The target directory: made when missing; refused when it holds anything but an earlier
/// peersurvey export (recognised by its `export.json`, whose file list must cover every file).
enum ExportDirectory {
    /// The name of the report every export writes.
    static let reportName = "export.json"

    /// Prepares the directory.
    /// - Parameter path: The directory.
    /// - Returns: The files of an earlier export that were removed (empty for a new directory).
    /// - Throws: ``ExportError/targetNotDirectory(path:)`` or ``ExportError/targetNotEmpty(path:example:)``.
    static func prepare(_ path: String) throws(ExportError) -> [String] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            do {
                // Private whatever the umask: an export can hold free text and codes (issue 13).
                try manager.createDirectory(
                    atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path)
            } catch {
                throw .io(path: path, detail: "the directory could not be made; check its parent exists and is writable")
            }
            return []
        }
        guard isDirectory.boolValue else { throw .targetNotDirectory(path: path) }
        let present: [String]
        do { present = try manager.contentsOfDirectory(atPath: path).sorted() } catch {
            throw .io(path: path, detail: "the directory could not be read")
        }
        if present.isEmpty { return [] }
        guard let earlier = earlierFiles(in: path) else {
            throw .targetNotEmpty(path: path, example: present.first { $0 != reportName } ?? present[0])
        }
        if let stray = present.first(where: { $0 != reportName && !earlier.contains($0) }) {
            throw .targetNotEmpty(path: path, example: stray)
        }
        var removed: [String] = []
        for name in present {
            do { try manager.removeItem(atPath: (path as NSString).appendingPathComponent(name)) } catch {
                throw .io(path: path, detail: "the earlier export's file \(name) could not be replaced")
            }
            removed.append(name)
        }
        return removed
    }

    /// Removes everything in the directory (after a failed export, which started from an empty one).
    static func empty(_ path: String) {
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: path)) ?? [] {
            try? manager.removeItem(atPath: (path as NSString).appendingPathComponent(name))
        }
    }

    /// The files an earlier export listed in its report, or `nil` when there is no readable report.
    private static func earlierFiles(in path: String) -> Set<String>? {
        let url = URL(fileURLWithPath: path).appendingPathComponent(reportName)
        guard let data = try? Data(contentsOf: url),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            object["peersurvey_export"] != nil, let files = object["files"] as? [String: Any]
        else { return nil }
        return Set(files.keys)
    }
}
