package import Foundation

/// Runs the built `peersurvey` binary and other programs for end-to-end tests, as a user would:
/// one implementation for every test target.
package enum Program {
    /// What a program printed and how it ended.
    package struct Output: Sendable {
        /// The exit status (or the signal's number when it was killed).
        package var status: Int32
        /// Standard output, as UTF-8.
        package var stdout: String
        /// Standard error, as UTF-8.
        package var stderr: String

        /// Creates an output.
        package init(status: Int32, stdout: String, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }
    }

    /// The package root, found by walking up from this file to `Package.swift`.
    package static let root: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }()

    /// The debug binary of this build: next to the test bundle if it is there, else the newest
    /// `.build*/debug/peersurvey` under the package root.
    package static let peersurvey: String? = {
        // PEERSURVEY_BINARY runs the end-to-end tests against another build (an older one, to see
        // a new test fail before its fix).
        if let chosen = ProcessInfo.processInfo.environment["PEERSURVEY_BINARY"] { return chosen }
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("peersurvey").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        let candidates = folders.filter { $0.hasPrefix(".build") }
            .map { root.appendingPathComponent($0).appendingPathComponent("debug/peersurvey").path }
            .filter { FileManager.default.isExecutableFile(atPath: $0) }
        func modified(_ path: String) -> Date {
            (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
        }
        return candidates.max { modified($0) < modified($1) }
    }()

    /// The built `peersurvey`, or an error saying there is none.
    package static func requirePeersurvey() throws -> String {
        guard let peersurvey else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "no built peersurvey binary"])
        }
        return peersurvey
    }

    /// Runs a program with arguments and standard input; kills it after `timeout` seconds so that
    /// a hang fails the test instead of blocking it.
    /// - Parameters:
    ///   - program: The executable's path.
    ///   - arguments: Its arguments.
    ///   - input: Standard input (closed after it is written); `nil` for the null device.
    ///   - directory: The working directory (the package root by default).
    ///   - environment: Variables set (a `nil` value removes one) over this process's.
    ///   - timeout: Seconds before the program is terminated.
    /// - Returns: What it printed and its status.
    package static func run(
        _ program: String, _ arguments: [String], input: String? = "", directory: URL? = nil,
        environment: [String: String?] = [:], timeout: TimeInterval = 120
    ) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        process.currentDirectoryURL = directory ?? root
        let stdout = Pipe(), stderr = Pipe()
        let stdin = input.map { _ in Pipe() }
        process.standardInput = stdin ?? FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        if let stdin, let input {
            let writer = Thread {
                stdin.fileHandleForWriting.write(Data(input.utf8))
                try? stdin.fileHandleForWriting.close()
            }
            writer.start()
        }
        let killer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
        final class Box: @unchecked Sendable { var data = Data() }
        let out = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            out.data = stdout.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        killer.cancel()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: out.data, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }
}
