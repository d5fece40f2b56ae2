import Foundation
import Testing

/// `merge` through the built binary: all or nothing, and nothing of a conflict lost.
struct MergeCommandTests {
    private func run(_ arguments: [String], _ directory: URL, input: String = "") throws -> Runner.Output {
        let result = try Runner.run(arguments, input: input, directory: directory)
        return result
    }

    /// A lead database and two laptop copies with simulated interviews of their own.
    private func laptops(_ directory: URL) throws {
        #expect(try run(["study", "init", "--db", "lead.sqlite", "--title", "T"], directory).status == 0)
        for (name, seed) in [("a.sqlite", "1"), ("b.sqlite", "2")] {
            #expect(try run(["backup", "--db", "lead.sqlite", "--to", name], directory).status == 0)
            let simulated = try run(
                [
                    "simulate", Runner.instrument("warmline-follow-up"), "--db", name, "--count", "20", "--seed", seed,
                    "--today", "2026-11-23",
                ], directory)
            #expect(simulated.status == 0, "\(simulated.stderr)")
        }
    }

    /// Issue 13, item 6: with several sources, a refused one left the others merged.
    @Test(arguments: ["existing target", "new target"])
    func aRefusedSourceMergesNothing(target: String) throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try laptops(directory)
        #expect(try run(["study", "init", "--db", "stranger.sqlite", "--title", "Another"], directory).status == 0)
        let into = target == "new target" ? "all.sqlite" : "lead.sqlite"
        let lead = directory.appendingPathComponent("lead.sqlite").path
        let before = try Data(contentsOf: URL(fileURLWithPath: lead))
        let merged = try run(["merge", "--into", into, "a.sqlite", "b.sqlite", "stranger.sqlite"], directory)
        #expect(merged.status == 65 && merged.stderr.contains("different study"), "\(merged.stdout)")
        if target == "new target" {
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("all.sqlite").path))
        } else {
            #expect(try Data(contentsOf: URL(fileURLWithPath: lead)) == before)
            let interviews: Int? = try StoreFixtures.scalar(lead, "SELECT count(*) FROM interview")
            #expect(interviews == 0)
        }
        let good = try run(["merge", "--into", into, "a.sqlite", "b.sqlite"], directory)
        #expect(good.status == 0 && good.stdout.contains("40 added"), "\(good.stdout)\(good.stderr)")
    }

    /// More sources than SQLite attaches at once (10) are merged in one transaction too.
    @Test func elevenSourcesMergeAsOne() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try run(["study", "init", "--db", "lead.sqlite", "--title", "T"], directory).status == 0)
        var names: [String] = []
        for index in 0..<11 {
            let name = "laptop\(index).sqlite"
            #expect(try run(["backup", "--db", "lead.sqlite", "--to", name], directory).status == 0)
            #expect(
                try run(
                    [
                        "simulate", Runner.instrument("warmline-follow-up"), "--db", name, "--count", "3",
                        "--seed", String(index + 1), "--today", "2026-11-23",
                    ], directory
                ).status == 0)
            names.append(name)
        }
        let merged = try run(["merge", "--into", "all.sqlite"] + names, directory)
        #expect(merged.status == 0 && merged.stdout.contains("33 added"), "\(merged.stdout)\(merged.stderr)")
        #expect(try run(["verify", "--db", "all.sqlite"], directory).status == 0)
        let again = try run(["merge", "--into", "all.sqlite"] + names, directory)
        #expect(again.stdout.contains("0 added") && again.stdout.contains("33 already present"), "\(again.stdout)")
    }

    /// Issue 13, item 6: when two laptops changed one interview, the merge kept the newer
    /// copy and silently dropped the other laptop's answers. They are kept as revisions,
    /// reported by the merge and counted by `status`.
    @Test func aConflictKeepsTheOtherLaptopsAnswer() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let instrument = try StoreFixtures.instrument(in: directory, count: 4)
        #expect(try run(["study", "init", "--db", "a.sqlite", "--title", "T"], directory).status == 0)
        // Started on laptop A and suspended after q1; copied to laptop B; continued on both.
        let started = try run(
            ["interview", instrument, "--db", "a.sqlite", "--interviewer", "PR01"], directory, input: "fine\n11\n")
        let code = try #require(
            started.stdout.components(separatedBy: "Participant code: ").dropFirst().first?.prefix(9))
        #expect(try run(["backup", "--db", "a.sqlite", "--to", "b.sqlite"], directory).status == 0)
        #expect(try run(["resume", "--db", "a.sqlite", String(code)], directory, input: "21\n31\n").status == 0)
        #expect(try run(["resume", "--db", "b.sqlite", String(code)], directory, input: "22\n32\n42\n").status == 0)
        let merged = try run(["merge", "--into", "all.sqlite", "a.sqlite", "b.sqlite"], directory)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(
            merged.stdout.contains("conflict: \(code)") && merged.stdout.contains("kept as revisions"),
            "\(merged.stdout)")
        let all = directory.appendingPathComponent("all.sqlite").path
        // B's copy is newer (more revisions): its answers are current, A's differing ones kept.
        let current: Int? = try StoreFixtures.scalar(
            all, "SELECT a.value FROM answer a JOIN variable v ON v.id = a.variable_id WHERE v.name = 'q2'")
        #expect(current == 22)
        let kept =
            try StoreFixtures.scalar(
                all,
                """
                SELECT group_concat(kept, ' ') FROM (
                    SELECT v.name || '=' || r.value AS kept FROM answer_revision r JOIN variable v ON v.id = r.variable_id
                    ORDER BY v.position)
                """) as String?
        #expect(kept == "q2=21 q3=31")
        let status = try run(["status", "--db", "all.sqlite"], directory)
        #expect(status.stdout.contains("Kept from merges: 2 answers of 1 interview"), "\(status.stdout)")
        // Merging again, or the other way round, loses nothing and adds nothing twice.
        #expect(try run(["merge", "--into", "all.sqlite", "a.sqlite", "b.sqlite"], directory).status == 0)
        let count: Int? = try StoreFixtures.scalar(all, "SELECT count(*) FROM answer_revision")
        #expect(count == 2)
        #expect(try run(["merge", "--into", "a.sqlite", "all.sqlite"], directory).status == 0)
        let travelled: Int? = try StoreFixtures.scalar(
            directory.appendingPathComponent("a.sqlite").path, "SELECT count(*) FROM answer_revision")
        #expect(travelled == 2)
        #expect(try run(["verify", "--db", "all.sqlite"], directory).status == 0)
    }
}
