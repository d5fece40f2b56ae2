import Foundation
import Testing

/// `check`, `test` and `schema` through the built binary.
struct CheckAndTestCommandTests {
    static let bundled = ["peer-support-experience", "warmline-follow-up", "recovery-college-outcomes"]

    @Test(arguments: bundled)
    func bundledInstrumentsCheckCleanAndPassTheirTests(name: String) throws {
        let check = try Runner.run(["check", Runner.instrument(name)])
        #expect(check.status == 0)
        #expect(check.stdout.contains("no problems found"))
        let test = try Runner.run(["test", Runner.instrument(name)])
        #expect(test.status == 0, "\(test.stdout)")
        #expect(test.stdout.contains("0 failed"))
    }

    @Test func aFailingCaseExitsOneAndShowsTheDifference() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var text = try String(contentsOfFile: Runner.instrument("recovery-college-outcomes"), encoding: .utf8)
        let marker = "safeguards: [phq9_item9"
        let range = try #require(text.range(of: marker) ?? text.range(of: "safeguards: ["))
        text.replaceSubrange(range, with: "safeguards: [phq_severe, phq9_item9")
        let path = directory.appendingPathComponent("changed.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try Runner.run(["test", path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL"))
        #expect(result.stdout.contains("phq_severe"))
    }

    @Test func aBrokenInstrumentExits65WithLocatedErrors() throws {
        let path = Runner.root.appendingPathComponent("Tests/InstrumentTests/Fixtures/broken.yaml").path
        let result = try Runner.run(["check", path])
        #expect(result.status == 65)
        #expect(result.stdout.contains("\(path):30:17: error: there is no variable `agee`; did you mean `age`?"))
        #expect(result.stdout.contains("^"))
        let json = try Runner.run(["check", "--format", "json", path])
        #expect(json.status == 65)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["diagnostics"] as? [Any])?.count == 18)
    }

    @Test(arguments: [
        ("empty", ""),
        ("not-yaml", "instrument: [unclosed\nversion: 1\n"),
        ("list", "- a\n- b\n"),
        ("tabs", "instrument: t\nsections:\n\t- id: s\n"),
        ("bomb", "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: {*g : 1}\n"),
    ])
    func badFilesExit65WithALocatedMessage(name: String, content: String) throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("\(name).yaml").path
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        let start = Date()
        let result = try Runner.run(["check", path], timeout: 20)
        #expect(result.status == 65)
        #expect(result.stdout.contains("\(path):") && result.stdout.contains(": error: "))
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func bytesThatAreNotUTF8() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("latin1.yaml").path
        try Data([0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0x43, 0x61, 0x66, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: path))
        let result = try Runner.run(["check", path])
        #expect(result.status == 65)
        #expect(result.stdout.contains("\(path):1:11: error: the file is not UTF-8"))
    }

    @Test func misuseExits64AndAMissingFile66() throws {
        #expect(try Runner.run(["check"]).status == 64)
        #expect(try Runner.run(["check", "--colour-me", "x.yaml"]).status == 64)
        let missing = try Runner.run(["check", "/nonexistent/instrument.yaml"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("/nonexistent/instrument.yaml"))
    }

    @Test func schemaIsJSONSchema() throws {
        let result = try Runner.run(["schema"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["$schema"] != nil)
    }

    @Test func noColourEscapesWhenNotATerminal() throws {
        let path = Runner.root.appendingPathComponent("Tests/InstrumentTests/Fixtures/broken.yaml").path
        let result = try Runner.run(["check", path])
        #expect(!result.stdout.contains("\u{1B}["))
    }
}

/// `peersurvey --help` groups the commands by who uses them.
struct HelpTests {
    @Test func helpGroupsTheCommandsByWhoUsesThem() throws {
        let help = try Runner.run(["--help"])
        #expect(help.status == 0)
        let groups = ["STUDY LEADS SUBCOMMANDS", "PEER RESEARCHERS SUBCOMMANDS", "CUSTODIANS SUBCOMMANDS", "ANALYSTS SUBCOMMANDS"]
        let positions = groups.compactMap { help.stdout.range(of: $0)?.lowerBound }
        #expect(positions.count == 4, "\(help.stdout)")
        #expect(positions == positions.sorted())
        // Every command is listed once, in its group.
        for command in ["check", "interview", "withdraw", "export"] {
            #expect(help.stdout.components(separatedBy: "\n  \(command) ").count == 2, "\(command)")
        }
    }
}
