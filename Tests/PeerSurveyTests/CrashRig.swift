import Foundation
import GRDB
import TestSupport
import Testing

/// What the crash-and-race suite does and counts: how many kills, the random seed that
/// reproduces them, and the figures it reports.
struct CrashRig {
    /// Kills per run of the whole suite: `PEERSURVEY_KILLS` (the `make soak` target sets
    /// thousands), 210 by default, about three minutes on a loaded 2-core machine.
    static let totalKills = Int(ProcessInfo.processInfo.environment["PEERSURVEY_KILLS"] ?? "") ?? 210
    /// The seed: `PEERSURVEY_CRASH_SEED` to replay a run, else drawn and printed.
    static let seed =
        UInt64(ProcessInfo.processInfo.environment["PEERSURVEY_CRASH_SEED"] ?? "") ?? UInt64.random(in: 1...999_999)

    /// This scenario's share of the kills (at least 10).
    static func kills(share: Double) -> Int { max(10, Int((Double(totalKills) * share).rounded(.up))) }

    var random: SplitMix
    let directory: URL
    let name: String
    /// Processes killed while they ran.
    var kills = 0
    /// Processes that finished before their kill came (not counted as kills).
    var finished = 0
    /// Answers found in the database after the kills: acknowledged ones for interviews, the
    /// stored answers counted against the expected total for the other commands.
    var answersChecked = 0
    /// What ``answersChecked`` counts, for the report.
    var answersMeaning = "stored answers counted"

    init(_ name: String, salt: UInt64) throws {
        self.name = name
        random = SplitMix(seed: Self.seed &+ salt)
        directory = try Runner.temporaryDirectory()
    }

    /// Runs `peersurvey` with the arguments and kills it with SIGKILL after a random delay.
    /// - Returns: Whether it was still running when killed (else it finished first), and its output.
    mutating func killRandomly(_ arguments: [String], within seconds: Double) throws -> (killed: Bool, output: String) {
        let process = try LiveProcess(arguments, directory: directory)
        let delay = Double.random(in: 0...seconds, using: &random)
        Thread.sleep(forTimeInterval: delay)
        let running = process.process.isRunning
        process.kill()
        if running { kills += 1 } else { finished += 1 }
        return (running, process.text)
    }

    /// Runs `peersurvey` to its end.
    func run(_ arguments: [String], input: String = "") throws -> Runner.Output {
        try Runner.run(arguments, input: input, directory: directory, timeout: 120)
    }

    /// How long a command takes when left alone (the median of three runs), as the window to
    /// kill it in.
    func duration(_ arguments: [String], reset: () throws -> Void) throws -> Double {
        var times: [Double] = []
        for _ in 0..<3 {
            try reset()
            let started = Date()
            let result = try run(arguments)
            times.append(Date().timeIntervalSince(started))
            #expect(result.status == 0, "\(arguments[0]) without a kill: \(result.stderr)")
        }
        try reset()
        return times.sorted()[1]
    }

    /// `verify` through the binary: exit 0, no advice to restore a backup.
    func expectSound(_ database: String, _ context: String) throws {
        let verify = try run(["verify", "--db", database])
        #expect(verify.status == 0 && verify.stdout.contains("sound"), "\(context): verify: \(verify.stderr)")
        #expect(!verify.stderr.contains("backup"), "\(context): advice to restore a backup")
    }

    /// Files in the folder whose names start with a dot: temporary files of the store.
    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }
    }

    /// Removes a database and the files beside it.
    func remove(_ name: String) {
        for suffix in ["", "-wal", "-shm", "-lock", "-journal"] {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name + suffix))
        }
    }

    /// A path in the folder.
    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Prints the scenario's figures and removes its folder.
    func report() {
        print(
            "crash-and-race \(name): \(kills) kills (\(finished) runs finished before their kill), \(answersChecked) \(answersMeaning); PEERSURVEY_CRASH_SEED=\(Self.seed)"
        )
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Reads a database the way a test should: a plain read-only SQLite connection, closed after.
func readDatabase<T>(_ path: String, _ body: (Database) throws -> T) throws -> T {
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    defer { try? queue.close() }
    return try queue.read(body)
}
