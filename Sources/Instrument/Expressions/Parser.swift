/// Parses an expression into ``Syntax``, by recursive descent with two limits so that hostile
/// input is a located error, not a stack overflow in the parser or in the stages after it (the
/// binder, the evaluator, the checks and the exporters all walk the tree recursively):
/// - brackets, `not`, prefix `-` and calls may nest at most ``maximumDepth`` levels (the
///   parser's own recursion: 10,000 `(` in a row);
/// - the tree may be at most ``maximumDepth`` operators, calls and lists high (a chain such as
///   `1 + 1 + ... + 1`, which the parser reads in a loop but which makes a tree as high as it is
///   long).
struct ExpressionParser {
    /// The deepest nesting accepted, and the highest tree.
    static let maximumDepth = 64

    /// A parsed sub-expression and its height: how many operators, calls and lists lie on the
    /// longest path from it to a value (a value alone is 0).
    private struct Node {
        var syntax: Syntax
        var height: Int
    }

    private var tokens: [Token]
    private var position = 0
    private var depth = 0

    private init(tokens: [Token]) { self.tokens = tokens }

    /// Parses a whole expression.
    /// - Parameter text: The expression.
    /// - Returns: Its syntax tree.
    /// - Throws: The first syntax error, located in `text`.
    static func parse(_ text: String) throws(ExpressionError) -> Syntax {
        var parser = ExpressionParser(tokens: try Lexer.tokens(text))
        if case .end = parser.current.kind {
            throw ExpressionError(message: "the expression is empty", span: Span(start: 0, end: 0))
        }
        let syntax = try parser.parseOr().syntax
        guard case .end = parser.current.kind else {
            let token = parser.current
            if case .symbol(")") = token.kind {
                throw ExpressionError(message: "this `)` has no matching `(`", span: token.span)
            }
            throw ExpressionError(
                message: "did not expect \(describe(token)) after a complete expression; is an `and` or `or` missing?",
                span: token.span)
        }
        return syntax
    }

    private var current: Token { tokens[position] }

    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func isKeyword(_ word: String) -> Bool {
        if case .keyword(let k) = current.kind { return k == word }
        return false
    }

    private func isSymbol(_ symbol: String) -> Bool {
        if case .symbol(let s) = current.kind { return s == symbol }
        return false
    }

    private mutating func nest(_ span: Span) throws(ExpressionError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw ExpressionError(
                message: "the expression is nested more than \(Self.maximumDepth) levels deep; split it into calculations",
                span: span)
        }
    }

    /// A node one level above `children`, refused when that makes the tree too high.
    private func node(_ syntax: Syntax, above children: Node..., at span: Span) throws(ExpressionError) -> Node {
        try node(syntax, above: children, at: span)
    }

    private func node(_ syntax: Syntax, above children: [Node], at span: Span) throws(ExpressionError) -> Node {
        let height = 1 + (children.map(\.height).max() ?? 0)
        if height > Self.maximumDepth {
            throw ExpressionError(
                message: "the expression is nested more than \(Self.maximumDepth) levels deep (each operator of a chain such as `a + b + c` is one level); split it into calculations, or use `sum(...)` or `in [...]`",
                span: span)
        }
        return Node(syntax: syntax, height: height)
    }

    private mutating func parseOr() throws(ExpressionError) -> Node {
        var left = try parseAnd()
        while isKeyword("or") {
            let op = advance()
            let right = try parseAnd()
            left = try node(.binary(.or, left.syntax, right.syntax, op.span), above: left, right, at: op.span)
        }
        return left
    }

    private mutating func parseAnd() throws(ExpressionError) -> Node {
        var left = try parseNot()
        while isKeyword("and") {
            let op = advance()
            let right = try parseNot()
            left = try node(.binary(.and, left.syntax, right.syntax, op.span), above: left, right, at: op.span)
        }
        return left
    }

    private mutating func parseNot() throws(ExpressionError) -> Node {
        if isKeyword("not") {
            let op = advance()
            try nest(op.span)
            defer { depth -= 1 }
            let operand = try parseNot()
            return try node(.not(operand.syntax, op.span), above: operand, at: op.span)
        }
        return try parseComparison()
    }

    private static let comparisons: [String: BinaryOperator] = [
        "==": .equal, "!=": .notEqual, "<": .less, "<=": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual,
    ]

    private func comparisonOperator() -> BinaryOperator? {
        switch current.kind {
        case .symbol(let s): return Self.comparisons[s]
        case .keyword("has"): return .has
        case .keyword("in"): return .in
        default: return nil
        }
    }

    private mutating func parseComparison() throws(ExpressionError) -> Node {
        let left = try parseSum()
        guard let op = comparisonOperator() else { return left }
        let opToken = advance()
        let right = try parseSum()
        if comparisonOperator() != nil {
            throw ExpressionError(
                message: "comparisons do not chain; write `x > 1 and x < 5` instead of `1 < x < 5`",
                span: current.span)
        }
        return try node(.binary(op, left.syntax, right.syntax, opToken.span), above: left, right, at: opToken.span)
    }

    private mutating func parseSum() throws(ExpressionError) -> Node {
        var left = try parseProduct()
        while isSymbol("+") || isSymbol("-") {
            let op = advance()
            let right = try parseProduct()
            let syntax = Syntax.binary(isSymbolToken(op, "+") ? .plus : .minus, left.syntax, right.syntax, op.span)
            left = try node(syntax, above: left, right, at: op.span)
        }
        return left
    }

    private mutating func parseProduct() throws(ExpressionError) -> Node {
        var left = try parseUnary()
        while isSymbol("*") || isSymbol("/") {
            let op = advance()
            let right = try parseUnary()
            let syntax = Syntax.binary(isSymbolToken(op, "*") ? .times : .divide, left.syntax, right.syntax, op.span)
            left = try node(syntax, above: left, right, at: op.span)
        }
        return left
    }

    private func isSymbolToken(_ token: Token, _ symbol: String) -> Bool {
        if case .symbol(let s) = token.kind { return s == symbol }
        return false
    }

    private mutating func parseUnary() throws(ExpressionError) -> Node {
        if isSymbol("-") {
            let op = advance()
            try nest(op.span)
            defer { depth -= 1 }
            let operand = try parseUnary()
            if case .number(let value, let span) = operand.syntax {
                return Node(syntax: .number(-value, Span(start: op.span.start, end: span.end)), height: 0)
            }
            return try node(.negate(operand.syntax, op.span), above: operand, at: op.span)
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Node {
        let token = advance()
        switch token.kind {
        case .number(let value):
            return Node(syntax: .number(value, token.span), height: 0)
        case .string(let value):
            return Node(syntax: .string(value, token.span), height: 0)
        case .keyword("true"):
            return Node(syntax: .boolean(true, token.span), height: 0)
        case .keyword("false"):
            return Node(syntax: .boolean(false, token.span), height: 0)
        case .name(let name):
            guard isSymbol("(") else { return Node(syntax: .name(name, token.span), height: 0) }
            _ = advance()
            try nest(token.span)
            defer { depth -= 1 }
            let arguments = try parseArguments(closing: ")", opener: token)
            return try node(.call(name, arguments.map(\.syntax), token.span), above: arguments, at: token.span)
        case .symbol("("):
            try nest(token.span)
            defer { depth -= 1 }
            let inner = try parseOr()
            guard isSymbol(")") else {
                throw ExpressionError(
                    message: "this `(` is not closed; add a `)`", span: token.span)
            }
            _ = advance()
            return inner
        case .symbol("["):
            try nest(token.span)
            defer { depth -= 1 }
            let items = try parseArguments(closing: "]", opener: token)
            return try node(.list(items.map(\.syntax), token.span), above: items, at: token.span)
        case .end:
            throw ExpressionError(message: "the expression ends too soon; a value is missing", span: token.span)
        default:
            throw ExpressionError(message: "expected a value, but found \(Self.describe(token))", span: token.span)
        }
    }

    private mutating func parseArguments(closing: String, opener: Token) throws(ExpressionError) -> [Node] {
        var items: [Node] = []
        if isSymbol(closing) {
            _ = advance()
            return items
        }
        while true {
            items.append(try parseOr())
            if isSymbol(",") {
                _ = advance()
                continue
            }
            if isSymbol(closing) {
                _ = advance()
                return items
            }
            if case .end = current.kind {
                throw ExpressionError(message: "this `\(opener.kindText)` is not closed; add a `\(closing)`", span: opener.span)
            }
            throw ExpressionError(
                message: "expected `,` or `\(closing)`, but found \(Self.describe(current))", span: current.span)
        }
    }

    static func describe(_ token: Token) -> String {
        switch token.kind {
        case .number(let n): return "the number `\(n.formattedNumber)`"
        case .string: return "a text"
        case .name(let n): return "the name `\(n)`"
        case .keyword(let k): return "`\(k)`"
        case .symbol(let s): return "`\(s)`"
        case .end: return "the end of the expression"
        }
    }
}

extension Token {
    var kindText: String {
        switch kind {
        case .name(let n): return n + "("
        case .symbol(let s): return s
        default: return ""
        }
    }
}

extension Double {
    /// `3` for whole numbers, `2.5` otherwise: numbers as a person writes them.
    public var formattedNumber: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
        return String(self)
    }
}
