import Foundation

/// A safeguard's script as numbered steps, one sentence each, so that a peer researcher with a
/// distressed participant beside them can keep their place. Sentences end at `.`, `!` or `?`
/// followed by a space and a capital letter or a quotation mark; words inside quotation marks
/// (what to say) stay in one step, however many sentences they have.
package enum ScriptSteps {
    /// The steps of a script, in order.
    /// - Parameter script: The script in the interview's language.
    /// - Returns: Its sentences, trimmed; the whole script when it has one sentence.
    package static func split(_ script: String) -> [String] {
        let characters = Array(script.replacingOccurrences(of: "\n", with: " "))
        var steps: [String] = []
        var current = ""
        var quoted = false
        for (index, character) in characters.enumerated() {
            current.append(character)
            switch character {
            case "\"": quoted.toggle()
            case "“": quoted = true
            case "”": quoted = false
            default: break
            }
            guard !quoted else { continue }
            let ends =
                ".!?".contains(character)
                || ("\"”".contains(character) && index > 0 && ".!?".contains(characters[index - 1]))
            guard ends, index + 2 < characters.count, characters[index + 1] == " " else { continue }
            let next = characters[index + 2]
            if next.isUppercase || "\"“".contains(next) {
                // A closing quotation mark may follow the full stop: the sentence ends after it.
                if index + 1 < characters.count, "\"”".contains(characters[index + 1]) { continue }
                steps.append(current.trimmingSpaces)
                current = ""
            }
        }
        if !current.trimmingSpaces.isEmpty { steps.append(current.trimmingSpaces) }
        return steps.filter { !$0.isEmpty }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
