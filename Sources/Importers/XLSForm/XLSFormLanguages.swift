import Foundation

/// XLSForm's language columns (`label::English (en)`): the code in brackets, or for a bare
/// language name, its ISO 639-1 code from a short table.
enum XLSFormLanguages {
    /// Common language names and their codes.
    static let codes: [String: String] = [
        "english": "en", "french": "fr", "français": "fr", "spanish": "es", "español": "es", "portuguese": "pt",
        "german": "de", "italian": "it", "dutch": "nl", "welsh": "cy", "cymraeg": "cy", "arabic": "ar", "swahili": "sw",
        "hindi": "hi", "bengali": "bn", "urdu": "ur", "chinese": "zh", "russian": "ru", "polish": "pl", "turkish": "tr",
        "amharic": "am", "hausa": "ha", "yoruba": "yo", "igbo": "ig", "somali": "so", "nepali": "ne",
        "indonesian": "id",
        "vietnamese": "vi", "thai": "th", "japanese": "ja", "korean": "ko", "irish": "ga", "gaelic": "gd",
        "romanian": "ro", "ukrainian": "uk", "greek": "el", "tagalog": "tl", "punjabi": "pa", "gujarati": "gu",
    ]

    /// The code of a language as a column names it (`English (en)`, `English`, `en`).
    static func code(_ name: String) -> String? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if let open = trimmed.lastIndex(of: "("), trimmed.hasSuffix(")") {
            let inner = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)].lowercased()
            let primary = inner.split(separator: "-").first.map(String.init) ?? inner
            if primary.range(of: "^[a-z]{2,3}$", options: .regularExpression) != nil { return primary }
        }
        let lowered = trimmed.lowercased()
        if lowered.range(of: "^[a-z]{2,3}$", options: .regularExpression) != nil { return lowered }
        return codes[lowered]
    }
}
