import Foundation
import GRDB

/// One study database: a SQLite file in WAL mode with durable commits.
///
/// Open it with ``create(at:)`` for a new file or ``open(at:readOnly:)`` for an existing one.
/// Both refuse a file that is not a peersurvey database, or one written by a newer version,
/// before SQLite writes anything to it. Every write is one transaction, committed with
/// `synchronous=FULL`: when a write call returns, the change survives a power cut.
package final class StudyDatabase: Sendable {
    /// The path the database was opened from.
    package let path: String
    /// Whether the database was opened read-only.
    package let isReadOnly: Bool
    let queue: DatabaseQueue

    /// `PRAGMA application_id`: "PSRV" in ASCII.
    package static let applicationID: UInt32 = 0x5053_5256
    /// The schema version this build writes (`PRAGMA user_version`).
    package static let schemaVersion = 4
    /// How long a write waits for another process holding the database before giving up.
    package static let busyTimeout: Double = 15

    private init(path: String, queue: DatabaseQueue, readOnly: Bool) {
        self.path = path
        self.queue = queue
        self.isReadOnly = readOnly
    }

    /// Creates a new, empty study database at `path`.
    /// - Parameter path: Where to create it; nothing may exist there.
    /// - Returns: The open database, with the current schema.
    /// - Throws: ``StoreError`` when the file exists or cannot be created.
    package static func create(at path: String) throws -> StudyDatabase {
        if FileManager.default.fileExists(atPath: path) {
            throw StoreError.io(path: path, detail: "a file already exists there; choose another name")
        }
        let queue = try mapErrors(path) { try DatabaseQueue(path: path, configuration: configuration(readOnly: false)) }
        let database = StudyDatabase(path: path, queue: queue, readOnly: false)
        try database.applyDurability()
        try database.mapErrors {
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA application_id = \(Int32(bitPattern: applicationID))")
            }
            try Schema.migrator.migrate(queue)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
                // Put the header (application id, version) into the main file now, so that a
                // later open can recognise the file before SQLite touches it.
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }
        return database
    }

    /// Opens an existing study database.
    /// - Parameters:
    ///   - path: The file to open.
    ///   - readOnly: Open without the right to write (for status, verify, analysis, and the
    ///     sources of a merge).
    /// - Returns: The open database.
    /// - Throws: ``StoreError`` when the file is missing, not a SQLite database, another
    ///   application's database, damaged, or newer than this build.
    package static func open(at path: String, readOnly: Bool = false) throws -> StudyDatabase {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw StoreError.missing(path: path)
        }
        if isDirectory.boolValue {
            throw StoreError.io(path: path, detail: "this is a folder; give the study database file (such as study.sqlite)")
        }
        guard let header = FileHeader.read(path: path) else { throw StoreError.notADatabase(path: path) }
        guard header.applicationID == applicationID else { throw StoreError.foreignDatabase(path: path) }
        if header.userVersion > schemaVersion {
            throw StoreError.newerSchema(path: path, found: Int(header.userVersion), supported: schemaVersion)
        }
        if header.isTruncated {
            throw StoreError.damaged(path: path, detail: "the file is shorter than its header says; it was cut off")
        }
        let queue = try mapErrors(path) {
            try DatabaseQueue(path: path, configuration: configuration(readOnly: readOnly))
        }
        let database = StudyDatabase(path: path, queue: queue, readOnly: readOnly)
        if !readOnly { try database.applyDurability() }
        var needsMigration = false
        try database.mapErrors {
            try queue.inDatabase { db in
                let id = try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                guard UInt32(truncatingIfNeeded: id) == applicationID else { throw StoreError.foreignDatabase(path: path) }
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                if version > schemaVersion {
                    throw StoreError.newerSchema(path: path, found: version, supported: schemaVersion)
                }
                if try Schema.migrator.hasBeenSuperseded(db) {
                    throw StoreError.newerSchema(path: path, found: version, supported: schemaVersion)
                }
                needsMigration = !readOnly && version < schemaVersion
            }
            if needsMigration {
                try Schema.migrator.migrate(queue)
                try queue.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
                }
            }
        }
        return database
    }

    private static func configuration(readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.publicStatementArguments = false
        configuration.label = "peersurvey.study"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        return configuration
    }

    /// WAL, `synchronous=FULL`, `secure_delete=ON`, foreign keys: set, then read back, because a
    /// setting that did not take would silently weaken the promise that a saved answer survives.
    private func applyDurability() throws {
        try mapErrors {
            try queue.writeWithoutTransaction { db in
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA synchronous = FULL")
                let synchronous = try Int.fetchOne(db, sql: "PRAGMA synchronous")
                let secureDelete = try Int.fetchOne(db, sql: "PRAGMA secure_delete")
                let foreignKeys = try Int.fetchOne(db, sql: "PRAGMA foreign_keys")
                let timeout = try Int.fetchOne(db, sql: "PRAGMA busy_timeout") ?? 0
                guard mode?.lowercased() == "wal" else {
                    throw StoreError.unsafeSettings(path: path, detail: "WAL mode could not be turned on (the file system may not support it)")
                }
                guard synchronous == 2 else {
                    throw StoreError.unsafeSettings(path: path, detail: "synchronous=FULL did not take")
                }
                guard secureDelete == 1, foreignKeys == 1, timeout >= 5_000 else {
                    throw StoreError.unsafeSettings(path: path, detail: "secure_delete, foreign keys or the busy timeout did not take")
                }
            }
        }
    }

    /// The durability settings as SQLite reports them now, for `verify` and tests.
    package func settings() throws -> [String: String] {
        try read { db in
            var result: [String: String] = [:]
            for pragma in ["journal_mode", "synchronous", "secure_delete", "foreign_keys", "busy_timeout", "application_id", "user_version"] {
                result[pragma] = try String.fetchOne(db, sql: "PRAGMA \(pragma)")
            }
            return result
        }
    }

    /// Runs `body` in one IMMEDIATE transaction (the write lock is taken at the start, so a
    /// busy database waits instead of failing half-way), committed durably before returning.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try mapErrors {
            try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        }
    }

    /// Runs `body` for reading, with StoreError messages for SQLite failures.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try mapErrors { try queue.read(body) }
    }

    func mapErrors<T>(_ body: () throws -> T) throws -> T {
        try Self.mapErrors(path, body)
    }

    static func mapErrors<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_FULL: throw StoreError.diskFull(path: path)
            case .SQLITE_NOTADB: throw StoreError.notADatabase(path: path)
            case .SQLITE_CORRUPT: throw StoreError.damaged(path: path, detail: "SQLite reports corruption")
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                throw StoreError.io(path: path, detail: "another program kept the database busy for more than \(Int(busyTimeout)) seconds; try again")
            case .SQLITE_READONLY: throw StoreError.io(path: path, detail: "the file or its folder is read-only")
            case .SQLITE_CANTOPEN: throw StoreError.io(path: path, detail: "the file cannot be opened (check the folder exists and is writable)")
            default:
                throw StoreError.io(path: path, detail: error.message ?? "SQLite error \(error.resultCode.rawValue)")
            }
        }
    }
}
