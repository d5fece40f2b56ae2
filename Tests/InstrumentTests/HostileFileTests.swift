import Foundation
import Instrument
import Testing

/// Every kind of bad file gets a located error, quickly, never a crash or a hang.
struct HostileFileTests {
    private func read(_ bytes: [UInt8]) -> (InstrumentLoader.Result, Duration) {
        let clock = ContinuousClock()
        var result: InstrumentLoader.Result?
        let elapsed = clock.measure { result = InstrumentLoader.load(bytes: bytes, path: "bad.yaml") }
        return (result!, elapsed)
    }

    private func expectError(_ text: String, at line: Int, _ column: Int, containing phrase: String) {
        let (result, _) = read(Array(text.utf8))
        let first = result.diagnostics.first { $0.severity == .error }
        #expect(first?.location?.line == line && first?.location?.column == column, "\(String(describing: first))")
        #expect(first?.message.contains(phrase) == true, "\(String(describing: first?.message))")
        #expect(result.instrument == nil)
    }

    @Test func emptyFile() {
        expectError("", at: 1, 1, containing: "the file is empty")
        expectError("  \n\n", at: 1, 1, containing: "the file is empty")
    }

    @Test func notYAML() {
        expectError("instrument: [unclosed\nversion: 1\n", at: 2, 8, containing: "YAML syntax")
    }

    @Test func topLevelListOrScalar() {
        expectError("- a\n- b\n", at: 1, 1, containing: "holds a list")
        expectError("just words\n", at: 1, 1, containing: "holds a single value")
    }

    @Test func tabsForIndentation() {
        expectError("instrument: t\nsections:\n\t- id: s\n", at: 3, 1, containing: "tab")
    }

    @Test func duplicateKeysAreLocatedAtTheSecond() {
        expectError("instrument: t\nversion: 1\ntitle: T\nversion: 2\n", at: 4, 1, containing: "appears twice")
    }

    @Test func tenMegabytesIsRefusedOnSize() {
        let big = [UInt8](repeating: UInt8(ascii: "#"), count: 10 * 1_048_576)
        let (result, elapsed) = read(big)
        #expect(result.diagnostics.first?.message.contains("10.0 MB") == true)
        #expect(elapsed < .seconds(1))
    }

    @Test func deepNesting() {
        let text = "instrument: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n"
        let (result, _) = read(Array(text.utf8))
        #expect(result.diagnostics.contains { $0.severity == .error && $0.message.contains("nested more than") })
        #expect(result.diagnostics.first?.location?.line == 1)
    }

    /// "Billion laughs": nine levels of ten aliases.
    static func aliasBomb(asKey: Bool) -> String {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            let previous = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ",")
            lines.append("a\(level): &a\(level) [\(previous)]")
        }
        lines.append(asKey ? "boom: {*a9 : 1}" : "instrument: *a9")
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: [false, true])
    func aliasBombIsRefusedQuickly(asKey: Bool) {
        let (result, elapsed) = read(Array(Self.aliasBomb(asKey: asKey).utf8))
        let first = result.diagnostics.first
        #expect(first?.message.contains("alias bomb") == true, "\(String(describing: first?.message))")
        #expect(first?.location?.line ?? 0 > 1)
        #expect(elapsed < .seconds(1), "took \(elapsed)")
    }

    @Test func aCollectionUsedAsAKey() {
        expectError("instrument: t\n? [a, b]\n: 1\n", at: 2, 3, containing: "a key must be a single word")
    }

    @Test func bytesThatAreNotUTF8AreLocated() {
        var bytes = Array("instrument: t\ntitle: Caf".utf8)
        bytes.append(0xE9)  // Latin-1 é
        bytes += Array("\n".utf8)
        let (result, _) = read(bytes)
        let first = result.diagnostics.first
        #expect(first?.location?.line == 2 && first?.location?.column == 11)
        #expect(first?.message.contains("0xE9") == true && first?.message.contains("UTF-8") == true)
    }

    @Test func unbalancedParenthesesInAnExpression() {
        let text = instrument("""
                  - id: q
                    type: text
                    text: Q
                    ask_if: (true and (false)
            """)
        let found = errors(load(text))
        #expect(found.contains { $0.contains("is not closed") }, "\(found)")
    }

    @Test func tenThousandNestedParenthesesDoNotOverflowTheStack() {
        let deep = String(repeating: "(", count: 10_000) + "true" + String(repeating: ")", count: 10_000)
        let text = instrument("""
                  - id: q
                    type: text
                    text: Q
                    ask_if: "\(deep)"
            """)
        let found = errors(load(text))
        #expect(found.contains { $0.contains("nested more than 64 levels") }, "\(found.prefix(3))")
    }
}
