import Foundation
import Testing

/// Whole numbers beyond 2^53 - 1, which a Double (and every export format's number) cannot
/// hold exactly.
struct IntegerLimitTests {
    /// Issue 13, item 8: an integer answer of 2^53 + 1 was stored (and exported) as the
    /// floating-point 2^53. It is refused; 2^53 - 1 is stored exactly, as an integer.
    @Test func integerAnswersBeyondTwoToThe53AreRefused() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let instrument = try StoreFixtures.instrument(in: directory, count: 1, range: nil)
        let result = try Runner.run(
            ["interview", instrument, "--db", "study.sqlite", "--interviewer", "PR01"],
            input: "fine\n9007199254740993\n9007199254740991\ndone\n", directory: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Please give a whole number from -9007199254740991 to 9007199254740991."))
        let path = directory.appendingPathComponent("study.sqlite").path
        let type: String? = try StoreFixtures.scalar(
            path, "SELECT typeof(value) FROM answer WHERE typeof(value) <> 'text'")
        let value: Int64? = try StoreFixtures.scalar(path, "SELECT value FROM answer WHERE typeof(value) <> 'text'")
        #expect(type == "integer" && value == 9_007_199_254_740_991)
    }

    /// Issue 13, item 8: a `range` beyond 2^53 - 1 on an integer question is a located error.
    @Test func anIntegerRangeBeyondTwoToThe53IsALocatedError() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let instrument = try StoreFixtures.instrument(in: directory, count: 1, range: "[0, 10000000000000000000]")
        let result = try Runner.run(["check", instrument], directory: directory)
        #expect(result.status == 65)
        #expect(
            result.stdout.contains("crash.yaml:14:16: error: the range of an integer question must lie within"),
            "\(result.stdout)")
    }
}
