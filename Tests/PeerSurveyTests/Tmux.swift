import Foundation

/// A real terminal for the full-screen interviewer: a tmux server of its own (its own socket),
/// one window of a given size running a shell command; keys are sent with `send-keys` and the
/// screen is read with `capture-pane`, as a person would see it.
final class Tmux {
    let socket = "peersurvey-test-\(UUID().uuidString.prefix(8))"
    private let tmux: String

    /// Starts `command` in a window of `width` x `height`, run by the shell and followed by the
    /// terminal's settings (`stty -a`), then "EXITED" and the command's status (so that once
    /// "EXITED" shows, the settings are on the screen too), then a pause so the last screen can
    /// still be read.
    init(_ command: String, width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        } ?? "tmux"
        let exports = environment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        let unset = environment["NO_COLOR"] == nil ? "unset NO_COLOR; " : ""
        let script = "\(unset)\(exports.isEmpty ? "" : "export \(exports); ")\(command); status=$?; stty -a; echo EXITED $status; sleep 120"
        try run(["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", String(width), "-y", String(height), script])
    }

    deinit { try? run(["kill-server"]) }

    /// Sends keys by tmux's names (`Enter`, `Down`, `C-c`) or literal words.
    func send(_ keys: String...) throws { try run(["send-keys", "-t", "main"] + keys) }

    /// Types text exactly, character by character.
    func type(_ text: String) throws { try run(["send-keys", "-t", "main", "-l", text]) }

    /// The screen as text (with `escapes`, the colour and style sequences too).
    func screen(escapes: Bool = false) throws -> String {
        try run(["capture-pane", "-p", "-t", "main"] + (escapes ? ["-e"] : []))
    }

    /// Resizes the window.
    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "main", "-x", String(width), "-y", String(height)])
    }

    /// The terminal device of the window (`/dev/pts/N`), to read its settings while a program
    /// runs in it.
    func tty() throws -> String {
        try run(["list-panes", "-t", "main", "-F", "#{pane_tty}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The process id of the shell in the window.
    func shellPID() throws -> Int32 {
        Int32(try run(["list-panes", "-t", "main", "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// Waits until the screen shows `text`, and returns the screen; throws with the last screen
    /// after `timeout` seconds.
    @discardableResult
    func wait(for text: String, timeout: TimeInterval = 30) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Timeout(expected: text, screen: last)
    }

    struct Timeout: Error, CustomStringConvertible {
        var expected: String
        var screen: String
        var description: String { "the screen never showed \"\(expected)\"; it showed:\n\(screen)" }
    }

    /// Runs tmux and returns what it printed. Not through Foundation's `Process`: on Linux it
    /// learns that a child ended from a socket the child inherits, and the tmux server that
    /// `new-session` forks keeps that socket open, so `waitUntilExit` would never return
    /// (swift-corelibs-foundation issue 4795). Here the child inherits no descriptor but its
    /// standard ones (output to a file, never a pipe the server could hold open), and is reaped
    /// with `waitpid`.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("tmux-\(UUID().uuidString).out").path
        defer { unlink(output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        guard closeFrom(&actions, 3) == 0 else { throw SpawnFailed(code: errno) }
        // Default signal handling and nothing blocked: a test runs on a Dispatch worker thread,
        // which blocks every signal, and that mask would pass through tmux to the interviewer
        // (which would then never hear of a resize).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        var all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([tmux, "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, tmux, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw SpawnFailed(code: spawned) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    struct SpawnFailed: Error, CustomStringConvertible {
        var code: Int32
        var description: String { "tmux could not be started (error \(code)); run scripts/setup.sh" }
    }
}

/// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which the Glibc module
/// does not import: it closes every descriptor from the given one up in the child.
@_silgen_name("posix_spawn_file_actions_addclosefrom_np")
private func closeFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ from: Int32) -> Int32
