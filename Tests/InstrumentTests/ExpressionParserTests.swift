import Testing

@testable import Instrument

/// The grammar of docs/expressions.md: precedence from `or` (lowest) to unary minus, left
/// associativity, and the spans that locate each part.
struct ExpressionParserTests {
    /// The syntax tree, fully parenthesised.
    private func shape(_ text: String) throws -> String { Self.render(try ExpressionParser.parse(text)) }

    private static func render(_ syntax: Syntax) -> String {
        switch syntax {
        case .number(let x, _): return x.formattedNumber
        case .string(let text, _): return "\"\(text)\""
        case .boolean(let value, _): return "\(value)"
        case .name(let name, _): return name
        case .list(let items, _): return "[" + items.map(render).joined(separator: ", ") + "]"
        case .not(let inner, _): return "(not \(render(inner)))"
        case .negate(let inner, _): return "(-\(render(inner)))"
        case .binary(let op, let left, let right, _): return "(\(render(left)) \(op.rawValue) \(render(right)))"
        case .call(let name, let arguments, _): return "\(name)(" + arguments.map(render).joined(separator: ", ") + ")"
        }
    }

    @Test(arguments: [
        ("a or b and c", "(a or (b and c))"),
        ("a and b or c", "((a and b) or c)"),
        ("a and b and c", "((a and b) and c)"),
        ("not a and b", "((not a) and b)"),
        ("not a == 1", "(not (a == 1))"),
        ("not not a", "(not (not a))"),
        ("x >= 1 and x <= 5 or y != 2", "(((x >= 1) and (x <= 5)) or (y != 2))"),
        ("a + b * c - d", "((a + (b * c)) - d)"),
        ("a - b - c", "((a - b) - c)"),
        ("a / b * c", "((a / b) * c)"),
        ("-a * b", "((-a) * b)"),
        ("-3 * 2", "(-3 * 2)"),
        ("a + 1 > b * 2", "((a + 1) > (b * 2))"),
        ("s has x or r in [1, 2]", "((s has x) or (r in [1, 2]))"),
        ("a = 1", "(a == 1)"),
        ("((a))", "a"),
        ("f(a, g(b), [1])", "f(a, g(b), [1])"),
        ("today()", "today()"),
        ("true and false", "(true and false)"),
        ("'it\\'s' == \"a\\\"b\"", "(\"it's\" == \"a\"b\")"),
    ])
    func precedenceAndGrouping(text: String, expected: String) throws {
        #expect(try shape(text) == expected, "\(text)")
    }

    @Test func keywordsAreLowercase() throws {
        // `And` is a name, so `a And b` is two values in a row.
        #expect(throws: ExpressionError.self) { try ExpressionParser.parse("a And b") }
        #expect(try shape("And == 1") == "(And == 1)")
    }

    @Test func spansPointAtTheOperatorOrName() throws {
        // Columns count Unicode scalars, as libyaml does.
        guard case .binary(.greaterOrEqual, let left, let right, let span) = try ExpressionParser.parse("age  >=  18")
        else {
            Issue.record("not a comparison")
            return
        }
        #expect(span == Span(start: 5, end: 7))
        #expect(left.span == Span(start: 0, end: 3))
        #expect(right.span == Span(start: 9, end: 11))
        guard case .binary(.equal, _, let text, _) = try ExpressionParser.parse("name == \"Siân\" ") else {
            Issue.record("not a comparison")
            return
        }
        #expect(text.span == Span(start: 8, end: 14))
        #expect(try ExpressionParser.parse("count(x)").span == Span(start: 0, end: 5))
    }

    @Test func namesAreASCII() {
        do {
            _ = try ExpressionParser.parse("café == 1")
            Issue.record("a non-ASCII name was accepted")
        } catch {
            #expect(error.message == "unexpected character `é` in an expression")
            #expect(error.span.start == 3)
        }
    }

    @Test func anInvisibleCharacterIsNamedByItsCodePoint() {
        do {
            _ = try ExpressionParser.parse("age\u{7} > 1")
            Issue.record("a control character was accepted")
        } catch {
            #expect(error.message == "unexpected character U+0007 in an expression")
        }
    }

    @Test func numbersAndNames() throws {
        let kinds = try Lexer.tokens("_x1 >= 2.5 and 10").map(\.kind)
        #expect(kinds == [.name("_x1"), .symbol(">="), .number(2.5), .keyword("and"), .number(10), .end])
    }

    @Test func anEmptyExpressionIsAnError() {
        #expect(throws: ExpressionError(message: "the expression is empty", span: Span(start: 0, end: 0))) {
            try ExpressionParser.parse("   ")
        }
    }
}
