public import Foundation
import Instrument

/// What `peersurvey export` was asked to do.
public struct ExportRequest: Sendable {
    /// The study database.
    public var databasePath: String
    /// The instrument's id, when the database holds several.
    public var instrument: String?
    /// The target directory (made when missing).
    public var directory: String
    /// The formats, in the table's order.
    public var formats: [ExportFormatID]
    /// Profile and free text.
    public var options: ExportOptions
    /// Whether the CSV starts with a byte-order mark.
    public var byteOrderMark: Bool
    /// The release the pseudonyms belong to.
    public var release: String
    /// The moment written to `export.json` (the only field that differs between two exports).
    public var now: Date

    /// The release name used when none is given.
    public static let defaultRelease = "release-1"

    /// Creates a request for every format, de-identified, without free text.
    public init(databasePath: String, directory: String) {
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
    public static func formats(_ text: String) throws(ExportError) -> [ExportFormatID] {
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
