import Foundation
import Instrument
import Store
import Testing

/// Runs the built `peersurvey` binary and other programs for the codebook, datapackage and DDI
/// tests. (Named apart from the other export tests' helpers, which share this target.)
enum CodebookTool {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root, found by walking up from this file to `Package.swift`.
    static let root: URL = {
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
    static let binary: String? = {
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

    /// The DDI Codebook 2.5 schema, beside the repository.
    static let ddiSchema = root.deletingLastPathComponent().appendingPathComponent("shared/ddi-codebook-2.5/codebook.xsd")
        .path

    /// Runs `peersurvey` with arguments.
    static func peersurvey(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        guard let binary else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "no built peersurvey binary"])
        }
        return try run(binary, arguments, environment: environment)
    }

    /// Runs a program found on the PATH (`xmllint`, `python3`).
    static func tool(_ name: String, _ arguments: [String]) throws -> Output {
        try run("/usr/bin/env", [name] + arguments)
    }

    /// Runs a program; kills it after `timeout` seconds so a hang fails the test.
    static func run(
        _ program: String, _ arguments: [String], environment extra: [String: String] = [:],
        timeout: TimeInterval = 300
    ) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { $1 }
        process.environment = environment
        process.currentDirectoryURL = root
        let stdout = Pipe(), stderr = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
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

/// Where these tests keep their files: one folder per test process; folders of earlier runs whose
/// process has ended are removed.
let codebookFilesRoot: URL = {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("peersurvey-codebook-tests")
    let mine = root.appendingPathComponent(String(ProcessInfo.processInfo.processIdentifier))
    for old in (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [] {
        if let pid = Int32(old), pid != ProcessInfo.processInfo.processIdentifier, kill(pid, 0) != 0 {
            try? FileManager.default.removeItem(at: root.appendingPathComponent(old))
        }
    }
    return mine
}()

/// A fresh directory for one test's files.
func codebookDirectory() throws -> URL {
    let url = codebookFilesRoot.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The bundled instruments, by id.
let bundledInstruments = ["peer-support-experience", "recovery-college-outcomes", "warmline-follow-up"]

/// A bundled instrument's file, relative to the package root.
func bundledPath(_ id: String) -> String { "instruments/\(id).yaml" }

/// Loads a bundled instrument.
func bundled(_ id: String) throws -> Instrument {
    let result = try InstrumentLoader.load(path: CodebookTool.root.appendingPathComponent(bundledPath(id)).path)
    return try #require(result.instrument, "\(id) does not load")
}

/// Loads an instrument written inline.
func inlineInstrument(_ yaml: String) throws -> Instrument {
    let result = InstrumentLoader.load(text: yaml)
    let errors = result.diagnostics.filter { $0.severity == .error }.map(\.message)
    #expect(errors.isEmpty, "\(errors)")
    return try #require(result.instrument)
}

/// Studies made once per test process with the built binary: `study init`, then `simulate`.
enum SimulatedStudies {
    /// A study of a bundled instrument with `count` simulated interviews.
    static func make(_ id: String, count: Int = 300, seed: Int = 7) throws -> String {
        let path = try codebookDirectory().appendingPathComponent("\(id).sqlite").path
        let initialised = try CodebookTool.peersurvey(["study", "init", "--db", path, "--title", "Study of \(id)"])
        #expect(initialised.status == 0, "\(initialised.stderr)")
        let simulated = try CodebookTool.peersurvey([
            "simulate", bundledPath(id), "--db", path, "--count", String(count), "--seed", String(seed), "--today",
            "2026-03-15",
        ])
        #expect(simulated.status == 0, "\(simulated.stderr)")
        return path
    }

    /// One study per bundled instrument, made on first use.
    static let byInstrument: [String: String] = {
        var studies: [String: String] = [:]
        for id in bundledInstruments { studies[id] = try? make(id) }
        return studies
    }()
}

/// Parses JSON text into a dictionary.
func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}
