/// Plain-language warnings: long sentences and jargon, for texts read to participants.
enum Readability {
    /// The most words a sentence may have before a warning.
    static let maximumWords = 25

    /// Words and phrases with plainer alternatives (English).
    static let jargon: [(String, String)] = [
        ("utilise", "use"), ("utilize", "use"), ("utilisation", "use"), ("facilitate", "help"),
        ("commence", "start"), ("prior to", "before"), ("in order to", "to"), ("ascertain", "find out"),
        ("endeavour", "try"), ("aforementioned", "this"), ("in relation to", "about"), ("regarding", "about"),
        ("comorbid", "other conditions"), ("comorbidity", "other conditions"), ("psychopathology", "difficulties"),
        ("efficacy", "how well it works"), ("modality", "kind"), ("cohort", "group"),
        ("non-compliant", "did not take part (avoid blaming words)"), ("noncompliant", "did not take part (avoid blaming words)"),
        ("suffer from", "live with"), ("suffers from", "lives with"), ("therapeutic", "helpful"),
        ("psychoeducation", "learning about mental health"), ("stakeholder", "person involved"),
    ]

    /// A sentence: its text and the scalar offset where it starts.
    static func sentences(_ text: String) -> [(text: String, offset: Int)] {
        let s = Array(text.unicodeScalars)
        var result: [(String, Int)] = []
        var start = 0
        var i = 0
        while i < s.count {
            let c = s[i]
            let ends = (c == "." || c == "!" || c == "?") && (i + 1 == s.count || s[i + 1] == " " || s[i + 1] == "\n")
            if ends || c == "\n" && i + 1 < s.count && s[i + 1] == "\n" || i + 1 == s.count {
                let sentence = String(String.UnicodeScalarView(s[start...i]))
                if !sentence.trimmingSpaces.isEmpty { result.append((sentence, start)) }
                start = i + 1
            }
            i += 1
        }
        return result.map { (text: $0.0, offset: $0.1) }
    }

    /// The number of words in a sentence.
    static func wordCount(_ sentence: String) -> Int {
        sentence.split { $0 == " " || $0 == "\n" || $0 == "\t" }.filter { $0.contains { $0.isLetter || $0.isNumber } }.count
    }

    /// Jargon found in a text, with the plainer alternative and the scalar offset.
    static func jargonFound(in text: String) -> [(word: String, plain: String, offset: Int)] {
        let lowered = text.lowercased()
        guard lowered.unicodeScalars.count == text.unicodeScalars.count else { return [] }
        let scalars = Array(lowered.unicodeScalars)
        var found: [(String, String, Int)] = []
        for (word, plain) in jargon {
            let target = Array(word.unicodeScalars)
            var i = 0
            while i + target.count <= scalars.count {
                if Array(scalars[i..<(i + target.count)]) == target {
                    let before = i == 0 || !scalars[i - 1].properties.isAlphabetic
                    let after = i + target.count == scalars.count || !scalars[i + target.count].properties.isAlphabetic
                    if before && after {
                        found.append((word, plain, i))
                        break
                    }
                }
                i += 1
            }
        }
        return found.map { (word: $0.0, plain: $0.1, offset: $0.2) }
    }
}

extension InstrumentChecker {
    /// Warns about sentences over 25 words and jargon in texts read to participants.
    func checkReadability() {
        forEachText { text, context in
            guard context.spoken else { return }
            for (language, words) in text.translations.sorted(by: { $0.key < $1.key }) {
                let node = text.origins[language]
                func at(_ offset: Int) -> SourceLocation? {
                    guard let node else { return text.location }
                    return ScalarLocator(source: source).location(ofIndex: offset, in: node)
                }
                for sentence in Readability.sentences(words) {
                    let count = Readability.wordCount(sentence.text)
                    if count > Readability.maximumWords {
                        let leading = sentence.text.prefix { $0 == " " || $0 == "\n" }.unicodeScalars.count
                        diagnostics.warning(
                            "a sentence in \(context.what) has \(count) words; sentences over \(Readability.maximumWords) words are hard to follow when read aloud, so split it",
                            at: at(sentence.offset + leading))
                    }
                }
                guard language == "en" else { continue }
                for found in Readability.jargonFound(in: words) {
                    diagnostics.warning(
                        "\(context.what) uses \"\(found.word)\"; plain words are clearer: \"\(found.plain)\"",
                        at: at(found.offset), suggestion: found.plain)
                }
            }
        }
    }
}
