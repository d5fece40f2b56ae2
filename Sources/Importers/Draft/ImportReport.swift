/// One construct of the source that was not carried over, or was changed on the way: located in
/// the source, so that a study lead can find it (`dictionary.csv:14: field type "file" has no
/// equivalent in an interview; left out`).
package struct ImportNotice: Sendable, Hashable, CustomStringConvertible {
    /// Where in the source: `file:line`, `file:sheet!B7` or `file#path`.
    package var location: String
    /// What happened, as a sentence.
    package var message: String

    /// Creates a notice.
    package init(_ location: String, _ message: String) {
        self.location = location
        self.message = message
    }

    /// `location: message`.
    package var description: String { "\(location): \(message)" }
}

/// The notices of one import, in the order they were found.
package struct ImportReport: Sendable {
    /// Every notice.
    package private(set) var notices: [ImportNotice] = []

    /// Creates an empty report.
    package init() {}

    /// Adds a notice.
    package mutating func note(_ location: String, _ message: String) {
        let notice = ImportNotice(location, message)
        if !notices.contains(notice) { notices.append(notice) }
    }

    /// Adds every notice of another report.
    package mutating func append(_ other: ImportReport) {
        for notice in other.notices { note(notice.location, notice.message) }
    }
}
