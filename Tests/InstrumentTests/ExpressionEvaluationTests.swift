import Instrument
import Testing

/// What expressions compute, checked and evaluated as the engine does: precedence, arithmetic,
/// comparisons, choices and sets, functions and dates (docs/expressions.md).
struct ExpressionEvaluationTests {
    private func value(_ expression: String, _ values: [String: Value] = [:]) -> Value? {
        ExpressionHarness.evaluate(expression, values)
    }

    @Test(arguments: [
        ("1 + 2 * 3", 7.0),  // `*` binds tighter than `+`
        ("(1 + 2) * 3", 9),
        ("10 - 4 - 3", 3),  // left to right, not 10 - (4 - 3)
        ("12 / 3 / 2", 2),
        ("-2 * 3 + 10 / 4", -3.5),
        ("- -4", 4),
        ("7 - -2", 9),
        ("2.5 * 2", 5),
    ])
    func arithmetic(expression: String, expected: Double) {
        #expect(value(expression) == .number(expected), "\(expression)")
    }

    @Test(arguments: [
        ("true or false and false", true),  // `and` binds tighter than `or`
        ("(true or false) and false", false),
        ("not false and false", false),  // `not` binds tighter than `and`
        ("not (false and false)", true),
        ("not not true", true),
        ("1 + 1 == 2 and 3 > 2", true),  // arithmetic before comparison before `and`
        ("2 * 3 > 5 or false", true),
    ])
    func logic(expression: String, expected: Bool) {
        #expect(value(expression) == .boolean(expected), "\(expression)")
    }

    @Test(arguments: [
        ("age == 40", true), ("age = 40", true), ("age != 40", false), ("age < 41", true), ("age <= 40", true),
        ("age > 40", false), ("age >= 40", true), ("age in [1, 40, 99]", true), ("age in [1, 2]", false),
        ("name == \"Sam\"", true), ("name != 'Sam'", false), ("height * 2 == 3", true),
    ])
    func comparisons(expression: String, expected: Bool) {
        let values: [String: Value] = ["age": .number(40), "name": .text("Sam"), "height": .number(1.5)]
        #expect(value(expression, values) == .boolean(expected), "\(expression)")
    }

    @Test func aChoiceComparesWithItsOptionNamesAndCountsAsItsCode() {
        let other: [String: Value] = ["gender": .choice(97)]
        #expect(value("gender == other", other) == .boolean(true))
        #expect(value("gender == woman", other) == .boolean(false))
        #expect(value("woman == gender", other) == .boolean(false))
        #expect(value("gender == 97", other) == .boolean(true))
        #expect(value("gender in [woman, other]", other) == .boolean(true))
        #expect(value("gender in [1, 2]", other) == .boolean(false))
        #expect(value("gender >= 2", other) == .boolean(true))
        #expect(value("gender + 3", other) == .number(100))
    }

    @Test func hasAndCountLookInsideAMultipleChoice() {
        let used: [String: Value] = ["services": .set([1, 2])]
        #expect(value("services has warmline", used) == .boolean(true))
        #expect(value("services has groups", used) == .boolean(false))
        #expect(value("services has 1", used) == .boolean(true))
        #expect(value("count(services)", used) == .number(2))
        #expect(value("count(services) >= 2 and not (services has none)", used) == .boolean(true))
        #expect(value("if(services has none, 0, count(services))", ["services": .set([98])]) == .number(0))
    }

    @Test func functionsOverNumbersUseTheAnsweredArguments() {
        let values: [String: Value] = ["visits": .number(4), "calls": .number(10)]
        #expect(value("sum(visits, calls)", values) == .number(14))
        #expect(value("mean(visits, calls)", values) == .number(7))
        #expect(value("min(visits, calls, 7)", values) == .number(4))
        #expect(value("max(visits, calls, 7)", values) == .number(10))
        // Only `visits` is answered: sum and mean use it alone.
        #expect(value("sum(visits, calls)", ["visits": .number(4)]) == .number(4))
        #expect(value("mean(visits, calls)", ["visits": .number(4)]) == .number(4))
    }

    @Test(arguments: [
        ("round(2.5, 0)", 3.0), ("round(-2.5, 0)", -3), ("round(1.25, 1)", 1.3), ("round(2 / 3, 2)", 0.67),
        ("round(1234.5678, 3)", 1234.568),
    ])
    func roundGoesHalfAwayFromZero(expression: String, expected: Double) {
        guard case .number(let x)? = value(expression) else {
            Issue.record("\(expression) is not a number")
            return
        }
        #expect(abs(x - expected) < 1e-9, "\(expression) = \(x)")
    }

    @Test func ifLenAndAnswered() {
        #expect(value("if(age >= 18, 1, 2)", ["age": .number(17)]) == .number(2))
        #expect(value("if(age >= 18, \"adult\", \"young\")", ["age": .number(30)]) == .text("adult"))
        #expect(value("len(name)", ["name": .text("Siân")]) == .number(4))
        #expect(value("answered(name)", ["name": .text("Sam")]) == .boolean(true))
        #expect(value("answered(name)") == .boolean(false))
    }

    @Test func datesCompareAndCountFromToday() {
        // Today is 2026-03-15.
        let born: [String: Value] = ["born": ExpressionHarness.date("2000-03-16")]
        #expect(value("today()") == ExpressionHarness.date("2026-03-15"))
        #expect(value("years_since(born)", born) == .number(25))  // the birthday is tomorrow
        #expect(value("years_since(born)", ["born": ExpressionHarness.date("2000-03-15")]) == .number(26))
        #expect(value("days_since(born)", ["born": ExpressionHarness.date("2026-02-14")]) == .number(29))
        #expect(value("born < date(\"2000-12-31\")", born) == .boolean(true))
        #expect(value("born >= today()", born) == .boolean(false))
        #expect(value("born == date(\"2000-03-16\")", born) == .boolean(true))
    }
}
