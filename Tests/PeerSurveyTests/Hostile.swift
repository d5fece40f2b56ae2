import Foundation

/// Generators of hostile instruments for the end-to-end tests: small valid instruments with one
/// expression made long, deep or wrong in a chosen way.
enum Hostile {
    /// A small valid instrument (no identifying questions, so no key is needed) whose second
    /// question has `askIf` as its `ask_if`; the expression starts at column 17 of line
    /// ``askIfLine``.
    static func instrument(askIf: String = "age >= 18", id: String = "hostile") -> String {
        """
        instrument: \(id)
        version: 1
        title: A hostile instrument
        consent:
          text: Hello.
          statements: [I agree to take part.]
        support:
          text: Samaritans are free on 116 123.
        sections:
          - id: main
            title: Main
            questions:
              - id: age
                type: integer
                text: How old are you?
                range: [0, 120]
              - id: visits
                type: integer
                text: How many times have you visited?
                range: [0, 60]
                ask_if: \(askIf)

        """
    }

    /// The line of the second question's `ask_if`.
    static let askIfLine = 21
    /// The column of the first character of the `ask_if` expression.
    static let askIfColumn = 17

    /// `term op term op ... term`, with `count` terms.
    static func chain(_ op: String, terms count: Int, term: String = "1") -> String {
        Array(repeating: term, count: count).joined(separator: " \(op) ")
    }

    /// Writes `text` to `name` in `directory`; returns the path.
    static func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
