/// How a numeric column's missing codes are declared to SPSS (`MISSING VALUES`, the `.sav`
/// missing ranges): one range from the lowest to the highest code when no labelled value falls
/// inside it (the usual case: the codes are contiguous negatives such as -9 to -5), else up to
/// three single codes, else a range and one code as SPSS allows.
package enum MissingDeclaration: Sendable, Equatable {
    /// No missing codes.
    case none
    /// `lo THRU hi`.
    case range(Int, Int)
    /// Up to three codes.
    case values([Int])
    /// A range and one more code.
    case rangeAndValue(Int, Int, Int)

    /// The declaration for a column.
    /// - Parameter column: A numeric column.
    /// - Returns: How its missing codes are declared.
    package static func of(_ column: ExportColumn) -> MissingDeclaration {
        let codes = column.missingCodes.map(\.code).sorted()
        guard let low = codes.first, let high = codes.last else { return .none }
        if codes.count == 1 { return .values(codes) }
        let valid = column.valueLabels.map(\.code)
        if !valid.contains(where: { (low...high).contains($0) }) && !column.hasOpenRange(low...high) {
            return .range(low, high)
        }
        if codes.count <= 3 { return .values(codes) }
        // Codes beyond three with a value inside: the longest run of codes with no value inside,
        // and the one left over. Instruments with such codes are rare; `check` warns about them.
        for split in [codes.count - 1, 1] {
            let run = split == 1 ? Array(codes.dropFirst()) : Array(codes.dropLast())
            let other = split == 1 ? codes[0] : codes[codes.count - 1]
            if codes.count == 4, let lo = run.first, let hi = run.last,
                !valid.contains(where: { (lo...hi).contains($0) })
            {
                return .rangeAndValue(lo, hi, other)
            }
        }
        return .values(Array(codes.prefix(3)))
    }
}

extension ExportColumn {
    /// Whether a value of the column could fall in a range of codes: a number whose question's
    /// range reaches into it. Scores and calculations are built from option codes and counts,
    /// which are never negative codes.
    func hasOpenRange(_ range: ClosedRange<Int>) -> Bool {
        guard let values = valueRange else { return false }
        return values.lowerBound <= Double(range.upperBound) && values.upperBound >= Double(range.lowerBound)
    }
}
