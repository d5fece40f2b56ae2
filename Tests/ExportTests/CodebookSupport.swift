import Foundation
import Instrument
import Store
import TestSupport
import Testing

/// Runs the built `peersurvey` binary and other programs for the codebook, datapackage and DDI
/// tests (colour off, standard input closed).
enum CodebookTool {
    /// What a program printed and how it ended.
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String

        init(_ output: Program.Output) {
            status = output.status
            stdout = output.stdout
            stderr = output.stderr
        }
    }

    /// The package root.
    static var root: URL { Program.root }

    /// The debug binary of this build.
    static var binary: String? { Program.peersurvey }

    /// The DDI Codebook 2.5 schema, beside the repository.
    static let ddiSchema = root.deletingLastPathComponent().appendingPathComponent("shared/ddi-codebook-2.5/codebook.xsd")
        .path

    /// Runs `peersurvey` with arguments.
    static func peersurvey(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        try run(Program.requirePeersurvey(), arguments, environment: environment)
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
        var environment: [String: String?] = ["NO_COLOR": "1"]
        for (key, value) in extra { environment[key] = value }
        return try Output(Program.run(program, arguments, input: nil, environment: environment, timeout: timeout))
    }
}

/// Where these tests keep their files.
let codebookFiles = TestFiles("peersurvey-codebook-tests")

/// A fresh directory for one test's files.
func codebookDirectory() throws -> URL { try codebookFiles.directory() }

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
