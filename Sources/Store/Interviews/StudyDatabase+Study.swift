package import Foundation
import Crypto
import GRDB
package import Instrument

extension StudyDatabase {
    /// Records the study: its title and, optionally, the public key identifying answers are
    /// sealed to.
    /// - Parameters:
    ///   - title: The study's title.
    ///   - publicKey: The raw X25519 public key from ``PublicKeyFile``.
    /// - Returns: The study, with a new random id.
    /// - Throws: ``StoreError/studyExists(path:)`` when the database already holds a study.
    @discardableResult
    package func initStudy(title: String, publicKey: Data?) throws -> StudyInfo {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw StoreError.io(path: path, detail: "the study needs a title") }
        let record = StudyRecord(
            uuid: UUID().uuidString.lowercased(), title: title, publicKey: publicKey,
            keyFingerprint: publicKey.map(Fingerprint.of), createdAt: Timestamp.now())
        try write { db in
            if try StudyRecord.fetchCount(db) > 0 { throw StoreError.studyExists(path: path) }
            try record.insert(db)
        }
        return StudyInfo(record)
    }

    /// The study this database belongs to.
    /// - Throws: ``StoreError/noStudy(path:)`` before `study init`.
    package func study() throws -> StudyInfo {
        guard let record = try read({ db in try StudyRecord.fetchOne(db) }) else { throw StoreError.noStudy(path: path) }
        return StudyInfo(record)
    }

    /// Registers an instrument version by the hash of its source, storing the source so that
    /// every export can be reproduced. Registering the same source again returns the same row.
    /// - Parameters:
    ///   - instrument: The loaded instrument (without errors).
    ///   - source: Its YAML text, exactly as loaded.
    /// - Returns: The registration, with the row id of every variable.
    package func register(_ instrument: Instrument, source: String) throws -> RegisteredInstrument {
        let hash = SHA256.hash(data: Data(source.utf8)).map { String(format: "%02x", $0) }.joined()
        let identifying = instrument.identifyingVariables
        return try write { db in
            if let existing = try InstrumentRecord.filter(InstrumentRecord.Columns.contentHash == hash).fetchOne(db) {
                // A version registered before calculations could be identifying has them marked
                // plain: mark them now, so that new values are sealed (and `verify` reports any
                // stored before). Marks are only ever added.
                for name in identifying {
                    try db.execute(
                        sql: "UPDATE variable SET identifying = 1 WHERE instrument_id = ? AND name = ? AND identifying = 0",
                        arguments: [existing.id, name])
                }
                return try Self.registration(existing, db)
            }
            var record = InstrumentRecord(
                name: instrument.id, version: instrument.version, contentHash: hash, source: source,
                registeredAt: Timestamp.now())
            try record.insert(db)
            for (position, variable) in instrument.variables.all.enumerated() {
                var row = VariableRecord(
                    instrumentID: record.id!, name: variable.id, position: position,
                    identifying: identifying.contains(variable.id))
                try row.insert(db)
            }
            return try Self.registration(record, db)
        }
    }

    /// Every registered instrument version, oldest first.
    package func instruments() throws -> [RegisteredInstrument] {
        try read { db in try InstrumentRecord.order(Column("id")).fetchAll(db).map { try Self.registration($0, db) } }
    }

    /// The YAML source of a registered instrument version.
    package func source(of instrument: RegisteredInstrument) throws -> String {
        try read { db in try String.fetchOne(db, sql: "SELECT source FROM instrument WHERE id = ?", arguments: [instrument.rowID]) ?? "" }
    }

    static func registration(_ record: InstrumentRecord, _ db: Database) throws -> RegisteredInstrument {
        let variables = try VariableRecord.filter(VariableRecord.Columns.instrumentID == record.id!).fetchAll(db)
        return RegisteredInstrument(
            rowID: record.id!, name: record.name, version: record.version, contentHash: record.contentHash,
            variableIDs: Dictionary(uniqueKeysWithValues: variables.map { ($0.name, $0.id!) }),
            identifying: Set(variables.filter(\.identifying).map(\.name)))
    }
}

extension StudyInfo {
    init(_ record: StudyRecord) {
        self.init(
            uuid: record.uuid, title: record.title, publicKey: record.publicKey,
            keyFingerprint: record.keyFingerprint, createdAt: record.createdAt)
    }
}
