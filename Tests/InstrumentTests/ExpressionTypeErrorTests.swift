import Instrument
import Testing

/// Expressions that parse but do not make sense: unknown names (with "did you mean"), wrong types
/// and option codes a question does not have. Each is one error at its column in the file; the
/// expression is written at column 11.
struct ExpressionTypeErrorTests {
    private static let line = ExpressionHarness.line(.calculation)

    @Test(arguments: [
        ("agee + 1", 11, "there is no variable `agee`; did you mean `age`?"),
        ("Age + 1", 11, "there is no variable `Age`; did you mean `age`?"),
        ("cout(services)", 11, "there is no function `cout`; did you mean `count`?"),
        ("count", 11, "`count` is a function; write `count(...)`"),
        ("age(1)", 11, "`age` is a variable, not a function"),
        ("services has warmlin", 24, "`warmlin` is not an option of `services`; did you mean `warmline`?"),
        ("gender == wman", 21, "`wman` is not an option of `gender`; did you mean `woman`?"),
    ])
    func anUnknownNameIsLocatedWithASuggestion(expression: String, column: Int, message: String) {
        let found = ExpressionHarness.error(expression)
        #expect(found?.message == message, "\(expression)")
        #expect(found?.position == "\(Self.line):\(column)", "\(expression)")
    }

    @Test(arguments: [
        (
            "age has 3", 15,
            "`has` needs a multiple-choice question on its left, but `age` is a whole number; use `==` or `in` for a single answer"
        ),
        (
            "services > 2", 11,
            "`services` is a multiple-choice answer and cannot be compared with `>`; use `services has <option>` or `count(services)`"
        ),
        ("services in [1]", 20, "`in` needs a single value on its left; for a multiple-choice question use `has`"),
        ("\"a\" + 1", 15, "`+` needs numbers on both sides, but one side is text"),
        ("name < \"b\"", 16, "`<` cannot order text; only numbers and dates have an order"),
        ("born > 3", 16, "`>` cannot compare a date with a whole number"),
        ("age > 1 and 3", 19, "`and` joins conditions, but one side is a whole number"),
        ("not age", 11, "`not` needs a condition, but this is a whole number"),
        ("count(age)", 17, "`count` needs a multiple-choice question, but this is a whole number"),
        ("len(age)", 15, "`len` needs text, but this is a whole number"),
        ("round(age)", 11, "`round` takes 2 arguments, but is given 1"),
        ("round(height, 1.5)", 25, "`round` needs a whole number of digits from 0 to 10 as its second argument"),
        ("date(\"2026-13-01\")", 16, "`2026-13-01` is not a date; write it as YYYY-MM-DD, such as \"2026-05-01\""),
        ("if(age > 1, 1, \"x\")", 11, "`if` must give the same type either way, but gives a whole number or text"),
        ("gender == 5", 21, "`gender` has no option with code 5; its codes are 1, 2, 97"),
        ("[1, 2]", 11, "a list `[...]` can only follow `in`"),
    ])
    func aTypeErrorIsLocated(expression: String, column: Int, message: String) {
        let found = ExpressionHarness.error(expression)
        #expect(found?.message == message, "\(expression)")
        #expect(found?.position == "\(Self.line):\(column)", "\(expression)")
    }

    @Test func aConditionMustBeTrueOrFalse() {
        let found = ExpressionHarness.error("age + 1", in: .askIf)
        #expect(found?.message == "`ask_if` must be a condition (true or false), but this is a whole number")
        #expect(found?.position == "\(ExpressionHarness.line(.askIf)):15")
    }

    @Test func aCalculationCannotBeAMultipleChoice() {
        let found = ExpressionHarness.errors("if(true, services, services)")
        #expect(found == ["a calculation cannot be a multiple-choice answer; use `count(...)` or `has`"])
    }

    @Test func everyProblemInOneExpressionIsReported() {
        let found = ExpressionHarness.errors("agee > 1 or services > 2 or cout(services) > 1")
        #expect(found.count == 3, "\(found)")
        #expect(found.contains("there is no variable `agee`; did you mean `age`?"))
        #expect(found.contains { $0.hasPrefix("`services` is a multiple-choice answer") })
        #expect(found.contains("there is no function `cout`; did you mean `count`?"))
    }

    @Test func theCheckedTypeOfACalculationIsRecorded() throws {
        let result = ExpressionHarness.load("if(answered(height), height * 100, 0)")
        let instrument = try #require(result.instrument)
        #expect(instrument.variables["result"]?.type == .number(integer: false))
        #expect(instrument.variables["adult"]?.type == .boolean)
    }
}
