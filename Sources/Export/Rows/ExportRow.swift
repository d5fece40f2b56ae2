/// One interview as coded cells, in ``ExportLayout/columns`` order. The pass reuses one row for
/// every interview (its cells live in buffers allocated once, written without copy-on-write
/// checks), so a sink copies what it keeps.
package final class ExportRow: @unchecked Sendable {
    /// What a cell holds.
    package enum Kind: UInt8, Sendable {
        /// Nothing: a flag of a question not asked, a text not given, an unreadable value.
        case blank
        /// A number in ``numbers``: a value or a missing code.
        case number
        /// Text in ``texts``.
        case text
    }

    /// The number of cells.
    package let count: Int
    let kindCells: UnsafeMutablePointer<Kind>
    let numberCells: UnsafeMutablePointer<Double>
    let missingCells: UnsafeMutablePointer<Bool>

    /// What each cell holds.
    package var kinds: UnsafeBufferPointer<Kind> { UnsafeBufferPointer(start: kindCells, count: count) }
    /// The number of each ``Kind/number`` cell.
    package var numbers: UnsafeBufferPointer<Double> { UnsafeBufferPointer(start: numberCells, count: count) }
    /// Whether each number cell holds a missing code rather than a value.
    package var isMissing: UnsafeBufferPointer<Bool> { UnsafeBufferPointer(start: missingCells, count: count) }
    /// The text of each ``Kind/text`` cell (masked and cut to the column's width).
    package internal(set) var texts: [String]

    init(count: Int) {
        self.count = count
        kindCells = .allocate(capacity: count)
        kindCells.initialize(repeating: .blank, count: count)
        numberCells = .allocate(capacity: count)
        numberCells.initialize(repeating: 0, count: count)
        missingCells = .allocate(capacity: count)
        missingCells.initialize(repeating: false, count: count)
        texts = Array(repeating: "", count: count)
    }

    deinit {
        kindCells.deallocate()
        numberCells.deallocate()
        missingCells.deallocate()
    }
}

/// What a pass over the rows learned, for `export.json`.
package struct RowTally: Sendable, Equatable {
    /// Rows written.
    package var rows = 0
    /// Rows that `simulate` made.
    package var simulated = 0
    /// Masked items by variable, then kind.
    package var masked: [String: [String: Int]] = [:]
    /// Texts cut to the longest string a column takes, by variable.
    package var truncated: [String: Int] = [:]
    /// The longest text in bytes per column index (text columns only).
    package var longest: [Int: Int] = [:]
    /// Texts holding a line break (CR or LF), which SPSS and PSPP cannot read from a CSV.
    package var lineBreaks = 0
}
