import Instrument
import Testing

/// `after:` makes a safeguard wait for a question, grid or score; `check` warns when a safeguard
/// on a score can fire before the score's last item, and names a wrong `after:` with a
/// suggestion.
struct SafeguardAfterTests {
    static let questions = """
              - {id: a, type: integer, text: A?, range: [0, 3]}
              - {id: b, type: integer, text: B?, range: [0, 3]}
              - {id: c, type: integer, text: C?, range: [0, 3]}
        """

    private func load(safeguards: String) -> InstrumentLoader.Result {
        InstrumentTests.load(instrument(Self.questions, extra: """
            scores:
              - {id: total, items: [a, b, c], method: sum, min_answered: 2}
            safeguards:
            \(safeguards)
            """))
    }

    private func warnings(_ result: InstrumentLoader.Result) -> [String] {
        result.diagnostics.filter { $0.severity == .warning }.map(\.message)
    }

    @Test func aScoreSafeguardThatCanFireEarlyIsAWarning() {
        let result = load(safeguards: "  - {id: high, when: total >= 6, script: Ask how they are.}")
        #expect(errors(result).isEmpty)
        #expect(warnings(result).contains {
            $0.contains("the safeguard `high` can fire before `c`, the last item of the score `total`") && $0.contains("add `after: total`")
        }, "\(warnings(result))")
    }

    @Test func waitingForTheScoreSilencesTheWarning() {
        let result = load(safeguards: "  - {id: high, when: total >= 6, after: total, script: Ask how they are.}")
        #expect(errors(result).isEmpty)
        #expect(!warnings(result).contains { $0.contains("can fire before") })
        #expect(result.instrument?.safeguards.first?.after == "total")
        #expect(result.instrument?.variablesAwaited(by: "total") == ["a", "b", "c"])
    }

    @Test func anAfterThatNamesNothingIsAnErrorWithASuggestion() {
        let result = load(safeguards: "  - {id: high, when: total >= 6, after: totl, script: Ask how they are.}")
        #expect(errors(result).contains { $0.contains("waits for `totl`, which is not a question, grid or score; did you mean `total`?") },
            "\(errors(result))")
    }
}
