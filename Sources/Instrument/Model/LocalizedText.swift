/// A text written in each of the instrument's languages.
public struct LocalizedText: Sendable, Hashable {
    /// The text by language code.
    public var translations: [String: String]
    /// Where the text is written, for diagnostics about its wording.
    public var location: SourceLocation?
    /// The scalar node of each language's version, for locating problems inside the words.
    var origins: [String: YAMLNode] = [:]

    /// Creates a text.
    /// - Parameters:
    ///   - translations: The text by language code.
    ///   - location: Where it is written.
    public init(_ translations: [String: String], location: SourceLocation? = nil) {
        self.translations = translations
        self.location = location
    }

    /// The text in `language`, falling back to any language the text has.
    /// - Parameter language: A language code.
    /// - Returns: The text.
    public func text(in language: String) -> String {
        translations[language] ?? translations.sorted { $0.key < $1.key }.first?.value ?? ""
    }

    /// Compares texts by their words only, not where they are written.
    public static func == (lhs: LocalizedText, rhs: LocalizedText) -> Bool {
        lhs.translations == rhs.translations
    }

    /// Hashes the words only.
    public func hash(into hasher: inout Hasher) { hasher.combine(translations) }
}
