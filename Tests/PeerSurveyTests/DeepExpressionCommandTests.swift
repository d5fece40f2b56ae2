import Foundation
import GRDB
import Testing

/// Issue 13, item 13: an expression with 12,000 terms (`1 + 1 + ... + 1 > 1`) crashed every
/// command that loads an instrument with a stack overflow in the binder, and the same source
/// stored in a study database crashed `describe` and `export`. Each command must refuse it with
/// an error located inside the expression, never a signal.
struct DeepExpressionCommandTests {
    /// The `ask_if` of the second question: 12,000 ones added, compared with 1.
    static let chain = Hostile.chain("+", terms: 12_000) + " > 1"

    /// Where the 65th `+` is: the first operator past the limit of 64 levels.
    static var position: String {
        let column = Hostile.askIfColumn + 64 * "1 + ".count + 2
        return "\(Hostile.askIfLine):\(column)"
    }

    static func expectRefused(_ result: Runner.Output, _ command: String, path: String) {
        // A crash is a signal (the status of a process killed by SIGSEGV is 139 through a shell,
        // or the signal number when run directly); a refusal is 65 with a located error.
        #expect(result.status == 65, "\(command): status \(result.status)\n\(result.stderr.prefix(600))")
        let output = result.stdout + result.stderr
        #expect(output.contains("\(path):\(position): error:"), "\(command): \(output.prefix(600))")
        #expect(output.contains("nested more than 64 levels deep"), "\(command)")
    }

    @Test func everyCommandThatLoadsAnInstrumentRefusesIt() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Hostile.write(Hostile.instrument(askIf: Self.chain), "deep.yaml", in: directory)
        let commands: [[String]] = [
            ["check", path],
            ["test", path],
            ["simulate", path, "--db", directory.appendingPathComponent("sim.sqlite").path, "--count", "3"],
            ["preview", path, "--plain"],
            [
                "interview", path, "--db", directory.appendingPathComponent("study.sqlite").path, "--interviewer",
                "PR01", "--plain",
            ],
            ["codebook", path],
        ]
        for command in commands {
            let result = try Runner.run(command, input: "1\n", directory: directory, timeout: 60)
            Self.expectRefused(result, command[0], path: path)
        }
    }

    /// The source is stored in the database when an instrument is registered; a hostile laptop
    /// (or a damaged file) can change it there. `describe` and `export` load it again.
    @Test func aStoredSourceIsRefusedByDescribeAndExportNotACrash() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Hostile.write(Hostile.instrument(), "plain.yaml", in: directory)
        let database = directory.appendingPathComponent("study.sqlite").path
        let simulated = try Runner.run(
            ["simulate", path, "--db", database, "--count", "5", "--seed", "1"], directory: directory)
        #expect(simulated.status == 0, "\(simulated.stderr)")
        let queue = try DatabaseQueue(path: database)
        try queue.write { db in
            try db.execute(sql: "UPDATE instrument SET source = ?", arguments: [Hostile.instrument(askIf: Self.chain)])
        }
        try queue.close()

        let describe = try Runner.run(["describe", "--db", database], directory: directory)
        #expect(describe.status == 65, "describe: \(describe.status) \(describe.stderr.prefix(600))")
        #expect(describe.stderr.contains("nested more than 64 levels deep"), "\(describe.stderr.prefix(600))")
        let export = try Runner.run(
            ["export", "--db", database, "--to", directory.appendingPathComponent("out").path], directory: directory)
        #expect(export.status == 65, "export: \(export.status) \(export.stderr.prefix(600))")
        #expect(export.stderr.contains("nested more than 64 levels deep"), "\(export.stderr.prefix(600))")
    }
}
