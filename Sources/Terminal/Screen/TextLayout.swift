/// Widths of text in terminal cells, and wrapping to a width. Pure.
package enum TextLayout {
    /// How many cells a character takes: 0 for combining marks and zero-width characters, 2 for
    /// wide East Asian characters and most emoji, 1 otherwise.
    package static func width(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        let value = first.value
        if character.unicodeScalars.count > 1, character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation || $0.value == 0xFE0F }) {
            return 2
        }
        if first.properties.generalCategory == .nonspacingMark || first.properties.generalCategory == .enclosingMark
            || first.properties.generalCategory == .format || value == 0x200B
        {
            return 0
        }
        if first.properties.isEmojiPresentation { return 2 }
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// How many cells a string takes on one line.
    package static func width(of text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

    /// The string cut to at most `cells` cells, with "…" at the end when something was cut.
    package static func truncate(_ text: String, to cells: Int) -> String {
        guard cells > 0 else { return "" }
        if width(of: text) <= cells { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = width(of: character)
            if used + w > cells - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// The last `cells` cells of a string, with "…" in front when something was cut (for a
    /// field where the end of what is typed matters).
    package static func tail(_ text: String, cells: Int) -> String {
        guard cells > 1 else { return "" }
        // From the end, never measuring the whole text: a field may hold a megabyte.
        var out: [Character] = []
        var used = 0
        var index = text.endIndex
        while index > text.startIndex {
            let previous = text.index(before: index)
            let w = width(of: text[previous])
            if used + w > cells {
                while let last = out.last, used + 1 > cells {
                    used -= width(of: last)
                    out.removeLast()
                }
                return "…" + String(out.reversed())
            }
            out.append(text[previous])
            used += w
            index = previous
        }
        return String(out.reversed())
    }

    /// Words wrapped into lines of at most `width` cells; a word longer than a line is broken.
    /// Newlines in the text start new lines. The groups of a telephone number ("116 123",
    /// "0800 000 000") stay on one line, so a helpline is never read as two numbers.
    package static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(width, 1)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var used = 0
            for word in keepingNumbersTogether(paragraph.split(separator: " ", omittingEmptySubsequences: true)) {
                var word = Substring(word)
                var wordWidth = Self.width(of: word)
                if used > 0, used + 1 + wordWidth <= width {
                    line += " " + word
                    used += 1 + wordWidth
                    continue
                }
                if used > 0 {
                    lines.append(line)
                    line = ""
                    used = 0
                }
                while wordWidth > width {
                    var piece = ""
                    var pieceWidth = 0
                    while let character = word.first, pieceWidth + Self.width(of: character) <= width {
                        piece.append(character)
                        pieceWidth += Self.width(of: character)
                        word = word.dropFirst()
                    }
                    if piece.isEmpty, let character = word.first {
                        piece.append(character)
                        word = word.dropFirst()
                    }
                    lines.append(piece)
                    wordWidth = Self.width(of: word)
                }
                line = String(word)
                used = wordWidth
            }
            lines.append(line)
        }
        return lines
    }

    /// Words, with neighbouring groups of digits joined into one word ("116", "123" become
    /// "116 123").
    static func keepingNumbersTogether(_ words: [Substring]) -> [Substring] {
        func isNumberGroup(_ word: Substring) -> Bool {
            word.contains(where: \.isASCII) && word.contains(where: { $0.isASCII && $0.isNumber })
                && word.allSatisfy { ($0.isASCII && $0.isNumber) || "+()-./,;: ".contains($0) }
        }
        var out: [Substring] = []
        for word in words {
            if let last = out.last, isNumberGroup(last), isNumberGroup(word), last.last.map({ $0.isNumber || $0 == ")" }) == true {
                out[out.count - 1] = Substring(last + " " + word)
            } else {
                out.append(word)
            }
        }
        return out
    }
}
