import Foundation
import Instrument
import TestSupport
import Testing

/// A simulated study of each imported instrument exports, and the export opens in PSPP: the
/// imported YAML is an instrument like any other, through the built binary end to end.
@Suite(.serialized)
struct ImportedStudyTests {
    @Test(arguments: FixtureImportTests.fixtures.indices)
    func aSimulatedStudyOfTheImportExportsAndOpensInPSPP(_ index: Int) throws {
        let fixture = FixtureImportTests.fixtures[index]
        let imported = try Imported.run(fixture.format, try ImportFixtures.path(fixture.path))
        try #require(imported.output.status == 0, "\(imported.output.stderr)")
        let found = try Program.run("/bin/sh", ["-c", "command -v pspp"])
        try #require(
            found.status == 0, "`pspp` is not installed; run scripts/setup.sh, which installs what the tests use")
        for file in imported.files {
            let instrument = try imported.instrument(file)
            let folder = try ImportFixtures.scratch()
            let database = folder.appendingPathComponent("sim.sqlite").path
            let simulated = try ImportFixtures.peersurvey(
                ["simulate", file.path, "--db", database, "--count", "40", "--seed", "18", "--today", "2026-06-01"])
            #expect(simulated.status == 0, "\(file.lastPathComponent): \(simulated.stdout)\(simulated.stderr)")
            let export = folder.appendingPathComponent("export")
            let exported = try ImportFixtures.peersurvey(["export", "--db", database, "--to", export.path])
            #expect(exported.status == 0, "\(file.lastPathComponent): \(exported.stderr)")
            let sav = export.appendingPathComponent("\(instrument.id).sav").path
            #expect(FileManager.default.fileExists(atPath: sav))
            let syntax = "GET FILE='\(sav)'.\nDISPLAY DICTIONARY.\nFREQUENCIES VARIABLES=ALL /FORMAT=NOTABLE.\n"
            let script = folder.appendingPathComponent("open.sps")
            try syntax.write(to: script, atomically: true, encoding: .utf8)
            let opened = try Program.run(
                "/bin/sh", ["-c", "cd \"$1\" && exec pspp -O format=txt -o - open.sps 2>&1", "sh", folder.path])
            #expect(opened.status == 0, "\(file.lastPathComponent): \(opened.stdout)")
            #expect(!opened.stdout.lowercased().contains("error"), "\(file.lastPathComponent): \(opened.stdout)")
            // Free text and identifying answers are not exported by default; every other variable is.
            let columns = instrument.variables.all.filter {
                $0.type != .text && !instrument.identifyingVariables.contains($0.id)
            }
            for id in columns.map({ $0.id }).prefix(8) {
                #expect(opened.stdout.contains(id), "PSPP does not list `\(id)` of \(file.lastPathComponent)")
            }
            // The export's own syntax, which reads its CSV, runs too.
            let spsRun = try Program.run(
                "/bin/sh",
                [
                    "-c", "cd \"$1\" && exec pspp -O format=txt -o - \"$2\" 2>&1", "sh", export.path,
                    "\(instrument.id).sps",
                ])
            #expect(spsRun.status == 0, "\(file.lastPathComponent): \(spsRun.stdout)")
        }
    }
}
