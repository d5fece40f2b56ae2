import Foundation
import Testing

/// `peersurvey export` as a user runs it: what it writes and says, and every mistake explained
/// with a non-zero exit, never a crash and never a half-written directory.
struct ExportCommandTests {
    @Test func everyFormatIsWrittenAndListed() throws {
        let export = try Exports.of("warmline-follow-up")
        let expected = [
            "datapackage.json", "export.json", "warmline-follow-up-codebook.html", "warmline-follow-up-codebook.md",
            "warmline-follow-up-ddi.xml", "warmline-follow-up.R", "warmline-follow-up.csv", "warmline-follow-up.do",
            "warmline-follow-up.dta", "warmline-follow-up.sav", "warmline-follow-up.sps",
        ]
        #expect(try FileManager.default.contentsOfDirectory(atPath: export.directory.path).sorted() == expected)
        for name in expected { #expect(export.stdout.contains("  \(name)\n"), "\(name) is not listed") }
        #expect(
            export.stdout.contains(
                "Exported 300 interviews of warmline-follow-up (deidentified, release-1; 300 of them simulated)"))
        #expect(export.stdout.contains("Left out (free text; --include-text exports it masked):"))
    }

    @Test func theSyntaxFilesBringTheirCSV() throws {
        let export = try Exports.make(try Exports.of("warmline-follow-up").database, ["--format", "sps,do"])
        let names = try FileManager.default.contentsOfDirectory(atPath: export.directory.path).sorted()
        #expect(names == ["export.json", "warmline-follow-up.csv", "warmline-follow-up.do", "warmline-follow-up.sps"])
        #expect(export.stdout.contains("Also wrote the CSV, which the syntax files read."))
    }

    @Test func anEarlierExportIsReplacedAndAnythingElseIsLeftAlone() throws {
        let database = try Exports.of("warmline-follow-up").database
        let directory = try codebookDirectory().appendingPathComponent("again")
        let first = try CodebookTool.peersurvey(["export", "--db", database, "--to", directory.path])
        #expect(first.status == 0)
        let second = try CodebookTool.peersurvey([
            "export", "--db", database, "--to", directory.path, "--format", "csv",
        ])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("Replaced the earlier export in \(directory.path) (11 files)."))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [
                "export.json", "warmline-follow-up.csv",
            ])
        // A file of the user's own in the directory: refused, and nothing touched.
        let mine = directory.appendingPathComponent("my-notes.txt")
        try "mine".write(to: mine, atomically: true, encoding: .utf8)
        let third = try CodebookTool.peersurvey(["export", "--db", database, "--to", directory.path])
        #expect(third.status == 64)
        #expect(third.stderr.contains("`my-notes.txt`") && third.stderr.contains("choose an empty or new directory"))
        #expect(try String(contentsOf: mine, encoding: .utf8) == "mine")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("warmline-follow-up.csv").path))
    }

    /// A mistake, the exit status it must give, and words the message must contain.
    struct Mistake: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: @Sendable (_ database: String, _ directory: String) throws -> [String]
        var status: Int32
        var message: [String]
        var testDescription: String { name }
    }

    static let mistakes: [Mistake] = [
        Mistake(name: "no --to", arguments: { db, _ in ["export", "--db", db] }, status: 64, message: ["--to"]),
        Mistake(
            name: "--to is a file",
            arguments: { db, dir in
                let file = dir + "/a-file"
                try "x".write(toFile: file, atomically: true, encoding: .utf8)
                return ["export", "--db", db, "--to", file]
            }, status: 64, message: ["this is a file, not a directory"]),
        Mistake(
            name: "unknown format",
            arguments: { db, dir in ["export", "--db", db, "--to", dir + "/out", "--format", "csv,spss"] },
            status: 64, message: ["`spss`", "Did you mean `sps`?", "codebook-html"]),
        Mistake(
            name: "empty format",
            arguments: { db, dir in ["export", "--db", db, "--to", dir + "/out", "--format", ""] },
            status: 64, message: ["`--format` is empty"]),
        Mistake(
            name: "unknown instrument",
            arguments: { db, dir in ["export", "--db", db, "--to", dir + "/out", "--instrument", "warmline-folow-up"] },
            status: 64, message: ["no instrument `warmline-folow-up`", "did you mean `warmline-follow-up`?"]),
        Mistake(
            name: "bad release",
            arguments: { db, dir in ["export", "--db", db, "--to", dir + "/out", "--release", "a b"] },
            status: 64, message: ["`--release`"]),
        Mistake(
            name: "bad profile",
            arguments: { db, dir in ["export", "--db", db, "--to", dir + "/out", "--profile", "public"] },
            status: 64, message: ["deidentified", "custodian"]),
        Mistake(
            name: "not a database",
            arguments: { _, dir in
                let file = dir + "/notes.sqlite"
                try "hello, not a database".write(toFile: file, atomically: true, encoding: .utf8)
                return ["export", "--db", file, "--to", dir + "/out"]
            }, status: 65, message: ["not a SQLite database"]),
        Mistake(
            name: "no database",
            arguments: { _, dir in ["export", "--db", dir + "/missing.sqlite", "--to", dir + "/out"] },
            status: 66, message: ["no such study database"]),
        Mistake(
            name: "empty study",
            arguments: { _, dir in
                let db = dir + "/empty.sqlite"
                _ = try CodebookTool.peersurvey(["study", "init", "--db", db, "--title", "Empty"])
                return ["export", "--db", db, "--to", dir + "/out"]
            }, status: 65, message: ["holds no instrument yet", "then export"]),
    ]

    @Test(arguments: mistakes)
    func mistakesAreExplained(_ mistake: Mistake) throws {
        let database = try Exports.of("warmline-follow-up").database
        let directory = try codebookDirectory()
        let result = try CodebookTool.peersurvey(try mistake.arguments(database, directory.path))
        #expect(result.status == mistake.status, "\(result.stderr)")
        for words in mistake.message { #expect(result.stderr.contains(words), "\(result.stderr)") }
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"))
        // Nothing is left behind.
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
    }

    @Test func aStudyWithNoExportableInterviewGivesEmptyButValidFiles() throws {
        let directory = try codebookDirectory()
        let db = directory.appendingPathComponent("consent.sqlite").path
        _ = try CodebookTool.peersurvey(["study", "init", "--db", db, "--title", "No consent"])
        // A participant who does not consent (and the interviewer makes sure): the interview is
        // saved with no answers.
        let interview = try CodebookTool.run(
            "/bin/sh",
            [
                "-c", "printf 'no\\nyes\\n' | \"$0\" \"$@\"", try #require(CodebookTool.binary), "interview",
                bundledPath("warmline-follow-up"), "--db", db, "--interviewer", "PR01", "--plain",
            ])
        #expect(interview.status == 0, "\(interview.stderr)")
        let export = try Exports.make(db)
        #expect(export.stdout.contains("Exported 0 interviews of warmline-follow-up"))
        #expect(try export.csvRows("warmline-follow-up.csv").count == 1)
        let sav = try NativeFile(export.url("warmline-follow-up.sav"))
        #expect(sav.rows.isEmpty && sav.sets.count == 2 && sav.valueLabels["gender"]?["1"] == "A woman")
        #expect(try NativeFile(export.url("warmline-follow-up.dta")).rows.isEmpty)
        let report = try export.report()
        #expect((report["interviews"] as? [String: Int])?["no_consent"] == 1 && report["rows"] as? Int == 0)
    }
}
