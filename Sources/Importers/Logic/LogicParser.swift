/// Parses a source expression into a ``LogicNode``: `or`, `and`, `not`, comparisons, `+ -`,
/// `* / div mod`, unary minus, calls and parentheses, in each dialect's spelling.
struct LogicParser {
    private var tokens: [LogicLexer.Token]
    private var position = 0
    private let dialect: LogicDialect
    private var depth = 0

    /// Parses `text`.
    /// - Parameters:
    ///   - text: The source expression.
    ///   - dialect: Its language.
    ///   - events: Filled with the REDCap event names it mentions (`[baseline_arm_1][age]`).
    /// - Returns: The tree.
    /// - Throws: ``LogicError`` when it does not parse.
    static func parse(_ text: String, dialect: LogicDialect, events: inout [String]) throws -> LogicNode {
        var parser = LogicParser(
            tokens: try LogicLexer.tokens(text, dialect: dialect, events: &events), dialect: dialect)
        guard !parser.tokens.isEmpty else { throw LogicError("the expression is empty") }
        let node = try parser.or()
        guard parser.position == parser.tokens.count else {
            throw LogicError("the expression does not parse after its first part")
        }
        return node
    }

    private init(tokens: [LogicLexer.Token], dialect: LogicDialect) {
        self.tokens = tokens
        self.dialect = dialect
    }

    private var next: LogicLexer.Token? { position < tokens.count ? tokens[position] : nil }

    private func isWord(_ token: LogicLexer.Token?, _ words: Set<String>) -> Bool {
        if case .word(let word)? = token { return words.contains(word.lowercased()) }
        return false
    }

    private mutating func or() throws -> LogicNode {
        var left = try and()
        while isWord(next, ["or"]) || next == .op("||") {
            position += 1
            left = .binary("or", left, try and())
        }
        return left
    }

    private mutating func and() throws -> LogicNode {
        var left = try not()
        while isWord(next, ["and"]) || next == .op("&&") {
            position += 1
            left = .binary("and", left, try not())
        }
        return left
    }

    private mutating func not() throws -> LogicNode {
        if next == .op("!") || (isWord(next, ["not"]) && dialect != .xlsform) {
            position += 1
            return .not(try not())
        }
        return try comparison()
    }

    private mutating func comparison() throws -> LogicNode {
        let left = try sum()
        guard case .op(let op)? = next, ["=", "==", "===", "!=", "!==", "<>", "<", "<=", ">", ">="].contains(op) else {
            return left
        }
        position += 1
        let normal: String
        switch op {
        case "=", "==", "===": normal = "=="
        case "!=", "!==", "<>": normal = "!="
        default: normal = op
        }
        return .binary(normal, left, try sum())
    }

    private mutating func sum() throws -> LogicNode {
        var left = try product()
        while case .op(let op)? = next, op == "+" || op == "-" {
            position += 1
            left = .binary(op, left, try product())
        }
        return left
    }

    private mutating func product() throws -> LogicNode {
        var left = try unary()
        while true {
            if case .op(let op)? = next, op == "*" || op == "/" || op == "^" {
                position += 1
                left = .binary(op, left, try unary())
            } else if dialect == .xlsform, isWord(next, ["div", "mod"]) {
                guard case .word(let word)? = next else { break }
                position += 1
                left = .binary(word == "div" ? "/" : "mod", left, try unary())
            } else {
                break
            }
        }
        return left
    }

    private mutating func unary() throws -> LogicNode {
        if next == .op("-") {
            position += 1
            return .negate(try unary())
        }
        if next == .op("+") {
            position += 1
            return try unary()
        }
        return try primary()
    }

    private mutating func primary() throws -> LogicNode {
        depth += 1
        defer { depth -= 1 }
        guard depth < 64 else { throw LogicError("the expression is nested too deeply") }
        guard let token = next else { throw LogicError("the expression ends too early") }
        position += 1
        switch token {
        case .field(let name): return .field(name)
        case .checkbox(let name, let code): return .checkbox(name, code)
        case .current: return .current
        case .number(let text): return .number(text)
        case .string(let text): return .string(text)
        case .open:
            let inner = try or()
            guard next == .close else { throw LogicError("a `(` is never closed") }
            position += 1
            return inner
        case .word(let word):
            if next == .open {
                position += 1
                var arguments: [LogicNode] = []
                if next != .close {
                    arguments.append(try or())
                    while next == .comma {
                        position += 1
                        arguments.append(try or())
                    }
                }
                guard next == .close else { throw LogicError("the call of `\(word)` is never closed") }
                position += 1
                let name = word.lowercased()
                if name == "true" || name == "false" { return .boolean(name == "true") }
                if name == "not" { return .not(arguments.first ?? .boolean(true)) }
                return .call(name, arguments)
            }
            switch word.lowercased() {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            default:
                if dialect == .javascript { return .field(word) }
                throw LogicError("`\(word)` is not a field or an operator")
            }
        case .op(let op): throw LogicError("`\(op)` is out of place")
        case .close: throw LogicError("a `)` has no `(`")
        case .comma: throw LogicError("a `,` is out of place")
        }
    }
}
