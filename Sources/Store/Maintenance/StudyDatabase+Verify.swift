import Foundation
import GRDB

/// What `verify` found: nothing when the database is sound.
package struct VerifyReport: Sendable, Equatable {
    /// One problem per line, each naming a table and what is wrong (never a stored value).
    package var problems: [String]
    /// Row counts by table, for the report.
    package var counts: [String: Int]
    /// Whether the database is sound.
    package var isSound: Bool { problems.isEmpty }
}

extension StudyDatabase {
    /// Checks the whole database: SQLite's integrity check, foreign keys, the application id
    /// and schema version, a study row, the shape of every sealed row and note, and answers
    /// whose status and value disagree.
    package func verify() throws -> VerifyReport {
        try read { db in
            var problems: [String] = []
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check(20)")
            if integrity != ["ok"] { problems += integrity.map { "integrity check: \($0)" } }
            let keys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            if !keys.isEmpty {
                let tables = Set(keys.map { $0[0] as String })
                problems.append("\(keys.count) rows refer to missing rows (tables: \(tables.sorted().joined(separator: ", ")))")
            }
            let id = try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            if UInt32(truncatingIfNeeded: id) != Self.applicationID { problems.append("the application id is not peersurvey's") }
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            // An older version is sound: it is brought up to date the next time it is opened for writing.
            if version < 1 || version > Self.schemaVersion {
                problems.append("schema version \(version), expected 1 to \(Self.schemaVersion)")
            }
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM study") != 1 { problems.append("there is no study row") }
            var badShape = 0
            let sealed = try Row.fetchCursor(db, sql: "SELECT encapsulated_key, ciphertext FROM sealed UNION ALL SELECT encapsulated_key, ciphertext FROM note WHERE ciphertext IS NOT NULL")
            while let row = try sealed.next() {
                let key: Data? = row[0], text: Data? = row[1]
                if !Sealer.hasValidShape(encapsulatedKey: key ?? Data(), ciphertext: text ?? Data()) { badShape += 1 }
            }
            let hasRevisions = try db.tableExists("answer_revision")
            if hasRevisions {
                let revisions = try Row.fetchCursor(db, sql: """
                    SELECT r.encapsulated_key, r.ciphertext, v.identifying, r.status, r.value
                    FROM answer_revision r JOIN variable v ON v.id = r.variable_id
                    """)
                var unsealedRevisions = 0
                while let row = try revisions.next() {
                    let key: Data? = row[0], text: Data? = row[1]
                    let identifying: Bool = row[2]
                    if identifying {
                        if (row[4] as DatabaseValue) != .null { unsealedRevisions += 1 }
                        if row[3] as Int == 0, !Sealer.hasValidShape(encapsulatedKey: key ?? Data(), ciphertext: text ?? Data()) {
                            badShape += 1
                        }
                    }
                }
                if unsealedRevisions > 0 {
                    problems.append("\(unsealedRevisions) kept revisions of identifying answers are stored unsealed")
                }
            }
            if badShape > 0 { problems.append("\(badShape) sealed values do not have the shape of a sealed value") }
            let unsealed = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM answer a JOIN variable v ON v.id = a.variable_id
                WHERE v.identifying = 1 AND a.value IS NOT NULL
                """) ?? 0
            if unsealed > 0 { problems.append("\(unsealed) identifying answers are stored unsealed") }
            let missingSeal = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM answer a JOIN variable v ON v.id = a.variable_id
                WHERE v.identifying = 1 AND a.status = 0
                  AND NOT EXISTS (SELECT 1 FROM sealed s WHERE s.interview_id = a.interview_id AND s.variable_id = a.variable_id)
                """) ?? 0
            if missingSeal > 0 { problems.append("\(missingSeal) identifying answers have lost their sealed value") }
            let inconsistent = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM answer a JOIN variable v ON v.id = a.variable_id
                WHERE v.identifying = 0 AND ((a.status = 0) <> (a.value IS NOT NULL))
                """) ?? 0
            if inconsistent > 0 { problems.append("\(inconsistent) answers have a status that does not match their value") }
            let withdrawnLeft = try Int.fetchOne(db, sql: "SELECT count(*) FROM interview WHERE uuid IN (SELECT interview_uuid FROM withdrawal)") ?? 0
            if withdrawnLeft > 0 { problems.append("\(withdrawnLeft) withdrawn interviews still have data") }
            var counts: [String: Int] = [:]
            for table in ["instrument", "variable", "interview", "answer", "sealed", "event", "note", "withdrawal"]
                + (hasRevisions ? ["answer_revision"] : [])
            {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            }
            return VerifyReport(problems: problems, counts: counts)
        }
    }
}
