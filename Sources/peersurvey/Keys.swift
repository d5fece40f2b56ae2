import ArgumentParser
import PeerSurveyKit

/// `peersurvey keys new --out NAME`
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Make the key pair that seals identifying answers.",
        subcommands: [New.self])

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Write NAME.pub (for the study) and NAME.key (for the custodian, under a passphrase).",
            discussion: """
                The passphrase is asked for twice on the terminal, or taken from PEERSURVEY_PASSPHRASE. \
                Without NAME.key and its passphrase, sealed answers cannot be read by anyone.

                Example:
                  peersurvey keys new --out study-key
                  peersurvey study init --db study.sqlite --title "Warmline follow-up" --key study-key.pub
                """)

        @Option(help: "The path of the key files, without extension.")
        var out: String

        func run() throws {
            let passphrase = try Passphrase.read(prompt: "Passphrase for \(out).key (at least 12 characters): ", confirm: true)
            try finish(KeysCommand.new(name: out, passphrase: passphrase))
        }
    }
}
