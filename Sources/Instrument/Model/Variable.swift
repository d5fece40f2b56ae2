/// The type of a value as expressions and exports see it.
public enum ValueType: Sendable, Hashable {
    /// A number; `integer` when only whole numbers occur.
    case number(integer: Bool)
    /// Text.
    case text
    /// A date.
    case date
    /// True or false.
    case boolean
    /// One option of the list.
    case choice(OptionList)
    /// A set of options of the list.
    case set(OptionList)

    /// A description for messages ("a number", "a multiple-choice answer").
    public var description: String {
        switch self {
        case .number(let integer): return integer ? "a whole number" : "a number"
        case .text: return "text"
        case .date: return "a date"
        case .boolean: return "true or false"
        case .choice: return "a single-choice answer"
        case .set: return "a multiple-choice answer"
        }
    }

    /// Whether the value can be used as a number (numbers and choices, by their codes).
    public var isNumeric: Bool {
        switch self {
        case .number, .choice: return true
        default: return false
        }
    }
}

/// A variable: a column in every export and a name in expressions.
public struct Variable: Sendable, Hashable {
    /// Where a variable comes from.
    public enum Origin: Sendable, Hashable {
        /// An asked question (not a note or grid).
        case question
        /// An item of the grid with this id.
        case gridItem(grid: String)
        /// The "please say" text of an option of a choice question.
        case specify(question: String, code: Int)
        /// A calculation.
        case calculation
        /// A score.
        case score
    }

    /// The variable name.
    public var id: String
    /// Where it comes from.
    public var origin: Origin

    /// The name of the variable that holds the "please say" text of an option: the one place
    /// that builds it (`services_97_text`).
    /// - Parameters:
    ///   - question: The choice question's id.
    ///   - code: The option's code.
    /// - Returns: The variable's name.
    public static func specifyName(question: String, code: Int) -> String { "\(question)_\(code)_text" }
    /// Its type (for calculations, as inferred from the expression).
    public var type: ValueType
    /// The index of the section it belongs to (scores: the section of their last item).
    public var section: Int
    /// The order in which its value becomes known: the index of the step that asks it, or for
    /// calculations and scores the largest such index of their inputs. Expressions at a step may
    /// use variables whose `available` is smaller.
    public var available: Int
    /// The index of the asking step (questions, grid items and specify texts); `nil` otherwise.
    public var step: Int?
    /// Where it is defined.
    public var location: SourceLocation
}

/// The variables of an instrument, by name and in order.
public struct VariableTable: Sendable, Hashable {
    /// The variables in order of definition.
    public private(set) var all: [Variable] = []
    private var indexByID: [String: Int] = [:]
    private var indexByLowercasedID: [String: Int] = [:]

    /// Creates an empty table.
    public init() {}

    /// The variable with an id.
    public subscript(id: String) -> Variable? { indexByID[id].map { all[$0] } }

    /// The index of the variable with an id.
    public func index(of id: String) -> Int? { indexByID[id] }

    /// The variable whose id differs from `id` only in case, if any.
    func caseInsensitiveMatch(_ id: String) -> Variable? { indexByLowercasedID[id.lowercased()].map { all[$0] } }

    /// Adds a variable; returns `false` (and adds nothing) when its id, ignoring case, is taken.
    @discardableResult
    mutating func add(_ variable: Variable) -> Bool {
        guard indexByLowercasedID[variable.id.lowercased()] == nil else { return false }
        indexByID[variable.id] = all.count
        indexByLowercasedID[variable.id.lowercased()] = all.count
        all.append(variable)
        return true
    }

    /// Replaces the variable at an index (used to record a calculation's inferred type).
    mutating func update(_ index: Int, _ change: (inout Variable) -> Void) { change(&all[index]) }

    /// The ids, for suggestions.
    public var ids: [String] { all.map(\.id) }
}
