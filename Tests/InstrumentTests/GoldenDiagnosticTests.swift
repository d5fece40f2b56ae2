import Foundation
import Instrument
import Testing

/// Two broken instruments with every kind of mistake `check` must find, all of them reported
/// (not only the first), each located, compared with a golden file of the rendered output.
struct GoldenDiagnosticTests {
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/InstrumentTests/Fixtures")

    private func loadFixture(_ name: String) throws -> InstrumentLoader.Result {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
        return InstrumentLoader.load(text: text, path: name)
    }

    @Test func renderedOutputMatchesTheGoldenFile() throws {
        var rendered = ""
        var all: [Diagnostic] = []
        var sources: [String: SourceFile] = [:]
        for name in ["broken.yaml", "b2.yaml"] {
            let result = try loadFixture(name)
            all += result.diagnostics
            sources[name] = result.source
        }
        rendered = DiagnosticRenderer(sources: sources, colour: false).render(all)
        let golden = try String(contentsOf: Self.fixtures.appendingPathComponent("check.expected.txt"), encoding: .utf8)
        // The golden file ends with the command's summary line, which the renderer does not print.
        let expected = golden.split(separator: "\n", omittingEmptySubsequences: false).dropLast(2).joined(separator: "\n") + "\n"
        #expect(rendered == expected)
    }

    @Test func everyKindOfMistakeIsFoundAndLocated() throws {
        let found = errors(try loadFixture("broken.yaml")) + errors(try loadFixture("b2.yaml"))
        let expected = [
            "4:1 unknown key `lables` in the instrument",
            "26:18 there is no option set `yes_noo`; did you mean `yes_no`?",
            "29:15 the wording of `later_q` has no version in `cy`",
            "30:17 there is no variable `agee`; did you mean `age`?",
            "30:50 `has` needs a multiple-choice question on its left, but `age` is a whole number",
            "30:59 `next_q` is asked later (line 32)",
            "35:9 `age` is used twice (first at line 19)",
            "41:17 `never` can never be asked",
            "44:21 calculations form a cycle: `c1` -> `c2` -> `c1`",
            "48:13 `1bad` is not a valid question id",
            "51:9 the variable name `with` is a reserved word in SPSS or Stata",
            "58:5 the score `total` needs numeric items, but `long` is text",
            "15:14 option code 97 is also the missing code for `refused`",
            "16:14 the code 1 is used twice in `services` (first at line 14)",
            "16:23 the name `dropin` is used twice in `services`",
            "20:17 `services` is a multiple-choice answer and cannot be compared with `>`",
            "20:46 `warmline` is not an option of `services`",
        ]
        for phrase in expected {
            #expect(found.contains { $0.hasPrefix(phrase) }, "missing: \(phrase)")
        }
        #expect(found.count == 21)
    }

    @Test func readabilityIsAWarningNotAnError() throws {
        let result = try loadFixture("broken.yaml")
        let warning = result.diagnostics.first { $0.message.contains("has 35 words") }
        #expect(warning?.severity == .warning)
        #expect(warning?.location?.line == 56)
    }

    @Test func theTextFormHasTheSourceLineAndACaret() throws {
        let result = try loadFixture("broken.yaml")
        let diagnostic = try #require(result.diagnostics.first { $0.message.contains("agee") })
        let text = DiagnosticRenderer(sources: ["broken.yaml": result.source!]).render(diagnostic)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "broken.yaml:30:17: error: there is no variable `agee`; did you mean `age`?")
        #expect(lines[1].hasSuffix("ask_if: agee > 20 or services > 2 or age has 3 or next_q == 1"))
        // The caret sits under the `a` of `agee`.
        let caretColumn = lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) }
        let wordColumn = lines[1].range(of: "agee").map { lines[1].distance(from: lines[1].startIndex, to: $0.lowerBound) }
        #expect(caretColumn != nil && caretColumn == wordColumn)
    }

    @Test func theJSONFormCarriesTheSameDiagnostics() throws {
        let result = try loadFixture("b2.yaml")
        let json = DiagnosticRenderer.json(result.diagnostics)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let list = try #require(object?["diagnostics"] as? [[String: Any]])
        #expect(list.count == result.diagnostics.count)
        #expect(list.contains { $0["line"] as? Int == 15 && $0["column"] as? Int == 14 && $0["severity"] as? String == "error" })
    }
}
