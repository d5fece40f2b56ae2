package import Instrument

/// One column of every coded dataset an export writes: the coded CSV, the `.sav` and `.dta`
/// files and the syntax files all have exactly these columns, in ``ExportLayout/columns`` order.
package struct ExportColumn: Sendable, Equatable {
    /// Interview metadata written before the answers.
    package enum Metadata: String, Sendable, Equatable, CaseIterable, Codable {
        /// The participant's pseudonym (or, with `--profile custodian`, their participant code).
        case participant
        /// The instrument version the interview used.
        case version
        /// The peer researcher's code.
        case interviewer
        /// Where the interview stands (completed, broken off, ...), as a numeric code.
        case status
        /// The coded reason a break-off was recorded with, blank when none.
        case outcome
        /// The month the interview started (`YYYY-MM`): the date, coarsened.
        case month
    }

    /// What a column holds.
    package enum Role: Sendable, Equatable {
        /// Interview metadata.
        case metadata(Metadata)
        /// The value of a question or grid item: a code, a number, or a date coarsened to `YYYYMM`
        /// (`YYYYMMDD` for the custodian).
        case value
        /// One option of a multiple-choice question: 1 when chosen, 0 when asked and not chosen,
        /// blank when not asked; the question's missing code when it was refused or similar.
        case optionFlag(code: Int)
        /// The "please say" text of an option with `specify`.
        case specify(code: Int)
        /// A scale score.
        case score
        /// A calculation.
        case calculation
        /// The answer to a free-text question (only with `--include-text`, masked).
        case text
    }

    /// How values are stored.
    package enum Storage: Sendable, Equatable {
        /// A number with this many digits after the decimal point (0 for codes and counts).
        case numeric(decimals: Int)
        /// Text of at most this many bytes of UTF-8.
        case string(width: Int)

        /// Whether values are numbers.
        package var isNumeric: Bool {
            if case .numeric = self { return true }
            return false
        }
    }

    /// The level of measurement (SPSS `VARIABLE LEVEL`).
    package enum Measure: String, Sendable, Equatable, Codable {
        /// Unordered codes.
        case nominal
        /// Ordered codes.
        case ordinal
        /// Numbers.
        case scale
    }

    /// A code and its label.
    package struct CodeLabel: Sendable, Equatable {
        /// The code.
        package var code: Int
        /// The label in the instrument's default language.
        package var label: String

        /// Creates a code and label.
        package init(code: Int, label: String) {
            self.code = code
            self.label = label
        }
    }

    /// A missing code that applies to a column.
    package struct MissingValue: Sendable, Equatable {
        /// Which reason for no answer.
        package var kind: MissingKind
        /// The code written in its place.
        package var code: Int
        /// Its label.
        package var label: String

        /// Creates a missing code.
        package init(kind: MissingKind, code: Int, label: String) {
            self.kind = kind
            self.code = code
            self.label = label
        }
    }

    /// The name in every file: letters, digits and `_`, starting with a letter, at most 64 bytes
    /// (SPSS and Stata take it as it is).
    package var name: String
    /// The variable label.
    package var label: String
    /// What the column holds.
    package var role: Role
    /// The instrument variable it comes from; `nil` for metadata.
    package var variableID: String?
    /// How values are stored.
    package var storage: Storage
    /// The value labels of the codes, in order (not the missing codes).
    package var valueLabels: [CodeLabel]
    /// The missing codes that can occur in the column, lowest code first; empty for text and
    /// metadata.
    package var missingCodes: [MissingValue]
    /// The level of measurement.
    package var measure: Measure
    /// The multiple-response set a 0/1 flag belongs to (the question's id); `nil` otherwise.
    package var multipleResponseSet: String?
    /// The smallest and largest value of a number, when its question gives a range.
    package var valueRange: ClosedRange<Double>?

    /// Creates a column.
    package init(
        name: String, label: String, role: Role, variableID: String?, storage: Storage,
        valueLabels: [CodeLabel] = [], missingCodes: [MissingValue] = [], measure: Measure,
        multipleResponseSet: String? = nil, valueRange: ClosedRange<Double>? = nil
    ) {
        self.name = name
        self.label = label
        self.role = role
        self.variableID = variableID
        self.storage = storage
        self.valueLabels = valueLabels
        self.missingCodes = missingCodes
        self.measure = measure
        self.multipleResponseSet = multipleResponseSet
        self.valueRange = valueRange
    }

    /// The value labels followed by the missing codes' labels, as most formats declare them.
    package var allLabels: [CodeLabel] {
        valueLabels + missingCodes.map { CodeLabel(code: $0.code, label: $0.label) }
    }
}
