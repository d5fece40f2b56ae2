import Presentation
import Foundation
import Instrument

/// One statement about one value: a subject ("Age" (age)) and what is said of it.
struct Atom: Sendable {
    /// The value spoken of; `nil` for "always" and "never".
    var subject: String?
    /// The variable the subject is, when it is a bare variable.
    var variable: Int?
    /// What is said of the subject.
    var positive: String
    /// What is said when the statement is negated.
    var negative: String
    /// Whether the statement is negated.
    var isNegated = false
    /// Whether the statement is false when the subject has no answer (comparisons, `has`, `in`);
    /// so its negation is true then, and says so.
    var falseWhenMissing = true
    /// Whether the statement is about having an answer (`answered(x)`).
    var statesAnswer = false
    /// For an equality with options of a single-choice variable, the codes it accepts (so that
    /// `a == 1 or a == 2` reads as one statement).
    var choiceCodes: [Int]?

    /// The statement negated.
    var toggled: Atom {
        var atom = self
        atom.isNegated.toggle()
        return atom
    }

    /// Whether a true statement means the subject has an answer.
    var impliesAnswer: Bool { !isNegated && (falseWhenMissing || statesAnswer) }
}

/// A condition as statements joined by "and" and "or"; negation is pushed down to the
/// statements (De Morgan holds exactly, since a missing value makes a condition false).
indirect enum Clause: Sendable {
    case atom(Atom)
    case all([Clause])
    case any([Clause])

    var negated: Clause {
        switch self {
        case .atom(let atom): return .atom(atom.toggled)
        case .all(let parts): return .any(parts.map(\.negated))
        case .any(let parts): return .all(parts.map(\.negated))
        }
    }
}

extension PlainWords {
    /// Renders a clause. `answered` holds the variables known to have an answer where the clause
    /// stands (so "(or has no answer)" is not said of them).
    func render(_ clause: Clause, answered: Set<Int>, nested: Bool) -> String {
        switch clause {
        case .atom(let atom):
            return sentence(atom, subject: true, answered: answered)
        case .all(let parts):
            var known = answered
            for case .atom(let atom) in parts where atom.impliesAnswer {
                if let variable = atom.variable { known.insert(variable) }
            }
            let text = join(parts, word: "and", answered: known)
            return nested ? "(\(text))" : text
        case .any(let parts):
            let text = join(merged(parts), word: "or", answered: answered)
            return nested ? "(\(text))" : text
        }
    }

    /// Joins statements, leaving out a subject that repeats the one before.
    private func join(_ parts: [Clause], word: String, answered: Set<Int>) -> String {
        var pieces: [String] = []
        var previous: String?
        for part in parts {
            if case .atom(let atom) = part {
                let repeats = atom.subject != nil && atom.subject == previous
                pieces.append(sentence(atom, subject: !repeats, answered: answered))
                previous = atom.subject
            } else {
                pieces.append(render(part, answered: answered, nested: true))
                previous = nil
            }
        }
        return pieces.joined(separator: " \(word) ")
    }

    /// Merges neighbouring "is A" statements about one single-choice variable into "is A or B".
    private func merged(_ parts: [Clause]) -> [Clause] {
        var out: [Clause] = []
        for part in parts {
            if case .atom(let atom) = part, !atom.isNegated, let codes = atom.choiceCodes, let index = atom.variable,
                case .atom(let last)? = out.last, !last.isNegated, let lastCodes = last.choiceCodes,
                last.variable == index, case .choice(let list) = variable(index).type
            {
                let all = lastCodes + codes.filter { !lastCodes.contains($0) }
                let items = all.map { quoted(list.option(code: $0)?.label.text(in: language) ?? String($0)) }
                var combined = last
                combined.positive = Self.isOneOf(items)
                combined.negative = Self.isNoneOf(items)
                combined.choiceCodes = all
                out[out.count - 1] = .atom(combined)
            } else {
                out.append(part)
            }
        }
        return out
    }

    private func sentence(_ atom: Atom, subject: Bool, answered: Set<Int>) -> String {
        var text = atom.isNegated ? atom.negative : atom.positive
        if atom.isNegated, atom.falseWhenMissing, !(atom.variable.map(answered.contains) ?? false) {
            text += " (or has no answer)"
        }
        guard subject, let name = atom.subject else { return text }
        return "\(name) \(text)"
    }

    // MARK: Words

    /// `is "A"`, `is "A" or "B"`, `is one of "A", "B" or "C"`.
    static func isOneOf(_ items: [String]) -> String {
        switch items.count {
        case 0: return "is none of its options"
        case 1: return "is \(items[0])"
        case 2: return "is \(items[0]) or \(items[1])"
        default: return "is one of \(items.dropLast().joined(separator: ", ")) or \(items.last!)"
        }
    }

    /// `is not "A"`, `is neither "A" nor "B"`, `is none of "A", "B" or "C"`.
    static func isNoneOf(_ items: [String]) -> String {
        switch items.count {
        case 0: return "is any of its options"
        case 1: return "is not \(items[0])"
        case 2: return "is neither \(items[0]) nor \(items[1])"
        default: return "is none of \(items.dropLast().joined(separator: ", ")) or \(items.last!)"
        }
    }

    static func predicate(_ op: BinaryOperator, _ object: String, dates: Bool) -> String {
        switch (op, dates) {
        case (.equal, false): return "is \(object)"
        case (.equal, true): return "is on \(object)"
        case (.notEqual, false): return "is not \(object)"
        case (.notEqual, true): return "is not on \(object)"
        case (.greater, false): return "is more than \(object)"
        case (.greater, true): return "is after \(object)"
        case (.greaterOrEqual, false): return "is \(object) or more"
        case (.greaterOrEqual, true): return "is on or after \(object)"
        case (.less, false): return "is less than \(object)"
        case (.less, true): return "is before \(object)"
        case (.lessOrEqual, false): return "is \(object) or less"
        case (.lessOrEqual, true): return "is on or before \(object)"
        default: return "\(op.rawValue) \(object)"
        }
    }

    /// A constant as words, or `nil` for one that has none.
    static func constant(_ value: Value) -> String? {
        switch value {
        case .number(let x): return number(x)
        case .choice(let code): return String(code)
        case .text(let text): return "\"\(text)\""
        case .date(let day): return day.description
        case .boolean(let flag): return flag ? "true" : "false"
        case .set, .sealed: return nil
        }
    }

    /// A number without a needless `.0`.
    static func number(_ value: Double) -> String { NumberFormat.exact(value) }

    /// A label cut to about 80 characters at a word, for naming a question inside a sentence.
    static func shortened(_ label: String) -> String {
        guard label.count > 80 else { return label }
        var cut = String(label.prefix(80))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut + "…"
    }
}

extension Bound {
    /// The operands of a chain of `and` (or of `or`), left to right.
    func flattened(and: Bool) -> [Bound] {
        switch self {
        case .and(let a, let b) where and: return a.flattened(and: and) + b.flattened(and: and)
        case .or(let a, let b) where !and: return a.flattened(and: and) + b.flattened(and: and)
        default: return [self]
        }
    }

    var isConstant: Bool {
        if case .constant = self { return true }
        return false
    }

    var variableIndex: Int? {
        if case .variable(let index) = self { return index }
        return nil
    }

    func isDate(in instrument: Instrument) -> Bool {
        switch self {
        case .constant(.date), .call(.today, _): return true
        case .variable(let index): return instrument.variables.all[index].type == .date
        default: return false
        }
    }
}

extension Value {
    /// The value as a number, for codes and numbers.
    var numeric: Double? {
        switch self {
        case .number(let x): return x
        case .choice(let code): return Double(code)
        default: return nil
        }
    }
}

extension BinaryOperator {
    /// The operator with its operands swapped (`3 < x` is `x > 3`).
    var mirrored: BinaryOperator {
        switch self {
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        default: return self
        }
    }

    /// The opposite comparison.
    var negated: BinaryOperator {
        switch self {
        case .equal: return .notEqual
        case .notEqual: return .equal
        case .less: return .greaterOrEqual
        case .lessOrEqual: return .greater
        case .greater: return .lessOrEqual
        case .greaterOrEqual: return .less
        default: return self
        }
    }

    /// Whether `x op y` holds.
    func holds(_ x: Double, _ y: Double) -> Bool {
        switch self {
        case .equal: return x == y
        case .notEqual: return x != y
        case .less: return x < y
        case .lessOrEqual: return x <= y
        case .greater: return x > y
        case .greaterOrEqual: return x >= y
        default: return false
        }
    }
}
