package import Foundation
import Instrument

/// What `peersurvey export` was asked to do.
package struct ExportRequest: Sendable {
    /// The study database.
    package var databasePath: String
    /// The instrument's id, when the database holds several.
    package var instrument: String?
    /// The target directory (made when missing).
    package var directory: String
    /// The formats, in the table's order.
    package var formats: [ExportFormatID]
    /// Profile and free text.
    package var options: ExportOptions
    /// Whether the CSV starts with a byte-order mark.
    package var byteOrderMark: Bool
    /// The release the pseudonyms belong to.
    package var release: String
    /// The moment written to `export.json` (the only field that differs between two exports).
    package var now: Date

    /// The release name used when none is given.
    package static let defaultRelease = "release-1"

    /// Creates a request for every format, de-identified, without free text.
    package init(databasePath: String, directory: String) {
        self.databasePath = databasePath
        self.directory = directory
        self.instrument = nil
        self.formats = ExportFormatID.allCases
        self.options = ExportOptions()
        self.byteOrderMark = false
        self.release = Self.defaultRelease
        self.now = Date()
    }

    /// Reads a `--format` value: ids separated by commas, or `all`.
    /// - Parameter text: The value.
    /// - Returns: The formats, in the table's order, each once.
    /// - Throws: ``ExportError/unknownFormat(_:suggestion:)``.
    package static func formats(_ text: String) throws(ExportError) -> [ExportFormatID] {
        var chosen = Set<ExportFormatID>()
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            if part == "all" {
                chosen.formUnion(ExportFormatID.allCases)
            } else if let id = ExportFormatID(rawValue: part) {
                chosen.insert(id)
            } else {
                let names = ExportFormatID.allCases.map(\.rawValue) + ["all"]
                throw .unknownFormat(part, suggestion: Suggestions.closest(to: part, in: names))
            }
        }
        if chosen.isEmpty { throw .unknownFormat("", suggestion: nil) }
        return ExportFormatID.allCases.filter(chosen.contains)
    }
}
