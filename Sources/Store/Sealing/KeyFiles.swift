import Crypto
package import Foundation
import _CryptoExtras

/// The study's public key as written to `NAME.pub`: JSON with the raw key and its fingerprint.
package struct PublicKeyFile: Codable, Sendable, Equatable {
    /// Always `peersurvey-public-key`.
    package var format = "peersurvey-public-key"
    /// The file format version.
    package var version = 1
    /// The raw 32-byte X25519 public key.
    package var key: Data
    /// ``Fingerprint/of(_:)`` of the key.
    package var fingerprint: String

    /// Reads and checks a public key file.
    /// - Throws: ``StoreError/key(_:)`` naming the file when it is unreadable or not a key.
    package static func read(path: String) throws -> PublicKeyFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError.key("\(path): the public key file cannot be read")
        }
        guard let file = try? JSONDecoder().decode(PublicKeyFile.self, from: data),
            file.format == "peersurvey-public-key", file.key.count == 32,
            (try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: file.key)) != nil
        else {
            throw StoreError.key("\(path): this is not a peersurvey public key (make one with `peersurvey keys new --out NAME`; give the NAME.pub file)")
        }
        guard file.version == 1 else {
            throw StoreError.key("\(path): the key file has version \(file.version); install a newer peersurvey")
        }
        guard Fingerprint.of(file.key) == file.fingerprint else {
            throw StoreError.key("\(path): the fingerprint in the file does not match its key; the file was altered")
        }
        return file
    }
}

/// The study's private key as written to `NAME.key`: encrypted with ChaCha20-Poly1305 under a
/// key derived from a passphrase with scrypt, which costs an attacker memory as well as time
/// for every passphrase guessed.
package struct PrivateKeyFile: Codable, Sendable {
    /// scrypt's parameters, stored so that they can be raised later without breaking old files.
    package struct KDF: Codable, Sendable {
        /// Always `scrypt`.
        package var name = "scrypt"
        /// CPU and memory cost (a power of two).
        package var rounds: Int
        /// Block size.
        package var blockSize: Int
        /// Parallelism.
        package var parallelism: Int
        /// Random salt.
        package var salt: Data
    }

    /// The default cost: 2^17 rounds with a block size of 8 uses 128 MiB and about half a
    /// second per guess.
    package static let defaultRounds = 1 << 17

    /// Always `peersurvey-private-key`.
    package var format = "peersurvey-private-key"
    /// The file format version.
    package var version = 1
    /// The fingerprint of the matching public key.
    package var fingerprint: String
    /// How the passphrase becomes a key.
    package var kdf: KDF
    /// The raw private key, sealed with ChaCha20-Poly1305 (nonce, ciphertext and tag).
    package var sealed: Data

    /// Makes a new key pair.
    /// - Parameters:
    ///   - passphrase: Protects the private key; at least 12 characters.
    ///   - rounds: scrypt's cost; lower only in tests.
    /// - Returns: The public key file and the encrypted private key file.
    package static func generate(passphrase: String, rounds: Int = defaultRounds) throws -> (PublicKeyFile, PrivateKeyFile) {
        guard passphrase.count >= 12 else {
            throw StoreError.key("the passphrase must be at least 12 characters; a few unrelated words make a good one")
        }
        let privateKey = Curve25519.KeyAgreement.PrivateKey()
        let publicRaw = privateKey.publicKey.rawRepresentation
        let fingerprint = Fingerprint.of(publicRaw)
        let salt = Data((0..<16).map { _ in UInt8.random(in: 0...255) })
        let kdf = KDF(rounds: rounds, blockSize: 8, parallelism: 1, salt: salt)
        let key = try derive(passphrase: passphrase, kdf: kdf)
        let box = try ChaChaPoly.seal(privateKey.rawRepresentation, using: key, authenticating: Data(fingerprint.utf8))
        return (
            PublicKeyFile(key: publicRaw, fingerprint: fingerprint),
            PrivateKeyFile(fingerprint: fingerprint, kdf: kdf, sealed: box.combined)
        )
    }

    /// Reads a private key file.
    package static func read(path: String) throws -> PrivateKeyFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError.key("\(path): the private key file cannot be read")
        }
        guard let file = try? JSONDecoder().decode(PrivateKeyFile.self, from: data),
            file.format == "peersurvey-private-key", file.kdf.name == "scrypt"
        else {
            throw StoreError.key("\(path): this is not a peersurvey private key file (it is the NAME.key made by `peersurvey keys new`)")
        }
        return file
    }

    /// Decrypts the private key.
    /// - Returns: The raw 32-byte X25519 private key.
    /// - Throws: ``StoreError/key(_:)`` when the passphrase is wrong or the file was altered.
    package func unlock(passphrase: String) throws -> Data {
        let key = try Self.derive(passphrase: passphrase, kdf: kdf)
        guard let box = try? ChaChaPoly.SealedBox(combined: sealed),
            let raw = try? ChaChaPoly.open(box, using: key, authenticating: Data(fingerprint.utf8))
        else {
            throw StoreError.key("the passphrase is wrong, or the key file was altered")
        }
        return raw
    }

    private static func derive(passphrase: String, kdf: KDF) throws -> SymmetricKey {
        guard kdf.rounds >= 2, kdf.rounds & (kdf.rounds - 1) == 0, kdf.rounds <= 1 << 22,
            (1...32).contains(kdf.blockSize), (1...16).contains(kdf.parallelism)
        else { throw StoreError.key("the key file's scrypt parameters are out of range") }
        do {
            return try KDF_Scrypt.derive(passphrase: passphrase, kdf: kdf)
        } catch {
            throw StoreError.key("the key could not be derived from the passphrase (scrypt failed: out of memory?)")
        }
    }
}

/// A namespace clash guard: `KDF` is both swift-crypto's namespace and the nested type above.
private enum KDF_Scrypt {
    static func derive(passphrase: String, kdf: PrivateKeyFile.KDF) throws -> SymmetricKey {
        try _CryptoExtras.KDF.Scrypt.deriveKey(
            from: Data(passphrase.utf8), salt: kdf.salt, outputByteCount: 32, rounds: kdf.rounds,
            blockSize: kdf.blockSize, parallelism: kdf.parallelism)
    }
}
