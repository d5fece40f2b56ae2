/// Participant codes: eight characters that can be read aloud and typed without confusion
/// (`K7MQ-2P4X`), from an alphabet without I, L, O, U, 0 and 1. With 30^8 (6.6 x 10^11) codes,
/// two laptops of one study are unlikely to draw the same one; a clash is still caught, by the
/// UNIQUE constraint on one database and by `merge` across databases.
package enum ParticipantCode {
    static let alphabet = Array("ABCDEFGHJKMNPQRSTVWXYZ23456789")

    /// A new random code.
    package static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<8).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return String(characters[0..<4]) + "-" + String(characters[4..<8])
    }

    /// A code as the user typed it, made canonical (upper case, a hyphen after four characters),
    /// or `nil` when it cannot be a participant code.
    package static func normalise(_ text: String) -> String? {
        let characters = text.uppercased().filter { $0 != "-" && $0 != " " }
        guard characters.count == 8, characters.allSatisfy({ alphabet.contains($0) }) else { return nil }
        let array = Array(characters)
        return String(array[0..<4]) + "-" + String(array[4..<8])
    }
}
