package import Instrument

/// One answer option of a categorical or multiple-choice variable, as reports show it.
package struct Category: Sendable, Hashable, Codable {
    /// The stored code.
    package var code: Int
    /// The label in the instrument's default language.
    package var label: String
    /// The option's name in expressions, if it has one.
    package var name: String?
    /// Whether choosing it asks "please say" (an "other" answer).
    package var asksToSpecify: Bool
    /// Whether choosing it clears the other options (multiple choice).
    package var exclusive: Bool

    /// Creates a category.
    package init(code: Int, label: String, name: String? = nil, asksToSpecify: Bool = false, exclusive: Bool = false) {
        self.code = code
        self.label = label
        self.name = name
        self.asksToSpecify = asksToSpecify
        self.exclusive = exclusive
    }
}

/// A variable of a ``Dataset``: its name and label, how it is analysed, and where it is stored in
/// each instrument version.
package struct DatasetVariable: Sendable, Hashable {
    /// How a variable is analysed.
    package enum Kind: String, Sendable, Hashable, Codable {
        /// Frequencies of codes: single choice, grid items, true/false calculations.
        case categorical
        /// Whole numbers: descriptives and a histogram.
        case integer
        /// Numbers with decimals: descriptives and a histogram.
        case decimal
        /// Multiple choice: multiple response tables.
        case multiple
        /// Free text: only the number answered, never the words.
        case text
        /// Dates: the number answered and the months they span.
        case date
        /// An identifying variable: only the number answered (its values are sealed).
        case identifying

        /// Words for people.
        package var description: String {
            switch self {
            case .categorical: return "single choice"
            case .integer: return "whole number"
            case .decimal: return "number"
            case .multiple: return "multiple choice"
            case .text: return "text"
            case .date: return "date"
            case .identifying: return "identifying (sealed)"
            }
        }

        /// Whether values are read as numbers.
        var isNumeric: Bool { self == .integer || self == .decimal }
    }

    /// The variable's name.
    package var name: String
    /// Its label (or question wording) in the default language.
    package var label: String
    /// How it is analysed.
    package var kind: Kind
    /// Where it comes from in the instrument.
    package var origin: Variable.Origin
    /// The options of categorical and multiple-choice variables: the newest version's, then codes
    /// only older versions had.
    package var categories: [Category]
    /// Where it is defined in the newest version that has it.
    package var location: SourceLocation
    /// The versions that have it.
    package var versions: [Int]
    /// The variable's row id in each instrument version (by the version's row id).
    package var variableIDs: [Int64: Int64]

    /// The category with a code.
    /// - Parameter code: The code.
    /// - Returns: The category, if the instrument lists it.
    package func category(_ code: Int) -> Category? { categories.first { $0.code == code } }
}
