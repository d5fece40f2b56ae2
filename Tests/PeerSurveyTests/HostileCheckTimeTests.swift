import Foundation
import Testing

/// Issue 13, item 15 and two of its kind: hostile files that made `check` quadratic or worse.
/// Each runs the built binary with a time limit; the figures before and after are in
/// docs/instrument-format.md (Limits), measured with `scripts/hostile-instrument.py`.
struct HostileCheckTimeTests {
    /// 16,000 misspelt names among 16,000 variables: each error looked for a "did you mean" among
    /// every variable, so `check` was quadratic (a debug build took 121 s for 8,000 and 1,070 s
    /// for 16,000). Suggestions now come from a per-file allowance of comparisons.
    @Test func sixteenThousandMisspeltNamesAreCheckedInLinearTime() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Hostile.write(Hostile.nearMisses(16_000), "near.yaml", in: directory)
        let start = Date()
        let result = try Runner.run(["check", path], timeout: 60)
        let elapsed = Date().timeIntervalSince(start)
        #expect(result.status == 65, "status \(result.status) after \(elapsed) s")
        #expect(result.stdout.contains("16000 errors"), "\(result.stdout.suffix(200))")
        // Every error is reported; the first ones still have their suggestion.
        #expect(result.stdout.contains("there is no variable `w0`; did you mean `v0`?"))
        #expect(result.stdout.contains("there is no variable `w15999`"))
        #expect(elapsed < 30, "took \(elapsed) s")
    }

    /// 20,000 invalid language codes on one 140,000-character line: each diagnostic quoted the
    /// whole line, so rendering was quadratic (over 300 s). A window around the column is quoted.
    @Test func manyErrorsOnOneLongLineAreRenderedInLinearTime() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Hostile.write(
            Hostile.languages(20_000, valid: false, questions: 10), "codes.yaml", in: directory)
        let start = Date()
        let result = try Runner.run(["check", path], timeout: 60)
        let elapsed = Date().timeIntervalSince(start)
        #expect(result.status == 65, "status \(result.status) after \(elapsed) s")
        #expect(result.stdout.contains("20000 errors"), "\(result.stdout.suffix(200))")
        // The quoted line is a window with "..." at either end, and the caret under the code.
        let lines = result.stdout.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains("`l10000` is not a valid language code") })
        #expect(lines[index + 1].hasPrefix("    ...") && lines[index + 1].hasSuffix("..."))
        #expect(lines[index + 1].count < 420)
        let caret = try #require(lines[index + 2].firstIndex(of: "^"))
        let column = lines[index + 2].distance(from: lines[index + 2].startIndex, to: caret)
        #expect(Array(lines[index + 1])[column...].starts(with: "l10000"), "\(lines[index + 1])")
        #expect(elapsed < 30, "took \(elapsed) s")
    }

    /// 15,000 declared languages and 30,000 texts made 450 million translations to check (over
    /// 120 s); an instrument may declare at most 50.
    @Test func fifteenThousandLanguagesAreRefusedAtTheFiftyFirst() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Hostile.write(
            Hostile.languages(15_000, valid: true, questions: 3_000), "languages.yaml", in: directory)
        let start = Date()
        let result = try Runner.run(["check", path], timeout: 60)
        let elapsed = Date().timeIntervalSince(start)
        #expect(result.status == 65, "status \(result.status) after \(elapsed) s")
        // `aby` is the 51st code: after `aaa` ... `aaz` (26) and `aba` ... `abx` (24).
        #expect(result.stdout.contains("error: an instrument may have at most 50 languages; this is one more"))
        let line = try #require(
            result.stdout.components(separatedBy: "\n").first { $0.contains("at most 50 languages") })
        #expect(line.contains(":4:\(12 + 50 * 5 + 1): error"), "\(line)")
        #expect(elapsed < 30, "took \(elapsed) s")
    }
}
