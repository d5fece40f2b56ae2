import Foundation
import GRDB

// One Codable record per table, each with its `Columns`. Hot paths (bulk insert, merge, the
// analysis scan) use raw statements instead; these are for everything else.

/// The row of the `study` table: there is exactly one.
struct StudyRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "study"
    enum Columns {
        static let uuid = Column(CodingKeys.uuid)
    }
    var id: Int64 = 1
    var uuid: String
    var title: String
    var publicKey: Data?
    var keyFingerprint: String?
    var createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, uuid, title
        case publicKey = "public_key"
        case keyFingerprint = "key_fingerprint"
        case createdAt = "created_at"
    }
}

/// A row of the `instrument` table: one version of an instrument, with its full source.
struct InstrumentRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "instrument"
    enum Columns {
        static let contentHash = Column(CodingKeys.contentHash)
        static let name = Column(CodingKeys.name)
    }
    var id: Int64?
    var name: String
    var version: Int
    var contentHash: String
    var source: String
    var registeredAt: String

    enum CodingKeys: String, CodingKey {
        case id, name, version, source
        case contentHash = "content_hash"
        case registeredAt = "registered_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of the `variable` table: one column of the dataset of one instrument version.
struct VariableRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "variable"
    enum Columns {
        static let instrumentID = Column(CodingKeys.instrumentID)
        static let position = Column(CodingKeys.position)
    }
    var id: Int64?
    var instrumentID: Int64
    var name: String
    var position: Int
    var identifying: Bool

    enum CodingKeys: String, CodingKey {
        case id, name, position, identifying
        case instrumentID = "instrument_id"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of the `interview` table.
struct InterviewRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "interview"
    enum Columns {
        static let code = Column(CodingKeys.code)
        static let uuid = Column(CodingKeys.uuid)
        static let status = Column(CodingKeys.status)
    }
    var id: Int64?
    var uuid: Data
    var code: String
    var instrumentID: Int64
    var interviewer: String
    var language: String
    var status: String
    var outcome: String?
    var simulated: Bool
    var revision: Int
    var startedAt: String
    var updatedAt: String
    var endedAt: String?
    /// The wave of the study plan (`''` outside a plan, and in files from before waves).
    var wave = ""
    /// The participant's arm, when the plan has arms.
    var arm: String?

    enum CodingKeys: String, CodingKey {
        case id, uuid, code, interviewer, language, status, outcome, simulated, revision, wave, arm
        case instrumentID = "instrument_id"
        case startedAt = "started_at"
        case updatedAt = "updated_at"
        case endedAt = "ended_at"
    }

    init(
        id: Int64? = nil, uuid: Data, code: String, instrumentID: Int64, interviewer: String, language: String,
        status: String, outcome: String?, simulated: Bool, revision: Int, startedAt: String, updatedAt: String,
        endedAt: String?, wave: String = "", arm: String? = nil
    ) {
        self.id = id
        self.uuid = uuid
        self.code = code
        self.instrumentID = instrumentID
        self.interviewer = interviewer
        self.language = language
        self.status = status
        self.outcome = outcome
        self.simulated = simulated
        self.revision = revision
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.endedAt = endedAt
        self.wave = wave
        self.arm = arm
    }

    /// Decodes a row; a file from before waves (read-only, so not migrated) has no wave or arm.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(Int64.self, forKey: .id)
        uuid = try container.decode(Data.self, forKey: .uuid)
        code = try container.decode(String.self, forKey: .code)
        instrumentID = try container.decode(Int64.self, forKey: .instrumentID)
        interviewer = try container.decode(String.self, forKey: .interviewer)
        language = try container.decode(String.self, forKey: .language)
        status = try container.decode(String.self, forKey: .status)
        outcome = try container.decodeIfPresent(String.self, forKey: .outcome)
        simulated = try container.decode(Bool.self, forKey: .simulated)
        revision = try container.decode(Int.self, forKey: .revision)
        startedAt = try container.decode(String.self, forKey: .startedAt)
        updatedAt = try container.decode(String.self, forKey: .updatedAt)
        endedAt = try container.decodeIfPresent(String.self, forKey: .endedAt)
        wave = try container.decodeIfPresent(String.self, forKey: .wave) ?? ""
        arm = try container.decodeIfPresent(String.self, forKey: .arm)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of the `withdrawal` table: a tombstone, a random interview id and a time, no data.
struct WithdrawalRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "withdrawal"
    var interviewUUID: Data
    var withdrawnAt: String

    enum CodingKeys: String, CodingKey {
        case interviewUUID = "interview_uuid"
        case withdrawnAt = "withdrawn_at"
    }
}
