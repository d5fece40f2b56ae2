import Instrument
import Testing

/// Issue 13, item 13: expressions as deep or as long as a hostile file can make them. The parser
/// refuses a tree more than 64 levels high (operators, calls and lists, a chain `a + b + c`
/// counting one level per operator) at the operator that would pass the limit, so that the
/// binder, the evaluator and every later stage only ever see trees they can walk recursively.
/// The end-to-end form (every command, no signal) is in `DeepExpressionCommandTests`.
struct DeepExpressionTests {
    private static let line = ExpressionHarness.line(.calculation)

    @Test(arguments: ["+", "-", "*", "/", "and", "or"])
    func aChainOfTwelveThousandIsRefusedAtTheSixtyFifthOperator(op: String) {
        let term = op == "and" || op == "or" ? "true" : "2"
        let expression = Array(repeating: term, count: 12_000).joined(separator: " \(op) ")
        let clock = ContinuousClock()
        var found: (message: String, position: String)?
        let elapsed = clock.measure { found = ExpressionHarness.error(expression, in: .calculation) }
        #expect(found?.message.contains("nested more than 64 levels deep") == true, "\(String(describing: found))")
        let column = 11 + 64 * (term.count + op.count + 2) + term.count + 1
        #expect(found?.position == "\(Self.line):\(column)")
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }

    @Test func aChainOfSixtyFourOperatorsIsAllowedAndEvaluates() {
        let sum = Array(repeating: "1", count: 65).joined(separator: " + ")
        #expect(ExpressionHarness.evaluate(sum) == .number(65))
        // 63 `and`s over comparisons: 64 levels.
        let all = Array(repeating: "age > 1", count: 64).joined(separator: " and ")
        #expect(ExpressionHarness.evaluate(all, ["age": .number(30)]) == .boolean(true))
        #expect(ExpressionHarness.evaluate(all, ["age": .number(1)]) == .boolean(false))
    }

    @Test func aChainInsideBracketsStillCounts() {
        // 40 `+` inside, 30 `*` outside: 70 levels.
        let inner = "(" + Array(repeating: "1", count: 41).joined(separator: " + ") + ")"
        let outer = inner + String(repeating: " * 1", count: 30)
        #expect(ExpressionHarness.errors(outer).first?.contains("nested more than 64 levels deep") == true)
    }

    @Test(arguments: [
        ("max(", ")"), ("round(", ", 0)"), ("if(true, ", ", 1)"), ("mean(1, ", ")"),
    ])
    func tenThousandNestedCallsAreRefused(open: String, close: String) {
        let expression = String(repeating: open, count: 10_000) + "1" + String(repeating: close, count: 10_000)
        let errors = ExpressionHarness.errors(expression)
        #expect(errors.count == 1)
        #expect(errors.first?.contains("nested more than 64 levels deep") == true, "\(errors)")
    }

    @Test func tenThousandNestedListsAreRefused() {
        let expression = "age in " + String(repeating: "[", count: 10_000) + "1" + String(repeating: "]", count: 10_000)
        let errors = ExpressionHarness.errors(expression, in: .askIf)
        #expect(errors.first?.contains("nested more than 64 levels deep") == true, "\(errors)")
    }

    @Test func aLongFlatListIsNotDeep() {
        let list = "[" + (1...50_000).map(String.init).joined(separator: ", ") + "]"
        #expect(ExpressionHarness.evaluate("age in \(list)", ["age": .number(49_999)]) == .boolean(true))
    }

    @Test func aCallWithOneHundredThousandArgumentsIsRefusedQuickly() {
        let expression = "sum(" + Array(repeating: "1", count: 100_000).joined(separator: ", ") + ")"
        let clock = ContinuousClock()
        var errors: [String] = []
        let elapsed = clock.measure { errors = ExpressionHarness.errors(expression) }
        #expect(errors.first?.contains("`sum` takes 1 to 100 arguments, but is given 100000") == true, "\(errors)")
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }

    @Test func notNotNotIsRefusedAtTheSixtyFifth() {
        let expression = String(repeating: "not ", count: 12_000) + "true"
        let found = ExpressionHarness.error(expression, in: .askIf)
        #expect(found?.position == "\(ExpressionHarness.line(.askIf)):\(11 + 64 * 4)")
    }
}
