import Foundation
import Instrument
import Interview
import Testing

/// Every bundled instrument loads without errors, and every case under its `tests:` passes when
/// run through the same engine the interviewer uses.
struct BundledInstrumentCaseTests {
    @Test(arguments: bundledInstrumentPaths)
    func everyCasePasses(path: String) throws {
        let result = try InstrumentLoader.load(path: path)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { "\($0.location?.description ?? path): \($0.message)" })")
        let instrument = try #require(result.instrument)
        #expect(!instrument.tests.isEmpty, "\(path) has no test cases")
        for outcome in TestRunner.run(instrument, today: testDay) {
            #expect(outcome.passed, "\(outcome.name) (line \(outcome.location.line)): \(outcome.failures)")
        }
    }

    @Test func thereAreThreeBundledInstruments() {
        // Guards the test above against finding no files (a wrong path would make it pass vacuously).
        #expect(
            bundledInstrumentPaths.map { URL(fileURLWithPath: $0).lastPathComponent } == [
                "peer-support-experience.yaml", "recovery-college-outcomes.yaml", "warmline-follow-up.yaml",
            ])
    }
}
