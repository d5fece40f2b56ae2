import Foundation
package import Instrument

/// Writes an instrument expression in REDCap's logic syntax: `sex == 1` as `[sex] = '1'`,
/// `services has 2` as `[services(2)] = '1'`, `not` pushed inward (REDCap has none), `answered`
/// as a blank test, `years_since(dob)` as `datediff([dob], 'today', 'y')`.
package struct RedcapLogic {
    /// Why an expression cannot be written in REDCap's syntax.
    package struct Unsupported: Error, Sendable {
        /// The construct.
        package var what: String
    }

    /// The instrument the expression belongs to.
    let instrument: Instrument

    /// Creates a writer for an instrument's expressions.
    package init(_ instrument: Instrument) { self.instrument = instrument }

    /// The REDCap logic of a checked expression.
    /// - Throws: ``Unsupported`` for a construct REDCap cannot express.
    package func write(_ bound: Bound) throws(Unsupported) -> String { try logic(bound, negated: false) }

    private func name(_ index: Int) -> String { instrument.variables.all[index].id }

    private func options(_ index: Int) -> [Int] {
        switch instrument.variables.all[index].type {
        case .choice(let list), .set(let list): return list.options.map(\.code)
        default: return []
        }
    }

    private func isSet(_ bound: Bound) -> Bool {
        if case .variable(let index) = bound, case .set = instrument.variables.all[index].type { return true }
        return false
    }

    /// A condition, negated when `negated` (REDCap has no `not`).
    private func logic(_ bound: Bound, negated: Bool) throws(Unsupported) -> String {
        switch bound {
        case .not(let inner): return try logic(inner, negated: !negated)
        case .and(let a, let b), .or(let a, let b):
            var isAnd = false
            if case .and = bound { isAnd = true }
            if negated { isAnd.toggle() }
            return "(\(try logic(a, negated: negated)) \(isAnd ? "and" : "or") \(try logic(b, negated: negated)))"
        case .compare(let op, let a, let b):
            var op = op
            if negated {
                op =
                    [
                        .equal: .notEqual, .notEqual: .equal, .less: .greaterOrEqual, .lessOrEqual: .greater,
                        .greater: .lessOrEqual, .greaterOrEqual: .less,
                    ][op] ?? op
            }
            let symbol =
                [
                    BinaryOperator.equal: "=", .notEqual: "<>", .less: "<", .lessOrEqual: "<=", .greater: ">",
                    .greaterOrEqual: ">=",
                ][op] ?? op.rawValue
            return "\(try value(a)) \(symbol) \(try value(b))"
        case .has(let set, let code):
            guard case .variable(let index) = set else { throw Unsupported(what: "`has` on a calculation") }
            return "[\(name(index))(\(code))] = '\(negated ? 0 : 1)'"
        case .inList(let item, let list):
            let parts = try list.map { (x: Double) throws(Unsupported) -> String in
                "\(try value(item)) \(negated ? "<>" : "=") '\(Self.number(x))'"
            }
            return "(" + parts.joined(separator: negated ? " and " : " or ") + ")"
        case .call(.answered, let arguments):
            guard let argument = arguments.first, case .variable(let index) = argument else {
                throw Unsupported(what: "`answered` of an expression")
            }
            if isSet(argument) {
                let codes = options(index)
                let parts = codes.map { "[\(name(index))(\($0))] = '\(negated ? 0 : 1)'" }
                return "(" + parts.joined(separator: negated ? " and " : " or ") + ")"
            }
            return "[\(name(index))] \(negated ? "=" : "<>") ''"
        case .constant(.boolean(let flag)):
            return flag != negated ? "1 = 1" : "1 = 0"
        default:
            let text = try value(bound)
            return negated ? "\(text) = 0" : "\(text) = 1"
        }
    }

    /// A value: a field, a constant, arithmetic or a function.
    func valueText(_ bound: Bound) throws(Unsupported) -> String { try value(bound) }

    private func value(_ bound: Bound) throws(Unsupported) -> String {
        switch bound {
        case .variable(let index):
            if isSet(bound) { throw Unsupported(what: "a multiple choice used as a value") }
            return "[\(name(index))]"
        case .constant(let constant):
            switch constant {
            case .number(let x): return Self.number(x)
            case .text(let text): return "'" + text.replacingOccurrences(of: "'", with: "\\'") + "'"
            case .date(let day): return "'\(day)'"
            case .choice(let code): return "'\(code)'"
            case .boolean(let flag): return flag ? "1" : "0"
            case .set, .sealed: throw Unsupported(what: "a set constant")
            }
        case .negate(let inner): return "-\(try value(inner))"
        case .arithmetic(let op, let a, let b): return "(\(try value(a)) \(op.rawValue) \(try value(b)))"
        case .call(let function, let arguments):
            let values = { () throws(Unsupported) -> [String] in
                var out: [String] = []
                for argument in arguments { out.append(try self.value(argument)) }
                return out
            }
            switch function {
            case .sum, .mean, .min, .max, .round: return "\(function.rawValue)(\(try values().joined(separator: ", ")))"
            case .if:
                guard arguments.count == 3 else { throw Unsupported(what: "`if`") }
                return
                    "if(\(try logic(arguments[0], negated: false)), \(try value(arguments[1])), \(try value(arguments[2])))"
            case .count:
                guard case .variable(let index)? = arguments.first else {
                    throw Unsupported(what: "`count` of an expression")
                }
                return "sum(" + options(index).map { "[\(name(index))(\($0))]" }.joined(separator: ", ") + ")"
            case .today: return "'today'"
            case .date: return try value(arguments[0])
            case .yearsSince: return "datediff(\(try value(arguments[0])), 'today', 'y')"
            case .daysSince: return "datediff(\(try value(arguments[0])), 'today', 'd')"
            case .answered, .len: throw Unsupported(what: "`\(function.rawValue)` as a value")
            }
        case .not, .and, .or, .compare, .has, .inList:
            return "if(\(try logic(bound, negated: false)), 1, 0)"
        }
    }

    /// A number as REDCap writes it.
    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
