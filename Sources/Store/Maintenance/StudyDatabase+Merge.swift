import Foundation
import GRDB
import GRDBSQLite

/// What one `merge` did.
package struct MergeReport: Sendable, Equatable, Codable {
    /// Interviews copied that the target did not have.
    package var added = 0
    /// Interviews the target had in an older revision, replaced by the newer one.
    package var updated = 0
    /// Interviews already present and identical.
    package var identical = 0
    /// Interviews the target had in a newer revision than the source (the target's kept).
    package var older = 0
    /// Interviews not copied because they were withdrawn.
    package var withdrawn = 0
    /// Interviews removed from the target because a source had withdrawn them.
    package var erasedByTombstone = 0
    /// Answers of the copy that was not kept, where it differed, kept in `answer_revision`.
    package var revisionsKept = 0
    /// Conflicts, each naming a participant code and what was kept.
    package var conflicts: [String] = []

    /// An empty report.
    package init() {}
}

extension StudyDatabase {
    /// Merges other copies of this study into this database, idempotently, by interview id:
    /// new interviews are copied; an interview present in both is kept in its newer revision,
    /// and the other copy's answers that differ are kept beside it as revisions
    /// (`answer_revision`) and reported; identical ones are left alone; withdrawal tombstones are
    /// honoured in both directions.
    ///
    /// All or nothing: this database and every source are checked first (``verify()``, the
    /// study id), then every source is merged in one transaction, so a refused source, a full
    /// disk or a killed process leaves this database as it was.
    /// - Parameter sources: Paths of the databases to merge in; they are only read.
    /// - Returns: What was done, every source's counts added up.
    package func merge(from sources: [String]) throws -> MergeReport {
        guard !isReadOnly else { throw StoreError.io(path: path, detail: "the database was opened read-only") }
        let study = try study()
        let own = try verify()
        guard own.isSound else {
            throw StoreError.damaged(
                path: path, detail: own.problems.joined(separator: "; ") + "; nothing was merged into it")
        }
        var merged: [MergeSource] = []
        // A file named twice is merged once (SQLite cannot read one file attached twice in a
        // transaction, and the second pass would find everything identical anyway).
        for source in sources where !merged.contains(where: { StudyFile.sameFile($0.path, source) }) {
            if StudyFile.sameFile(source, path) {
                throw StoreError.io(
                    path: source, detail: "this is the target database itself; name other databases to merge in")
            }
            let other = try StudyDatabase.open(at: source, readOnly: true)
            defer { try? other.close() }
            let check = try other.verify()
            guard check.isSound else {
                throw StoreError.damaged(path: source, detail: check.problems.joined(separator: "; "))
            }
            guard try other.study().uuid == study.uuid else { throw StoreError.differentStudy(path: source) }
            let revisions = try other.read { db in try db.tableExists("answer_revision") }
            merged.append(MergeSource(path: source, prefix: "", hasRevisions: revisions))
        }
        var report = MergeReport()
        try mapErrors {
            try queue.writeWithoutTransaction { db in
                // SQLite attaches at most SQLITE_LIMIT_ATTACHED databases (10 in most builds); more
                // sources are copied into temporary tables one by one, then merged the same way.
                let limit = Int(sqlite3_limit(db.sqliteConnection, SQLITE_LIMIT_ATTACHED, -1))
                let staged = merged.count > limit
                defer { Self.release(merged, staged: staged, db) }
                for index in merged.indices {
                    if staged {
                        merged[index].prefix = "temp.s\(index)_"
                        try Self.stage(merged[index], db)
                    } else {
                        merged[index].prefix = "src\(index)."
                        try db.execute(sql: "ATTACH DATABASE ? AS src\(index)", arguments: [merged[index].path])
                    }
                }
                try db.inTransaction(.immediate) {
                    for source in merged { try MergeStatements(db: db, source: source).run(into: &report) }
                    return .commit
                }
            }
        }
        return report
    }

    /// Copies a source's tables into temporary tables named with its prefix.
    private static func stage(_ source: MergeSource, _ db: Database) throws {
        try db.execute(sql: "ATTACH DATABASE ? AS stage", arguments: [source.path])
        defer { try? db.execute(sql: "DETACH DATABASE stage") }
        for table in MergeSource.tables where table != "answer_revision" || source.hasRevisions {
            let name = source.prefix.replacingOccurrences(of: "temp.", with: "") + table
            try db.execute(sql: "CREATE TEMP TABLE \(name) AS SELECT * FROM stage.\(table)")
        }
    }

    private static func release(_ sources: [MergeSource], staged: Bool, _ db: Database) {
        for (index, source) in sources.enumerated() where !source.prefix.isEmpty {
            if staged {
                for table in MergeSource.tables {
                    try? db.execute(sql: "DROP TABLE IF EXISTS \(source.prefix)\(table)")
                }
            } else {
                try? db.execute(sql: "DETACH DATABASE src\(index)")
            }
        }
    }

    /// Creates a new database for the same study as `source` (same id, title and key), as the
    /// target of a first merge.
    /// - Parameters:
    ///   - path: Where; nothing may exist there.
    ///   - source: A copy of the study.
    ///   - prepare: Work done before the new file gets its name (the merge itself, so that a
    ///     killed merge into a new file leaves no file).
    package static func createCopy(
        at path: String, ofStudyIn source: String, prepare: (StudyDatabase) throws -> Void = { _ in }
    ) throws -> StudyDatabase {
        let info = try StudyDatabase.open(at: source, readOnly: true).study()
        return try create(at: path) { database in
            try database.write { db in
                try StudyRecord(
                    uuid: info.uuid, title: info.title, publicKey: info.publicKey, keyFingerprint: info.keyFingerprint,
                    createdAt: info.createdAt
                ).insert(db)
            }
            try prepare(database)
        }
    }
}

/// One source of a merge, as the merge's statements name its tables.
struct MergeSource {
    /// The tables read from a source.
    static let tables = [
        "withdrawal", "instrument", "variable", "interview", "answer", "sealed", "event", "note", "answer_revision",
    ]
    /// The file.
    var path: String
    /// What goes before a table's name: `src0.` for an attached source, `temp.s0_` for a staged one.
    var prefix: String
    /// Whether the source has the `answer_revision` table (schema version 3 and later).
    var hasRevisions: Bool
}

extension StudyDatabase {
    /// How many answers merges kept as revisions (``merge(from:)``), and of how many interviews.
    package func keptRevisions() throws -> (answers: Int, interviews: Int) {
        try read { db in
            guard try db.tableExists("answer_revision") else { return (0, 0) }
            let row = try Row.fetchOne(db, sql: "SELECT count(*), count(DISTINCT interview_id) FROM answer_revision")
            return (row?[0] ?? 0, row?[1] ?? 0)
        }
    }
}
