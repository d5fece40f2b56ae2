public import Store

/// What an export read, left out, masked and wrote: the contents of `export.json`.
public struct ExportReport: Sendable, Equatable {
    /// The instrument's id.
    public var instrument: String
    /// The instrument versions whose interviews were read.
    public var versions: [Int]
    /// Who the export is for.
    public var profile: ExportProfile
    /// The release name the pseudonyms belong to.
    public var release: String
    /// Whether free text was asked for.
    public var includeText: Bool
    /// Interviews of the instrument in the database, by status (exported or not).
    public var interviews: [InterviewStatus: Int]
    /// Which statuses were exported.
    public var exportedStatuses: [InterviewStatus]
    /// Interviews exported (rows).
    public var rows: Int
    /// How many exported interviews `simulate` made.
    public var simulated: Int
    /// Variables left out and why.
    public var dropped: [DroppedVariable]
    /// Counts of masked items, by variable then kind (`email`, `phone`, `postcode`).
    public var masked: [String: [String: Int]]
    /// Text values cut to the longest string a format takes, by variable.
    public var truncated: [String: Int]
    /// What was coarsened (`ps_month: interview start date to the month`, date variables).
    public var coarsened: [String: String]
    /// When the export ran (ISO 8601 UTC): the one field that differs between two identical exports.
    public var exportedAt: String
    /// Files written with their SHA-256, by name.
    public var files: [String: String]

    /// Creates an empty report for an instrument.
    public init(instrument: String, profile: ExportProfile, release: String, includeText: Bool, exportedAt: String) {
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
