import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads keys from a raw terminal, waking for window resizes too.
package final class KeyReader {
    private let terminal: RawTerminal
    private var decoder = KeyDecoder()
    private var queued: [Key] = []

    /// A reader on a terminal in raw mode.
    package init(terminal: RawTerminal) { self.terminal = terminal }

    /// Whether decoded keys are waiting, or bytes are ready to read without blocking.
    package var hasQueued: Bool {
        if !queued.isEmpty { return true }
        var fd = pollfd(fd: terminal.input, events: Int16(POLLIN), revents: 0)
        return poll(&fd, 1, 0) > 0 && fd.revents & Int16(POLLIN) != 0
    }

    /// Drops decoded keys and bytes not yet read (typed ahead).
    package func discardPending() {
        queued.removeAll()
        decoder = KeyDecoder()
        _ = tcflush(terminal.input, TCIFLUSH)
    }

    /// The next key, waiting as long as it takes; `nil` when input has ended (the terminal went
    /// away).
    package func next() -> Key? {
        while queued.isEmpty {
            var fds = [
                pollfd(fd: terminal.input, events: Int16(POLLIN), revents: 0),
                pollfd(fd: terminal.resizePipe.read, events: Int16(POLLIN), revents: 0),
            ]
            // While an escape sequence is incomplete, wait only a moment for the rest of it.
            let timeout: Int32 = decoder.hasPending ? 40 : -1
            let ready = poll(&fds, 2, timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if ready == 0 {
                queued += decoder.flush()
                continue
            }
            if fds[1].revents & Int16(POLLIN) != 0 {
                var drain = [UInt8](repeating: 0, count: 64)
                while read(terminal.resizePipe.read, &drain, drain.count) > 0 {}
                queued.append(.resize)
            }
            if fds[0].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let count = read(terminal.input, &buffer, buffer.count)
                if count == 0 || (count < 0 && errno != EINTR && errno != EAGAIN) {
                    return queued.isEmpty ? nil : queued.removeFirst()
                }
                if count > 0 { queued += decoder.feed(buffer[0..<count]) }
            }
        }
        return queued.removeFirst()
    }
}
