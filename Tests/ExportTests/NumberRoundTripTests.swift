import Foundation
import Instrument
import Store
import TestSupport
import Testing

/// Numbers far from everyday sizes come out of every file as numbers their readers take back
/// exactly, and nothing in an export or codebook traps on them.
struct NumberRoundTripTests {
    static let yaml = instrumentYAML(
        """
              - id: amount
                type: decimal
                text: How much?
              - id: count
                type: integer
                text: How many?
        """, id: "numbers")

    /// A study whose answers are the awkward numbers.
    static func study(_ amounts: [Double], count: Double = 1) throws -> StudyFixture {
        try StudyFixture(
            yaml, amounts.map { ["amount": .value(.number($0)), "count": .value(.number(count))] },
            in: codebookDirectory())
    }

    /// 1e15 and more used to be written `1000000000000000.0`, small decimals `1e-07`: Frictionless
    /// refused the package and SPSS's GET DATA reads neither as the number.
    @Test func largeAndSmallNumbersAreWrittenPlainAndValidate() throws {
        let fixture = try Self.study([1e15, 1e-7, 12.5, 123_456_789.25, 1e15], count: 1_000_000_000_000_000)
        let out = try codebookDirectory().appendingPathComponent("export")
        let exported = try CodebookTool.peersurvey([
            "export", "--db", fixture.path, "--to", out.path, "--format", "csv,datapackage",
        ])
        #expect(exported.status == 0, "\(exported.stderr)")
        let csv = try String(contentsOf: out.appendingPathComponent("numbers.csv"), encoding: .utf8)
        #expect(!csv.contains("e-0") && !csv.contains("e+") && !csv.contains(".0,") && !csv.contains(".0\r"), "\(csv)")
        #expect(csv.contains("1000000000000000") && csv.contains("0.0000001"), "\(csv)")
        try ExportTools.requirePython("frictionless")
        let result = try CodebookTool.run(
            "/bin/sh", ["-c", "cd \"$1\" && python3 -m frictionless validate --json datapackage.json", "sh", out.path])
        #expect(result.status == 0, "\(result.stdout.prefix(2000))")
        let parsed = try CodebookTool.run(
            "/usr/bin/env",
            ["python3", "-c", "import pandas,sys; print(repr(list(pandas.read_csv(sys.argv[1])['amount'])))",
             out.appendingPathComponent("numbers.csv").path])
        #expect(parsed.stdout.contains("1e-07") && parsed.stdout.contains("1000000000000000.0"), "\(parsed.stdout)")
    }

    /// Ten answers of 1e18 to a decimal question with no range: `export` and `codebook --db`
    /// aborted (an Int conversion in the Markdown codebook) and left a half-written folder.
    @Test func hugeMeansDoNotAbortTheExportOrTheCodebook() throws {
        let fixture = try Self.study(Array(repeating: 1e18, count: 12))
        let out = try codebookDirectory().appendingPathComponent("export")
        let exported = try CodebookTool.peersurvey(["export", "--db", fixture.path, "--to", out.path])
        #expect(exported.status == 0, "\(exported.stderr)")
        let codebook = try CodebookTool.peersurvey(["codebook", "numbers", "--db", fixture.path, "--format", "md"])
        #expect(codebook.status == 0, "\(codebook.stderr)")
        #expect(codebook.stdout.contains("1000000000000000000.00"), "\(codebook.stdout.suffix(800))")
    }

    /// `simulate --today` sets the day the simulated interviews happened, so an export reports
    /// that month (it reported the month the simulation ran).
    @Test func simulatedInterviewsHappenOnTheSimulatedDay() throws {
        let directory = try codebookDirectory()
        let db = directory.appendingPathComponent("sim.sqlite").path
        let simulated = try CodebookTool.peersurvey([
            "simulate", CodebookTool.root.appendingPathComponent("instruments/warmline-follow-up.yaml").path, "--db", db,
            "--count", "12", "--seed", "1", "--today", "2020-03-15",
        ])
        #expect(simulated.status == 0, "\(simulated.stderr)")
        let out = directory.appendingPathComponent("export")
        #expect(try CodebookTool.peersurvey(["export", "--db", db, "--to", out.path, "--format", "csv"]).status == 0)
        let csv = try String(contentsOf: out.appendingPathComponent("warmline-follow-up.csv"), encoding: .utf8)
        let rows = csv.split(whereSeparator: \.isNewline).dropFirst()
        #expect(rows.count == 12)
        #expect(rows.allSatisfy { $0.contains(",2020-03,") }, "\(rows.first ?? "")")
    }
}
