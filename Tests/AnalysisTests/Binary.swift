import Foundation
import TestSupport

/// Runs the built `peersurvey` binary, as a user would (colour off).
enum Binary {
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
    static var path: String? { Program.peersurvey }

    /// Runs the binary; kills it after `timeout` seconds so that a hang fails the test.
    static func run(
        _ arguments: [String], directory: URL? = nil, environment: [String: String] = [:], timeout: TimeInterval = 120
    ) throws -> Output {
        try run(Program.requirePeersurvey(), arguments, directory: directory, environment: environment, timeout: timeout)
    }

    /// Runs any program with arguments and optional standard input.
    static func run(
        _ program: String, _ arguments: [String], input: String = "", directory: URL? = nil,
        environment extra: [String: String] = [:], timeout: TimeInterval = 120
    ) throws -> Output {
        var environment: [String: String?] = ["NO_COLOR": "1"]
        for (key, value) in extra { environment[key] = value }
        return try Output(Program.run(
            program, arguments, input: input, directory: directory, environment: environment, timeout: timeout))
    }
}
