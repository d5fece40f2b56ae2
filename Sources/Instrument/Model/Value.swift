/// A calendar date without a time or zone, as a `date` question records it.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// Days since 1970-01-01 (negative before).
    public var ordinal: Int

    /// Creates a date from its parts, or `nil` if there is no such date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= Day.daysIn(month: month, year: year)
        else { return nil }
        // Howard Hinnant's days-from-civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146_097 + doe - 719_468
    }

    /// Creates a date from a day count since 1970-01-01.
    public init(ordinal: Int) { self.ordinal = ordinal }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The year, month and day.
    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    /// Whole years from `self` to `later` (an age on a birthday counts the new year).
    public func years(until later: Day) -> Int {
        let a = components, b = later.components
        var years = b.year - a.year
        if (b.month, b.day) < (a.month, a.day) { years -= 1 }
        return years
    }

    /// Orders by date.
    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// An answer's value, typed by the kind of question that holds it.
public enum Value: Sendable, Hashable {
    /// An integer or decimal answer, a number calculation or a score.
    case number(Double)
    /// A text answer.
    case text(String)
    /// A date answer.
    case date(Day)
    /// A boolean calculation.
    case boolean(Bool)
    /// A single-choice answer or grid item: the chosen option's code.
    case choice(Int)
    /// A multiple-choice answer: the chosen options' codes, ascending.
    case set([Int])
    /// An identifying answer that was given and sealed, whose content this process cannot read
    /// (a resumed interview's email address). It counts as answered; expressions get nothing
    /// else from it (comparisons with it are false, arithmetic and text functions missing), and
    /// it is never written back: only a newly typed value replaces it.
    case sealed

    /// The largest whole number an integer question takes: 2^53 - 1. Every whole number up to it
    /// is exact as a `Double` (the model's number), in SQLite and in every export format; beyond
    /// it, 2^53 + 1 cannot be told from 2^53. Integer answers and `range` bounds are refused
    /// beyond it (docs/study-database.md).
    public static let largestExactInteger: Double = 9_007_199_254_740_991
}

/// What a variable holds at the end of (or during) an interview: a value or the reason for none.
public enum Answer: Sendable, Hashable {
    /// An answer.
    case value(Value)
    /// The participant preferred not to say.
    case refused
    /// The participant did not know.
    case dontKnow
    /// Routed past, or said not to apply.
    case notApplicable
    /// The interview stopped before the question.
    case notReached
    /// The interview's instrument version does not have the variable.
    case notInVersion

    /// Creates the answer for a missing kind.
    public init(missing kind: MissingKind) {
        switch kind {
        case .refused: self = .refused
        case .dontKnow: self = .dontKnow
        case .notApplicable: self = .notApplicable
        case .notReached: self = .notReached
        case .notInVersion: self = .notInVersion
        }
    }

    /// The missing kind, or `nil` for a value.
    public var missingKind: MissingKind? {
        switch self {
        case .value: return nil
        case .refused: return .refused
        case .dontKnow: return .dontKnow
        case .notApplicable: return .notApplicable
        case .notReached: return .notReached
        case .notInVersion: return .notInVersion
        }
    }

    /// The value, or `nil` for a missing answer.
    public var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }
}
