import Instrument
import Testing

/// Variable names must work in SPSS, Stata and R (docs/instrument-format.md, "Names"): each bad
/// name is an error at its question (line 10, column 9 here), with the rule it breaks.
struct VariableNameTests {
    private func errors(_ questions: String) -> [String] {
        let yaml = """
            instrument: names
            version: 1
            title: Names
            consent: {text: Hello., statements: [I agree.]}
            support: {text: Samaritans are free on 116 123.}
            sections:
              - id: main
                title: Main
                questions:

            """ + questions
        let result = InstrumentLoader.load(text: yaml, path: "names.yaml")
        return result.diagnostics.filter { $0.severity == .error }.map {
            "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.message)"
        }
    }

    private func text(_ id: String) -> String {
        """
              - id: \(id)
                type: text
                text: A question.
        """
    }

    @Test(arguments: [
        (
            "a_variable_name_with_thirty_six_chrs",
            "10:9 the variable name `a_variable_name_with_thirty_six_chrs` is 36 characters long; SPSS and Stata take at most 32"
        ),
        ("with", "10:9 the variable name `with` is a reserved word in SPSS or Stata; choose another name"),
        ("AND", "10:9 the variable name `AND` is a reserved word in SPSS or Stata; choose another name"),
        ("str12", "10:9 the variable name `str12` is a Stata type name; choose another name"),
        (
            "ps_month",
            "10:9 the variable name `ps_month` starts with `ps_`, which is kept for peersurvey's own export columns"
        ),
        (
            "1st_visit",
            "10:13 `1st_visit` is not a valid question id: use letters, digits and underscores, starting with a letter"
        ),
        (
            "visit-count",
            "10:13 `visit-count` is not a valid question id: use letters, digits and underscores, starting with a letter"
        ),
    ])
    func aBadNameIsAnError(id: String, expected: String) {
        #expect(errors(text(id)) == [expected])
    }

    @Test func thirtyTwoCharactersAreAllowed() {
        #expect(errors(text(String(repeating: "a", count: 32))) == [])
    }

    @Test func namesDifferingOnlyInCaseCollide() {
        #expect(
            errors(text("Mood") + "\n" + text("mood")) == [
                "13:9 `mood` and `Mood` are used twice (first at line 10); every variable needs its own name, and case does not count"
            ])
    }

    @Test func aMultipleChoiceMustLeaveRoomForItsOptionColumns() {
        let id = String(repeating: "s", count: 30)
        let found = errors(
            """
                  - id: \(id)
                    type: multiple
                    text: Which?
                    options:
                      - {code: 1, name: a, label: A}
                      - {code: 97, name: other, label: Other, specify: Say which.}
                      - {code: 98, name: none, label: None, exclusive: true}
            """)
        #expect(
            found.contains(
                "15:13 the column `\(id)_97` for option 97 would be longer than 32 characters; shorten the id `\(id)`"))
        #expect(found.contains { $0.hasPrefix("15:13 the variable name `\(id)_97_text` is 38 characters long") })
    }
}
