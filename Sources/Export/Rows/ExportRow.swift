/// One interview as coded cells, in ``ExportLayout/columns`` order. The pass reuses one row for
/// every interview, so a sink copies what it keeps.
public struct ExportRow: Sendable {
    /// What a cell holds.
    public enum Kind: UInt8, Sendable {
        /// Nothing: a flag of a question not asked, a text not given, an unreadable value.
        case blank
        /// A number in ``numbers``: a value or a missing code.
        case number
        /// Text in ``texts``.
        case text
    }

    /// What each cell holds.
    public internal(set) var kinds: [Kind]
    /// The number of each ``Kind/number`` cell.
    public internal(set) var numbers: [Double]
    /// The text of each ``Kind/text`` cell (masked and cut to the column's width).
    public internal(set) var texts: [String]
    /// Whether each number cell holds a missing code rather than a value.
    public internal(set) var isMissing: [Bool]

    init(count: Int) {
        kinds = Array(repeating: .blank, count: count)
        numbers = Array(repeating: 0, count: count)
        texts = Array(repeating: "", count: count)
        isMissing = Array(repeating: false, count: count)
    }
}

/// What a pass over the rows learned, for `export.json`.
public struct RowTally: Sendable, Equatable {
    /// Rows written.
    public var rows = 0
    /// Rows that `simulate` made.
    public var simulated = 0
    /// Masked items by variable, then kind.
    public var masked: [String: [String: Int]] = [:]
    /// Texts cut to the longest string a column takes, by variable.
    public var truncated: [String: Int] = [:]
    /// The longest text in bytes per column index (text columns only).
    public var longest: [Int: Int] = [:]
    /// Texts holding a line break (CR or LF), which SPSS and PSPP cannot read from a CSV.
    public var lineBreaks = 0
}
