import Foundation
import GRDB
import TestSupport

/// Files, processes and raw SQLite access for the end-to-end tests of the study database.
enum StoreFixtures {
    /// An instrument with a free-text question `feel`, then `count` integer questions q1...qN
    /// worded "Value number N?", so that line mode's output says which question is shown; no
    /// consent statements.
    static func instrument(in directory: URL, count: Int = 20, range: String? = "[0, 100000]") throws -> String {
        var yaml = """
            instrument: crash
            version: 1
            title: Crash test
            sections:
              - id: main
                title: Main
                questions:
                  - id: feel
                    type: text
                    text: How do you feel today?

            """
        for index in 1...count {
            yaml += """
                      - id: q\(index)
                        type: integer
                        text: Value number \(index)?

                """
            if let range { yaml += "        range: \(range)\n" }
        }
        let path = directory.appendingPathComponent("crash.yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs the binary under `/bin/sh` with a prelude (a umask, a file-size limit).
    static func runShell(
        _ prelude: String, _ arguments: [String], directory: URL, input: String = "", timeout: TimeInterval = 60
    ) throws -> Runner.Output {
        signal(SIGPIPE, SIG_IGN)
        let quoted = ([Runner.binary.path] + arguments).map {
            "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
        return Runner.Output(
            try Program.run(
                "/bin/sh", ["-c", prelude + "; exec " + quoted.joined(separator: " ")], input: input,
                directory: directory,
                environment: ["NO_COLOR": nil], timeout: timeout))
    }

    /// Runs the binary as a user who cannot write the test's files (nobody, when the tests
    /// run as root; the tests' own user otherwise, with the files made read-only by the caller).
    static func runAsOtherUser(_ arguments: [String], directory: URL) throws -> Runner.Output {
        guard getuid() == 0 else { return try Runner.run(arguments, directory: directory) }
        return Runner.Output(
            try Program.run(
                "/usr/bin/setpriv",
                ["--reuid=65534", "--regid=65534", "--clear-groups", Runner.binary.path] + arguments,
                directory: directory, environment: ["NO_COLOR": nil]))
    }

    /// The permission bits of a file.
    static func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? nil
    }

    /// One value from a database, read by a plain SQLite connection (not through the Store).
    static func scalar<T: DatabaseValueConvertible>(_ path: String, _ sql: String, _ arguments: StatementArguments = [])
        throws -> T?
    {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { try T.fetchOne($0, sql: sql, arguments: arguments) }
    }

    /// The bytes of a database and its WAL.
    static func rawBytes(_ path: String) -> Data {
        (FileManager.default.contents(atPath: path) ?? Data())
            + (FileManager.default.contents(atPath: path + "-wal") ?? Data())
    }

    /// Writes the newest copy of page 1 found in a WAL into the main file, as a checkpoint killed
    /// after its first page does: the main file's header then counts pages the file lacks.
    /// - Returns: Whether the header now says more pages than the file holds.
    static func applyFirstPageFromWAL(database: String) throws -> Bool {
        let wal = try Data(contentsOf: URL(fileURLWithPath: database + "-wal"))
        func u32(_ at: Int) -> Int { wal[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        let pageSize = u32(8)
        var offset = 32
        var page1: Data?
        while offset + 24 + pageSize <= wal.count {
            if u32(offset) == 1 { page1 = wal[(offset + 24)..<(offset + 24 + pageSize)] }
            offset += 24 + pageSize
        }
        guard let page1 else { return false }
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: database))
        try handle.seek(toOffset: 0)
        try handle.write(contentsOf: page1)
        try handle.close()
        let pages = page1[page1.startIndex + 28..<page1.startIndex + 32].reduce(0) { $0 << 8 | Int($1) }
        let size = (try FileManager.default.attributesOfItem(atPath: database)[.size] as? Int) ?? 0
        return pages * pageSize > size
    }
}

/// A process the test talks to while it runs: lines in, output searched as it arrives.
final class LiveProcess: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private let arrived = DispatchSemaphore(value: 0)
    private var buffer = Data()
    private var finished = false

    /// Starts `peersurvey` (or another program) with the arguments.
    init(_ arguments: [String], directory: URL, executable: URL = Runner.binary) throws {
        // A line sent to a process that has just died must not kill the test process.
        signal(SIGPIPE, SIG_IGN)
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let handle = output.fileHandleForReading
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                lock.withLock {
                    if chunk.isEmpty { finished = true } else { buffer.append(chunk) }
                }
                arrived.signal()
                if chunk.isEmpty { return }
            }
        }
    }

    /// Everything written so far.
    var text: String { lock.withLock { String(decoding: buffer, as: UTF8.self) } }

    /// Sends one line.
    func send(_ line: String) {
        try? input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
    }

    /// Closes standard input.
    func closeInput() { try? input.fileHandleForWriting.close() }

    /// Waits until the output contains `needle`.
    /// - Returns: Whether it did before `timeout` (or before the process ended without it).
    @discardableResult
    func wait(for needle: String, timeout: TimeInterval = 30) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let (found, ended) = lock.withLock { (String(decoding: buffer, as: UTF8.self).contains(needle), finished) }
            if found { return true }
            if ended || Date() >= deadline { return false }
            _ = arrived.wait(timeout: .now() + 0.2)
        }
    }

    /// Sends a signal (SIGKILL by default) and waits for the process to end.
    func kill(_ signal: Int32 = SIGKILL) {
        Foundation.kill(process.processIdentifier, signal)
        process.waitUntilExit()
    }

    /// Waits for the process to end by itself.
    /// - Returns: Its exit status.
    @discardableResult
    func finish(timeout: TimeInterval = 60) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill() }
        process.waitUntilExit()
        _ = wait(for: "\u{0}never", timeout: 2)
        return process.terminationStatus
    }
}
