/// Parses an expression into ``Syntax``, by recursive descent with a nesting limit so that
/// hostile input (10,000 parentheses) is an error, not a stack overflow.
struct ExpressionParser {
    /// The deepest nesting accepted.
    static let maximumDepth = 64

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
        let syntax = try parser.parseOr()
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

    private mutating func parseOr() throws(ExpressionError) -> Syntax {
        var left = try parseAnd()
        while isKeyword("or") {
            let op = advance()
            left = .binary(.or, left, try parseAnd(), op.span)
        }
        return left
    }

    private mutating func parseAnd() throws(ExpressionError) -> Syntax {
        var left = try parseNot()
        while isKeyword("and") {
            let op = advance()
            left = .binary(.and, left, try parseNot(), op.span)
        }
        return left
    }

    private mutating func parseNot() throws(ExpressionError) -> Syntax {
        if isKeyword("not") {
            let op = advance()
            try nest(op.span)
            defer { depth -= 1 }
            return .not(try parseNot(), op.span)
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

    private mutating func parseComparison() throws(ExpressionError) -> Syntax {
        let left = try parseSum()
        guard let op = comparisonOperator() else { return left }
        let opToken = advance()
        let right = try parseSum()
        if comparisonOperator() != nil {
            throw ExpressionError(
                message: "comparisons do not chain; write `x > 1 and x < 5` instead of `1 < x < 5`",
                span: current.span)
        }
        return .binary(op, left, right, opToken.span)
    }

    private mutating func parseSum() throws(ExpressionError) -> Syntax {
        var left = try parseProduct()
        while isSymbol("+") || isSymbol("-") {
            let op = advance()
            left = .binary(isSymbolToken(op, "+") ? .plus : .minus, left, try parseProduct(), op.span)
        }
        return left
    }

    private mutating func parseProduct() throws(ExpressionError) -> Syntax {
        var left = try parseUnary()
        while isSymbol("*") || isSymbol("/") {
            let op = advance()
            left = .binary(isSymbolToken(op, "*") ? .times : .divide, left, try parseUnary(), op.span)
        }
        return left
    }

    private func isSymbolToken(_ token: Token, _ symbol: String) -> Bool {
        if case .symbol(let s) = token.kind { return s == symbol }
        return false
    }

    private mutating func parseUnary() throws(ExpressionError) -> Syntax {
        if isSymbol("-") {
            let op = advance()
            try nest(op.span)
            defer { depth -= 1 }
            let operand = try parseUnary()
            if case .number(let value, let span) = operand {
                return .number(-value, Span(start: op.span.start, end: span.end))
            }
            return .negate(operand, op.span)
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Syntax {
        let token = advance()
        switch token.kind {
        case .number(let value):
            return .number(value, token.span)
        case .string(let value):
            return .string(value, token.span)
        case .keyword("true"):
            return .boolean(true, token.span)
        case .keyword("false"):
            return .boolean(false, token.span)
        case .name(let name):
            guard isSymbol("(") else { return .name(name, token.span) }
            _ = advance()
            try nest(token.span)
            defer { depth -= 1 }
            let arguments = try parseArguments(closing: ")", opener: token)
            return .call(name, arguments, token.span)
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
            return .list(items, token.span)
        case .end:
            throw ExpressionError(message: "the expression ends too soon; a value is missing", span: token.span)
        default:
            throw ExpressionError(message: "expected a value, but found \(Self.describe(token))", span: token.span)
        }
    }

    private mutating func parseArguments(closing: String, opener: Token) throws(ExpressionError) -> [Syntax] {
        var items: [Syntax] = []
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
