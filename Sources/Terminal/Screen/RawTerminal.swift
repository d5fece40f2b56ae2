import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The terminal in raw mode for the full-screen interviewer: no echo, no line buffering, keys as
/// they are pressed, the alternate screen, the cursor hidden. The settings found at the start are
/// put back on every way out: ``restore()``, normal exit (`atexit`), and SIGTERM, SIGHUP and
/// SIGQUIT, whose handler restores the terminal before the process ends. Ctrl-C does not raise
/// SIGINT in raw mode; it arrives as a key, so the interviewer can suspend cleanly.
package final class RawTerminal: @unchecked Sendable {
    /// The terminal's size in character cells.
    package struct Size: Equatable, Sendable {
        /// Columns.
        package var width: Int
        /// Rows.
        package var height: Int

        /// A size.
        package init(width: Int, height: Int) {
            self.width = width
            self.height = height
        }
    }

    let input: Int32
    let output: Int32
    private var original = termios()
    private var active = false
    /// A pipe written by the SIGWINCH handler, so the key reader wakes up to redraw.
    let resizePipe: (read: Int32, write: Int32)

    /// The terminal that is in raw mode now, for the signal handlers (one at a time).
    nonisolated(unsafe) static var current: RawTerminal?

    /// Switches the terminal on `input`/`output` to raw mode and the alternate screen.
    /// - Throws: When `input` is not a terminal or its settings cannot be changed.
    package init(input: Int32 = 0, output: Int32 = 1) throws {
        self.input = input
        self.output = output
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw TerminalError.notATerminal }
        for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        resizePipe = (fds[0], fds[1])
        guard tcgetattr(input, &original) == 0 else { throw TerminalError.notATerminal }
        var raw = original
        raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        raw.c_cflag |= tcflag_t(CS8)
        // Output processing stays on, so "\n" still returns the carriage.
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(input, TCSAFLUSH, &raw) == 0 else { throw TerminalError.notATerminal }
        active = true
        Self.current = self
        Self.resizeWriteFD = fds[1]
        Self.installHandlers()
        // Alternate screen, cursor hidden, no line wrap at the right margin.
        write("\u{1B}[?1049h\u{1B}[?25l\u{1B}[?7l\u{1B}[H\u{1B}[2J")
    }

    deinit { restore() }

    /// Puts the terminal back as it was: main screen, cursor shown, original settings. Safe to
    /// call more than once, and from a signal handler.
    package func restore() {
        guard active else { return }
        active = false
        write("\u{1B}[0m\u{1B}[?7h\u{1B}[?25h\u{1B}[?1049l")
        _ = tcsetattr(input, TCSAFLUSH, &original)
    }

    /// The size now (80 x 24 when the terminal does not say).
    package var size: Size {
        var window = winsize()
        if ioctl(output, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0, window.ws_row > 0 {
            return Size(width: Int(window.ws_col), height: Int(window.ws_row))
        }
        return Size(width: 80, height: 24)
    }

    /// Writes text to the terminal in one go (a whole frame at once, so nothing flickers).
    package func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                systemWrite(output, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return
            }
            offset += written
        }
    }

    // MARK: - Signals

    /// What the signal handlers run after restoring the terminal, before the process ends (the
    /// interviewer suspends the interview there).
    nonisolated(unsafe) package static var onTerminate: (() -> Void)?

    private nonisolated(unsafe) static var installed = false
    /// The write end of the resize pipe, read by the SIGWINCH handler (a plain integer, so the
    /// handler touches no object).
    private nonisolated(unsafe) static var resizeWriteFD: Int32 = -1

    private static func installHandlers() {
        guard !installed else { return }
        installed = true
        atexit { RawTerminal.current?.restore() }
        // A parent may have started us with signals blocked (a worker thread's mask passes
        // through fork and exec): this thread, at least, hears them.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for signalNumber in [SIGWINCH, SIGTERM, SIGHUP, SIGQUIT, SIGINT] { sigaddset(&wanted, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        signal(SIGWINCH) { _ in
            // Only async-signal-safe work here: one byte into the pipe the key reader polls.
            let descriptor = RawTerminal.resizeWriteFD
            if descriptor >= 0 {
                var byte: UInt8 = 1
                _ = systemWrite(descriptor, &byte, 1)
            }
        }
        // Termination: handled on a queue, not in the handler, so the interview can be
        // suspended with the database (which is not async-signal-safe).
        for signalNumber in [SIGTERM, SIGHUP, SIGQUIT] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                RawTerminal.current?.restore()
                RawTerminal.onTerminate?()
                exit(130)
            }
            source.resume()
            sources.append(source)
        }
    }

    private nonisolated(unsafe) static var sources: [any DispatchSourceSignal] = []
}

/// Why the full-screen interviewer cannot start.
package enum TerminalError: Error {
    /// Standard input is not a terminal.
    case notATerminal
}

/// `write(2)`, named so it does not clash with the methods called `write`.
func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.write(fd, buffer, count)
    #else
        return Darwin.write(fd, buffer, count)
    #endif
}
