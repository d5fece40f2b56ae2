import Foundation
import GRDB

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
    /// Conflicts, each naming a participant code and what was kept.
    package var conflicts: [String] = []
}

extension StudyDatabase {
    /// Merges other copies of this study into this database, idempotently, by interview id:
    /// new interviews are copied; an interview present in both is kept in its newer revision
    /// (reported); identical ones are left alone; withdrawal tombstones are honoured in both
    /// directions. A source that fails ``verify()`` or belongs to another study is refused
    /// before anything is written.
    /// - Parameter sources: Paths of the databases to merge in; they are only read.
    /// - Returns: What was done, source by source merged into one report.
    package func merge(from sources: [String]) throws -> MergeReport {
        let study = try study()
        var report = MergeReport()
        for source in sources {
            let other = try StudyDatabase.open(at: source, readOnly: true)
            let check = try other.verify()
            guard check.isSound else {
                throw StoreError.damaged(path: source, detail: check.problems.joined(separator: "; "))
            }
            guard try other.study().uuid == study.uuid else { throw StoreError.differentStudy(path: source) }
            try merge(source, into: &report)
        }
        return report
    }

    private func merge(_ source: String, into report: inout MergeReport) throws {
        try mapErrors {
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ? AS src", arguments: [source])
                defer { try? db.execute(sql: "DETACH DATABASE src") }
                try db.inTransaction(.immediate) {
                    try Self.mergeAttached(db, into: &report)
                    return .commit
                }
            }
        }
    }

    private static func mergeAttached(_ db: Database, into report: inout MergeReport) throws {
        // Tombstones, both ways: the union, then erase whatever they name.
        try db.execute(sql: "INSERT OR IGNORE INTO main.withdrawal SELECT interview_uuid, withdrawn_at FROM src.withdrawal")
        let doomed = try Int64.fetchAll(db, sql: "SELECT id FROM main.interview WHERE uuid IN (SELECT interview_uuid FROM main.withdrawal)")
        for id in doomed { try erase(interview: id, db) }
        report.erasedByTombstone += doomed.count
        report.withdrawn += try Int.fetchOne(db, sql: "SELECT count(*) FROM src.interview WHERE uuid IN (SELECT interview_uuid FROM main.withdrawal)") ?? 0

        // Instruments by content hash, variables by (instrument, name).
        try db.execute(sql: """
            INSERT OR IGNORE INTO main.instrument (name, version, content_hash, source, registered_at)
            SELECT name, version, content_hash, source, registered_at FROM src.instrument ORDER BY id;
            INSERT OR IGNORE INTO main.variable (instrument_id, name, position, identifying)
            SELECT ti.id, sv.name, sv.position, sv.identifying
            FROM src.variable sv JOIN src.instrument si ON si.id = sv.instrument_id
            JOIN main.instrument ti ON ti.content_hash = si.content_hash ORDER BY sv.id;
            DROP TABLE IF EXISTS temp.varmap;
            CREATE TEMP TABLE varmap (src_id INTEGER PRIMARY KEY, dst_id INTEGER NOT NULL);
            INSERT INTO temp.varmap
            SELECT sv.id, tv.id FROM src.variable sv JOIN src.instrument si ON si.id = sv.instrument_id
            JOIN main.instrument ti ON ti.content_hash = si.content_hash
            JOIN main.variable tv ON tv.instrument_id = ti.id AND tv.name = sv.name;
            DROP TABLE IF EXISTS temp.copy;
            CREATE TEMP TABLE copy (src_id INTEGER PRIMARY KEY, uuid BLOB NOT NULL, replaces INTEGER);
            """)

        // Classify the source's interviews.
        let rows = try Row.fetchAll(db, sql: """
            SELECT s.id, s.uuid, s.code, s.revision, s.updated_at, s.status,
                   m.id, m.revision, m.updated_at, m.status,
                   (SELECT c.id FROM main.interview c WHERE c.code = s.code AND c.uuid <> s.uuid)
            FROM src.interview s LEFT JOIN main.interview m ON m.uuid = s.uuid
            WHERE s.uuid NOT IN (SELECT interview_uuid FROM main.withdrawal)
            """)
        let insertCopy = try db.makeStatement(sql: "INSERT INTO temp.copy (src_id, uuid, replaces) VALUES (?, ?, ?)")
        for row in rows {
            let code: String = row[2]
            if let targetID: Int64 = row[6] {
                let sourceRevision: Int = row[3], targetRevision: Int = row[7]
                let sourceTime: String = row[4], targetTime: String = row[8]
                if sourceRevision == targetRevision, sourceTime == targetTime, row[5] as String == row[9] as String {
                    report.identical += 1
                } else if (sourceRevision, sourceTime) > (targetRevision, targetTime) {
                    report.updated += 1
                    report.conflicts.append("\(code): two versions; kept the newer (revision \(sourceRevision) over \(targetRevision))")
                    try insertCopy.execute(arguments: [row[0] as Int64, row[1] as Data, targetID])
                } else {
                    report.older += 1
                    report.conflicts.append("\(code): two versions; kept the newer (revision \(targetRevision) over \(sourceRevision))")
                }
            } else if row[10] as Int64? != nil {
                report.conflicts.append("\(code): two different interviews have this participant code; the one in the source was not copied")
            } else {
                report.added += 1
                try insertCopy.execute(arguments: [row[0] as Int64, row[1] as Data, nil])
            }
        }

        // Replace older versions, then copy every row of the chosen interviews.
        for id in try Int64.fetchAll(db, sql: "SELECT replaces FROM temp.copy WHERE replaces IS NOT NULL") {
            try erase(interview: id, db)
        }
        try db.execute(sql: """
            INSERT INTO main.interview (uuid, code, instrument_id, interviewer, language, status, outcome, simulated,
                                        revision, started_at, updated_at, ended_at)
            SELECT s.uuid, s.code, ti.id, s.interviewer, s.language, s.status, s.outcome, s.simulated,
                   s.revision, s.started_at, s.updated_at, s.ended_at
            FROM temp.copy c JOIN src.interview s ON s.id = c.src_id
            JOIN src.instrument si ON si.id = s.instrument_id JOIN main.instrument ti ON ti.content_hash = si.content_hash
            ORDER BY s.id;
            DROP TABLE IF EXISTS temp.imap;
            CREATE TEMP TABLE imap (src_id INTEGER PRIMARY KEY, dst_id INTEGER NOT NULL);
            INSERT INTO temp.imap SELECT c.src_id, m.id FROM temp.copy c JOIN main.interview m ON m.uuid = c.uuid;
            INSERT INTO main.answer (interview_id, variable_id, status, value, revision, answered_at)
            SELECT im.dst_id, vm.dst_id, a.status, a.value, a.revision, a.answered_at
            FROM src.answer a JOIN temp.imap im ON im.src_id = a.interview_id JOIN temp.varmap vm ON vm.src_id = a.variable_id;
            INSERT INTO main.sealed (interview_id, variable_id, encapsulated_key, ciphertext)
            SELECT im.dst_id, vm.dst_id, s.encapsulated_key, s.ciphertext
            FROM src.sealed s JOIN temp.imap im ON im.src_id = s.interview_id JOIN temp.varmap vm ON vm.src_id = s.variable_id;
            INSERT INTO main.event (interview_id, at, kind, variable_id, reason, old_status, old_value)
            SELECT im.dst_id, e.at, e.kind, vm.dst_id, e.reason, e.old_status, e.old_value
            FROM src.event e JOIN temp.imap im ON im.src_id = e.interview_id LEFT JOIN temp.varmap vm ON vm.src_id = e.variable_id
            ORDER BY e.id;
            INSERT INTO main.note (interview_id, variable_id, at, text, encapsulated_key, ciphertext)
            SELECT im.dst_id, vm.dst_id, n.at, n.text, n.encapsulated_key, n.ciphertext
            FROM src.note n JOIN temp.imap im ON im.src_id = n.interview_id LEFT JOIN temp.varmap vm ON vm.src_id = n.variable_id
            ORDER BY n.id;
            DROP TABLE temp.varmap; DROP TABLE temp.copy; DROP TABLE temp.imap;
            """)
    }

    /// Creates a new database for the same study as `source` (same id, title and key), as the
    /// target of a first merge.
    package static func createCopy(at path: String, ofStudyIn source: String) throws -> StudyDatabase {
        let info = try StudyDatabase.open(at: source, readOnly: true).study()
        let database = try create(at: path)
        try database.write { db in
            try StudyRecord(
                uuid: info.uuid, title: info.title, publicKey: info.publicKey, keyFingerprint: info.keyFingerprint,
                createdAt: info.createdAt
            ).insert(db)
        }
        return database
    }
}
