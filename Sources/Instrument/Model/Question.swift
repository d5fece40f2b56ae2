/// A hard check or soft warning: a condition under which the answer is questioned, and what to say.
public struct Rule: Sendable, Hashable {
    /// When true, the rule fires.
    public var condition: Expression
    /// Shown under the answer.
    public var message: LocalizedText
}

/// A bound of a date range: a fixed date or the day of the interview.
public enum DateBound: Sendable, Hashable {
    /// A fixed date.
    case day(Day)
    /// The day the interview takes place.
    case today
}

/// One item of a grid: a variable answered with the grid's options.
public struct GridItem: Sendable, Hashable {
    /// The variable name.
    public var id: String
    /// The item's wording.
    public var text: LocalizedText
    /// A short label for exports.
    public var label: LocalizedText?
    /// Where it is written.
    public var location: SourceLocation
}

/// One question of an instrument.
public struct Question: Sendable, Hashable {
    /// What kind of answer the question takes, with the keys specific to that kind.
    public enum Kind: Sendable, Hashable {
        /// One option.
        case single(OptionList)
        /// Any number of options.
        case multiple(OptionList)
        /// A whole number, optionally within bounds.
        case integer(range: ClosedRange<Double>?)
        /// A number, optionally within bounds and with at most `decimals` digits after the point.
        case decimal(range: ClosedRange<Double>?, decimals: Int?)
        /// Text of a length within bounds; `long` for a paragraph.
        case text(length: ClosedRange<Int>, long: Bool)
        /// A date, optionally within bounds.
        case date(from: DateBound?, to: DateBound?)
        /// Read out or shown; no answer.
        case note
        /// Derived from other answers; never asked.
        case calculate(Expression)
        /// Items sharing one option list; each item is a variable.
        case grid(OptionList, items: [GridItem])

        /// The word used in YAML.
        public var name: String { type.rawValue }

        /// The options of a choice or grid question.
        public var options: OptionList? {
            switch self {
            case .single(let list), .multiple(let list), .grid(let list, _): return list
            default: return nil
            }
        }
    }

    /// The variable name (for a grid, the grid's name).
    public var id: String
    /// The kind of answer.
    public var kind: Kind
    /// The wording read aloud (absent for calculations).
    public var text: LocalizedText?
    /// A short label for exports.
    public var label: LocalizedText?
    /// Extra words for the participant.
    public var hint: LocalizedText?
    /// An instruction only the interviewer sees.
    public var interviewer: LocalizedText?
    /// Asked only when true.
    public var askIf: Expression?
    /// The missing answers the participant may give.
    public var allow: [MissingKind]
    /// Hard checks.
    public var checks: [Rule]
    /// Soft warnings.
    public var warnings: [Rule]
    /// A pre-filled answer.
    public var defaultAnswer: DefaultAnswer?
    /// Sealed at capture, never stored or exported in plain text.
    public var identifying: Bool
    /// Where the question starts.
    public var location: SourceLocation

    /// Whether the question is shown to the participant (not a calculation).
    public var isAsked: Bool {
        if case .calculate = kind { return false }
        return true
    }
}

/// A question's pre-filled answer.
public enum DefaultAnswer: Sendable, Hashable {
    /// A fixed value.
    case value(Value)
    /// The day of the interview (dates only).
    case today
}
