import Foundation
import GRDB
import Testing

/// The red team made permanent (issue 13): `kill -9` of `interview` (line mode, through the
/// binary), `merge`, `backup`, `withdraw`, `export` and `study init` at random points, some while
/// another command runs on the same database. After each kill: every acknowledged answer is
/// present, `verify` passes, the next command works without advice to restore a backup, and no
/// half-written output is left where the user looks.
///
/// `PEERSURVEY_KILLS` sets the number of kills (210 by default; `make soak` runs thousands) and
/// `PEERSURVEY_CRASH_SEED` replays a run. Each scenario prints its figures.
@Suite(.serialized)
struct CrashAndRaceTests {
    // MARK: - interview

    /// Interviews answered one question at a time and killed after a random number of
    /// acknowledged answers, sometimes in the middle of saving the next, sometimes while a
    /// `backup` or `status` of the same database runs.
    @Test func interviewsKilledAtRandom() throws {
        var rig = try CrashRig("interview", salt: 1)
        rig.answersMeaning = "acknowledged answers checked"
        defer { rig.report() }
        let instrument = try StoreFixtures.instrument(in: rig.directory, count: 30)
        #expect(try rig.run(["study", "init", "--db", "study.sqlite", "--title", "Crash"]).status == 0)
        let database = rig.path("study.sqlite")
        var acknowledged: [(code: String, variable: String, value: Int)] = []
        let wanted = CrashRig.kills(share: 0.3)
        var round = 0
        while rig.kills < wanted, round < wanted * 3 {
            round += 1
            let window = try LiveProcess(
                ["interview", instrument, "--db", "study.sqlite", "--interviewer", "PR01"], directory: rig.directory)
            guard window.wait(for: "How do you feel today?") else {
                Issue.record("round \(round): the interview did not start: \(window.text)")
                window.kill()
                continue
            }
            let code = String(
                window.text.components(separatedBy: "Participant code: ").dropFirst().first?.prefix(9) ?? "")
            window.send("round \(round)")
            var answered = 0
            let target = Int.random(in: 0...20, using: &rig.random)
            while answered < target, window.wait(for: "Value number \(answered + 1)?", timeout: 20) {
                let value = Int.random(in: 0...100_000, using: &rig.random)
                window.send(String(value))
                // Shown the next question: the answer was saved durably before it.
                guard window.wait(for: "Value number \(answered + 2)?", timeout: 20) else { break }
                answered += 1
                acknowledged.append((code, "q\(answered)", value))
            }
            // A race: another command on the same database while the answer is being saved: a
            // backup, a reader, or a bulk writer (simulated interviews, one transaction per batch).
            var racer: LiveProcess?
            switch round % 6 {
            case 1:
                racer = try LiveProcess(
                    ["backup", "--db", "study.sqlite", "--to", "race-\(round).sqlite"], directory: rig.directory)
            case 3: racer = try LiveProcess(["status", "--db", "study.sqlite"], directory: rig.directory)
            case 5:
                racer = try LiveProcess(
                    ["simulate", instrument, "--db", "study.sqlite", "--count", "40", "--seed", String(round)],
                    directory: rig.directory)
            default: break
            }
            window.send(String(Int.random(in: 0...100_000, using: &rig.random)))
            Thread.sleep(forTimeInterval: Double.random(in: 0...0.02, using: &rig.random))
            let running = window.process.isRunning
            window.kill()
            if running { rig.kills += 1 } else { rig.finished += 1 }
            if let racer {
                if Bool.random(using: &rig.random), racer.process.isRunning {
                    racer.kill()
                    rig.kills += 1
                } else {
                    racer.finish()
                }
                if round % 6 == 1 {
                    // The next command of a killed backup: the same backup, which works and
                    // clears what the killed one left.
                    rig.remove("race-\(round).sqlite")
                    let again = try rig.run(["backup", "--db", "study.sqlite", "--to", "race-\(round).sqlite"])
                    #expect(again.status == 0, "round \(round): the backup again: \(again.stderr)")
                    rig.remove("race-\(round).sqlite")
                }
            }
            try rig.expectSound(database, "round \(round)")
            // The next commands: the killed interview is listed as interrupted, and resumes.
            let listed = try rig.run(["resume", "--db", "study.sqlite"])
            #expect(
                listed.stdout.contains("\(code)  interrupted"), "round \(round): \(code) not listed: \(listed.stdout)")
            let resumed = try rig.run(["resume", "--db", "study.sqlite", code])
            #expect(
                resumed.status == 0 && resumed.stdout.contains("suspended"), "round \(round): resume: \(resumed.stderr)"
            )
            #expect(!resumed.stderr.contains("backup"))
        }
        rig.answersChecked = try checkAcknowledged(acknowledged, in: database)
        #expect(rig.answersChecked == acknowledged.count)
        let stray = try rig.leftovers()
        #expect(stray.isEmpty, "temporary files left: \(stray)")
    }

    /// Counts the acknowledged answers found with their values; records an issue for each missing one.
    private func checkAcknowledged(_ answers: [(code: String, variable: String, value: Int)], in path: String) throws
        -> Int
    {
        let stored = try readDatabase(path) { db in
            var result: [String: Int] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT i.code, v.name, a.value FROM answer a JOIN interview i ON i.id = a.interview_id
                    JOIN variable v ON v.id = a.variable_id WHERE v.name <> 'feel'
                    """)
            while let row = try rows.next() { result["\(row[0] as String) \(row[1] as String)"] = row[2] }
            return result
        }
        var found = 0
        for answer in answers {
            if stored["\(answer.code) \(answer.variable)"] == answer.value {
                found += 1
            } else {
                Issue.record("acknowledged answer \(answer.variable) of \(answer.code) was lost")
            }
        }
        return found
    }

    // MARK: - merge

    /// `merge` of two laptops into a new file or into the lead's database, killed at random
    /// (some kills land in its final checkpoint): the target is untouched or complete.
    @Test func mergesKilledAtRandom() throws {
        var rig = try CrashRig("merge", salt: 2)
        defer { rig.report() }
        #expect(try rig.run(["study", "init", "--db", "lead.sqlite", "--title", "Crash"]).status == 0)
        for (name, seed) in [("a.sqlite", "1"), ("b.sqlite", "2")] {
            #expect(try rig.run(["backup", "--db", "lead.sqlite", "--to", name]).status == 0)
            #expect(
                try rig.run([
                    "simulate", Runner.instrument("warmline-follow-up"), "--db", name, "--count", "150",
                    "--seed", seed, "--today", "2026-11-23",
                ]).status == 0)
        }
        let sourceAnswers = try ["a.sqlite", "b.sqlite"].reduce(0) { total, name in
            total + (try readDatabase(rig.path(name)) { try Int.fetchOne($0, sql: "SELECT count(*) FROM answer") } ?? 0)
        }
        let merge = ["merge", "--into", "target.sqlite", "a.sqlite", "b.sqlite"]
        let window = try rig.duration(merge) { rig.remove("target.sqlite") }
        let wanted = CrashRig.kills(share: 0.14)
        var round = 0
        while rig.kills < wanted, round < wanted * 3 {
            round += 1
            let intoExisting = Bool.random(using: &rig.random)
            rig.remove("target.sqlite")
            if intoExisting {
                try FileManager.default.copyItem(atPath: rig.path("lead.sqlite"), toPath: rig.path("target.sqlite"))
            }
            _ = try rig.killRandomly(merge, within: window * 1.2)
            if FileManager.default.fileExists(atPath: rig.path("target.sqlite")) {
                try rig.expectSound(rig.path("target.sqlite"), "merge round \(round)")
                let interviews = try readDatabase(rig.path("target.sqlite")) {
                    try Int.fetchOne($0, sql: "SELECT count(*) FROM interview")
                }
                // All or nothing: an existing target has none or all; a new one appears only complete.
                #expect(
                    interviews == 300 || (intoExisting && interviews == 0),
                    "merge round \(round): \(interviews ?? -1) interviews")
            }
            let again = try rig.run(merge)
            #expect(again.status == 0, "merge round \(round): the next merge: \(again.stderr)")
            let answers =
                try readDatabase(rig.path("target.sqlite")) { try Int.fetchOne($0, sql: "SELECT count(*) FROM answer") }
                ?? 0
            #expect(answers == sourceAnswers, "merge round \(round)")
            rig.answersChecked += answers
            let stray = try rig.leftovers()
            #expect(stray.isEmpty, "merge round \(round): temporary files left: \(stray)")
        }
    }

    // MARK: - backup

    /// `backup` killed at random: the copy is absent or complete and sound; the retry works.
    @Test func backupsKilledAtRandom() throws {
        var rig = try CrashRig("backup", salt: 3)
        defer { rig.report() }
        #expect(
            try rig.run([
                "simulate", Runner.instrument("warmline-follow-up"), "--db", "study.sqlite", "--count", "300",
                "--seed", "3", "--today", "2026-11-23",
            ]).status == 0)
        let answers =
            try readDatabase(rig.path("study.sqlite")) { try Int.fetchOne($0, sql: "SELECT count(*) FROM answer") } ?? 0
        let backup = ["backup", "--db", "study.sqlite", "--to", "copy.sqlite"]
        let window = try rig.duration(backup) { rig.remove("copy.sqlite") }
        let wanted = CrashRig.kills(share: 0.14)
        var round = 0
        while rig.kills < wanted, round < wanted * 3 {
            round += 1
            rig.remove("copy.sqlite")
            _ = try rig.killRandomly(backup, within: window * 1.2)
            if !FileManager.default.fileExists(atPath: rig.path("copy.sqlite")) {
                let again = try rig.run(backup)
                #expect(again.status == 0, "backup round \(round): the retry: \(again.stderr)")
            }
            try rig.expectSound(rig.path("copy.sqlite"), "backup round \(round)")
            let copied =
                try readDatabase(rig.path("copy.sqlite")) { try Int.fetchOne($0, sql: "SELECT count(*) FROM answer") }
                ?? 0
            #expect(copied == answers, "backup round \(round)")
            rig.answersChecked += copied
            let stray = try rig.leftovers()
            #expect(stray.isEmpty, "backup round \(round): temporary files left: \(stray)")
        }
        try rig.expectSound(rig.path("study.sqlite"), "the backed-up database")
    }

    // MARK: - withdraw

    /// `withdraw` killed at random: the participant is wholly there or wholly gone, every other
    /// answer stays, and running it again finishes the erasure, leaving no trace in the bytes.
    @Test func withdrawalsKilledAtRandom() throws {
        var rig = try CrashRig("withdraw", salt: 4)
        defer { rig.report() }
        #expect(
            try rig.run([
                "simulate", Runner.instrument("warmline-follow-up"), "--db", "pristine.sqlite", "--count", "200",
                "--seed", "4", "--today", "2026-11-23",
            ]).status == 0)
        let (codes, total) = try readDatabase(rig.path("pristine.sqlite")) { db in
            (
                try String.fetchAll(db, sql: "SELECT code FROM interview"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM answer") ?? 0
            )
        }
        func reset() throws {
            rig.remove("study.sqlite")
            try FileManager.default.copyItem(atPath: rig.path("pristine.sqlite"), toPath: rig.path("study.sqlite"))
        }
        let window = try rig.duration(["withdraw", "--db", "study.sqlite", codes[0], "--yes"], reset: reset)
        let wanted = CrashRig.kills(share: 0.14)
        var round = 0
        while rig.kills < wanted, round < wanted * 3 {
            round += 1
            try reset()
            let code = codes[Int.random(in: 0..<codes.count, using: &rig.random)]
            let own =
                try readDatabase(rig.path("study.sqlite")) { db in
                    try Int.fetchOne(
                        db,
                        sql: "SELECT count(*) FROM answer a JOIN interview i ON i.id = a.interview_id WHERE i.code = ?",
                        arguments: [code])
                } ?? 0
            _ = try rig.killRandomly(["withdraw", "--db", "study.sqlite", code, "--yes"], within: window * 1.2)
            try rig.expectSound(rig.path("study.sqlite"), "withdraw round \(round)")
            let left =
                try readDatabase(rig.path("study.sqlite")) { try Int.fetchOne($0, sql: "SELECT count(*) FROM answer") }
                ?? 0
            #expect(left == total || left == total - own, "withdraw round \(round): \(left) answers of \(total)")
            let again = try rig.run(["withdraw", "--db", "study.sqlite", code, "--yes"])
            #expect(
                again.status == 0
                    || (again.status == 65 && again.stderr.contains("no interview has the participant code")),
                "withdraw round \(round): the next withdraw: \(again.stderr)")
            #expect(!again.stderr.contains("backup"))
            let after =
                try readDatabase(rig.path("study.sqlite")) { try Int.fetchOne($0, sql: "SELECT count(*) FROM answer") }
                ?? 0
            #expect(after == total - own, "withdraw round \(round)")
            rig.answersChecked += after
            #expect(
                StoreFixtures.rawBytes(rig.path("study.sqlite")).range(of: Data(code.utf8)) == nil,
                "withdraw round \(round): the code is still in the file")
        }
    }

    // MARK: - export

    /// `export` killed at random: the database is sound and the next export works.
    @Test func exportsKilledAtRandom() throws {
        var rig = try CrashRig("export", salt: 5)
        defer { rig.report() }
        #expect(
            try rig.run([
                "simulate", Runner.instrument("warmline-follow-up"), "--db", "study.sqlite", "--count", "300",
                "--seed", "5", "--today", "2026-11-23",
            ]).status == 0)
        let answers =
            try readDatabase(rig.path("study.sqlite")) { try Int.fetchOne($0, sql: "SELECT count(*) FROM answer") } ?? 0
        let export = ["export", "--db", "study.sqlite", "--to", "release", "--format", "csv,sav"]
        let window = try rig.duration(export) { try? FileManager.default.removeItem(atPath: rig.path("release")) }
        let wanted = CrashRig.kills(share: 0.14)
        var round = 0
        while rig.kills < wanted, round < wanted * 3 {
            round += 1
            try? FileManager.default.removeItem(atPath: rig.path("release"))
            _ = try rig.killRandomly(export, within: window * 1.2)
            try rig.expectSound(rig.path("study.sqlite"), "export round \(round)")
            let stored =
                try readDatabase(rig.path("study.sqlite")) { try Int.fetchOne($0, sql: "SELECT count(*) FROM answer") }
                ?? 0
            #expect(stored == answers)
            rig.answersChecked += stored
            let fresh = try rig.run(["export", "--db", "study.sqlite", "--to", "fresh-\(round)", "--format", "csv"])
            #expect(fresh.status == 0, "export round \(round): an export to a new folder: \(fresh.stderr)")
            try? FileManager.default.removeItem(atPath: rig.path("fresh-\(round)"))
            // A half-written export folder blocks the retry until exports are written to a
            // temporary folder and renamed into place (issue 13, item 14, not in this branch).
            withKnownIssue("issue 13 item 14: a killed export leaves a half-written folder", isIntermittent: true) {
                let again = try rig.run(export)
                #expect(again.status == 0, "export round \(round): the retry into the same folder: \(again.stderr)")
            }
        }
    }

    // MARK: - study init

    /// `study init` killed at random: no file, or a complete one; the retry works.
    @Test func studyInitsKilledAtRandom() throws {
        var rig = try CrashRig("study init", salt: 6)
        defer { rig.report() }
        let initialise = ["study", "init", "--db", "new.sqlite", "--title", "Crash"]
        let window = try rig.duration(initialise) { rig.remove("new.sqlite") }
        let wanted = CrashRig.kills(share: 0.14)
        var round = 0
        while rig.kills < wanted, round < wanted * 3 {
            round += 1
            rig.remove("new.sqlite")
            _ = try rig.killRandomly(initialise, within: window * 1.2)
            if FileManager.default.fileExists(atPath: rig.path("new.sqlite")) {
                let status = try rig.run(["status", "--db", "new.sqlite"])
                #expect(
                    status.status == 0 && status.stdout.contains("Study: Crash"),
                    "init round \(round): \(status.stderr)")
            } else {
                let again = try rig.run(initialise)
                #expect(again.status == 0, "init round \(round): the retry: \(again.stderr)")
            }
            try rig.expectSound(rig.path("new.sqlite"), "init round \(round)")
            let stray = try rig.leftovers()
            #expect(stray.isEmpty, "init round \(round): temporary files left: \(stray)")
        }
    }
}
