import Foundation
/// Masks contact details in free text: email addresses, telephone numbers (UK and international
/// forms) and UK postcodes become `[email]`, `[phone]` and `[postcode]`, and each is counted.
///
/// An email address may be written out to dodge filters: `jo at example dot org`,
/// `jo [at] example [dot] org`, `jo(at)example(dot)org`, `jo @ example . org` are masked too.
/// A telephone number is a run of digits with spaces, dots, dashes, slashes or brackets between
/// them that starts with `+`, `00`, `0` or `(0` and has 9 to 15 digits (`07700 900123`,
/// `+44 (0)20 7946 0958`, `0161-496-0000`, `07700/900123`, `0 7 7 0 0 9 0 0 1 2 3`). A postcode
/// is the Royal Mail pattern (`SW1A 1AA`, `m1 1ae`, `B33 8TH`), in any case, with no space, one
/// or two spaces, or a dash between its halves.
package struct TextMasker: Sendable {
    /// The kinds of detail masked.
    package enum Kind: String, Sendable, CaseIterable {
        /// An email address.
        case email
        /// A telephone number.
        case phone
        /// A UK postcode.
        case postcode

        /// What replaces it.
        package var mask: String { "[\(rawValue)]" }
    }

    /// Creates a masker.
    package init() {}

    /// Masks a text.
    /// - Parameter text: The answer.
    /// - Returns: The masked text and how many of each kind were masked (kinds with none left out).
    package func mask(_ text: String) -> (text: String, counts: [Kind: Int]) {
        var counts: [Kind: Int] = [:]
        // Nothing to mask without an `@`, a digit or the word "at": the common case, decided quickly.
        guard
            text.utf8.contains(where: { $0 == UInt8(ascii: "@") || ($0 >= 48 && $0 <= 57) })
                || text.range(of: "at", options: .caseInsensitive) != nil
        else {
            return (text, counts)
        }
        var result = replace(Self.email, in: text, kind: .email, counts: &counts)
        result = replace(Self.spelledEmail, in: result, kind: .email, counts: &counts)
        result = maskPhones(result, counts: &counts)
        result = maskPostcodes(result, counts: &counts)
        return (result, counts)
    }

    nonisolated(unsafe) private static let email = try! Regex(
        #"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"#)
    /// An address with its `@` or dots written out or spaced (`jo at example dot org`); "at" and
    /// "dot" as words need spaces or brackets around them, so "cat" or "dotted" never count.
    nonisolated(unsafe) private static let spelledEmail = try! Regex(
        #"[A-Za-z0-9._%+\-]+(?:\s*@\s*|\s*[\[\(\{<]\s*(?i:at)\s*[\]\)\}>]\s*|\s+(?i:at)\s+)[A-Za-z0-9\-]+(?:(?:\s*\.\s*|\s*[\[\(\{<]\s*(?i:dot)\s*[\]\)\}>]\s*|\s+(?i:dot)\s+)[A-Za-z0-9\-]+)*(?:\s*\.\s*|\s*[\[\(\{<]\s*(?i:dot)\s*[\]\)\}>]\s*|\s+(?i:dot)\s+)[A-Za-z]{2,}\b"#)
    // Swift's Regex has no lookbehind: the boundaries around a postcode are checked by hand.
    nonisolated(unsafe) private static let postcode = try! Regex(
        #"GIR ?0AA|[A-Za-z]{1,2}[0-9][A-Za-z0-9]?(?: {1,2}|-)?[0-9][A-Za-z]{2}"#)

    private func replace(_ regex: Regex<AnyRegexOutput>, in text: String, kind: Kind, counts: inout [Kind: Int])
        -> String
    {
        let matches = text.matches(of: regex)
        guard !matches.isEmpty else { return text }
        counts[kind, default: 0] += matches.count
        return text.replacing(regex, with: kind.mask)
    }

    /// Masks postcodes that stand alone: not preceded or followed by a letter or digit.
    private func maskPostcodes(_ text: String, counts: inout [Kind: Int]) -> String {
        func isWordCharacter(_ character: Character) -> Bool {
            character.isASCII && (character.isLetter || character.isNumber)
        }
        var result = ""
        var copied = text.startIndex
        for match in text.matches(of: Self.postcode) {
            let range = match.range
            if range.lowerBound > text.startIndex, isWordCharacter(text[text.index(before: range.lowerBound)]) {
                continue
            }
            if range.upperBound < text.endIndex, isWordCharacter(text[range.upperBound]) { continue }
            result += text[copied..<range.lowerBound]
            result += Kind.postcode.mask
            copied = range.upperBound
            counts[.postcode, default: 0] += 1
        }
        guard copied != text.startIndex else { return text }
        return result + text[copied...]
    }

    /// Finds telephone numbers by walking the text: regular expressions for "9 to 15 digits with
    /// any separators between" are hard to read and easy to get wrong.
    private func maskPhones(_ text: String, counts: inout [Kind: Int]) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
        func isSeparator(_ byte: UInt8) -> Bool {
            byte == 32 || byte == 46 || byte == 45 || byte == 40 || byte == 41 || byte == 47
        }
        while index < bytes.count {
            let byte = bytes[index]
            let startsNumber = byte == UInt8(ascii: "+") || byte == UInt8(ascii: "(") || isDigit(byte)
            let afterWord = index > 0 && (isDigit(bytes[index - 1]) || isLetter(bytes[index - 1]))
            guard startsNumber, !afterWord, let end = phoneEnd(bytes, from: index, isDigit, isSeparator) else {
                output.append(byte)
                index += 1
                continue
            }
            output.append(contentsOf: Array(Kind.phone.mask.utf8))
            counts[.phone, default: 0] += 1
            index = end
        }
        return String(decoding: output, as: UTF8.self)
    }

    private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }

    /// The end of a telephone number starting at `start`, or `nil` if there is none there.
    private func phoneEnd(
        _ bytes: [UInt8], from start: Int, _ isDigit: (UInt8) -> Bool, _ isSeparator: (UInt8) -> Bool
    ) -> Int? {
        var index = start
        var digits: [UInt8] = []
        var lastDigitEnd = start
        if bytes[index] == UInt8(ascii: "+") { index += 1 }
        while index < bytes.count {
            let byte = bytes[index]
            if isDigit(byte) {
                digits.append(byte)
                index += 1
                lastDigitEnd = index
            } else if isSeparator(byte), index + 1 < bytes.count,
                isDigit(bytes[index + 1]) || bytes[index + 1] == 40 || isSeparator(bytes[index + 1])
            {
                index += 1
            } else {
                break
            }
            if digits.count > 15 { return nil }
        }
        guard (9...15).contains(digits.count) else { return nil }
        // Not followed by a letter or digit (then it is part of something else).
        if lastDigitEnd < bytes.count, isLetter(bytes[lastDigitEnd]) { return nil }
        let international = bytes[start] == UInt8(ascii: "+") || digits.starts(with: [48, 48])
        let national = digits.first == 48
        return international || national ? lastDigitEnd : nil
    }
}
