import Foundation
import TestSupport
import Instrument
import Store
import Testing

/// `peersurvey describe` and `peersurvey analyse` through the built binary: formats, files,
/// errors and exit codes.
struct DescribeCommandTests {
    /// A study of the bundled warmline instrument, simulated once for all these tests.
    static let warmline: String = {
        let directory = (try? temporaryDirectory()) ?? FileManager.default.temporaryDirectory
        let path = directory.appendingPathComponent("warmline.sqlite").path
        _ = try? Binary.run([
            "simulate", "instruments/warmline-follow-up.yaml", "--db", path, "--count", "300", "--seed", "4", "--today",
            "2026-03-15",
        ])
        return path
    }()

    @Test func describesEveryVariableAsText() throws {
        let result = try Binary.run(["describe", "--db", Self.warmline])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Warmline follow-up"))
        #expect(result.stdout.contains("felt_listened: Felt listened to on the call"))
        #expect(result.stdout.contains("cumulative %"))
        #expect(result.stdout.contains("Small-cell suppression is on (--min-cell 10)"))
        #expect(result.stdout.contains("made by `peersurvey simulate`"))
        // The custodian's line, on standard error so that the tables stay clean.
        #expect(result.stderr.hasPrefix("Disclosure audit (--min-cell 10): "))
        #expect(result.stderr.contains("none can be narrowed to fewer than 10 values"))
    }

    @Test(arguments: ["markdown", "csv", "json", "html"])
    func everyFormat(format: String) throws {
        let result = try Binary.run([
            "describe", "--db", Self.warmline, "call_helpful", "mood_now", "--by", "gender", "--format", format,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        switch format {
        case "json":
            let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let variables = document?["variables"] as? [[String: Any]]
            #expect(variables?.map { $0["name"] as? String } == ["call_helpful", "mood_now"])
            #expect((document?["suppression"] as? [String: Any])?["min_cell"] as? Int == 10)
        case "csv":
            #expect(result.stdout.hasPrefix("table,variable,group,category,code,statistic,value\n"))
            #expect(result.stdout.contains("call_helpful"))
        case "markdown":
            #expect(result.stdout.contains("| code | answer | count |"))
        default:
            #expect(result.stdout.hasPrefix("<!DOCTYPE html>"))
            #expect(result.stdout.contains("<svg"))
        }
    }

    @Test func statusFlagsAddInterviews() throws {
        func interviews(_ flags: [String]) throws -> Int? {
            let result = try Binary.run(["describe", "--db", Self.warmline, "age", "--format", "json"] + flags)
            return (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])?["interviews"]
                as? Int
        }
        let completed = try #require(try interviews([]))
        let withBrokenOff = try #require(try interviews(["--include-broken-off"]))
        #expect(withBrokenOff > completed)
        #expect(try interviews(["--include-broken-off", "--include-suspended"]) == withBrokenOff)
        let spss = try Binary.run([
            "describe", "--db", Self.warmline, "age", "--percentiles", "spss", "--format", "json",
        ])
        #expect(spss.stdout.contains("\"percentiles\": \"spss\""))
    }

    @Test func writesAFileWithOut() throws {
        let out = try temporaryDirectory().appendingPathComponent("report.html").path
        let result = try Binary.run(["describe", "--db", Self.warmline, "--format", "html", "--out", out])
        #expect(result.status == 0)
        #expect(result.stdout == "Wrote \(out).\n")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("</html>"))
        let missing = try Binary.run(["describe", "--db", Self.warmline, "--out", "/nonexistent/folder/report.txt"])
        #expect(missing.status == 74)
        #expect(missing.stderr.contains("could not be written"))
    }

    @Test func suppressionOffWarns() throws {
        let result = try Binary.run(["describe", "--db", Self.warmline, "age", "--min-cell", "0"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: small-cell suppression is off"))
        #expect(result.stdout.contains("do not publish"))
        let negative = try Binary.run(["describe", "--db", Self.warmline, "--min-cell", "-3"])
        #expect(negative.status == 64)
    }

    @Test(arguments: [
        (["agee"], "has no variable `agee`; did you mean `age`?"),
        (["age", "--by", "improve"], "--by needs a single-choice variable"),
        (["age", "--by", "gendr"], "did you mean `gender`?"),
        (["age", "--weight", "gender"], "--weight needs a numeric variable"),
        (["age", "--instrument", "warmline-folow-up"], "did you mean `warmline-follow-up`?"),
    ])
    func usageMistakesExit64(arguments: [String], message: String) throws {
        let result = try Binary.run(["describe", "--db", Self.warmline] + arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: "))
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func badDatabasesAreRefusedWithoutACrash() throws {
        let directory = try temporaryDirectory()
        let missing = try Binary.run(["describe", "--db", directory.appendingPathComponent("none.sqlite").path])
        #expect(missing.status == 66)
        let text = directory.appendingPathComponent("notes.sqlite")
        try Data("not a database at all".utf8).write(to: text)
        let foreign = try Binary.run(["describe", "--db", text.path])
        #expect(foreign.status == 65)
        #expect(foreign.stderr.hasPrefix("error: "))
        let empty = directory.appendingPathComponent("empty.sqlite").path
        let created = try StudyDatabase.create(at: empty)
        try created.initStudy(title: "Empty", publicKey: nil)
        let noInstrument = try Binary.run(["describe", "--db", empty])
        #expect(noInstrument.status == 65)
        #expect(noInstrument.stderr.contains("holds no instrument yet"))
    }

    /// The escape hatch from the direct page reader gives the same statistics, byte for byte.
    @Test func sqliteOnlyScanAgreesWithThePageReader() throws {
        let pages = try Binary.run(["describe", "--db", Self.warmline, "--format", "json", "--min-cell", "0"])
        let sqlite = try Binary.run(
            ["describe", "--db", Self.warmline, "--format", "json", "--min-cell", "0"],
            environment: ["PEERSURVEY_SCAN": "sqlite"])
        #expect(pages.status == 0 && sqlite.status == 0, "\(pages.stderr)\(sqlite.stderr)")
        #expect(pages.stdout.contains("felt_listened"))
        #expect(pages.stdout == sqlite.stdout)
    }

    @Test func damagedPagesAreAnErrorNotACrash() throws {
        let directory = try temporaryDirectory()
        let copy = directory.appendingPathComponent("damaged.sqlite")
        try FileManager.default.copyItem(atPath: Self.warmline, toPath: copy.path)
        let handle = try FileHandle(forUpdating: copy)
        let size = try handle.seekToEnd()
        var generator = SplitMix(seed: 11)
        // Scribble over pages in the second half of the file (answers, not the schema).
        for _ in 0..<40 {
            try handle.seek(toOffset: size / 2 + generator.next() % (size / 2 - 64))
            try handle.write(contentsOf: (0..<48).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
        try handle.close()
        let result = try Binary.run(["describe", "--db", copy.path, "--format", "json"])
        #expect([0, 65, 74].contains(result.status), "exit \(result.status): \(result.stderr)")
        if result.status != 0 { #expect(result.stderr.hasPrefix("error: ")) }
    }

    @Test func textAnswersNeverReachTheOutput() throws {
        let yaml = instrumentYAML(
            """
                  - id: feel
                    type: text
                    text: How do you feel?
                  - id: mood
                    type: integer
                    text: Mood?
            """)
        let fixture = try Fixture(
            yaml, (0..<30).map { ["feel": .value(.text("my secret \($0)")), "mood": .value(.number(Double($0 % 7)))] })
        try fixture.database.checkpoint()
        for format in ["text", "markdown", "csv", "json", "html"] {
            let result = try Binary.run(["describe", "--db", fixture.path, "--format", format, "--min-cell", "0"])
            #expect(result.status == 0)
            #expect(!result.stdout.contains("secret"), "\(format)")
            #expect(result.stdout.contains("feel"))
        }
    }

    @Test func analyseWritesEveryFormatOfThePlan() throws {
        let out = try temporaryDirectory().appendingPathComponent("report")
        let result = try Binary.run([
            "analyse", "analysis/warmline-follow-up.yaml", "--db", Self.warmline, "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        for ext in ["html", "md", "csv"] {
            #expect(
                FileManager.default.fileExists(atPath: out.appendingPathComponent("warmline-follow-up.\(ext)").path))
        }
        let html = try String(contentsOf: out.appendingPathComponent("warmline-follow-up.html"), encoding: .utf8)
        #expect(html.contains("How helpful the call was, by gender"))
        #expect(result.stdout.contains("Disclosure audit (--min-cell 10)"))
    }

    @Test func checkValidatesPlansBesideInstruments() throws {
        let bundled = try Binary.run([
            "check", "instruments/warmline-follow-up.yaml", "analysis/warmline-follow-up.yaml",
            "analysis/peer-support-experience.yaml", "analysis/recovery-college-outcomes.yaml",
        ])
        #expect(bundled.status == 0, "\(bundled.stdout)")
        let directory = try temporaryDirectory()
        let plan = directory.appendingPathComponent("plan.yaml")
        try """
        plan: broken
        instrument: warmline-follow-up
        instrument_file: \(Binary.root.path)/instruments/warmline-follow-up.yaml
        tables:
          - title: Oops
            variables: [age, felt_listend]
            by: improve
          - title: Scores
            scores: [age]
            wieght: age
        """.write(to: plan, atomically: true, encoding: .utf8)
        let result = try Binary.run(["check", plan.path])
        #expect(result.status == 65)
        #expect(
            result.stdout.contains(
                "plan.yaml:6:22: error: warmline-follow-up has no variable `felt_listend`; did you mean `felt_listened`?"
            ))
        #expect(result.stdout.contains("plan.yaml:7:9: error: `by` needs a single-choice variable"))
        #expect(
            result.stdout.contains("plan.yaml:10:5: error: unknown key `wieght` in a table; did you mean `weight`?"))
        let analysed = try Binary.run(["analyse", plan.path, "--db", Self.warmline, "--out", directory.path])
        #expect(analysed.status == 65)
        #expect(analysed.stderr.contains("plan.yaml:10:5: error: unknown key `wieght`"))
    }
}
