/// The question types, as one table: each type's YAML name, the keys it takes beyond the common
/// ones, and what it says in the schema. The loader, the JSON Schema, the docs test and every
/// interviewer read this table; a new type is a row here, its decoding in the loader, and the
/// ``AnswerInput`` it is asked with (often an existing one, as a 0-10 scale would be
/// ``AnswerInput/oneOption(_:)``).
public enum QuestionType: String, CaseIterable, Sendable {
    case single, multiple, integer, decimal, text, date, note, calculate, grid

    /// The keys this type takes beyond the common ones.
    public var keys: Set<String> {
        switch self {
        case .single, .multiple: return ["options"]
        case .integer, .date: return ["range"]
        case .decimal: return ["range", "decimals"]
        case .text: return ["length", "long"]
        case .note: return []
        case .calculate: return ["expression"]
        case .grid: return ["options", "items"]
        }
    }

    /// Every type-specific key of any type.
    public static let specificKeys: Set<String> = allCases.reduce(into: []) { $0.formUnion($1.keys) }

    /// Whether the type needs `options:`.
    public var needsOptions: Bool { keys.contains("options") }

    /// Whether the type is asked (calculations are derived, never asked).
    public var isAsked: Bool { self != .calculate }

    /// Whether the type takes an answer and so the keys about answers (`allow`, `check`, `warn`,
    /// `default`): a note is only read out, and a grid's answers are its items'.
    public var takesAnswerKeys: Bool {
        switch self {
        case .note, .grid, .calculate: return false
        case .single, .multiple, .integer, .decimal, .text, .date: return true
        }
    }
}

/// How an interviewer takes one answer: what the full screen, the line mode and the simulator
/// need to know of a question, whatever its type. Every switch over it names every case.
public enum AnswerInput: Sendable, Hashable {
    /// One option of the list (single choice, a grid item).
    case oneOption(OptionList)
    /// Any number of options of the list (multiple choice).
    case options(OptionList)
    /// A whole number, optionally within bounds.
    case wholeNumber(range: ClosedRange<Double>?)
    /// A number with decimals, optionally within bounds and with at most `decimals` digits.
    case number(range: ClosedRange<Double>?, decimals: Int?)
    /// A date, optionally within bounds.
    case date(from: DateBound?, to: DateBound?)
    /// Text of a length within bounds; `long` for a paragraph.
    case text(length: ClosedRange<Int>, long: Bool)
    /// Nothing: words read out (a note).
    case readOut

    /// The option list of a choice.
    public var options: OptionList? {
        switch self {
        case .oneOption(let list), .options(let list): return list
        case .wholeNumber, .number, .date, .text, .readOut: return nil
        }
    }

    /// Whether the answer is typed (numbers, dates and text) rather than chosen.
    public var isTyped: Bool {
        switch self {
        case .wholeNumber, .number, .date, .text: return true
        case .oneOption, .options, .readOut: return false
        }
    }
}

extension Question.Kind {
    /// The type in the table.
    public var type: QuestionType {
        switch self {
        case .single: return .single
        case .multiple: return .multiple
        case .integer: return .integer
        case .decimal: return .decimal
        case .text: return .text
        case .date: return .date
        case .note: return .note
        case .calculate: return .calculate
        case .grid: return .grid
        }
    }

    /// How the question (for a grid: each item) is asked; `nil` for a calculation.
    public var input: AnswerInput? {
        switch self {
        case .single(let list), .grid(let list, _): return .oneOption(list)
        case .multiple(let list): return .options(list)
        case .integer(let range): return .wholeNumber(range: range)
        case .decimal(let range, let decimals): return .number(range: range, decimals: decimals)
        case .text(let length, let long): return .text(length: length, long: long)
        case .date(let from, let to): return .date(from: from, to: to)
        case .note: return .readOut
        case .calculate: return nil
        }
    }
}
