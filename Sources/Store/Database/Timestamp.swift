import Foundation

/// Times in the database: ISO 8601 in UTC with milliseconds (`2026-11-23T10:15:30.123Z`), which
/// sort as text and coarsen to a month by taking a prefix.
enum Timestamp {
    /// The current time as stored.
    static func now() -> String { string(Date()) }

    /// `date` as stored.
    static func string(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }
}
