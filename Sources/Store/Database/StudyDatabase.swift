import Foundation
import GRDB

/// One study database: a SQLite file in WAL mode with durable commits.
///
/// Open it with ``create(at:prepare:)`` for a new file or ``open(at:readOnly:)`` for an existing one.
/// Both refuse a file that is not a peersurvey database, or one written by a newer version,
/// before SQLite writes anything to it. Every write is one transaction, committed with
/// `synchronous=FULL`: when a write call returns, the change survives a power cut.
package final class StudyDatabase: Sendable {
    /// The path the database was opened from.
    package let path: String
    /// Whether the database was opened read-only.
    package let isReadOnly: Bool
    let queue: DatabaseQueue
    /// What SQLite was given to open the file: its path, or an `immutable` URI for a database
    /// in a read-only folder. Other connections to this database (the scan's) open the same.
    let connectionPath: String
    private let closed = OnceFlag()

    /// `PRAGMA application_id`: "PSRV" in ASCII.
    package static let applicationID: UInt32 = 0x5053_5256
    /// The schema version this build writes (`PRAGMA user_version`).
    package static let schemaVersion = 4
    /// How long a write waits for another process holding the database before giving up.
    package static let busyTimeout: Double = 15

    init(path: String, queue: DatabaseQueue, readOnly: Bool, connectionPath: String? = nil) {
        self.path = path
        self.queue = queue
        self.isReadOnly = readOnly
        self.connectionPath = connectionPath ?? path
    }

    /// Closes the connection. A writable database is first checkpointed with `TRUNCATE`, so its
    /// main file alone holds everything (a plain copy of it is complete) and the WAL is empty.
    /// Every command that wrote calls it at its end; it is also tried when the object goes away.
    /// - Throws: ``StoreError`` when the connection cannot be closed.
    package func close() throws {
        guard closed.set() else { return }
        if !isReadOnly { closingCheckpoint() }
        try mapErrors { try queue.close() }
    }

    deinit {
        if !isReadOnly, closed.set() { closingCheckpoint() }
    }

    /// The checkpoint of ``close()``: best effort, waiting at most a second for readers (an
    /// export scanning, another window reading), so that closing never hangs; whatever it leaves
    /// in the WAL, a later close moves.
    private func closingCheckpoint() {
        _ = try? queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA busy_timeout = 1000")
            defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Int(Self.busyTimeout * 1000))") }
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    static func configuration(readOnly: Bool) -> Configuration {
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
    func applyDurability() throws {
        try mapErrors {
            try queue.writeWithoutTransaction { db in
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA synchronous = FULL")
                let synchronous = try Int.fetchOne(db, sql: "PRAGMA synchronous")
                let secureDelete = try Int.fetchOne(db, sql: "PRAGMA secure_delete")
                let foreignKeys = try Int.fetchOne(db, sql: "PRAGMA foreign_keys")
                let timeout = try Int.fetchOne(db, sql: "PRAGMA busy_timeout") ?? 0
                guard mode?.lowercased() == "wal" else {
                    throw StoreError.unsafeSettings(
                        path: path, detail: "WAL mode could not be turned on (the file system may not support it)")
                }
                guard synchronous == 2 else {
                    throw StoreError.unsafeSettings(path: path, detail: "synchronous=FULL did not take")
                }
                guard secureDelete == 1, foreignKeys == 1, timeout >= 5_000 else {
                    throw StoreError.unsafeSettings(
                        path: path, detail: "secure_delete, foreign keys or the busy timeout did not take")
                }
            }
        }
    }

    /// The durability settings as SQLite reports them now, for `verify` and tests.
    package func settings() throws -> [String: String] {
        try read { db in
            var result: [String: String] = [:]
            for pragma in [
                "journal_mode", "synchronous", "secure_delete", "foreign_keys", "busy_timeout", "application_id",
                "user_version",
            ] {
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
                throw StoreError.io(
                    path: path,
                    detail:
                        "another program kept the database busy for more than \(Int(busyTimeout)) seconds; try again")
            case .SQLITE_READONLY: throw StoreError.io(path: path, detail: "the file or its folder is read-only")
            case .SQLITE_CANTOPEN:
                throw StoreError.io(
                    path: path, detail: "the file cannot be opened (check the folder exists and is writable)")
            default:
                throw StoreError.io(path: path, detail: error.message ?? "SQLite error \(error.resultCode.rawValue)")
            }
        }
    }
}

/// A flag set once, from any thread.
final class OnceFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var isSet = false

    /// Sets the flag; true the first time only.
    func set() -> Bool {
        lock.withLock {
            defer { isSet = true }
            return !isSet
        }
    }
}
