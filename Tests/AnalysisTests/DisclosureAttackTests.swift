import Foundation
import TestSupport
import Testing

/// Attacks on what a release publishes, through the built binary: the six attacks of issue 15,
/// then an independent attacker (SciPy's linprog, `Tests/Attacker/attacker.py`) on random
/// simulated studies. The attacker reads only the published files; the same tables made with
/// suppression off say what the true counts were.
@Suite(.serialized)
struct DisclosureAttackTests {
    /// A simulated study in a folder of its own.
    struct Study {
        let folder: URL
        let database: String
        let instrument: String

        init(_ instrument: String, count: Int, seed: Int) throws {
            folder = try temporaryDirectory()
            database = folder.appendingPathComponent("study.sqlite").path
            self.instrument = instrument
            let path = Binary.root.appendingPathComponent("instruments/\(instrument).yaml").path
            let made = try Binary.run(
                ["simulate", path, "--db", database, "--count", String(count), "--seed", String(seed)], timeout: 600)
            #expect(made.status == 0, "\(made.stderr)")
        }

        /// Runs `describe` (JSON) and writes what it publishes and the same with suppression off;
        /// `warned` says whether its audit line told the custodian not to publish.
        func describe(_ name: String, _ arguments: [String]) throws -> (published: String, truth: String, warned: Bool) {
            let published = folder.appendingPathComponent("\(name).json").path
            let truth = folder.appendingPathComponent("\(name)-truth.json").path
            var warned = false
            for (path, minCell) in [(published, "10"), (truth, "0")] {
                let run = try Binary.run(
                    ["describe", "--db", database, "--format", "json", "--min-cell", minCell, "--out", path] + arguments,
                    timeout: 600)
                #expect(run.status == 0, "\(run.stderr)")
                if minCell == "10" { warned = run.stderr.contains("do not publish these tables") }
            }
            return (published, truth, warned)
        }

        /// Writes the DDI codebook a release would publish with the export.
        func ddi() throws -> String {
            let path = folder.appendingPathComponent("codebook.xml").path
            let run = try Binary.run(
                ["codebook", instrument, "--db", database, "--format", "ddi", "--output", path], timeout: 600)
            #expect(run.status == 0, "\(run.stderr)")
            return path
        }
    }

    /// One study for the attacker: what it may read, and the truth to judge it by.
    struct Target: Encodable {
        var name: String
        var min_cell = 10
        var describe: [String]
        var ddi: [String] = []
        var truth: [String]
    }

    /// What the attacker recovered in one study.
    struct Result: Decodable {
        struct Recovered: Decodable {
            var cell: String
            var value: Double
            var low: Double?
            var high: Double?
            var why: String
        }

        var name: String
        var hidden: Int
        var recovered: [Recovered]
    }

    /// Runs the attacker once over many studies.
    static func attack(_ targets: [Target]) throws -> [Result] {
        let folder = try temporaryDirectory()
        let manifest = folder.appendingPathComponent("manifest.json")
        try JSONEncoder().encode(targets).write(to: manifest)
        let script = Binary.root.appendingPathComponent("Tests/Attacker/attacker.py").path
        let run = try Binary.run("/usr/bin/env", ["python3", script, manifest.path], timeout: 1800)
        try #require(run.status == 0, "the attacker failed: \(run.stderr)")
        return try JSONDecoder().decode([Result].self, from: Data(run.stdout.utf8))
    }

    static func expectNothingRecovered(_ results: [Result], sourceLocation: SourceLocation = #_sourceLocation) {
        for result in results {
            let list = result.recovered.prefix(5).map {
                "\($0.cell) = \(Int($0.value)) proven \($0.low.map { String(Int($0)) } ?? "?") to \($0.high.map { String(Int($0)) } ?? "?") (\($0.why))"
            }
            #expect(
                result.recovered.isEmpty,
                "\(result.name): \(result.recovered.count) of \(result.hidden) hidden counts recovered: \(list.joined(separator: "; "))",
                sourceLocation: sourceLocation)
        }
    }

    // MARK: The six attacks of issue 15

    /// Attack 1: the shown bars and the full-precision mean gave the hidden bars of a histogram.
    @Test func histogramBarsCannotBeWorkedOutFromTheMean() throws {
        let study = try Study("warmline-follow-up", count: 3000, seed: 7)
        let files = try study.describe("support", ["support_count"])
        Self.expectNothingRecovered(
            try Self.attack([Target(name: "support_count", describe: [files.published], truth: [files.truth])]))
        let text = try String(contentsOfFile: files.published, encoding: .utf8)
        #expect(!text.contains("\"<10\""), "small counts print as x, like their complements")
    }

    /// Attack 2: a hidden count on a status a score cannot have (refused) protected nothing.
    @Test func aStatusThatCannotHappenIsNotAComplement() throws {
        let study = try Study("peer-support-experience", count: 3000, seed: 7)
        let files = try study.describe("score", ["peer_support_score"])
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: files.published)))
        let variables = try #require((report as? [String: Any])?["variables"] as? [[String: Any]])
        let missing = try #require((variables.first?["cases"] as? [String: Any])?["missing"] as? [String: Any])
        #expect(missing["refused"] == nil && missing["dont_know"] == nil, "a score cannot be refused: \(missing)")
        // The attacker knows a score is never refused: a reason not listed is a known zero.
        Self.expectNothingRecovered(
            try Self.attack([Target(name: "peer_support_score", describe: [files.published], truth: [files.truth])]))
    }

    /// Attack 3: the DDI printed the invalid count in clear, which pinned a hidden reason.
    @Test func theDDIInvalidCountRevealsNothing() throws {
        let study = try Study("recovery-college-outcomes", count: 60, seed: 11)
        let ddi = try study.ddi()
        let files = try study.describe("all", [])
        let xml = try String(contentsOfFile: ddi, encoding: .utf8)
        for match in xml.matches(of: /<sumStat type="invd">(\d+)<\/sumStat>/) {
            #expect(!(1...9).contains(Int(match.1)!), "an invalid count from 1 to 9 is printed: \(match.0)")
        }
        Self.expectNothingRecovered(
            try Self.attack([Target(name: "recovery DDI", describe: [files.published], ddi: [ddi], truth: [files.truth])]))
    }

    /// Attack 4: row and column totals with the 1-to-9 bounds of `<10` fixed cross-tab cells.
    @Test func crossTabCellsCannotBeBoundedToTheirValue() throws {
        let study = try Study("peer-support-experience", count: 3000, seed: 3)
        let files = try study.describe("say", ["peer_say", "how_long", "--by", "how_long"])
        Self.expectNothingRecovered(
            try Self.attack([Target(name: "peer_say by how_long", describe: [files.published], truth: [files.truth])]))
    }

    /// Attack 5: "1 person who did not answer one of them is left out" gave a hidden refusal.
    @Test func leftOutCountsAreCountsToo() throws {
        let study = try Study("recovery-college-outcomes", count: 60, seed: 11)
        let files = try study.describe("left", ["student_type", "come_back", "--by", "student_type"])
        let text = try Binary.run(
            ["describe", "--db", study.database, "student_type", "come_back", "--by", "student_type"])
        for match in text.stdout.matches(of: /(\d+) (person|people) who did not answer/) {
            #expect(!(1...9).contains(Int(match.1)!), "a left-out count from 1 to 9 is printed: \(match.0)")
        }
        Self.expectNothingRecovered(
            try Self.attack([Target(name: "left out", describe: [files.published], truth: [files.truth])]))
    }

    /// Attack 6: the codebook counted every exported interview and `describe` the completed
    /// ones, so the difference gave the broken-off person's answers; a calculation repeated its
    /// inputs.
    @Test func aReleaseHasOneScopeAndLinkedTablesAreAuditedTogether() throws {
        let study = try Study("recovery-college-outcomes", count: 60, seed: 11)
        let export = study.folder.appendingPathComponent("export")
        let run = try Binary.run(["export", "--db", study.database, "--to", export.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Disclosure audit"), "the export says what the audit found")
        let files = try study.describe("all", [])
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: files.published)))
        let interviews = try #require((report as? [String: Any])?["interviews"] as? Int)
        let codebook = try String(
            contentsOf: export.appendingPathComponent("recovery-college-outcomes-codebook.md"), encoding: .utf8)
        #expect(codebook.contains("Frequencies (\(interviews) interviews)"), "the codebook counts what describe counts")
        let ddi = export.appendingPathComponent("recovery-college-outcomes-ddi.xml").path
        Self.expectNothingRecovered(
            try Self.attack([Target(name: "export and describe", describe: [files.published], ddi: [ddi], truth: [files.truth])]))
    }

    // MARK: Random studies

    /// The attacker on many random studies (20 to 5,000 interviews, every bundled instrument,
    /// random `--by` variables): it must recover no hidden count. `PEERSURVEY_ATTACK_STUDIES`
    /// sets how many (200 by default; `make soak` runs more, each with the DDI codebook too).
    @Test func theAttackerRecoversNothingFromRandomStudies() throws {
        let environment = ProcessInfo.processInfo.environment
        let count = Int(environment["PEERSURVEY_ATTACK_STUDIES"] ?? "") ?? 200
        let thorough = environment["PEERSURVEY_ATTACK_THOROUGH"] == "1"
        let choices: [(String, [String], [String])] = [
            ("warmline-follow-up", ["call_helpful", "feel_after", "calls_3m", "support_count", "reason_called", "mood_now"], ["gender", "call_helpful", "felt_listened"]),
            ("peer-support-experience", ["peer_say", "how_long", "peer_support_score", "peer_hope", "services_used"], ["how_long", "peer_say", "gender"]),
            ("recovery-college-outcomes", ["student_type", "come_back", "courses", "courses_count", "sessions", "phq_total", "age"], ["student_type", "come_back", "gender"]),
        ]
        // Each study's size, seed, `--by` and variables, drawn up front so that the studies can
        // be made two at a time.
        struct Plan: Sendable {
            var instrument: String
            var size: Int
            var seed: Int
            var by: String
            var variables: [String]
        }
        var random = SplitMix(seed: 15)
        let plans = (0..<count).map { index -> Plan in
            let (instrument, variables, bys) = choices[index % choices.count]
            // Mostly small studies (where small counts are), a few large ones.
            let size =
                index == 0 ? 5000 : index == 1 ? 2000 : 20 + Int(Double(480) * pow(Double(random.next() % 1000) / 1000, 3))
            let seed = Int(random.next() % 100_000)
            let by = bys[Int(random.next() % UInt64(bys.count))]
            let chosen = variables.filter { _ in random.next() % 2 == 0 }
            return Plan(instrument: instrument, size: size, seed: seed, by: by, variables: chosen.isEmpty ? [variables[0]] : chosen)
        }
        final class Collected: @unchecked Sendable {
            let lock = NSLock()
            var targets: [Int: Target] = [:]
            var warned: Set<String> = []
            var failures: [String] = []
        }
        let collected = Collected()
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for index in stride(from: worker, to: plans.count, by: 2) {
                let plan = plans[index]
                do {
                    let study = try Study(plan.instrument, count: plan.size, seed: plan.seed)
                    let files = try study.describe("t", plan.variables + [plan.by, "--by", plan.by])
                    var target = Target(
                        name: "\(plan.instrument) x \(plan.size) (seed \(plan.seed)) by \(plan.by)", describe: [files.published],
                        truth: [files.truth])
                    if thorough || index % 25 == 0 { target.ddi = [try study.ddi()] }
                    collected.lock.withLock {
                        collected.targets[index] = target
                        if files.warned { collected.warned.insert(target.name) }
                    }
                } catch {
                    collected.lock.withLock { collected.failures.append("\(plan.instrument) x \(plan.size): \(error)") }
                }
            }
        }
        #expect(collected.failures.isEmpty, "\(collected.failures)")
        let targets = (0..<count).compactMap { collected.targets[$0] }
        let results = try Self.attack(targets)
        #expect(results.count == count)
        #expect(results.contains { $0.hidden > 0 }, "some studies hide counts, or the attack tests nothing")
        // The contract: every release is protected, or its own audit told the custodian not to
        // publish it (a few very small studies, where the linked tables cannot all be protected:
        // see docs/analysis.md). The first part must hold for all but those.
        let recovered = results.filter { !$0.recovered.isEmpty }
        Self.expectNothingRecovered(recovered.filter { !collected.warned.contains($0.name) })
        #expect(
            recovered.count <= count / 10,
            "\(recovered.count) of \(count) releases could not be protected (their audit said not to publish them)")
    }
}
