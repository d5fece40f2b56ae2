import Instrument
import Interview
import Testing

/// `peersurvey test` must fail a case that describes an interview that cannot happen or whose
/// expectations are wrong, and say why; otherwise an instrument's tests would pass whatever it does.
struct TestRunnerTests {
    static let instrument = """
        instrument: runner
        version: 1
        title: Runner
        consent: {text: Hello., statements: [I agree.]}
        support: {text: Samaritans are free on 116 123.}
        sections:
          - id: main
            title: Main
            questions:
              - id: smokes
                type: single
                text: Do you smoke?
                options:
                  - {code: 1, name: "yes", label: "Yes"}
                  - {code: 2, name: "no", label: "No"}
              - id: per_day
                type: integer
                ask_if: smokes == yes
                text: How many a day?
                range: [1, 100]
                check: {if: per_day > 60, message: That is more than three packs a day.}
              - id: nickname
                type: text
                text: What shall we call you?
                allow: []
        safeguards:
          - id: heavy
            when: per_day >= 40
            script: Offer the stop-smoking leaflet.
        tests:

        """

    /// The failures of the one case `yaml` describes (indented as an item of `tests:`).
    private func failures(_ yaml: String) throws -> [String] {
        let loaded = try inline(Self.instrument + yaml)
        let results = TestRunner.run(loaded, today: testDay)
        try #require(results.count == 1)
        return results[0].failures
    }

    @Test func aCaseThatHoldsPasses() throws {
        let found = try failures(
            """
              - name: heavy smoker
                answers: {smokes: "yes", per_day: 45, nickname: Jo}
                expect:
                  asked: [per_day]
                  values: {per_day: 45, nickname: Jo}
                  safeguards: [heavy]
            """)
        #expect(found == [])
    }

    @Test func answeringAQuestionThatIsNeverAskedFails() throws {
        let found = try failures(
            """
              - name: non-smoker with a count
                answers: {smokes: "no", per_day: 5, nickname: Jo}
                expect: {skipped: [per_day]}
            """)
        #expect(found == ["the case answers `per_day` (line 32), but `per_day` is never asked on this route"])
    }

    @Test func anAnswerThatFailsACheckFails() throws {
        let found = try failures(
            """
              - name: too many
                answers: {smokes: "yes", per_day: 80, nickname: Jo}
                expect: {asked: [per_day]}
            """)
        #expect(found.first == "the answer to `per_day` (80) is not accepted: That is more than three packs a day.")
    }

    @Test func aRequiredQuestionWithoutAnAnswerFails() throws {
        let found = try failures(
            """
              - name: no nickname
                answers: {smokes: "no"}
                expect: {skipped: [per_day]}
            """)
        #expect(found == ["`nickname` is asked and needs an answer, but the case gives none"])
    }

    @Test func wrongRoutingExpectationsFail() throws {
        let found = try failures(
            """
              - name: wrong way round
                answers: {smokes: "yes", per_day: 10, nickname: Jo}
                expect: {skipped: [per_day], values: {smokes: "no"}}
            """)
        #expect(found.contains("expected `per_day` to be skipped, but it was asked (answer: 10)"))
        #expect(found.contains("`smokes`: expected no, got yes"))
        #expect(found.count == 2)
    }

    @Test func safeguardsMustMatchExactly() throws {
        let missing = try failures(
            """
              - name: expects a safeguard that does not fire
                answers: {smokes: "yes", per_day: 10, nickname: Jo}
                expect: {safeguards: [heavy]}
            """)
        #expect(missing == ["safeguards: expected `heavy`, fired none"])
        let unexpected = try failures(
            """
              - name: expects none
                answers: {smokes: "yes", per_day: 50, nickname: Jo}
                expect: {safeguards: []}
            """)
        #expect(unexpected == ["safeguards: expected none, fired `heavy`"])
    }

    @Test func aCaseThatNamesAnUnknownVariableIsAnErrorWhenLoading() {
        let result = InstrumentLoader.load(
            text: Self.instrument + """
                  - name: typo
                    answers: {smoke: "yes"}
                    expect: {asked: [per_dya]}
                """, path: "runner.yaml")
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(
            errors.map(\.message) == [
                "there is no variable `smoke`; did you mean `smokes`?",
                "there is no variable `per_dya`; did you mean `per_day`?",
            ])
        #expect(errors.map { $0.location.map { "\($0.line):\($0.column)" } } == ["32:15", "33:22"])
    }
}
