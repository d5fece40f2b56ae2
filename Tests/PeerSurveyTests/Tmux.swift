import Foundation

/// A real terminal for the full-screen interviewer: a tmux server of its own (its own socket),
/// one window of a given size running a shell command; keys are sent with `send-keys` and the
/// screen is read with `capture-pane`, as a person would see it.
final class Tmux {
    let socket = "peersurvey-test-\(UUID().uuidString.prefix(8))"
    private let tmux: String

    /// Starts `command` (run by `sh -c`, followed by `echo EXITED $?` and a pause so the last
    /// screen can still be read) in a window of `width` x `height`.
    init(_ command: String, width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        } ?? "tmux"
        let exports = environment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        let unset = environment["NO_COLOR"] == nil ? "unset NO_COLOR; " : ""
        let script = "\(unset)\(exports.isEmpty ? "" : "export \(exports); ")\(command); echo EXITED $?; stty -a; sleep 120"
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

    /// The process id of the shell in the window.
    func shellPID() throws -> Int32 {
        Int32(try run(["list-panes", "-t", "main", "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// Waits until the screen shows `text`, and returns the screen; throws with the last screen
    /// after `timeout` seconds.
    @discardableResult
    func wait(for text: String, timeout: TimeInterval = 15) throws -> String {
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

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tmux)
        process.arguments = ["-L", socket] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
