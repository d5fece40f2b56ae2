import Foundation

/// Where line mode reads and writes: standard input and output, or a script in tests.
package protocol LineIO: AnyObject {
    /// The next line without its newline, or `nil` at the end of input.
    func readLine() -> String?
    /// Writes text as is.
    func write(_ text: String)
}

/// Standard input and output.
package final class StandardLineIO: LineIO {
    /// Line mode on standard input and output.
    package init() {}

    /// Reads a line from standard input.
    package func readLine() -> String? { Swift.readLine(strippingNewline: true) }

    /// Writes to standard output at once.
    package func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
}
