import Instrument
import Testing

/// Issue 13, item 9: identifying-ness flows through expressions. A calculation whose value
/// carries an identifying answer's content is itself identifying (sealed at capture, never
/// exported de-identified); routing, safeguards, scores, piping and the rules of other questions
/// may use an identifying answer only as `answered(x)`. The table is in docs/expressions.md.
struct IdentifyingExpressionTests {
    /// An instrument with identifying `full_name` (text) and `dob` (date), a plain `age`, and
    /// `extra` (YAML for more questions, indented as questions are).
    static func yaml(_ extra: String, scores: String = "", safeguards: String = "") -> String {
        """
        instrument: identifying
        version: 1
        title: Identifying
        consent:
          text: Hello.
          statements: [I agree.]
        support:
          text: Samaritans are free on 116 123.
        sections:
          - id: main
            title: Main
            questions:
              - id: full_name
                type: text
                identifying: true
                text: What is your full name?
              - id: dob
                type: date
                identifying: true
                text: When were you born?
              - id: age
                type: integer
                text: How old are you?
                range: [0, 120]
        \(extra)
        \(scores)
        \(safeguards)
        """
    }

    static func calculation(_ id: String, _ expression: String) -> String {
        "      - id: \(id)\n        type: calculate\n        expression: \(expression)\n"
    }

    static func load(_ text: String) -> InstrumentLoader.Result {
        InstrumentLoader.load(text: text, path: "identifying.yaml")
    }

    static func errors(_ text: String) -> [Diagnostic] { load(text).diagnostics.filter { $0.severity == .error } }

    @Test(arguments: [
        "full_name", "len(full_name)", "days_since(dob)", "years_since(dob)", "dob < date(\"2000-01-01\")",
        "full_name == \"Sam\"", "if(len(full_name) > 3, 1, 0)", "if(answered(full_name), full_name, \"none\")",
        "round(years_since(dob) / 10, 0) * 10", "max(age, years_since(dob))", "not (dob > today())",
    ])
    func aCalculationCarryingAnIdentifyingAnswerIsIdentifying(expression: String) throws {
        let result = Self.load(Self.yaml(Self.calculation("derived", expression)))
        let instrument = try #require(result.instrument, "\(result.diagnostics.map(\.message))")
        #expect(instrument.identifyingVariables.contains("derived"))
        #expect(instrument.variables["derived"]?.identifying == true)
    }

    @Test(arguments: [
        "answered(full_name)", "if(answered(dob), 1, 0)", "age + 1", "today()", "not answered(full_name) and age > 17",
    ])
    func aCalculationThatOnlyAsksWhetherItWasAnsweredIsNot(expression: String) throws {
        let result = Self.load(Self.yaml(Self.calculation("derived", expression)))
        let instrument = try #require(result.instrument, "\(result.diagnostics.map(\.message))")
        #expect(!instrument.identifyingVariables.contains("derived"))
    }

    @Test func identifyingNessFollowsAChainOfCalculationsInAnyOrder() throws {
        // `second` is written before the calculation it uses.
        let text = Self.yaml(
            Self.calculation("second", "first + 1") + Self.calculation("first", "years_since(dob)")
                + Self.calculation("third", "answered(first)"))
        let instrument = try #require(Self.load(text).instrument)
        #expect(instrument.identifyingVariables.isSuperset(of: ["first", "second"]))
        #expect(!instrument.identifyingVariables.contains("third"))
    }

    @Test func routingOnAnIdentifyingAnswerIsRefusedAtItsName() throws {
        let text = Self.yaml(
            """
                  - id: visits
                    type: integer
                    text: How many visits?
                    ask_if: age > 17 and len(full_name) > 3
            """)
        let found = try #require(Self.errors(text).first)
        #expect(
            found.message
                == "`ask_if` cannot use the identifying answer `full_name`: whether a question is asked is stored in plain text, so it would reveal part of that answer; only `answered(full_name)` may be used"
        )
        #expect(found.location?.line == 28 && found.location?.column == 34, "\(String(describing: found.location))")
        let allowed = Self.yaml(
            """
                  - id: visits
                    type: integer
                    text: How many visits?
                    ask_if: answered(full_name) and not answered(dob)
            """)
        #expect(Self.errors(allowed).isEmpty)
    }

    @Test func routingOnACalculationFromAnIdentifyingAnswerIsRefused() {
        let text = Self.yaml(
            Self.calculation("adult", "years_since(dob) >= 18") + """
                      - id: visits
                        type: integer
                        text: How many visits?
                        ask_if: adult
                """)
        #expect(
            Self.errors(text).map(\.message) == [
                "`ask_if` cannot use `adult`, which is calculated from an identifying answer: whether a question is asked is stored in plain text, so it would reveal part of that answer; only `answered(adult)` may be used"
            ])
    }

    @Test func aRuleOfAnIdentifyingQuestionMayUseItButARuleOfAnotherMayNot() {
        let own = Self.yaml(
            """
                  - id: email
                    type: text
                    identifying: true
                    text: Your email?
                    check: {if: len(email) < 5, message: That is too short for an email address.}
                    warn: {if: email == full_name, message: Is that your name rather than your email?}
            """)
        #expect(Self.errors(own).isEmpty, "\(Self.errors(own).map(\.message))")
        let other = Self.yaml(
            """
                  - id: visits
                    type: integer
                    text: How many visits?
                    range: [0, 60]
                    check: {if: visits > years_since(dob), message: More than one a year?}
            """)
        #expect(
            Self.errors(other).map(\.message) == [
                "a check cannot use the identifying answer `dob`: the plain answer to `visits` would have to agree with it, and so reveal part of it; only `answered(dob)` may be used"
            ])
    }

    @Test func aSafeguardOnAnIdentifyingAnswerIsRefused() {
        let text = Self.yaml(
            "",
            safeguards: """
                safeguards:
                  - id: young
                    when: years_since(dob) < 18
                    script: Check the consent of a parent.
                """)
        #expect(
            Self.errors(text).first?.message.hasPrefix("a safeguard's `when` cannot use the identifying answer `dob`")
                == true)
    }

    @Test func aScoreOfAnIdentifyingCalculationIsRefused() {
        let text = Self.yaml(
            Self.calculation("years", "years_since(dob)"),
            scores: """
                scores:
                  - id: total
                    items: [age, years]
                    method: sum
                """)
        #expect(
            Self.errors(text).map(\.message) == [
                "the score `total` cannot include `years`, which is calculated from an identifying answer: scores are stored and exported in plain text"
            ])
    }

    @Test func pipingAnIdentifyingAnswerIsRefused() {
        let text = Self.yaml(
            """
                  - id: visits
                    type: integer
                    text: Thank you {full_name}. How many visits?
            """)
        let found = Self.errors(text)
        #expect(
            found.map(\.message) == [
                "in the wording of `visits`: the identifying answer `full_name` cannot be shown; it is sealed when it is given, so that it never appears on a screen or in a file again"
            ])
        #expect(found.first?.location?.column == 26)
    }
}
