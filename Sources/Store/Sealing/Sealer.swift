import Crypto
package import Foundation

/// Seals identifying answers (and interviewer notes) to the study's public key with HPKE
/// (`Curve25519_SHA256_ChachaPoly`, base mode), so that only the holder of the private key can
/// read them. The plaintext is padded to a multiple of ``blockSize`` bytes so that the length of
/// a name or a phone number does not show in the ciphertext; the associated data binds each
/// ciphertext to its study, interview and variable, so a row copied elsewhere will not open.
package struct Sealer: Sendable {
    /// Plaintexts are padded to a multiple of this many bytes (at least one block).
    package static let blockSize = 256
    /// The longest plaintext that can be sealed, in UTF-8 bytes.
    package static let maximumLength = 65_535
    /// The HPKE ciphersuite.
    static let suite = HPKE.Ciphersuite.Curve25519_SHA256_ChachaPoly
    /// HPKE's `info`: names the purpose and the format version.
    static let info = Data("peersurvey sealed answer v1".utf8)
    /// Bytes of authentication tag HPKE adds to the padded plaintext.
    static let tagLength = 16

    let publicKey: Curve25519.KeyAgreement.PublicKey
    let studyUUID: String

    /// A sealer for one study.
    /// - Parameters:
    ///   - publicKey: The study's raw 32-byte X25519 public key.
    ///   - studyUUID: The study's id, bound into every ciphertext.
    /// - Throws: ``StoreError/key(_:)`` when the key is not a valid X25519 key.
    package init(publicKey: Data, studyUUID: String) throws {
        do {
            self.publicKey = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: publicKey)
        } catch {
            throw StoreError.key("the study's public key is not a valid X25519 key")
        }
        self.studyUUID = studyUUID
    }

    /// The associated data of one sealed value.
    static func associatedData(study: String, interview: Data, variable: String) -> Data {
        Data("peersurvey/v1/\(study)/\(interview.map { String(format: "%02x", $0) }.joined())/\(variable)".utf8)
    }

    /// Seals `text` for one variable of one interview.
    /// - Returns: The HPKE encapsulated key (32 bytes) and the ciphertext.
    package func seal(_ text: String, interview: Data, variable: String) throws -> (encapsulatedKey: Data, ciphertext: Data) {
        let padded = try Self.pad(Array(text.utf8))
        var sender = try HPKE.Sender(recipientKey: publicKey, ciphersuite: Self.suite, info: Self.info)
        let ciphertext = try sender.seal(
            padded, authenticating: Self.associatedData(study: studyUUID, interview: interview, variable: variable))
        return (sender.encapsulatedKey, ciphertext)
    }

    /// A two-byte length, the bytes, then zeros up to a whole number of blocks.
    static func pad(_ bytes: [UInt8]) throws -> [UInt8] {
        guard bytes.count <= maximumLength else {
            throw StoreError.key("an identifying answer may be at most \(maximumLength) bytes long")
        }
        var out: [UInt8] = [UInt8(bytes.count >> 8), UInt8(bytes.count & 0xFF)] + bytes
        let size = max(1, (out.count + blockSize - 1) / blockSize) * blockSize
        out.append(contentsOf: repeatElement(0, count: size - out.count))
        return out
    }

    /// Undoes ``pad(_:)``.
    static func unpad(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 2 else { return nil }
        let length = Int(bytes[0]) << 8 | Int(bytes[1])
        guard length + 2 <= bytes.count else { return nil }
        return Array(bytes[2..<(2 + length)])
    }

    /// Whether a stored row has the shape of a sealed value: a 32-byte encapsulated key and a
    /// ciphertext of whole blocks plus the tag. `verify` checks every row with this.
    package static func hasValidShape(encapsulatedKey: Data, ciphertext: Data) -> Bool {
        encapsulatedKey.count == 32 && ciphertext.count > tagLength
            && (ciphertext.count - tagLength) % blockSize == 0
    }
}

/// Opens sealed values with the study's private key (the custodian's side of ``Sealer``).
package struct Unsealer: Sendable {
    let privateKey: Curve25519.KeyAgreement.PrivateKey
    let studyUUID: String
    /// The raw public key that goes with the private key.
    package var publicKey: Data { privateKey.publicKey.rawRepresentation }

    /// An unsealer for one study.
    /// - Parameters:
    ///   - privateKey: The raw 32-byte X25519 private key (from ``PrivateKeyFile``).
    ///   - studyUUID: The study's id.
    package init(privateKey: Data, studyUUID: String) throws {
        do {
            self.privateKey = try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: privateKey)
        } catch {
            throw StoreError.key("the private key is not a valid X25519 key")
        }
        self.studyUUID = studyUUID
    }

    /// Opens one sealed value.
    /// - Returns: The text, or `nil` when it does not open (wrong key, or a row moved from
    ///   another interview or variable).
    package func open(encapsulatedKey: Data, ciphertext: Data, interview: Data, variable: String) -> String? {
        guard
            var recipient = try? HPKE.Recipient(
                privateKey: privateKey, ciphersuite: Sealer.suite, info: Sealer.info, encapsulatedKey: encapsulatedKey),
            let padded = try? recipient.open(
                ciphertext,
                authenticating: Sealer.associatedData(study: studyUUID, interview: interview, variable: variable)),
            let bytes = Sealer.unpad(Array(padded))
        else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
