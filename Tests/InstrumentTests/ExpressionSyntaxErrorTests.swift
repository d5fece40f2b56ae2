import Instrument
import Testing

/// Expressions that do not parse: each is reported once, with a message that says what to do, at
/// the line and column of the offending character in the file. The expression is written at
/// column 11, so a problem at offset n inside it is at column 11 + n.
struct ExpressionSyntaxErrorTests {
    private static let line = ExpressionHarness.line(.askIf)

    @Test(arguments: [
        ("(age > 3", 11, "this `(` is not closed; add a `)`"),
        ("age > 3)", 18, "this `)` has no matching `(`"),
        ("max(age, calls > 3", 11, "this `max(` is not closed; add a `)`"),
        ("age in [1, 2", 18, "this `[` is not closed; add a `]`"),
        ("age >", 16, "the expression ends too soon; a value is missing"),
        ("age > > 3", 17, "expected a value, but found `>`"),
        ("age 3 > 1", 15, "did not expect the number `3` after a complete expression; is an `and` or `or` missing?"),
        ("1 < age < 5", 19, "comparisons do not chain; write `x > 1 and x < 5` instead of `1 < x < 5`"),
        ("age > 3 && age < 9", 19, "use `and` instead of `&&`"),
        ("age > 3 || age < 9", 19, "use `or` instead of `||`"),
        ("!answered(age)", 11, "use `not` instead of `!`"),
        ("age <> 3", 15, "use `!=` for \"not equal\""),
        ("age =< 3", 15, "use `<=` for \"at most\""),
        ("age => 3", 15, "use `>=` for \"at least\""),
        ("name == \"Sam", 19, "this text is not closed; end it with \""),
        ("3age > 1", 11, "a name cannot start with a digit"),
        ("age # 3", 15, "unexpected character `#` in an expression"),
    ])
    func aSyntaxErrorIsLocated(expression: String, column: Int, message: String) {
        let found = ExpressionHarness.error(expression, in: .askIf)
        #expect(found?.message == "in `ask_if`: \(message)", "\(expression)")
        #expect(found?.position == "\(Self.line):\(column)", "\(expression)")
    }

    @Test func tenThousandNestedParenthesesAreTooDeepNotAStackOverflow() {
        let deep = String(repeating: "(", count: 10_000) + "age > 1" + String(repeating: ")", count: 10_000)
        let clock = ContinuousClock()
        var found: (message: String, position: String)?
        let elapsed = clock.measure { found = ExpressionHarness.error(deep, in: .askIf) }
        #expect(
            found?.message
                == "in `ask_if`: the expression is nested more than 64 levels deep; split it into calculations")
        // At the 65th `(`.
        #expect(found?.position == "\(Self.line):\(11 + 64)")
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }

    @Test(arguments: [
        String(repeating: "not ", count: 10_000) + "true", String(repeating: "- ", count: 10_000) + "1 > 0",
    ])
    func tenThousandPrefixOperatorsAreTooDeep(expression: String) {
        let found = ExpressionHarness.error(expression, in: .askIf)
        #expect(found?.message.contains("nested more than 64 levels deep") == true)
    }

    @Test func sixtyFourLevelsAreAllowed() {
        let deep = String(repeating: "(", count: 64) + "2" + String(repeating: ")", count: 64) + " * 3"
        #expect(ExpressionHarness.evaluate(deep) == .number(6))
    }

    @Test func anErrorInAFoldedExpressionIsFoundOnItsOwnLine() {
        // An expression over two lines of its block: the error is on the second line.
        let yaml = ExpressionHarness.yaml("age > 3 and", in: .askIf) + "\n          (calls > 1\n"
        let result = InstrumentLoader.load(text: yaml, path: "expressions.yaml")
        let found = result.diagnostics.filter { $0.severity == .error }
        #expect(found.map(\.message) == ["in `ask_if`: this `(` is not closed; add a `)`"])
        #expect(found.first?.location?.line == Self.line + 1)
        #expect(found.first?.location?.column == 11)
    }
}
