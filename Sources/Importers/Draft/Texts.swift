import Foundation

/// A text in one or more languages, as the importer found it: the source's words, unchanged.
package struct Texts: Sendable, Hashable {
    /// The words by language code.
    package var byLanguage: [String: String]

    /// A text in one language.
    package init(_ text: String, language: String) { byLanguage = [language: text] }

    /// A text in several languages.
    package init(_ byLanguage: [String: String]) { self.byLanguage = byLanguage }

    /// The text in the first of `languages` that it has.
    package func first(in languages: [String]) -> String? {
        for language in languages { if let text = byLanguage[language] { return text } }
        return byLanguage.sorted { $0.key < $1.key }.first?.value
    }

    /// Whether no language has any words.
    package var isEmpty: Bool {
        byLanguage.values.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    /// The same text with every language's words changed by `change`.
    package func map(_ change: (String) -> String) -> Texts { Texts(byLanguage.mapValues(change)) }
}
