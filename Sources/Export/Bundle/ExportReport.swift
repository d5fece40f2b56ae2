package import Store

/// What an export read, left out, masked and wrote: the contents of `export.json`.
package struct ExportReport: Sendable, Equatable {
    /// The instrument's id.
    package var instrument: String
    /// The instrument versions whose interviews were read.
    package var versions: [Int]
    /// Who the export is for.
    package var profile: ExportProfile
    /// The release name the pseudonyms belong to.
    package var release: String
    /// Whether free text was asked for.
    package var includeText: Bool
    /// Interviews of the instrument in the database, by status (exported or not).
    package var interviews: [InterviewStatus: Int]
    /// Which statuses were exported.
    package var exportedStatuses: [InterviewStatus]
    /// Interviews exported (rows).
    package var rows: Int
    /// How many exported interviews `simulate` made.
    package var simulated: Int
    /// Variables left out and why.
    package var dropped: [DroppedVariable]
    /// Counts of masked items, by variable then kind (`email`, `phone`, `postcode`).
    package var masked: [String: [String: Int]]
    /// Text values cut to the longest string a format takes, by variable.
    package var truncated: [String: Int]
    /// What was coarsened (`ps_month: interview start date to the month`, date variables).
    package var coarsened: [String: String]
    /// When the export ran (ISO 8601 UTC): the one field that differs between two identical exports.
    package var exportedAt: String
    /// Files written with their SHA-256, by name.
    package var files: [String: String]

    /// Creates an empty report for an instrument.
    package init(instrument: String, profile: ExportProfile, release: String, includeText: Bool, exportedAt: String) {
        self.instrument = instrument
        self.versions = []
        self.profile = profile
        self.release = release
        self.includeText = includeText
        self.interviews = [:]
        self.exportedStatuses = []
        self.rows = 0
        self.simulated = 0
        self.dropped = []
        self.masked = [:]
        self.truncated = [:]
        self.coarsened = [:]
        self.exportedAt = exportedAt
        self.files = [:]
    }
}
