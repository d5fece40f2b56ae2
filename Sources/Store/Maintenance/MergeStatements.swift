import Foundation
import GRDB

/// The statements that merge one source into the target, inside the merge's one transaction.
/// The source's tables are named through ``MergeSource/prefix`` (an attached database or
/// temporary copies), the target's as `main.`.
struct MergeStatements {
    let db: Database
    let source: MergeSource

    /// A source table's qualified name.
    private func src(_ table: String) -> String { source.prefix + table }

    /// The source's wave and arm of each interview, as SQL over its `s` alias (a file from
    /// before waves has none: every interview is outside a plan).
    private func sourceWaves() throws -> (wave: String, arm: String) {
        let columns = try db.makeStatement(sql: "SELECT * FROM \(src("interview")) LIMIT 0").columnNames
        return columns.contains("wave") ? ("s.wave", "s.arm") : ("''", "NULL")
    }

    /// Merges the source: tombstones, instruments, interviews, then kept revisions.
    func run(into report: inout MergeReport) throws {
        try tombstones(into: &report)
        try instruments()
        let plan = try classify(into: &report)
        try keepLosingAnswers(plan, into: &report)
        try copyChosen()
        if source.hasRevisions { try copyRevisions() }
        try db.execute(sql: "DROP TABLE temp.varmap; DROP TABLE temp.copy; DROP TABLE temp.imap; DROP TABLE temp.kept")
    }

    /// Tombstones, both ways: the union, then erase whatever they name.
    private func tombstones(into report: inout MergeReport) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO main.withdrawal SELECT interview_uuid, withdrawn_at FROM \(src("withdrawal"))")
        let doomed = try Int64.fetchAll(
            db, sql: "SELECT id FROM main.interview WHERE uuid IN (SELECT interview_uuid FROM main.withdrawal)")
        for id in doomed { try StudyDatabase.erase(interview: id, db) }
        report.erasedByTombstone += doomed.count
        report.withdrawn +=
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM \(src("interview")) WHERE uuid IN (SELECT interview_uuid FROM main.withdrawal)
                    """) ?? 0
    }

    /// Instruments by content hash, variables by (instrument, name), and the map of variable ids.
    private func instruments() throws {
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO main.instrument (name, version, content_hash, source, registered_at)
                SELECT name, version, content_hash, source, registered_at FROM \(src("instrument")) ORDER BY id;
                INSERT OR IGNORE INTO main.variable (instrument_id, name, position, identifying)
                SELECT ti.id, sv.name, sv.position, sv.identifying
                FROM \(src("variable")) sv JOIN \(src("instrument")) si ON si.id = sv.instrument_id
                JOIN main.instrument ti ON ti.content_hash = si.content_hash ORDER BY sv.id;
                DROP TABLE IF EXISTS temp.varmap;
                CREATE TEMP TABLE varmap (src_id INTEGER PRIMARY KEY, dst_id INTEGER NOT NULL);
                INSERT INTO temp.varmap
                SELECT sv.id, tv.id FROM \(src("variable")) sv JOIN \(src("instrument")) si ON si.id = sv.instrument_id
                JOIN main.instrument ti ON ti.content_hash = si.content_hash
                JOIN main.variable tv ON tv.instrument_id = ti.id AND tv.name = sv.name;
                DROP TABLE IF EXISTS temp.copy;
                CREATE TEMP TABLE copy (src_id INTEGER PRIMARY KEY, uuid BLOB NOT NULL, replaces INTEGER);
                DROP TABLE IF EXISTS temp.kept;
                CREATE TEMP TABLE kept (
                    uuid BLOB NOT NULL, variable_id INTEGER NOT NULL, status INTEGER NOT NULL, value,
                    revision INTEGER NOT NULL, answered_at TEXT, encapsulated_key BLOB, ciphertext BLOB,
                    reason TEXT NOT NULL, recorded_at TEXT NOT NULL);
                """)
    }

    /// An interview in both copies whose versions differ.
    struct Conflict {
        var code: String
        var sourceID: Int64
        var targetID: Int64
        var sourceWins: Bool
        var message: String
    }

    /// Sorts the source's interviews: new (copied), identical (left), newer or older (a conflict).
    private func classify(into report: inout MergeReport) throws -> [Conflict] {
        let (wave, _) = try sourceWaves()
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT s.id, s.uuid, s.code, s.revision, s.updated_at, s.status,
                       m.id, m.revision, m.updated_at, m.status,
                       (SELECT c.id FROM main.interview c WHERE c.code = s.code AND c.wave = \(wave) AND c.uuid <> s.uuid)
                FROM \(src("interview")) s LEFT JOIN main.interview m ON m.uuid = s.uuid
                WHERE s.uuid NOT IN (SELECT interview_uuid FROM main.withdrawal)
                """)
        let insertCopy = try db.makeStatement(sql: "INSERT INTO temp.copy (src_id, uuid, replaces) VALUES (?, ?, ?)")
        var conflicts: [Conflict] = []
        for row in rows {
            let code: String = row[2]
            if let targetID: Int64 = row[6] {
                let sourceRevision: Int = row[3], targetRevision: Int = row[7]
                let sourceTime: String = row[4], targetTime: String = row[8]
                if sourceRevision == targetRevision, sourceTime == targetTime, row[5] as String == row[9] as String {
                    report.identical += 1
                } else if (sourceRevision, sourceTime) > (targetRevision, targetTime) {
                    report.updated += 1
                    conflicts.append(
                        Conflict(
                            code: code, sourceID: row[0], targetID: targetID, sourceWins: true,
                            message:
                                "\(code): two versions; kept the newer (revision \(sourceRevision) over \(targetRevision))"
                        ))
                    try insertCopy.execute(arguments: [row[0] as Int64, row[1] as Data, targetID])
                } else {
                    report.older += 1
                    conflicts.append(
                        Conflict(
                            code: code, sourceID: row[0], targetID: targetID, sourceWins: false,
                            message:
                                "\(code): two versions; kept the newer (revision \(targetRevision) over \(sourceRevision))"
                        ))
                }
            } else if row[10] as Int64? != nil {
                report.conflicts.append(
                    "\(code): two different interviews have this participant code (in one wave); the one in the source was not copied"
                )
            } else {
                report.added += 1
                try insertCopy.execute(arguments: [row[0] as Int64, row[1] as Data, nil])
            }
        }
        return conflicts
    }

    /// For each conflict, the answers of the copy that is not kept, where they differ from the
    /// kept copy's, go to `temp.kept` (by interview uuid, so they survive the replacement), with
    /// the revisions the replaced copy already had; they are written after the copy.
    private func keepLosingAnswers(_ conflicts: [Conflict], into report: inout MergeReport) throws {
        let now = Timestamp.now()
        for conflict in conflicts {
            // The losing side's answers, in the target's variable ids, against the winner's.
            let losing: String, winning: String
            if conflict.sourceWins {
                losing = """
                    SELECT a.variable_id AS variable_id, a.status, a.value, a.revision, a.answered_at,
                           s.encapsulated_key, s.ciphertext
                    FROM main.answer a LEFT JOIN main.sealed s ON s.interview_id = a.interview_id AND s.variable_id = a.variable_id
                    WHERE a.interview_id = \(conflict.targetID)
                    """
                winning = """
                    SELECT vm.dst_id AS variable_id, a.status, a.value, s.ciphertext
                    FROM \(src("answer")) a JOIN temp.varmap vm ON vm.src_id = a.variable_id
                    LEFT JOIN \(src("sealed")) s ON s.interview_id = a.interview_id AND s.variable_id = a.variable_id
                    WHERE a.interview_id = \(conflict.sourceID)
                    """
            } else {
                losing = """
                    SELECT vm.dst_id AS variable_id, a.status, a.value, a.revision, a.answered_at,
                           s.encapsulated_key, s.ciphertext
                    FROM \(src("answer")) a JOIN temp.varmap vm ON vm.src_id = a.variable_id
                    LEFT JOIN \(src("sealed")) s ON s.interview_id = a.interview_id AND s.variable_id = a.variable_id
                    WHERE a.interview_id = \(conflict.sourceID)
                    """
                winning = """
                    SELECT a.variable_id AS variable_id, a.status, a.value, s.ciphertext
                    FROM main.answer a LEFT JOIN main.sealed s ON s.interview_id = a.interview_id AND s.variable_id = a.variable_id
                    WHERE a.interview_id = \(conflict.targetID)
                    """
            }
            let uuid = try Data.fetchOne(
                db, sql: "SELECT uuid FROM main.interview WHERE id = ?", arguments: [conflict.targetID])
            let before = try Int.fetchOne(db, sql: "SELECT count(*) FROM temp.kept") ?? 0
            try db.execute(
                sql: """
                    INSERT INTO temp.kept
                    SELECT ?, l.variable_id, l.status, l.value, l.revision, l.answered_at, l.encapsulated_key, l.ciphertext,
                           'merge_conflict', ?
                    FROM (\(losing)) l LEFT JOIN (\(winning)) w ON w.variable_id = l.variable_id
                    WHERE w.variable_id IS NULL OR w.status IS NOT l.status OR w.value IS NOT l.value
                          OR w.ciphertext IS NOT l.ciphertext
                    """,
                arguments: [uuid, now])
            let names = try String.fetchAll(
                db,
                sql: """
                    SELECT v.name FROM temp.kept k JOIN main.variable v ON v.id = k.variable_id
                    WHERE k.rowid > ? ORDER BY v.position
                    """, arguments: [before])
            if conflict.sourceWins {
                // The replaced copy's earlier revisions stay with the interview.
                try db.execute(
                    sql: """
                        INSERT INTO temp.kept
                        SELECT ?, variable_id, status, value, revision, answered_at, encapsulated_key, ciphertext,
                               reason, recorded_at
                        FROM main.answer_revision WHERE interview_id = ?
                        """,
                    arguments: [uuid, conflict.targetID])
            }
            report.revisionsKept += names.count
            var message = conflict.message
            if !names.isEmpty {
                let shown = names.prefix(5).joined(separator: ", ") + (names.count > 5 ? ", ..." : "")
                message +=
                    "; the other copy's \(names.count) differing answer\(names.count == 1 ? "" : "s") (\(shown)) kept as revisions"
            }
            report.conflicts.append(message)
        }
    }

    /// Replaces older versions, then copies every row of the chosen interviews.
    private func copyChosen() throws {
        for id in try Int64.fetchAll(db, sql: "SELECT replaces FROM temp.copy WHERE replaces IS NOT NULL") {
            try StudyDatabase.erase(interview: id, db)
        }
        let (wave, arm) = try sourceWaves()
        try db.execute(
            sql: """
                INSERT INTO main.interview (uuid, code, instrument_id, interviewer, language, status, outcome, simulated,
                                            revision, started_at, updated_at, ended_at, wave, arm)
                SELECT s.uuid, s.code, ti.id, s.interviewer, s.language, s.status, s.outcome, s.simulated,
                       s.revision, s.started_at, s.updated_at, s.ended_at, \(wave), \(arm)
                FROM temp.copy c JOIN \(src("interview")) s ON s.id = c.src_id
                JOIN \(src("instrument")) si ON si.id = s.instrument_id JOIN main.instrument ti ON ti.content_hash = si.content_hash
                ORDER BY s.id;
                DROP TABLE IF EXISTS temp.imap;
                CREATE TEMP TABLE imap (src_id INTEGER PRIMARY KEY, dst_id INTEGER NOT NULL);
                INSERT INTO temp.imap SELECT c.src_id, m.id FROM temp.copy c JOIN main.interview m ON m.uuid = c.uuid;
                INSERT INTO main.answer (interview_id, variable_id, status, value, revision, answered_at)
                SELECT im.dst_id, vm.dst_id, a.status, a.value, a.revision, a.answered_at
                FROM \(src("answer")) a JOIN temp.imap im ON im.src_id = a.interview_id JOIN temp.varmap vm ON vm.src_id = a.variable_id;
                INSERT INTO main.sealed (interview_id, variable_id, encapsulated_key, ciphertext)
                SELECT im.dst_id, vm.dst_id, s.encapsulated_key, s.ciphertext
                FROM \(src("sealed")) s JOIN temp.imap im ON im.src_id = s.interview_id JOIN temp.varmap vm ON vm.src_id = s.variable_id;
                INSERT INTO main.event (interview_id, at, kind, variable_id, reason, old_status, old_value)
                SELECT im.dst_id, e.at, e.kind, vm.dst_id, e.reason, e.old_status, e.old_value
                FROM \(src("event")) e JOIN temp.imap im ON im.src_id = e.interview_id LEFT JOIN temp.varmap vm ON vm.src_id = e.variable_id
                ORDER BY e.id;
                INSERT INTO main.note (interview_id, variable_id, at, text, encapsulated_key, ciphertext)
                SELECT im.dst_id, vm.dst_id, n.at, n.text, n.encapsulated_key, n.ciphertext
                FROM \(src("note")) n JOIN temp.imap im ON im.src_id = n.interview_id LEFT JOIN temp.varmap vm ON vm.src_id = n.variable_id
                ORDER BY n.id;
                INSERT OR IGNORE INTO main.answer_revision (interview_id, variable_id, status, value, revision, answered_at,
                                                            encapsulated_key, ciphertext, reason, recorded_at)
                SELECT m.id, k.variable_id, k.status, k.value, k.revision, k.answered_at, k.encapsulated_key, k.ciphertext,
                       k.reason, k.recorded_at
                FROM temp.kept k JOIN main.interview m ON m.uuid = k.uuid;
                """)
    }

    /// The source's kept revisions of every interview both copies have: the union, like tombstones.
    private func copyRevisions() throws {
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO main.answer_revision (interview_id, variable_id, status, value, revision, answered_at,
                                                            encapsulated_key, ciphertext, reason, recorded_at)
                SELECT m.id, vm.dst_id, r.status, r.value, r.revision, r.answered_at, r.encapsulated_key, r.ciphertext,
                       r.reason, r.recorded_at
                FROM \(src("answer_revision")) r JOIN \(src("interview")) s ON s.id = r.interview_id
                JOIN main.interview m ON m.uuid = s.uuid JOIN temp.varmap vm ON vm.src_id = r.variable_id
                """)
    }
}
