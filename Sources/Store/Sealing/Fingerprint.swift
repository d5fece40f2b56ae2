import Crypto
package import Foundation

/// A short fingerprint of a public key, to read over the phone: the first 80 bits of its SHA-256
/// in Crockford's base 32, in four groups (`7KQM-2XPA-9D3F-H4RT`).
package enum Fingerprint {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// The fingerprint of a raw 32-byte X25519 public key.
    /// - Parameter publicKey: The key's raw representation.
    /// - Returns: Sixteen characters in four groups of four.
    package static func of(_ publicKey: Data) -> String {
        let digest = Array(SHA256.hash(data: publicKey).prefix(10))
        var bits = 0
        var buffer = 0
        var characters: [Character] = []
        for byte in digest {
            buffer = buffer << 8 | Int(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                characters.append(alphabet[(buffer >> bits) & 31])
            }
        }
        return stride(from: 0, to: characters.count, by: 4)
            .map { String(characters[$0..<min($0 + 4, characters.count)]) }
            .joined(separator: "-")
    }
}
