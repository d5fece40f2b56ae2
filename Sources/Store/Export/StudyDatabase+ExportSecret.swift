import Crypto
package import Foundation
import GRDB

extension StudyDatabase {
    /// The study's export secret: 32 random bytes from which each release's pseudonym key is
    /// derived (see docs/exports.md). Made by the first export and kept in `export_secret`, so
    /// that exporting the same release again gives the same pseudonyms.
    /// - Returns: The secret, or `nil` when no export has made one yet (or the file predates the
    ///   table and was opened read-only).
    /// - Throws: ``StoreError`` when the database cannot be read.
    package func exportSecret() throws -> Data? {
        try read { db in
            guard try db.tableExists("export_secret") else { return nil }
            return try Data.fetchOne(db, sql: "SELECT secret FROM export_secret WHERE id = 1")
        }
    }

    /// The study's export secret, made now (and committed durably) if there is none yet. The
    /// write is then moved from the write-ahead log into the main file, so that the export that
    /// follows reads the answers at full speed (see ``scan(_:range:body:)``).
    /// - Returns: The secret.
    /// - Throws: ``StoreError`` when the database is read-only or cannot be written.
    package func makeExportSecret() throws -> Data {
        if isReadOnly {
            throw StoreError.io(
                path: path, detail: "the first export makes the study's export secret, which needs a writable database")
        }
        let fresh = Data(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })
        let secret = try write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO export_secret (id, secret, created_at) VALUES (1, ?, ?)",
                arguments: [fresh, Timestamp.now()])
            guard let secret = try Data.fetchOne(db, sql: "SELECT secret FROM export_secret WHERE id = 1") else {
                throw StoreError.io(path: path, detail: "the export secret could not be stored")
            }
            return secret
        }
        // Best effort: a reader holding the log open only makes the export take the slower path.
        try? checkpoint()
        return secret
    }
}
