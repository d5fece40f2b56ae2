package import Foundation

/// Where a test process keeps its files: one folder per process under a folder named for the
/// test target; folders of earlier runs whose process has ended are removed (Swift Testing has no
/// suite-wide teardown to do it at the end).
package struct TestFiles: Sendable {
    /// This process's folder.
    package let root: URL

    /// The files of one test target.
    /// - Parameter name: The folder's name under the temporary directory.
    package init(_ name: String) {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        let pid = ProcessInfo.processInfo.processIdentifier
        for old in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] {
            if let other = Int32(old), other != pid, kill(other, 0) != 0 {
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(old))
            }
        }
        root = parent.appendingPathComponent(String(pid))
    }

    /// A fresh directory for one test's files.
    package func directory() throws -> URL {
        let url = root.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
