import ArgumentParser
import Foundation

/// Reads a passphrase: from `PEERSURVEY_PASSPHRASE` when set (for scripts), otherwise from the
/// terminal with echo turned off. Never from a pipe, so that a passphrase does not end up in a
/// shell history or a log by accident.
enum Passphrase {
    static func read(prompt: String, confirm: Bool) throws -> String {
        if let given = ProcessInfo.processInfo.environment["PEERSURVEY_PASSPHRASE"] { return given }
        let tty = open("/dev/tty", O_RDWR)
        guard tty >= 0 else {
            throw ValidationError("No terminal to ask for the passphrase on; set PEERSURVEY_PASSPHRASE.")
        }
        defer { close(tty) }
        let first = try ask(prompt, tty: tty)
        if confirm {
            let second = try ask("Type it again: ", tty: tty)
            guard first == second else { throw ValidationError("The two passphrases differ; nothing was written.") }
        }
        return first
    }

    private static func ask(_ prompt: String, tty: Int32) throws -> String {
        _ = prompt.withCString { write(tty, $0, strlen($0)) }
        var saved = termios()
        tcgetattr(tty, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(tty, TCSAFLUSH, &silent)
        defer {
            tcsetattr(tty, TCSAFLUSH, &saved)
            _ = write(tty, "\n", 1)
        }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while Foundation.read(tty, &byte, 1) == 1, byte != 10, byte != 13 { bytes.append(byte) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// `--db PATH`, shared by every command that works on a study database.
struct DatabaseOption: ParsableArguments {
    @Option(name: .customLong("db"), help: "The study database (a SQLite file).")
    var path: String
}
