import Foundation

/// Source wording without its HTML: REDCap labels often carry `<div class="rich-text-field-label">`,
/// `<b>` and `&nbsp;`, and XLSForm hints `<br/>`; a terminal interviewer would show them as
/// typed. Tags are removed (a line break or paragraph end becomes a new line), the common
/// entities decoded, and the words otherwise kept exactly.
enum Markup {
    /// Whether `text` holds HTML tags or entities.
    static func hasMarkup(_ text: String) -> Bool {
        text.range(of: "<[a-zA-Z/][^<>]*>", options: .regularExpression) != nil
            || text.range(of: "&(nbsp|amp|lt|gt|quot|#39|apos);", options: .regularExpression) != nil
    }

    /// `text` without tags, entities decoded.
    static func plain(_ text: String) -> String {
        guard hasMarkup(text) else { return text }
        var out = text.replacingOccurrences(
            of: "<\\s*(br|/p|/div|/li)\\s*/?\\s*>", with: "\n", options: [.regularExpression, .caseInsensitive])
        out = out.replacingOccurrences(of: "<[a-zA-Z/!][^<>]*>", with: "", options: .regularExpression)
        for (entity, character) in [
            ("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&amp;", "&"),
        ] {
            out = out.replacingOccurrences(of: entity, with: character)
        }
        let lines = out.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        return lines.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
