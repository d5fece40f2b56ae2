import Foundation
import Testing

/// A sealed answer survives `resume` exactly: its placeholder is never shown in a field that can
/// be edited into an answer, Enter keeps the sealed value, and calculations see it as answered.
@Suite(.serialized)
struct SealedResumeTests {
    static let passphrase = ["PEERSURVEY_PASSPHRASE": "correct horse battery staple"]
    static let yaml = """
        instrument: sealed-resume
        version: 1
        title: Sealed resume
        sections:
          - id: main
            title: Main
            questions:
              - id: email
                type: text
                text: Your email address?
                identifying: true
              - id: has_email
                type: calculate
                expression: answered(email)
              - id: visits
                type: integer
                text: How many visits?
                range: [0, 50]
              - id: mood
                type: integer
                text: How is your mood from 1 to 10?
                range: [1, 10]
        """

    /// A study with a key and the instrument file, in a fresh folder.
    static func study() throws -> (directory: URL, db: String, instrument: String) {
        let directory = try Runner.temporaryDirectory()
        let instrument = directory.appendingPathComponent("sealed.yaml").path
        try yaml.write(toFile: instrument, atomically: true, encoding: .utf8)
        let keys = try Runner.run(["keys", "new", "--out", "custodian"], environment: passphrase, directory: directory)
        #expect(keys.status == 0, "\(keys.stderr)")
        let db = directory.appendingPathComponent("study.sqlite").path
        let initialised = try Runner.run(
            ["study", "init", "--db", db, "--title", "Sealed", "--key", "custodian.pub"], directory: directory)
        #expect(initialised.status == 0, "\(initialised.stderr)")
        return (directory, db, instrument)
    }

    /// The keys on the full screen: after `resume`, back to the e-mail question showing
    /// the sealed answer, `Enter BSpace Enter` used to save "(sealed" over the real address. With
    /// typing going straight into the field, `BSpace Enter` is the same slip: it keeps the sealed
    /// answer.
    @Test(.enabled(if: ScreenInterviewTests.tmuxInstalled))
    func enterBackspaceEnterKeepsTheSealedAnswer() throws {
        let (directory, db, instrument) = try Self.study()
        defer { try? FileManager.default.removeItem(at: directory) }
        let marker = "zq7marker@example.org"
        let first = try Tmux("'\(Runner.binary.path)' interview '\(instrument)' --db '\(db)' --interviewer PR01")
        try first.wait(for: "Your email address?")
        try first.type(marker)
        try first.send("Enter")
        try first.wait(for: "How many visits?")
        try first.type("3")
        try first.send("Enter")
        try first.wait(for: "How is your mood")
        try first.send("C-c")
        let suspended = try first.wait(for: "EXITED")
        let code = try #require(suspended.components(separatedBy: "resume --db ").last?.split(separator: " ").dropFirst().first)

        let second = try Tmux("'\(Runner.binary.path)' resume --db '\(db)' \(code)")
        try second.wait(for: "Welcome back")
        try second.send("Enter")
        try second.wait(for: "How is your mood")
        try second.send("C-b")
        try second.wait(for: "How many visits?")
        try second.send("C-b")
        let back = try second.wait(for: "Your email address?")
        #expect(!back.contains("(sealed)"), "the placeholder is on screen as an answer:\n\(back)")
        try second.send("BSpace")
        try second.send("Enter")
        try second.wait(for: "How many visits?")
        try second.send("Enter")
        try second.wait(for: "How is your mood")
        try second.type("7")
        try second.send("Enter")
        try second.wait(for: "Review")
        try second.send("C-f")
        try second.wait(for: "Finish the interview?")
        try second.send("y")
        try second.wait(for: "EXITED")

        let unsealed = try Runner.run(
            ["unseal", "--db", db, "--key", "custodian.key"], environment: Self.passphrase, directory: directory)
        #expect(unsealed.status == 0, "\(unsealed.stderr)")
        #expect(unsealed.stdout.contains(marker), "the sealed answer was replaced:\n\(unsealed.stdout)")
        #expect(!unsealed.stdout.contains("(sealed"))
    }

    /// Line mode: the sealed answer is described, never echoed or saved again, and a resumed
    /// calculation over it still sees it as answered.
    @Test func lineModeKeepsTheSealedAnswerAndItsCalculation() throws {
        let (directory, db, instrument) = try Self.study()
        defer { try? FileManager.default.removeItem(at: directory) }
        let marker = "lq4marker@example.org"
        let first = try Runner.run(
            ["interview", instrument, "--db", db, "--interviewer", "PR01", "--plain"], input: "\(marker)\nback\n\n3\n")
        #expect(first.stdout.contains("is suspended"), "\(first.stdout)\(first.stderr)")
        #expect(!first.stdout.contains(marker), "line mode echoed the identifying answer:\n\(first.stdout)")
        let code = try #require(first.stdout.components(separatedBy: "resume --db \(db) ").last?.prefix(9))
        let second = try Runner.run(["resume", "--db", db, String(code), "--plain"], input: "back\nback\n\n\n7\ndone\n")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(!second.stdout.contains(marker), "line mode echoed the identifying answer")
        #expect(second.stdout.contains("is complete"), "\(second.stdout)")
        let unsealed = try Runner.run(
            ["unseal", "--db", db, "--key", "custodian.key"], environment: Self.passphrase, directory: directory)
        #expect(unsealed.stdout.contains(marker), "\(unsealed.stdout)")
        let export = directory.appendingPathComponent("out")
        let exported = try Runner.run(["export", "--db", db, "--to", export.path, "--format", "csv"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let csv = try String(contentsOf: export.appendingPathComponent("sealed-resume.csv"), encoding: .utf8)
        let lines = csv.split(whereSeparator: \.isNewline)
        try #require(lines.count == 2, "\(csv)")
        let header = lines[0].split(separator: ",").map(String.init)
        let row = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let column = try #require(header.firstIndex(of: "has_email"))
        #expect(row[column] == "1", "a resumed calculation lost sight of the sealed answer: \(csv)")
    }
}
