/// A token of the expression language.
struct Token: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case number(Double)
        case string(String)
        case name(String)
        case keyword(String)
        case symbol(String)
        case end
    }
    var kind: Kind
    var span: Span
}

/// A syntax error inside an expression: a message and where.
struct ExpressionError: Error, Sendable, Hashable {
    var message: String
    var span: Span
}

/// Splits an expression into tokens.
struct Lexer {
    static let keywords: Set<String> = ["and", "or", "not", "has", "in", "true", "false"]

    /// Tokens of `text`, ending with `.end`.
    static func tokens(_ text: String) throws(ExpressionError) -> [Token] {
        let s = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        func isNameStart(_ c: Unicode.Scalar) -> Bool { c == "_" || (c.isASCII && c.properties.isAlphabetic) }
        func isNamePart(_ c: Unicode.Scalar) -> Bool { isNameStart(c) || ("0"..."9").contains(c) }
        while i < s.count {
            let c = s[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" {
                i += 1
                continue
            }
            let start = i
            if ("0"..."9").contains(c) {
                while i < s.count, ("0"..."9").contains(s[i]) { i += 1 }
                if i + 1 < s.count, s[i] == ".", ("0"..."9").contains(s[i + 1]) {
                    i += 1
                    while i < s.count, ("0"..."9").contains(s[i]) { i += 1 }
                }
                if i < s.count, isNameStart(s[i]) {
                    throw ExpressionError(
                        message: "a name cannot start with a digit", span: Span(start: start, end: i + 1))
                }
                let literal = String(String.UnicodeScalarView(s[start..<i]))
                guard let value = Double(literal), value.isFinite else {
                    throw ExpressionError(message: "`\(literal)` is not a number", span: Span(start: start, end: i))
                }
                tokens.append(Token(kind: .number(value), span: Span(start: start, end: i)))
                continue
            }
            if isNameStart(c) {
                while i < s.count, isNamePart(s[i]) { i += 1 }
                let word = String(String.UnicodeScalarView(s[start..<i]))
                let kind: Token.Kind = keywords.contains(word) ? .keyword(word) : .name(word)
                tokens.append(Token(kind: kind, span: Span(start: start, end: i)))
                continue
            }
            if c == "\"" || c == "'" {
                i += 1
                var value = String.UnicodeScalarView()
                while true {
                    guard i < s.count else {
                        throw ExpressionError(
                            message: "this text is not closed; end it with \(c)", span: Span(start: start, end: start + 1))
                    }
                    if s[i] == c { break }
                    if s[i] == "\\", i + 1 < s.count {
                        switch s[i + 1] {
                        case "n": value.append("\n")
                        case "t": value.append("\t")
                        default: value.append(s[i + 1])
                        }
                        i += 2
                        continue
                    }
                    value.append(s[i])
                    i += 1
                }
                i += 1
                tokens.append(Token(kind: .string(String(value)), span: Span(start: start, end: i)))
                continue
            }
            let two = i + 1 < s.count ? String(String.UnicodeScalarView([c, s[i + 1]])) : ""
            switch two {
            case "==", "!=", "<=", ">=":
                tokens.append(Token(kind: .symbol(two), span: Span(start: i, end: i + 2)))
                i += 2
                continue
            case "&&": throw ExpressionError(message: "use `and` instead of `&&`", span: Span(start: i, end: i + 2))
            case "||": throw ExpressionError(message: "use `or` instead of `||`", span: Span(start: i, end: i + 2))
            case "<>": throw ExpressionError(message: "use `!=` for \"not equal\"", span: Span(start: i, end: i + 2))
            case "=<": throw ExpressionError(message: "use `<=` for \"at most\"", span: Span(start: i, end: i + 2))
            case "=>": throw ExpressionError(message: "use `>=` for \"at least\"", span: Span(start: i, end: i + 2))
            default: break
            }
            switch c {
            case "=":
                tokens.append(Token(kind: .symbol("=="), span: Span(start: i, end: i + 1)))
            case "<", ">", "+", "-", "*", "/", "(", ")", "[", "]", ",":
                tokens.append(Token(kind: .symbol(String(c)), span: Span(start: i, end: i + 1)))
            case "!":
                throw ExpressionError(message: "use `not` instead of `!`", span: Span(start: i, end: i + 1))
            case "&":
                throw ExpressionError(message: "use `and` instead of `&`", span: Span(start: i, end: i + 1))
            case "|":
                throw ExpressionError(message: "use `or` instead of `|`", span: Span(start: i, end: i + 1))
            default:
                let shown = c.value < 0x20 || c.value == 0x7F ? c.codePoint : "`\(c)`"
                throw ExpressionError(
                    message: "unexpected character \(shown) in an expression", span: Span(start: i, end: i + 1))
            }
            i += 1
        }
        tokens.append(Token(kind: .end, span: Span(start: s.count, end: s.count)))
        return tokens
    }
}

extension Unicode.Scalar {
    /// `U+0007`: the code point, for naming invisible characters in messages.
    var codePoint: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
