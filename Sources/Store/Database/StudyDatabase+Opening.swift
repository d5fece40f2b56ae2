import Foundation
import GRDB

extension StudyDatabase {
    /// Creates a new study database at `path`. It is built under a temporary name beside
    /// `path`, readable only by its owner, and moved into place only when complete (`prepare`
    /// included), so a killed or failed `create` leaves nothing at `path` that would block a retry.
    /// - Parameters:
    ///   - path: Where to create it; nothing may exist there.
    ///   - prepare: Work done on the new database before it gets its name (recording the study,
    ///     a first merge); when it throws, nothing is created.
    /// - Returns: The open database, with the current schema.
    /// - Throws: ``StoreError`` when something exists at `path` or the file cannot be made.
    package static func create(at path: String, prepare: (StudyDatabase) throws -> Void = { _ in }) throws
        -> StudyDatabase
    {
        if StudyFile.entryExists(path) {
            throw StoreError.io(path: path, detail: "a file already exists there; choose another name")
        }
        StudyFile.sweepTemporaries(beside: path)
        let temporary = StudyFile.temporary(beside: path)
        do {
            try StudyFile.createPrivate(temporary)
            let queue = try mapErrors(path) {
                try DatabaseQueue(path: temporary, configuration: configuration(readOnly: false))
            }
            let database = StudyDatabase(path: temporary, queue: queue, readOnly: false)
            try database.applyDurability()
            try database.mapErrors {
                try queue.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA application_id = \(Int32(bitPattern: applicationID))")
                }
                try Schema.migrator.migrate(queue)
                try queue.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
                }
            }
            try prepare(database)
            // Everything into the main file (header included), the WAL removed, then the name:
            // a WAL left with content (a full disk) would not follow the file to its name.
            try database.close()
            if case .regular(let size) = StudyFile.kind(of: temporary + "-wal"), size > 0 {
                throw StoreError.diskFull(path: temporary)
            }
            try StudyFile.sync(temporary)
            try StudyFile.publish(temporary, as: path)
        } catch let error as StoreError {
            StudyFile.removeDatabase(temporary)
            throw error.naming(path, insteadOf: temporary)
        } catch {
            StudyFile.removeDatabase(temporary)
            throw error
        }
        return try open(at: path)
    }

    /// Opens an existing study database.
    ///
    /// A file that is not ours (not SQLite, another application's, a newer schema, a FIFO or
    /// device) is refused from its first bytes before SQLite opens it, so nothing is written to
    /// it. Damage is judged by SQLite, after it has replayed the write-ahead log: a main file
    /// shorter than its header says is normal after a crash during a checkpoint, and is called
    /// damaged only when SQLite cannot find the missing pages.
    /// - Parameters:
    ///   - path: The file to open.
    ///   - readOnly: Open without the right to write (for status, verify, analysis, and the
    ///     sources of a merge). A database in a read-only folder is read as it is on the disk.
    /// - Returns: The open database.
    /// - Throws: ``StoreError`` when the file is missing, not a SQLite database, another
    ///   application's database, damaged, or newer than this build.
    package static func open(at path: String, readOnly: Bool = false) throws -> StudyDatabase {
        switch StudyFile.kind(of: path) {
        case .missing: throw StoreError.missing(path: path)
        case .directory:
            throw StoreError.io(
                path: path, detail: "this is a folder; give the study database file (such as study.sqlite)")
        case .special(let what):
            throw StoreError.io(path: path, detail: "this is \(what), not a study database file; it was not opened")
        case .regular: break
        }
        guard let header = FileHeader.read(path: path) else { throw StoreError.notADatabase(path: path) }
        guard header.applicationID == applicationID else { throw StoreError.foreignDatabase(path: path) }
        if header.userVersion > schemaVersion {
            throw StoreError.newerSchema(path: path, found: Int(header.userVersion), supported: schemaVersion)
        }
        do {
            return try openChecked(path, readOnly: readOnly, shorterThanHeader: header.isShorterThanHeader)
        } catch StoreError.damaged(let path, _) where header.isShorterThanHeader {
            throw StoreError.damaged(
                path: path,
                detail:
                    "the file is shorter than its header says and SQLite cannot find the missing pages; it was cut off")
        }
    }

    private static func openChecked(_ path: String, readOnly: Bool, shorterThanHeader: Bool) throws -> StudyDatabase {
        let (queue, connectionPath) = try mapErrors(path) { try openQueue(path, readOnly: readOnly) }
        let database = StudyDatabase(path: path, queue: queue, readOnly: readOnly, connectionPath: connectionPath)
        if !readOnly { try database.applyDurability() }
        var needsMigration = false
        try database.mapErrors {
            try queue.inDatabase { db in
                // SQLite's view: the main file with the write-ahead log replayed.
                let id = try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                guard UInt32(truncatingIfNeeded: id) == applicationID else {
                    throw StoreError.foreignDatabase(path: path)
                }
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                if version > schemaVersion {
                    throw StoreError.newerSchema(path: path, found: version, supported: schemaVersion)
                }
                if try Schema.migrator.hasBeenSuperseded(db) {
                    throw StoreError.newerSchema(path: path, found: version, supported: schemaVersion)
                }
                if shorterThanHeader {
                    // Rare (a crash in the middle of a checkpoint), so the cost of reading every page is fine.
                    let check = try String.fetchAll(db, sql: "PRAGMA quick_check(5)")
                    guard check == ["ok"] else {
                        throw StoreError.damaged(path: path, detail: check.joined(separator: "; "))
                    }
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
        if shorterThanHeader, !readOnly {
            // Finish the interrupted checkpoint: the main file gets its missing pages back.
            try database.checkpoint()
        }
        return database
    }

    /// Opens SQLite's connection. In a folder where SQLite cannot make its shared-memory file
    /// (a read-only folder or medium) a read-only open reads the file as it is on the disk
    /// (`immutable`), which is exact when the write-ahead log is empty or absent.
    private static func openQueue(_ path: String, readOnly: Bool) throws -> (DatabaseQueue, String) {
        guard readOnly else {
            return (try DatabaseQueue(path: path, configuration: configuration(readOnly: false)), path)
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
            try queue.inDatabase { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            return (queue, path)
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN
        {
            if case .regular(let size) = StudyFile.kind(of: path + "-wal"), size > 0 {
                throw StoreError.io(
                    path: path,
                    detail:
                        "the folder is read-only and \(path)-wal holds changes not yet in the main file; copy the database with its -wal file to a writable folder and open the copy"
                )
            }
            var allowed = CharacterSet.urlPathAllowed
            allowed.remove(charactersIn: "?#%")
            let escaped = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
            let uri = "file:\(escaped)?immutable=1"
            return (try DatabaseQueue(path: uri, configuration: configuration(readOnly: true)), uri)
        }
    }
}
