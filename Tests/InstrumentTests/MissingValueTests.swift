import Instrument
import Testing

/// What docs/expressions.md promises for unanswered values: a variable not asked, routed past,
/// refused or "don't know" is missing, and expressions treat it so.
struct MissingValueTests {
    private func value(_ expression: String, _ values: [String: Value] = [:]) -> Value? {
        ExpressionHarness.evaluate(expression, values)
    }

    @Test(arguments: [
        "age == 3", "age != 3", "age < 18", "age >= 18", "age in [1, 2, 3]", "services has dropin",
        "gender == woman", "gender != woman", "name == \"Sam\"", "born < today()",
    ])
    func aComparisonWithAMissingValueIsFalse(expression: String) {
        #expect(value(expression) == .boolean(false), "\(expression)")
    }

    @Test func notOfAFalseComparisonIsTrue() {
        // The documented trap: `not (age >= 18)` is true for someone who declined to give their age.
        #expect(value("not (age >= 18)") == .boolean(true))
        #expect(value("answered(age) and age < 18") == .boolean(false))
        #expect(value("answered(age) and age < 18", ["age": .number(16)]) == .boolean(true))
    }

    @Test(arguments: [
        "age + 1", "age * 2", "-age", "visits / calls", "count(services)", "len(name)",
        "years_since(born)", "days_since(born)",
    ])
    func arithmeticWithAMissingValueIsMissing(expression: String) {
        #expect(value(expression) == nil, "\(expression)")
    }

    @Test func oneMissingOperandIsEnough() {
        #expect(value("visits + calls", ["visits": .number(3)]) == nil)
        #expect(value("visits + calls", ["visits": .number(3), "calls": .number(4)]) == .number(7))
    }

    @Test func andAndOrTreatAMissingBooleanAsFalse() {
        // `adult` is a boolean calculation; here it has no value.
        #expect(value("adult or true") == .boolean(true))
        #expect(value("adult or false") == .boolean(false))
        #expect(value("adult and true") == .boolean(false))
        #expect(value("not adult") == .boolean(true))
        #expect(value("adult and true", ["adult": .boolean(true)]) == .boolean(true))
    }

    @Test func answeredAsksExplicitly() {
        #expect(value("answered(age)") == .boolean(false))
        #expect(value("answered(age)", ["age": .number(0)]) == .boolean(true))
    }

    @Test func sumAndMeanOfNothingAnsweredAreMissing() {
        #expect(value("sum(visits, calls)") == nil)
        #expect(value("mean(visits, calls)") == nil)
        #expect(value("min(visits, calls)") == nil)
        #expect(value("max(visits, calls)") == nil)
    }

    @Test func divisionByZeroIsMissingNotInfinite() {
        #expect(value("visits / calls", ["visits": .number(3), "calls": .number(0)]) == nil)
    }
}
