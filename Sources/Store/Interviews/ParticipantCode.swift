/// Participant codes: eight characters that can be read aloud and typed without confusion
/// (`K7MQ-2P4X`), from an alphabet without I, L, O, U, 0 and 1. The eighth character is a check
/// character (Luhn mod 30 over the alphabet), so a mistyped code (one wrong character, or two
/// neighbours swapped) is refused instead of silently starting a new participant. With 30^7
/// (2.2 x 10^10) codes, two laptops of one study are unlikely to draw the same one; a clash is
/// still caught, by the UNIQUE constraint on one database and by `merge` across databases.
///
/// Codes issued before the check character (peersurvey databases of late 2026) still work where
/// they are stored: they fail ``hasValidCheck(_:)`` but are found in the database.
package enum ParticipantCode {
    static let alphabet = Array("ABCDEFGHJKMNPQRSTVWXYZ23456789")
    private static let position = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })

    /// A new random code with its check character.
    package static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        while true {
            let body = (0..<7).map { _ in Int.random(in: 0..<alphabet.count, using: &generator) }
            let value = check(body)
            guard value < alphabet.count else { continue }
            let characters = (body + [value]).map { alphabet[$0] }
            return String(characters[0..<4]) + "-" + String(characters[4..<8])
        }
    }

    /// A code as the user typed it, made canonical (upper case, a hyphen after four characters),
    /// or `nil` when it cannot be a participant code.
    package static func normalise(_ text: String) -> String? {
        let characters = text.uppercased().filter { $0 != "-" && $0 != " " }
        guard characters.count == 8, characters.allSatisfy({ position[$0] != nil }) else { return nil }
        let array = Array(characters)
        return String(array[0..<4]) + "-" + String(array[4..<8])
    }

    /// Whether a canonical code's last character is the check character of the others.
    package static func hasValidCheck(_ code: String) -> Bool {
        let values = code.filter { $0 != "-" }.compactMap { position[$0] }
        guard values.count == 8 else { return false }
        return check(Array(values.prefix(7))) == values[7]
    }

    /// The check value of a seven-value body: what makes the weighted sum a multiple of 31
    /// (0 to 30; 30 has no character).
    static func check(_ body: [Int]) -> Int {
        var sum = 0
        for (index, value) in body.enumerated() { sum += (8 - index) * value }
        return (31 - sum % 31) % 31
    }
}
