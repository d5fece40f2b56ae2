import Crypto
package import Foundation

/// How rows are de-identified: participant codes become per-release pseudonyms (unless the
/// profile is custodian) and free text is masked.
///
/// A pseudonym is HMAC-SHA256 of the participant code under a key derived with HKDF-SHA256 from
/// the study's 32-byte export secret (salt: the study id, info: `peersurvey pseudonym v1/` and the
/// release name); the first 6 bytes, in hex, after `p-`. The same secret and release always give
/// the same pseudonym; without the secret, pseudonyms of two releases cannot be linked.
package struct Deidentifier: Sendable {
    /// Who the export is for.
    package let profile: ExportProfile
    /// The release name.
    package let release: String
    /// HMAC with the release's key already absorbed: each pseudonym starts from a copy, which
    /// halves the hashing (the key's two blocks are not hashed again for every participant).
    private let keyed: Keyed

    /// Bytes of the pseudonym's HMAC kept (12 hex digits).
    static let pseudonymBytes = 6

    /// Creates a de-identifier.
    /// - Parameters:
    ///   - profile: Who the export is for.
    ///   - secret: The study's export secret (32 bytes).
    ///   - studyID: The study's id, used as the HKDF salt.
    ///   - release: The release name.
    package init(profile: ExportProfile, secret: Data, studyID: String, release: String) {
        self.profile = profile
        self.release = release
        let key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: secret), salt: Data(studyID.utf8),
            info: Data("peersurvey pseudonym v1/\(release)".utf8), outputByteCount: 32)
        keyed = Keyed(HMAC<SHA256>(key: key))
    }

    /// What the participant column holds for a participant code: the code for the custodian,
    /// else the release's pseudonym.
    package func participant(_ code: String) -> String {
        profile == .custodian ? code : pseudonym(code)
    }

    /// The release's pseudonym of a participant code (`p-` and 12 hex digits).
    package func pseudonym(_ code: String) -> String {
        var hmac = keyed.hmac
        var code = code
        code.withUTF8 { hmac.update(data: UnsafeRawBufferPointer($0)) }
        let mac = hmac.finalize()
        let hex = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = Array("p-".utf8)
        for byte in mac.prefix(Self.pseudonymBytes) {
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 15)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A keyed HMAC shared read-only: every use copies it first (its hash state is copied on write).
private struct Keyed: @unchecked Sendable {
    let hmac: HMAC<SHA256>
    init(_ hmac: HMAC<SHA256>) { self.hmac = hmac }
}
