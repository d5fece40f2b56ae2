/// Splits a source expression into tokens, by dialect.
struct LogicLexer {
    /// One token.
    enum Token: Hashable {
        case field(String)
        case checkbox(String, String)
        case current
        case number(String)
        case string(String)
        case word(String)
        case op(String)
        case open, close, comma
    }

    /// The tokens of `text`.
    /// - Throws: ``LogicError`` for a character or construct the dialect does not have.
    static func tokens(_ text: String, dialect: LogicDialect, events: inout [String]) throws -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        func peek(_ offset: Int = 0) -> Unicode.Scalar? { i + offset < scalars.count ? scalars[i + offset] : nil }
        func isWordStart(_ c: Unicode.Scalar) -> Bool { c == "_" || (c.properties.isAlphabetic && c.isASCII) }
        func isWord(_ c: Unicode.Scalar) -> Bool {
            isWordStart(c) || ("0"..."9").contains(c) || (dialect == .xlsform && (c == "-" || c == ":"))
                || (dialect == .javascript && c == ".")
        }
        while i < scalars.count {
            let c = scalars[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{A0}" {
                i += 1
                continue
            }
            if c == "[", dialect == .redcap {
                var names: [String] = []
                while peek() == "[" {
                    guard let end = scalars[i...].firstIndex(of: "]") else { throw LogicError("a `[` is never closed") }
                    names.append(String(String.UnicodeScalarView(scalars[(i + 1)..<end])))
                    i = end + 1
                }
                if names.count > 1 { events.append(contentsOf: names.dropLast()) }
                let inner = names.last ?? ""
                if let open = inner.firstIndex(of: "("), inner.hasSuffix(")") {
                    let name = String(inner[..<open])
                    let code = String(inner[inner.index(after: open)..<inner.index(before: inner.endIndex)])
                    tokens.append(.checkbox(name, code))
                } else if inner.contains(":") || inner.contains("-") {
                    throw LogicError("the smart variable `[\(inner)]` has no equivalent")
                } else {
                    tokens.append(.field(inner))
                }
                continue
            }
            if c == "$", dialect == .xlsform, peek(1) == "{" {
                guard let end = scalars[i...].firstIndex(of: "}") else { throw LogicError("a `${` is never closed") }
                tokens.append(.field(String(String.UnicodeScalarView(scalars[(i + 2)..<end]))))
                i = end + 1
                continue
            }
            if c == "'" || c == "\"" {
                var value = String.UnicodeScalarView()
                i += 1
                while let d = peek(), d != c {
                    if d == "\\", dialect == .javascript, let e = peek(1) {
                        value.append(e)
                        i += 2
                        continue
                    }
                    value.append(d)
                    i += 1
                }
                guard peek() == c else { throw LogicError("a string is never closed") }
                i += 1
                tokens.append(.string(String(value)))
                continue
            }
            if ("0"..."9").contains(c) || (c == "." && peek(1).map { ("0"..."9").contains($0) } == true) {
                var value = ""
                while let d = peek(), ("0"..."9").contains(d) || d == "." {
                    value.unicodeScalars.append(d)
                    i += 1
                }
                if value.hasPrefix(".") { value = "0" + value }
                if value.hasSuffix(".") { value += "0" }
                tokens.append(.number(value))
                continue
            }
            if c == ".", dialect == .xlsform {
                if peek(1) == "." || peek(1) == "/" {
                    throw LogicError(
                        "the path `\(String(String.UnicodeScalarView(scalars[i...].prefix { $0 != " " && $0 != ")" })))` (a reference into a group or repeat) has no equivalent"
                    )
                }
                tokens.append(.current)
                i += 1
                continue
            }
            if isWordStart(c) {
                var value = ""
                while let d = peek(), isWord(d) {
                    value.unicodeScalars.append(d)
                    i += 1
                }
                tokens.append(.word(value))
                continue
            }
            switch c {
            case "(": tokens.append(.open)
            case ")": tokens.append(.close)
            case ",": tokens.append(.comma)
            default:
                let two = peek(1).map { String(c) + String($0) } ?? String(c)
                let three = peek(2).map { two + String($0) } ?? two
                let op: String
                if ["===", "!=="].contains(three), dialect == .javascript {
                    op = three
                } else if ["<=", ">=", "!=", "<>", "==", "&&", "||"].contains(two) {
                    op = two
                } else if "=<>+-*/^!".unicodeScalars.contains(c) {
                    op = String(c)
                } else {
                    throw LogicError("the character `\(c)` has no equivalent")
                }
                tokens.append(.op(op))
                i += op.unicodeScalars.count
                continue
            }
            i += 1
        }
        return tokens
    }
}
