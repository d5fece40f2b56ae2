import Foundation
import Instrument
import Testing

/// Where the refusals of hostile files point, and that they come quickly: the size limit on a
/// file read from disk, nesting too deep, an alias bomb, an alias used as a key.
struct HostileFileLocationTests {
    private func firstError(_ text: String) -> (message: String, position: String, elapsed: Duration) {
        let clock = ContinuousClock()
        var result: InstrumentLoader.Result?
        let elapsed = clock.measure { result = InstrumentLoader.load(text: text, path: "hostile.yaml") }
        let first = result?.diagnostics.first { $0.severity == .error }
        return (first?.message ?? "(none)", first?.location.map { "\($0.line):\($0.column)" } ?? "-", elapsed)
    }

    @Test func aTenMegabyteFileOnDiskIsRefusedOnItsSizeAtTheStart() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString).yaml")
        try Data(repeating: UInt8(ascii: "a"), count: 10 * 1_048_576).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let clock = ContinuousClock()
        var result: InstrumentLoader.Result?
        let elapsed = try clock.measure { result = try InstrumentLoader.load(path: url.path) }
        let diagnostics = try #require(result?.diagnostics)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "the file is 10.0 MB; an instrument may be at most 4 MB")
        #expect(diagnostics.first?.location == SourceLocation(file: url.path, line: 1, column: 1))
        #expect(elapsed < .seconds(1), "took \(elapsed)")
    }

    @Test func fiveThousandOpeningBracketsOnOneLineAreRefusedOnThatLine() {
        let found = firstError("sections: " + String(repeating: "[", count: 5_000) + "\n")
        #expect(found.message == "the YAML is nested more than 1,000 levels deep")
        // libyaml counts the levels its scanner has read, and on one line the scanner reads up to
        // 1,024 characters ahead (looking for a key's `:`), so it stops at the second bracket.
        #expect(found.position == "1:12")
        #expect(found.elapsed < .seconds(1), "took \(found.elapsed)")
    }

    @Test func fiveThousandOpeningBracketsOnTheirOwnLinesAreRefusedNearTheThousandth() {
        let found = firstError("sections: [\n" + String(repeating: " [\n", count: 4_999))
        #expect(found.message == "the YAML is nested more than 1,000 levels deep")
        // Bracket n is on line n. The mapping and the scanner's look-ahead of a line or so
        // account for the last few levels.
        #expect(found.position == "998:2")
        #expect(found.elapsed < .seconds(1), "took \(found.elapsed)")
    }

    /// Nine levels of ten aliases: 10^9 nodes once expanded, in a few hundred bytes.
    private static func bomb(levels: Int = 9) -> String {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...levels {
            lines.append(
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func anAliasBombIsRefusedWhereItPassesTheLimit() {
        let found = firstError(Self.bomb() + "instrument: *a9\n")
        #expect(
            found.message.hasPrefix("the file expands to more than 1,000,000 YAML nodes, counting each use of an alias")
        )
        // Each `*a4` expands to 111,111 nodes and the lines before `a5` hold about 123,000, so the
        // eighth alias of `a5` (line 6) passes 1,000,000.
        #expect(found.position == "6:45")
        #expect(found.elapsed < .seconds(1), "took \(found.elapsed)")
    }

    @Test func aSmallAliasToAListUsedAsAKeyIsRefusedAtTheKey() {
        let found = firstError(Self.bomb(levels: 3) + "instrument: t\nboom: {*a3 : 1}\n")
        #expect(found.message == "a key must be a single word or text, not a list, a mapping or an alias to one")
        #expect(found.position == "6:8")
        #expect(found.elapsed < .seconds(1), "took \(found.elapsed)")
    }

    @Test func anAliasToAWordIsAFineKey() {
        let result = InstrumentLoader.load(text: "word: &w title\n*w : Hello\n", path: "alias.yaml")
        #expect(!result.diagnostics.contains { $0.message.contains("a key must be") })
        #expect(result.diagnostics.contains { $0.message.hasPrefix("unknown key `word`") })
    }
}
