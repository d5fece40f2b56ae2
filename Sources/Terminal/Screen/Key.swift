/// One key press, decoded from the bytes a terminal sends in raw mode.
package enum Key: Equatable, Sendable {
    /// A printable character (letters, digits, punctuation, emoji).
    case character(Character)
    /// Enter (carriage return or line feed).
    case enter
    /// Backspace or Delete-left.
    case backspace
    /// The arrow keys.
    case up, down, left, right
    /// Page Up and Page Down.
    case pageUp, pageDown
    /// Tab.
    case tab
    /// Escape on its own.
    case escape
    /// Ctrl-C: suspend the interview.
    case interrupt
    /// Ctrl-D.
    case endOfFile
    /// Ctrl-U: clear the field.
    case clearLine
    /// Ctrl-L: redraw.
    case redraw
    /// Another Ctrl key, by its letter in lower case (`.control("r")` for Ctrl-R). Typing can
    /// never produce one, so the interviewer's commands live here (see ``Command``).
    case control(Character)
    /// A function key, by number (F1 is 1).
    case function(Int)
    /// Shift-Tab (back, as in a form).
    case backTab
    /// Home and End.
    case home, end
    /// The terminal was resized (from SIGWINCH, not from the keyboard).
    case resize
}

/// Turns the bytes of raw-mode input into keys. Pure: the reader feeds it bytes and asks for the
/// keys complete so far, so escape sequences split across reads are handled, and an escape that
/// is not followed by anything within a moment is a lone Escape (see ``KeyReader``).
package struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []

    /// A decoder with nothing pending.
    package init() {}

    /// Whether bytes are waiting for the rest of a sequence (an escape sequence or a UTF-8
    /// character).
    package var hasPending: Bool { !pending.isEmpty }

    /// Adds bytes and returns every key they complete.
    package mutating func feed(_ bytes: some Sequence<UInt8>) -> [Key] {
        pending.append(contentsOf: bytes)
        var keys: [Key] = []
        while let (key, used) = Self.decode(pending[...]) {
            pending.removeFirst(used)
            if let key { keys.append(key) }
        }
        return keys
    }

    /// What is pending, given up on: a lone Escape, or nothing for an incomplete character.
    package mutating func flush() -> [Key] {
        defer { pending.removeAll() }
        return pending.first == 0x1B ? [.escape] : []
    }

    /// The first key in `bytes` and how many bytes it used; `nil` when more bytes are needed.
    /// A key of `nil` with a count means bytes that are skipped (an unknown sequence).
    static func decode(_ bytes: ArraySlice<UInt8>) -> (Key?, Int)? {
        guard let first = bytes.first else { return nil }
        switch first {
        case 0x0D, 0x0A: return (.enter, 1)
        // Ctrl-H (0x08) is what many terminals send for Backspace: it is Backspace, never a
        // command.
        case 0x7F, 0x08: return (.backspace, 1)
        case 0x09: return (.tab, 1)
        case 0x03: return (.interrupt, 1)
        case 0x04: return (.endOfFile, 1)
        case 0x15: return (.clearLine, 1)
        case 0x0C: return (.redraw, 1)
        case 0x1B: return decodeEscape(bytes)
        // Ctrl-A to Ctrl-Z (those not taken above): 0x01 is Ctrl-A. Ctrl-S and Ctrl-Q are
        // flow control on a terminal that has it on (raw mode turns IXON off), so no command uses
        // them; they arrive here and are ignored.
        case 0x01...0x1A: return (.control(Character(Unicode.Scalar(first + 0x60))), 1)
        case 0x00..<0x20: return (nil, 1)
        default: return decodeCharacter(bytes)
        }
    }

    /// `ESC [ A` and friends (and `ESC O A`, sent in application cursor mode).
    private static func decodeEscape(_ bytes: ArraySlice<UInt8>) -> (Key?, Int)? {
        let start = bytes.startIndex
        guard bytes.count >= 2 else { return nil }
        let second = bytes[start + 1]
        guard second == UInt8(ascii: "[") || second == UInt8(ascii: "O") else {
            // Escape then another key (Alt+key): the escape alone, the key decoded next.
            return (.escape, 1)
        }
        // A CSI sequence ends at its first byte from 0x40 to 0x7E.
        var index = start + 2
        while index < bytes.endIndex {
            let byte = bytes[index]
            if (0x40...0x7E).contains(byte) {
                let length = index - start + 1
                let parameters = String(decoding: bytes[(start + 2)..<index], as: UTF8.self)
                switch (byte, parameters) {
                case (UInt8(ascii: "A"), _): return (.up, length)
                case (UInt8(ascii: "B"), _): return (.down, length)
                case (UInt8(ascii: "C"), _): return (.right, length)
                case (UInt8(ascii: "D"), _): return (.left, length)
                case (UInt8(ascii: "H"), _): return (.home, length)
                case (UInt8(ascii: "F"), _): return (.end, length)
                case (UInt8(ascii: "Z"), _): return (.backTab, length)
                // F1 to F4 as `ESC O P` ... `ESC O S` (and `ESC [ P` on some terminals).
                case (UInt8(ascii: "P")...UInt8(ascii: "S"), ""): return (.function(Int(byte - UInt8(ascii: "P")) + 1), length)
                case (UInt8(ascii: "~"), "5"): return (.pageUp, length)
                case (UInt8(ascii: "~"), "6"): return (.pageDown, length)
                case (UInt8(ascii: "~"), "3"): return (.backspace, length)
                case (UInt8(ascii: "~"), "1"), (UInt8(ascii: "~"), "7"): return (.home, length)
                case (UInt8(ascii: "~"), "4"), (UInt8(ascii: "~"), "8"): return (.end, length)
                case (UInt8(ascii: "~"), let number):
                    // F5 is `ESC [ 15 ~`, then 17 to 21 and 23, 24 for F6 to F12 (as xterm sends them).
                    let table = [15: 5, 17: 6, 18: 7, 19: 8, 20: 9, 21: 10, 23: 11, 24: 12, 11: 1, 12: 2, 13: 3, 14: 4]
                    return (Int(number.split(separator: ";").first ?? "").flatMap { table[$0] }.map(Key.function), length)
                default: return (nil, length)
                }
            }
            if index - start > 16 { return (nil, index - start) }
            index += 1
        }
        return nil
    }

    /// One UTF-8 character; invalid bytes are skipped.
    private static func decodeCharacter(_ bytes: ArraySlice<UInt8>) -> (Key?, Int)? {
        let first = bytes[bytes.startIndex]
        let length: Int
        switch first {
        case 0x20..<0x80: length = 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return (nil, 1)
        }
        guard bytes.count >= length else { return nil }
        let slice = bytes[bytes.startIndex..<(bytes.startIndex + length)]
        guard let text = String(validating: slice, as: UTF8.self), let character = text.first else { return (nil, 1) }
        return (.character(character), length)
    }
}
