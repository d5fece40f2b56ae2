import Foundation
import Store

/// `peersurvey keys new --out NAME`: the study's key pair.
package enum KeysCommand {
    /// Writes `NAME.pub` and `NAME.key` (readable by the owner only).
    /// - Parameters:
    ///   - name: The path without extension.
    ///   - passphrase: Protects the private key.
    ///   - rounds: scrypt's cost (lower only in tests).
    package static func new(name: String, passphrase: String, rounds: Int? = nil) -> CommandOutput {
        let publicPath = name + ".pub", privatePath = name + ".key"
        for path in [publicPath, privatePath] where FileManager.default.fileExists(atPath: path) {
            return CommandOutput(stderr: "error: \(path) already exists; choose another name (a key is never overwritten)\n", status: .usage)
        }
        do {
            let (publicFile, privateFile) = try PrivateKeyFile.generate(passphrase: passphrase, rounds: rounds ?? PrivateKeyFile.defaultRounds)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let privateData = try encoder.encode(privateFile), publicData = try encoder.encode(publicFile)
            guard FileManager.default.createFile(atPath: privatePath, contents: privateData, attributes: [.posixPermissions: 0o600]),
                FileManager.default.createFile(atPath: publicPath, contents: publicData, attributes: [.posixPermissions: 0o644])
            else {
                return CommandOutput(stderr: "error: the key files could not be written next to \(name)\n", status: .ioError)
            }
            return CommandOutput(stdout: """
                Wrote \(publicPath) (give it to the study lead for `peersurvey study init --key`)
                and \(privatePath) (keep it safe, with its passphrase, for `peersurvey unseal`).
                Fingerprint: \(publicFile.fingerprint)
                Read the fingerprint to whoever records the key, to be sure it is this one.

                """)
        } catch {
            return .failure(error)
        }
    }
}
