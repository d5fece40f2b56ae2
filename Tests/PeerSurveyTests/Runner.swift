import Foundation
import TestSupport

/// Runs the built `peersurvey` binary, as a user would (colour as the environment says).
struct Runner {
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

    static var root: URL { Program.root }

    /// The binary of this build.
    static var binary: URL { URL(fileURLWithPath: Program.peersurvey ?? root.appendingPathComponent(".build/debug/peersurvey").path) }

    /// Runs the binary with arguments, standard input and extra environment; kills it after
    /// `timeout` seconds so that a hang fails the test instead of blocking it.
    static func run(
        _ arguments: [String], input: String = "", environment: [String: String] = [:], directory: URL? = nil,
        timeout: TimeInterval = 60
    ) throws -> Output {
        var merged: [String: String?] = ["NO_COLOR": nil]
        for (key, value) in environment { merged[key] = value }
        return try Output(Program.run(
            binary.path, arguments, input: input, directory: directory, environment: merged, timeout: timeout))
    }

    /// A fresh directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("peersurvey-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func instrument(_ name: String) -> String { root.appendingPathComponent("instruments/\(name).yaml").path }
}
