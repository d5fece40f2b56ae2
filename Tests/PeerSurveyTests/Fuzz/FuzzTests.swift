import Foundation
import Testing

/// Issue 13's fuzz target: a seeded mutation loop over the instrument loader and the expression
/// parser, starting from the bundled instruments, the test fixtures, hostile seeds and every
/// crasher found before. The oracle is the built binary's `check` on the mutated files: exit 0
/// or 65, never a signal, never over a time limit. A crash would kill a test process, so inputs
/// run in child processes, in batches; a failing batch is re-run file by file to find the input.
///
/// CI runs `PEERSURVEY_FUZZ_INPUTS` inputs (600 by default) from the fixed seed
/// `PEERSURVEY_FUZZ_SEED` (13 by default); `make soak` runs many more from a new seed. A crasher
/// is kept under `$TMPDIR/peersurvey-fuzz-crashers/`; add it (cut down) to
/// `Tests/InstrumentTests/Fixtures/fuzz/`, where `FuzzRegressionTests` checks it on every run.
/// See docs/instrument-format.md, "Fuzzing".
struct FuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let inputs = environment["PEERSURVEY_FUZZ_INPUTS"].flatMap(Int.init) ?? 600
    static let seed = environment["PEERSURVEY_FUZZ_SEED"].flatMap(UInt64.init) ?? 13
    /// Files per `check` process.
    static let batchSize = 25
    /// The most one batch, and then one file, may take (a debug build on a loaded 2-core machine
    /// checks a bundled instrument in about 0.1 s).
    static let batchLimit: TimeInterval = 60
    static let fileLimit: TimeInterval = 20

    /// The files the mutations start from.
    static func seeds() throws -> [[UInt8]] {
        var seeds: [[UInt8]] = []
        let root = Runner.root
        for folder in ["instruments", "Tests/InstrumentTests/Fixtures", "Tests/InstrumentTests/Fixtures/fuzz"] {
            let directory = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".yaml") {
                seeds.append(Array(try Data(contentsOf: directory.appendingPathComponent(name))))
            }
        }
        // Hostile seeds: small versions of the files issue 13 found trouble with.
        let hostile = [
            Hostile.instrument(askIf: Hostile.chain("+", terms: 70) + " > 1"),
            Hostile.instrument(
                askIf: String(repeating: "(", count: 70) + "age" + String(repeating: ")", count: 70) + " > 1"),
            Hostile.instrument(askIf: String(repeating: "not ", count: 70) + "age > 1"),
            Hostile.instrument(
                askIf: String(repeating: "max(", count: 70) + "1" + String(repeating: ")", count: 70) + " > 0"),
            Hostile.instrument(askIf: "nope > 1 and agee < 3 or visits has 1 and age in [1, [2]]"),
            Hostile.nearMisses(40),
            Hostile.languages(60, valid: true, questions: 5),
            Hostile.languages(60, valid: false, questions: 5),
            PrivacyStudy.instrument,
            "instrument: " + String(repeating: "[", count: 1_200) + String(repeating: "]", count: 1_200) + "\n",
            "a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\ninstrument: *c\n",
            "instrument: t\nversion: 1\ntitle: T\nsections:\n  - id: s\n    title: S\n    questions:\n      - {id: a, type: calculate, expression: b}\n      - {id: b, type: calculate, expression: a}\n",
        ]
        seeds += hostile.map { Array($0.utf8) }
        return seeds
    }

    /// What went wrong with one input.
    struct Finding: CustomStringConvertible {
        var path: String
        var status: Int32
        var seconds: TimeInterval
        var description: String {
            "`peersurvey check \(path)` exited \(status) after \(String(format: "%.1f", seconds)) s"
        }
    }

    /// Checks files in one child process; `nil` when every one was refused or accepted cleanly.
    static func check(_ paths: [String], limit: TimeInterval) throws -> (Int32, TimeInterval)? {
        let start = Date()
        let result = try Runner.run(["check"] + paths, timeout: limit)
        let seconds = Date().timeIntervalSince(start)
        let clean = (result.status == 0 || result.status == 65) && seconds < limit && result.stdout.hasSuffix("\n")
        return clean ? nil : (result.status, seconds)
    }

    @Test func theLoaderNeverCrashesOrHangsOnMutatedInstruments() throws {
        let work = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let crashers = FileManager.default.temporaryDirectory.appendingPathComponent("peersurvey-fuzz-crashers")
        var mutator = Mutator(seed: Self.seed, seeds: try Self.seeds())
        var findings: [Finding] = []
        let start = Date()
        var made = 0
        while made < Self.inputs {
            let count = min(Self.batchSize, Self.inputs - made)
            var paths: [String] = []
            for index in made..<(made + count) {
                let path = work.appendingPathComponent("input-\(index).yaml").path
                FileManager.default.createFile(atPath: path, contents: Data(mutator.next()))
                paths.append(path)
            }
            made += count
            if try Self.check(paths, limit: Self.batchLimit) != nil {
                for path in paths {
                    guard let (status, seconds) = try Self.check([path], limit: Self.fileLimit) else { continue }
                    try FileManager.default.createDirectory(at: crashers, withIntermediateDirectories: true)
                    let kept = crashers.appendingPathComponent(
                        "seed\(Self.seed)-\((path as NSString).lastPathComponent)")
                    try? FileManager.default.removeItem(at: kept)
                    try FileManager.default.copyItem(atPath: path, toPath: kept.path)
                    findings.append(Finding(path: kept.path, status: status, seconds: seconds))
                }
            }
            for path in paths { try? FileManager.default.removeItem(atPath: path) }
        }
        let elapsed = Date().timeIntervalSince(start)
        print(
            "fuzz: \(made) inputs from seed \(Self.seed) in \(String(format: "%.1f", elapsed)) s, \(findings.count) crashers"
        )
        for finding in findings { Issue.record("fuzz crasher (seed \(Self.seed)): \(finding)") }
    }
}
