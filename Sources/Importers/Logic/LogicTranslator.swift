import Foundation

/// Translates a source expression into the instrument language, knowing the fields it mentions:
/// `[sex] = '1'` becomes `sex == 1`, `[services(2)] = '1'` becomes `services has 2`,
/// `selected(${fruit}, 'apple')` becomes `fruit has apple`, `[x] <> ''` becomes `answered(x)`.
/// What has no equivalent throws a ``LogicError`` naming it.
package struct LogicTranslator {
    /// The source's language.
    package var dialect: LogicDialect
    /// The field a source name stands for, `nil` when there is none.
    package var field: (String) -> FieldInfo?
    /// The question a `.` stands for (XLSForm constraints).
    package var current: FieldInfo?

    /// Creates a translator.
    package init(dialect: LogicDialect, current: FieldInfo? = nil, field: @escaping (String) -> FieldInfo?) {
        self.dialect = dialect
        self.current = current
        self.field = field
    }

    /// The translation of an expression.
    /// - Parameter text: The source expression.
    /// - Returns: The expression in the instrument language, and the REDCap events it named.
    /// - Throws: ``LogicError`` when it cannot be translated.
    package func translate(_ text: String) throws(LogicError) -> (text: String, events: [String]) {
        do {
            var events: [String] = []
            let node = try LogicParser.parse(text, dialect: dialect, events: &events)
            return (try expression(node).text, events)
        } catch let error as LogicError {
            throw error
        } catch {
            throw LogicError("it could not be read")
        }
    }

    /// The negation of a source expression (an XLSForm constraint says what is valid; a check
    /// says what is not).
    package func translateNegated(_ text: String) throws(LogicError) -> String {
        do {
            var events: [String] = []
            let node = try LogicParser.parse(text, dialect: dialect, events: &events)
            return try expression(negated(node)).text
        } catch let error as LogicError {
            throw error
        } catch {
            throw LogicError("it could not be read")
        }
    }

    private func negated(_ node: LogicNode) -> LogicNode {
        switch node {
        case .not(let inner): return inner
        case .binary("and", let a, let b): return .binary("or", negated(a), negated(b))
        case .binary("or", let a, let b): return .binary("and", negated(a), negated(b))
        case .binary(let op, let a, let b) where ["<", "<=", ">", ">="].contains(op):
            let flipped = ["<": ">=", "<=": ">", ">": "<=", ">=": "<"][op]!
            return .binary(flipped, a, b)
        default: return .not(node)
        }
    }

    /// A translated part, with the precedence of its top operator (1 `or` ... 8 a primary).
    private struct Part {
        var text: String
        var level: Int
        var field: FieldInfo?
        var literal: String?
        var isNumberLiteral = false
    }

    private func wrap(_ part: Part, _ level: Int) -> String { part.level < level ? "(\(part.text))" : part.text }

    private func lookup(_ name: String) throws -> FieldInfo {
        guard let info = field(name) else { throw LogicError("`\(name)` is not a question of this form") }
        guard info.kind != .none else { throw LogicError("`\(name)` has no answer to compare") }
        return info
    }

    private func expression(_ node: LogicNode) throws -> Part {
        switch node {
        case .field(let name):
            let info = try lookup(name)
            return Part(text: info.id, level: 8, field: info)
        case .current:
            guard let current else { throw LogicError("`.` is used outside a constraint") }
            return Part(text: current.id, level: 8, field: current)
        case .checkbox(let name, let code):
            return Part(text: "if(\(try has(name, code)), 1, 0)", level: 8)
        case .number(let text):
            return Part(text: text, level: 8, literal: text, isNumberLiteral: true)
        case .string(let text):
            if let number = Double(text), !text.isEmpty, text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) {
                return Part(text: Self.format(number), level: 8, literal: text, isNumberLiteral: true)
            }
            return Part(text: Self.quote(text), level: 8, literal: text)
        case .boolean(let value):
            return Part(text: value ? "true" : "false", level: 8)
        case .not(let inner):
            return Part(text: "not " + wrap(try expression(inner), 3), level: 3)
        case .negate(let inner):
            return Part(text: "-" + wrap(try expression(inner), 7), level: 7)
        case .binary(let op, let left, let right):
            switch op {
            case "or", "and":
                let level = op == "or" ? 1 : 2
                return Part(
                    text: "\(wrap(try expression(left), level)) \(op) \(wrap(try expression(right), level + 1))",
                    level: level)
            case "==", "!=", "<", "<=", ">", ">=": return try comparison(op, left, right)
            case "+", "-", "*", "/":
                let level = op == "+" || op == "-" ? 5 : 6
                let l = try expression(left), r = try expression(right)
                return Part(text: "\(wrap(l, level)) \(op) \(wrap(r, level + 1))", level: level)
            default:
                throw LogicError("the operator `\(op)` has no equivalent")
            }
        case .call(let name, let arguments):
            return try call(name, arguments)
        }
    }

    private func optionReference(_ info: FieldInfo, _ value: String) throws -> String {
        guard let code = info.codes[value] else {
            throw LogicError("`\(value)` is not an option of `\(info.id)`")
        }
        if let name = info.names[code], !Self.keywords.contains(name) { return name }
        return String(code)
    }

    private func has(_ name: String, _ value: String) throws -> String {
        let info = try lookup(name)
        guard info.kind == .set else { throw LogicError("`\(name)` is not a multiple choice") }
        return "\(info.id) has \(try optionReference(info, value))"
    }

    private static let flipped = ["==": "==", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<="]

    private func comparison(_ op: String, _ leftNode: LogicNode, _ rightNode: LogicNode) throws -> Part {
        // A checkbox option against 1 or 0.
        if case .checkbox(let name, let code) = leftNode, let value = Self.literal(rightNode) {
            guard op == "==" || op == "!=", value == "1" || value == "0" else {
                throw LogicError("a checkbox option compares only with '1' or '0'")
            }
            let positive = (op == "==") == (value == "1")
            let test = try has(name, code)
            return positive ? Part(text: test, level: 4) : Part(text: "not (\(test))", level: 3)
        }
        if case .checkbox = rightNode { return try comparison(Self.flipped[op]!, rightNode, leftNode) }
        var left = try expression(leftNode), right = try expression(rightNode)
        var op = op
        if left.literal != nil, right.field != nil {
            swap(&left, &right)
            op = Self.flipped[op]!
        }
        let not: (String) -> Part = { Part(text: "not (\($0))", level: 3) }
        if let info = left.field, let value = right.literal {
            if value.isEmpty {
                guard op == "==" || op == "!=" else { throw LogicError("an empty value cannot be ordered") }
                return op == "=="
                    ? Part(text: "not answered(\(info.id))", level: 3) : Part(text: "answered(\(info.id))", level: 8)
            }
            switch info.kind {
            case .choice:
                if op == "==" || op == "!=" {
                    let test = "\(info.id) == \(try optionReference(info, value))"
                    return op == "==" ? Part(text: test, level: 4) : not(test)
                }
                guard let code = info.codes[value] ?? Int(value) else {
                    throw LogicError("`\(value)` is not an option of `\(info.id)`")
                }
                return Part(text: "\(info.id) \(op) \(code)", level: 4)
            case .set:
                guard op == "==" || op == "!=" else { throw LogicError("a multiple choice cannot be ordered") }
                let test = "\(info.id) has \(try optionReference(info, value)) and count(\(info.id)) == 1"
                return op == "==" ? Part(text: test, level: 2) : not(test)
            case .date:
                let day: String
                if value.lowercased() == "today" {
                    day = "today()"
                } else if let ymd = Self.isoDate(value) {
                    day = "date(\"\(ymd)\")"
                } else {
                    throw LogicError("`\(value)` is not a date written year-month-day")
                }
                return op == "!=" ? not("\(info.id) == \(day)") : Part(text: "\(info.id) \(op) \(day)", level: 4)
            case .number:
                guard right.isNumberLiteral else { throw LogicError("`\(info.id)` is a number, compared with text") }
            case .text:
                if right.isNumberLiteral { right.text = Self.quote(value) }
            case .none:
                break
            }
        }
        if op == "!=" { return not("\(wrap(left, 5)) == \(wrap(right, 5))") }
        return Part(text: "\(wrap(left, 5)) \(op) \(wrap(right, 5))", level: 4)
    }

    private func call(_ name: String, _ arguments: [LogicNode]) throws -> Part {
        let parts = { try arguments.map { try self.expression($0).text } }
        let unsupported = LogicError("the function `\(name)` has no equivalent")
        switch (dialect, name) {
        case (_, "sum"), (_, "mean"), (_, "min"), (_, "max"):
            guard !arguments.isEmpty else { throw unsupported }
            return Part(text: "\(name)(\(try parts().joined(separator: ", ")))", level: 8)
        case (_, "if"):
            guard arguments.count == 3 else { throw LogicError("`if` needs three arguments") }
            return Part(text: "if(\(try parts().joined(separator: ", ")))", level: 8)
        case (_, "round"):
            let list = try parts()
            guard list.count == 1 || list.count == 2 else { throw LogicError("`round` needs one or two arguments") }
            return Part(text: "round(\(list[0]), \(list.count == 2 ? list[1] : "0"))", level: 8)
        case (.xlsform, "today"):
            return Part(text: "today()", level: 8)
        case (.xlsform, "selected"):
            guard arguments.count == 2, let info = try fieldOf(arguments[0]), let value = Self.literal(arguments[1])
            else {
                throw LogicError("`selected` needs a question and a choice name")
            }
            guard info.kind == .set || info.kind == .choice else { throw LogicError("`\(info.id)` is not a choice") }
            let option = try optionReference(info, value)
            return Part(text: info.kind == .set ? "\(info.id) has \(option)" : "\(info.id) == \(option)", level: 4)
        case (.xlsform, "count-selected"):
            guard arguments.count == 1, let info = try fieldOf(arguments[0]), info.kind == .set else {
                throw unsupported
            }
            return Part(text: "count(\(info.id))", level: 8)
        case (.xlsform, "string-length"):
            guard arguments.count == 1 else { throw unsupported }
            return Part(text: "len(\(try expression(arguments[0]).text))", level: 8)
        case (.xlsform, "number"):
            guard arguments.count == 1 else { throw unsupported }
            return try expression(arguments[0])
        case (.xlsform, "coalesce"):
            guard arguments.count == 2, case .field = arguments[0] else { throw unsupported }
            let a = try parts()
            return Part(text: "if(answered(\(a[0])), \(a[0]), \(a[1]))", level: 8)
        case (.redcap, "isblankormissingcode"):
            guard arguments.count == 1, case .field(let field) = arguments[0] else { throw unsupported }
            return Part(text: "not answered(\(try lookup(field).id))", level: 3)
        case (.redcap, "datediff"):
            guard arguments.count >= 3, let unit = Self.literal(arguments[2]) else { throw unsupported }
            var date: LogicNode?
            if Self.literal(arguments[1])?.lowercased() == "today" { date = arguments[0] }
            if Self.literal(arguments[0])?.lowercased() == "today" { date = arguments[1] }
            guard let date, case .field = date else {
                throw LogicError("`datediff` translates only from a date field to 'today'")
            }
            let field = try expression(date).text
            switch unit {
            case "y": return Part(text: "years_since(\(field))", level: 8)
            case "d": return Part(text: "days_since(\(field))", level: 8)
            default: throw LogicError("`datediff` in unit '\(unit)' has no equivalent (only 'y' and 'd')")
            }
        default:
            throw unsupported
        }
    }

    /// The field a node names (`${x}` or `.`), if it names one.
    private func fieldOf(_ node: LogicNode) throws -> FieldInfo? {
        switch node {
        case .field(let name): return try lookup(name)
        case .current: return current
        default: return nil
        }
    }

    /// The value of a literal node as text.
    private static func literal(_ node: LogicNode) -> String? {
        switch node {
        case .string(let text), .number(let text): return text
        case .negate(.number(let text)): return "-" + text
        default: return nil
        }
    }

    /// Words the instrument language reserves, which cannot be used as bare option names.
    static let keywords: Set<String> = ["and", "or", "not", "has", "in", "true", "false"]

    /// A string constant in the instrument language.
    static func quote(_ text: String) -> String {
        "\""
            + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    /// A number as the instrument language writes it.
    static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return String(number)
    }

    /// A date written year-month-day, if `text` is one.
    static func isoDate(_ text: String) -> String? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]),
            let d = Int(parts[2]),
            (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
}
