import ArgumentParser
import Foundation
import PeerSurveyKit

/// `peersurvey verify --db PATH`
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a study database: integrity, foreign keys, schema version and every sealed row.",
        discussion: "Exits 0 when the database is sound, 65 naming each problem otherwise.")

    @OptionGroup var database: DatabaseOption

    func run() throws { try finish(MaintenanceCommand.verify(path: database.path)) }
}

/// `peersurvey merge --into TARGET SOURCE...`
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge copies of a study from several laptops into one database.",
        discussion: """
            Interviews are matched by their random id: new ones are copied, identical ones ignored, \
            and when two copies of one interview differ the newer revision is kept and reported. \
            Withdrawals are honoured both ways. The sources are only read. Merging again changes nothing.

            Example:
              peersurvey merge --into study.sqlite laptop1.sqlite laptop2.sqlite
            """)

    @Option(help: "The database to merge into (created when it does not exist).")
    var into: String

    @Argument(help: "The databases to merge in.")
    var sources: [String] = []

    func validate() throws {
        if sources.isEmpty { throw ValidationError("Please name at least one database to merge in.") }
    }

    func run() throws { try finish(MaintenanceCommand.merge(into: into, sources: sources)) }
}

/// `peersurvey withdraw --db PATH CODE`
struct Withdraw: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Erase every trace of one participant, leaving a tombstone so a merge cannot bring it back.")

    @OptionGroup var database: DatabaseOption

    @Argument(help: "The participant code, such as K7MQ-2P4X.")
    var code: String

    @Flag(help: "Do not ask for confirmation.")
    var yes = false

    @Option(help: "Seconds to wait for other programs reading the database to let the erasure finish.")
    var wait: Double = 60

    func run() throws {
        if !yes {
            guard isatty(STDIN_FILENO) == 1 else {
                throw ValidationError("Withdrawing cannot be undone; confirm on a terminal, or add --yes.")
            }
            print("This erases every answer of \(code) for good. Type the code again to confirm: ", terminator: "")
            guard let typed = readLine(), typed.uppercased().filter({ $0 != "-" }) == code.uppercased().filter({ $0 != "-" }) else {
                throw ValidationError("The code did not match; nothing was erased.")
            }
        }
        try finish(MaintenanceCommand.withdraw(path: database.path, code: code, wait: max(0, wait)))
    }
}

/// `peersurvey backup --db PATH --to COPY`
struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of a study database, flushed to the disk.")

    @OptionGroup var database: DatabaseOption

    @Option(help: "Where to write the copy (must not exist).")
    var to: String

    func run() throws { try finish(MaintenanceCommand.backup(path: database.path, to: to)) }
}

/// `peersurvey unseal --db PATH --key NAME.key`
struct Unseal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unseal",
        abstract: "Show the sealed identifying answers and notes to the study's custodian.",
        discussion: "The passphrase is asked for on the terminal, or taken from PEERSURVEY_PASSPHRASE.")

    @OptionGroup var database: DatabaseOption

    @Option(help: "The private key file (NAME.key from `peersurvey keys new`).")
    var key: String

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let passphrase = try Passphrase.read(prompt: "Passphrase for \(key): ", confirm: false)
        try finish(MaintenanceCommand.unseal(path: database.path, keyPath: key, passphrase: passphrase, json: format == .json))
    }
}
