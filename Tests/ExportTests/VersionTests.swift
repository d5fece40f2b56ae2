import Foundation
import Testing

/// A study whose interviews used two versions of an instrument is exported as one dataset: a
/// question that a version did not have gets its own missing code ("Not in this version"), never
/// a blank or a code that means something else, in the CSV and in the `.sav`.
struct VersionTests {
    @Test func aQuestionAddedInVersionTwoIsNotInVersionForVersionOne() throws {
        let directory = try codebookDirectory()
        let source = try String(
            contentsOf: CodebookTool.root.appendingPathComponent(bundledPath("warmline-follow-up")), encoding: .utf8)
        let first = directory.appendingPathComponent("v1.yaml")
        let second = directory.appendingPathComponent("v2.yaml")
        try source.write(to: first, atomically: true, encoding: .utf8)
        let anchor = "    questions:\n      - id: age\n"
        try #require(source.contains(anchor) && source.contains("version: 1\n"))
        let added = source.replacingOccurrences(of: "version: 1\n", with: "version: 2\n").replacingOccurrences(
            of: anchor,
            with: """
                    questions:
                      - id: pets
                        type: integer
                        text: How many pets do you have?
                        label: Number of pets
                        range: [0, 20]
                      - id: age

                """)
        try added.write(to: second, atomically: true, encoding: .utf8)
        let db = directory.appendingPathComponent("study.sqlite").path
        for arguments in [
            ["study", "init", "--db", db, "--title", "Two versions"],
            ["simulate", first.path, "--db", db, "--count", "40", "--seed", "1", "--today", "2026-03-15"],
            ["simulate", second.path, "--db", db, "--count", "40", "--seed", "2", "--today", "2026-03-15"],
        ] {
            let result = try CodebookTool.peersurvey(arguments)
            try #require(result.status == 0, "\(arguments[0]): \(result.stderr)")
        }
        let export = try Exports.make(db, ["--format", "csv,sav"])
        let records = try export.csvRecords("warmline-follow-up.csv")
        #expect(records.count == 80)
        let notInVersion = "-5"
        for record in records {
            let pets = try #require(record["pets"])
            if record["ps_version"] == "1" {
                #expect(pets == notInVersion, "a version-1 interview has pets = \(pets)")
            } else {
                #expect(pets != notInVersion && !pets.isEmpty, "a version-2 interview has pets = \(pets)")
            }
            #expect(record["age"] != notInVersion, "age is in both versions")
        }
        let sav = try NativeFile(export.url("warmline-follow-up.sav"))
        #expect(sav.valueLabels["pets"]?[notInVersion] == "Not in this version")
        let range = try #require(sav.missingRanges["pets"]?.first)
        #expect(range.count == 2 && range[0] <= -5 && -5 <= range[1], "the code is declared missing: \(range)")
        let index = try #require(sav.columns.firstIndex(of: "pets"))
        let coded = sav.rows.filter { $0[index] == .number(-5) }.count
        #expect(coded == 40, "the .sav has \(coded) interviews coded not in version")
    }
}
