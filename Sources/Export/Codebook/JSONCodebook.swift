import Foundation

/// The human codebook's content as one JSON document, for scripts: the same facts as the Markdown
/// and HTML codebooks, with keys in snake case and sorted, so equal codebooks are equal bytes.
/// docs/exports.md describes the fields.
package enum JSONCodebook {
    /// The value of the document's `format` key; raised when a field changes meaning.
    package static let format = "peersurvey-codebook/1"

    private struct Document: Encodable {
        var format: String
        var codebook: Codebook

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(format, forKey: .format)
            try codebook.encode(to: encoder)
        }

        enum Keys: String, CodingKey { case format }
    }

    /// Renders a codebook.
    /// - Parameter codebook: The codebook.
    /// - Returns: The JSON text, ending with a newline.
    package static func render(_ codebook: Codebook) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Encoding plain structs of strings and numbers cannot fail; a NaN never reaches here
        // because describe leaves undefined statistics out.
        let data = (try? encoder.encode(Document(format: format, codebook: codebook))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
