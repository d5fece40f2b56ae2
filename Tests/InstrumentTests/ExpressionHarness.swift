import Instrument
import Testing

/// Binds and evaluates one expression inside a small instrument that has a variable of every
/// type, so that tests see what an instrument author sees: the loader's errors and the values
/// the engine would compute.
enum ExpressionHarness {
    /// The line of the expression in the file, by place.
    static func line(_ place: Place) -> Int { place == .calculation ? 59 : 60 }

    /// The day `today()` returns.
    static let today = Day(year: 2026, month: 3, day: 15)!

    /// Where an expression is written: a calculation (any type) or an `ask_if` (a condition).
    enum Place {
        case calculation, askIf
    }

    /// The instrument, with `expression` as the calculation `result` or the `ask_if` of `last`.
    /// The expression is written as a literal block; its first character is at column 11 of line
    /// 59 (a calculation) or line 60 (an `ask_if`).
    static func yaml(_ expression: String, in place: Place) -> String {
        let tail: String
        switch place {
        case .calculation:
            tail = """
                      - id: result
                        type: calculate
                        expression: |-
                          \(expression)
                """
        case .askIf:
            tail = """
                      - id: result
                        type: text
                        text: The last question.
                        ask_if: |-
                          \(expression)
                """
        }
        return """
            instrument: expressions
            version: 1
            title: Expressions
            consent:
              text: Hello.
              statements: [I agree.]
            support:
              text: Samaritans are free on 116 123.
            sections:
              - id: main
                title: Main
                questions:
                  - id: age
                    type: integer
                    text: How old are you?
                    range: [0, 120]
                  - id: height
                    type: decimal
                    text: How tall are you, in metres?
                    range: [0.5, 2.5]
                  - id: name
                    type: text
                    text: What is your name?
                  - id: born
                    type: date
                    text: When were you born?
                  - id: gender
                    type: single
                    text: How do you describe your gender?
                    options:
                      - {code: 1, name: woman, label: A woman}
                      - {code: 2, name: man, label: A man}
                      - {code: 97, name: other, label: In another way}
                  - id: services
                    type: multiple
                    text: Which services have you used?
                    options:
                      - {code: 1, name: dropin, label: Drop-in}
                      - {code: 2, name: warmline, label: Warmline}
                      - {code: 3, name: groups, label: Groups}
                      - {code: 98, name: none, label: None of these, exclusive: true}
                  - id: adult
                    type: calculate
                    expression: age >= 18
                  - id: visits
                    type: integer
                    text: How many visits?
                    range: [0, 60]
                  - id: calls
                    type: integer
                    text: How many calls?
                    range: [0, 60]
                  - id: spare
                    type: text
                    text: Anything else?
            \(tail)
            """
    }

    /// Loads the instrument around `expression`.
    static func load(_ expression: String, in place: Place = .calculation) -> InstrumentLoader.Result {
        InstrumentLoader.load(text: yaml(expression, in: place), path: "expressions.yaml")
    }

    /// The error messages the loader gives for `expression`.
    static func errors(_ expression: String, in place: Place = .calculation) -> [String] {
        load(expression, in: place).diagnostics.filter { $0.severity == .error }.map(\.message)
    }

    /// The one error for `expression`, with its `line:column`; records an issue unless there is exactly one.
    static func error(
        _ expression: String, in place: Place = .calculation, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> (message: String, position: String)? {
        let found = load(expression, in: place).diagnostics.filter { $0.severity == .error }
        guard found.count == 1, let first = found.first, let location = first.location else {
            Issue.record(
                "expected one error for `\(expression)`, found \(found.map(\.message))", sourceLocation: sourceLocation)
            return nil
        }
        return (first.message, "\(location.line):\(location.column)")
    }

    /// The value of `expression` as the calculation `result`, with the variables holding `values`
    /// (a variable absent from `values` is missing). Records an issue if the expression has errors.
    static func evaluate(
        _ expression: String, _ values: [String: Value] = [:], sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> Value? {
        let result = load(expression)
        guard let instrument = result.instrument,
            let question = instrument.allQuestions.first(where: { $0.question.id == "result" })?.question,
            case .calculate(let calculation) = question.kind, let bound = calculation.bound
        else {
            let messages = result.diagnostics.filter { $0.severity == .error }.map(\.message)
            Issue.record("`\(expression)` does not check: \(messages)", sourceLocation: sourceLocation)
            return nil
        }
        return Evaluator(today: today).evaluate(bound) { index in values[instrument.variables.all[index].id] }
    }

    /// A date value.
    static func date(_ text: String) -> Value { .date(Day(iso: text)!) }
}
