import Foundation
import Instrument
import Store
import Testing

// Helpers for the export tests (CSV, syntax, native, privacy, reproducibility, the command). They
// run the built binary through `CodebookTool` and reuse `SimulatedStudies` (CodebookSupport.swift).

/// The programs the export is checked with, as users open the files. `scripts/setup.sh` installs
/// them here and in CI; a missing one fails the test with that advice rather than skipping it.
enum ExportTools {
    /// Fails unless a program is on the PATH.
    static func require(_ program: String) throws {
        let found = try CodebookTool.run("/bin/sh", ["-c", "command -v \"$1\"", "sh", program])
        try #require(
            found.status == 0,
            "`\(program)` is not installed; run scripts/setup.sh, which installs what the export tests use")
    }

    /// Fails unless Python can import a module.
    static func requirePython(_ module: String) throws {
        try require("python3")
        let found = try CodebookTool.run("/usr/bin/env", ["python3", "-c", "import \(module)"])
        try #require(
            found.status == 0,
            "Python cannot import \(module); run scripts/setup.sh, which installs what the export tests use")
    }

    /// Runs a Python script with arguments; its standard output parsed as JSON.
    static func pythonJSON(_ script: String, _ arguments: [String], module: String = "pyreadstat") throws -> Any {
        try requirePython(module)
        let result = try CodebookTool.run("/usr/bin/env", ["python3", "-c", script] + arguments)
        try #require(result.status == 0, "python failed: \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// Runs PSPP on syntax beside an export's files (so that the `.sps` finds its CSV), in a
    /// directory of its own that links to them: the export's directory, which other tests list,
    /// gains no file.
    /// - Parameter output: A file for the tables (PSPP picks the format from its extension);
    ///   without one, the listing is returned with the messages.
    /// - Returns: PSPP's status and messages, and the directory it ran in (holding what it saved).
    static func pspp(
        _ syntax: String, in directory: URL, output: String? = nil
    ) throws -> (status: Int32, output: String, directory: URL) {
        try require("pspp")
        let scratch = try codebookDirectory()
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            try FileManager.default.createSymbolicLink(
                at: scratch.appendingPathComponent(name), withDestinationURL: directory.appendingPathComponent(name))
        }
        try syntax.write(to: scratch.appendingPathComponent("check.sps"), atomically: true, encoding: .utf8)
        let target = output.map { ["-o", $0] } ?? ["-O", "format=txt", "-o", "-"]
        let result = try CodebookTool.run(
            "/bin/sh",
            ["-c", "cd \"$1\" && shift && exec pspp \"$@\" 2>&1", "sh", scratch.path] + target + ["check.sps"])
        return (result.status, result.stdout + result.stderr, scratch)
    }
}

/// An export made with the built binary.
struct MadeExport: Sendable {
    /// The study database.
    var database: String
    /// The directory written.
    var directory: URL
    /// What the command printed.
    var stdout: String

    /// A file of the export.
    func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// A file's bytes.
    func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

    /// A file's text.
    func text(_ name: String) throws -> String { String(decoding: try data(name), as: UTF8.self) }

    /// `export.json`, parsed.
    func report() throws -> [String: Any] { try jsonObject(try text("export.json")) }

    /// The CSV's cells (parsed by Python's csv module, as a reader would), header first; read
    /// once per file.
    func csvRows(_ name: String) throws -> [[String]] {
        let path = url(name).path
        if let known = csvMemo.value(path) { return known }
        let script = """
            import csv, json, sys
            with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
                print(json.dumps(list(csv.reader(f))))
            """
        let rows = try #require(try ExportTools.pythonJSON(script, [path], module: "csv") as? [[String]])
        csvMemo.store(path, rows)
        return rows
    }

    /// The CSV as dictionaries, one per interview, by column name.
    func csvRecords(_ name: String) throws -> [[String: String]] {
        let rows = try csvRows(name)
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}

/// Exports made with the built binary, and the studies they come from.
enum Exports {
    /// Exports a study into a new directory.
    /// - Parameters:
    ///   - database: The study.
    ///   - arguments: More arguments (`--format`, `--include-text` ...).
    /// - Returns: The export; the command must succeed.
    static func make(_ database: String, _ arguments: [String] = []) throws -> MadeExport {
        let directory = try codebookDirectory().appendingPathComponent("export")
        let result = try CodebookTool.peersurvey(["export", "--db", database, "--to", directory.path] + arguments)
        try #require(result.status == 0, "export failed: \(result.stderr)")
        return MadeExport(database: database, directory: directory, stdout: result.stdout)
    }

    /// Every format of each bundled instrument's simulated study (300 interviews), made once.
    static let bundled: [String: MadeExport] = {
        var made: [String: MadeExport] = [:]
        for id in bundledInstruments {
            guard let database = SimulatedStudies.byInstrument[id] else { continue }
            made[id] = try? make(database)
        }
        return made
    }()

    /// The export of a bundled instrument.
    static func of(_ id: String) throws -> MadeExport {
        try #require(bundled[id], "the study of \(id) could not be made or exported")
    }
}

/// Files already read by a slow reader (Python), by path: exports are not changed once made.
final class FileMemo<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Value] = [:]

    func value(_ path: String) -> Value? { lock.withLock { values[path] } }
    func store(_ path: String, _ value: Value) { lock.withLock { values[path] = value } }
}

/// CSV reads, by path.
let csvMemo = FileMemo<[[String]]>()
/// NativeFile reads, by path.
let nativeMemo = FileMemo<NativeFile>()

extension Data {
    /// Whether the bytes contain the UTF-8 of a text anywhere.
    func contains(text: String) -> Bool { range(of: Data(text.utf8)) != nil }
}
