package import Foundation
import GRDB

/// One identifying answer or interviewer note, opened by the custodian.
package struct UnsealedValue: Sendable, Equatable, Codable {
    /// The participant code.
    package var code: String
    /// The variable, or `ps_note` for an interviewer note.
    package var variable: String
    /// The text; `nil` when it would not open (wrong key or a damaged row).
    package var text: String?
}

extension StudyDatabase {
    /// Opens every sealed value with the study's private key.
    /// - Parameter privateKey: The raw key from ``PrivateKeyFile/unlock(passphrase:)``.
    /// - Returns: The values in interview order; a value that does not open has a `nil` text.
    /// - Throws: ``StoreError/key(_:)`` when the key is not the study's.
    package func unseal(privateKey: Data) throws -> [UnsealedValue] {
        let study = try study()
        let unsealer = try Unsealer(privateKey: privateKey, studyUUID: study.uuid)
        guard let expected = study.publicKey, unsealer.publicKey == expected else {
            throw StoreError.key("this private key does not belong to the study (its fingerprint is \(Fingerprint.of(unsealer.publicKey)); the study's is \(study.keyFingerprint ?? "not recorded"))")
        }
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT i.code, i.uuid, v.name, s.encapsulated_key, s.ciphertext, i.id, 0 AS kind
                FROM sealed s JOIN interview i ON i.id = s.interview_id JOIN variable v ON v.id = s.variable_id
                UNION ALL
                SELECT i.code, i.uuid, 'ps_note', n.encapsulated_key, n.ciphertext, i.id, 1
                FROM note n JOIN interview i ON i.id = n.interview_id WHERE n.ciphertext IS NOT NULL
                ORDER BY 6, 7
                """)
            return rows.map { row in
                let name: String = row[2]
                return UnsealedValue(
                    code: row[0], variable: name,
                    text: unsealer.open(encapsulatedKey: row[3], ciphertext: row[4], interview: row[1], variable: name))
            }
        }
    }
}
