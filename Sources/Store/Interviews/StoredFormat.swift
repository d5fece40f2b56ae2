import Instrument

/// The text forms in which the `answer.value` column holds the values that are not numbers: the
/// one place that knows them. A multiple choice is its codes in ascending order separated by
/// single spaces (`1 3 97`); a date is `YYYY-MM-DD`. Everything outside the store reads these
/// values already decoded (``InterviewRow/codes(_:)``, ``InterviewRow/numbers`` for dates).
enum StoredFormat {
    /// The stored text of a multiple choice.
    static func codesText(_ codes: [Int]) -> String { codes.sorted().map(String.init).joined(separator: " ") }

    /// Decodes the stored text of a multiple choice, appending its codes to `codes`.
    /// - Returns: `false` when the bytes are not codes separated by spaces (a damaged value);
    ///   `codes` may then hold part of them.
    @inline(__always)
    static func codes(_ bytes: UnsafeBufferPointer<UInt8>, into codes: inout [Int]) -> Bool {
        var value = 0, negative = false, digits = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 18 else { return false }
                value = value &* 10 &+ Int(byte &- UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: " "):
                if digits > 0 { codes.append(negative ? -value : value) }
                value = 0
                digits = 0
                negative = false
            case UInt8(ascii: "-") where digits == 0 && !negative:
                negative = true
            default:
                return false
            }
        }
        if digits > 0 { codes.append(negative ? -value : value) }
        return true
    }

    /// Decodes a stored date, `YYYY-MM-DD`, to its day number since 1970-01-01.
    /// - Returns: `nil` when the bytes are not a real date in that form.
    @inline(__always)
    static func day(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return Day(year: year, month: month, day: day)?.ordinal
    }
}
