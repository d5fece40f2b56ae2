import Foundation

/// Where line mode reads and writes: standard input and output, or a script in tests.
package protocol LineIO: AnyObject {
    /// The next line without its newline, or `nil` at the end of input.
    func readLine() -> String?
    /// Writes text as is.
    func write(_ text: String)
    /// The width to wrap words to, when the output is a terminal; `nil` writes lines whole (a
    /// pipe, a file, a screen reader's own wrapping).
    var width: Int? { get }
}

extension LineIO {
    /// Lines are written whole unless the output says otherwise.
    package var width: Int? { nil }
}

/// Standard input and output.
package final class StandardLineIO: LineIO {
    /// Line mode on standard input and output.
    package init() {}

    /// Reads a line from standard input.
    package func readLine() -> String? { Swift.readLine(strippingNewline: true) }

    /// Writes to standard output at once.
    package func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }

    /// The terminal's width now when standard output is a terminal (so that words are not
    /// broken at its edge), else `nil`.
    package var width: Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var window = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_col >= 20 else { return nil }
        return Int(window.ws_col)
    }
}
