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

    /// `count` questions `v0`, `v1`, ..., each routed on a misspelt variable (`w0 > 1`), so that
    /// every one of the `count` errors looks for a "did you mean" among `count` variables. (The
    /// same as `scripts/hostile-instrument.py near-misses`.)
    static func nearMisses(_ count: Int) -> String {
        var text = instrument().components(separatedBy: "      - id: visits")[0]
        for i in 0..<count {
            text += "      - id: v\(i)\n        type: integer\n        text: Question v\(i).\n        range: [0, 9]\n"
            text += "        ask_if: w\(i) > 1\n"
        }
        return text
    }

    /// An instrument declaring `languages` (the first `count` three-letter codes, or `count`
    /// invalid ones) on one line, with `questions` questions written in one language.
    static func languages(_ count: Int, valid: Bool, questions: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let codes = (0..<count).map { (i: Int) -> String in
            guard valid else { return "l\(i)" }
            let first: Character = letters[i / 676 % 26], second: Character = letters[i / 26 % 26]
            return String([first, second, letters[i % 26]])
        }
        var text = "instrument: hostile\nversion: 1\ntitle: Hostile\nlanguages: [\(codes.joined(separator: ", "))]\n"
        text += "sections:\n  - id: main\n    title: Main\n    questions:\n"
        for i in 0..<questions { text += "      - {id: q\(i), type: integer, text: Q}\n" }
        return text
    }

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
