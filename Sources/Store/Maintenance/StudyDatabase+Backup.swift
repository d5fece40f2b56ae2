import Foundation
import GRDB

extension StudyDatabase {
    /// Writes a consistent copy of the database to `destination` (SQLite's `VACUUM INTO`).
    ///
    /// The database is verified first (a damaged one is not copied), the copy is written under a
    /// temporary name beside `destination`, readable only by its owner, flushed, verified, and
    /// only then given its name: a killed, failed or disk-full backup leaves nothing at
    /// `destination`.
    /// - Parameter destination: A path where nothing exists yet.
    /// - Throws: ``StoreError/damaged(path:detail:)`` when this database or the copy fails
    ///   ``verify()``; ``StoreError/io(path:detail:)`` when `destination` exists.
    package func backup(to destination: String) throws {
        if StudyFile.entryExists(destination) {
            throw StoreError.io(path: destination, detail: "a file already exists there; choose another name")
        }
        let problems: [String]
        do { problems = try verify().problems } catch StoreError.damaged(_, let detail) { problems = [detail] }
        guard problems.isEmpty else {
            throw StoreError.damaged(path: path, detail: problems.joined(separator: "; ") + "; no backup was written")
        }
        StudyFile.sweepTemporaries(beside: destination)
        let temporary = StudyFile.temporary(beside: destination)
        do {
            try StudyFile.createPrivate(temporary)
            try mapErrors {
                try queue.inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [temporary]) }
            }
            try StudyFile.sync(temporary)
            let copy = try StudyDatabase.open(at: temporary, readOnly: true)
            let copied = try copy.verify()
            try copy.close()
            // Reading the copy may have made an empty -wal and -shm beside it; they go before the rename.
            for suffix in ["-wal", "-shm"] { unlink(temporary + suffix) }
            guard copied.isSound else {
                throw StoreError.io(
                    path: temporary,
                    detail:
                        "the copy did not verify (\(copied.problems.joined(separator: "; "))); no backup was written")
            }
            try StudyFile.publish(temporary, as: destination)
        } catch let error as StoreError {
            StudyFile.removeDatabase(temporary)
            throw error.naming(destination, insteadOf: temporary)
        } catch {
            StudyFile.removeDatabase(temporary)
            throw error
        }
    }
}
