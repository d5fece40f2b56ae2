import Foundation

/// Where the full-screen interviewer draws and reads keys: the real terminal, or a script in
/// tests.
package protocol ScreenDevice: AnyObject {
    /// The size now.
    var size: RawTerminal.Size { get }
    /// Whether colour is wanted.
    var style: ScreenStyle { get }
    /// Draws a whole frame.
    func write(_ text: String)
    /// The next key; `nil` when input has ended.
    func nextKey() -> Key?
    /// Whether more keys are already waiting (a paste): the frame is drawn once they are read.
    var hasPendingInput: Bool { get }
    /// Drops keys typed ahead, before a screen that must be read (a safeguard): keys meant for
    /// the next question must not act on it.
    func discardPendingInput()
}

/// The real terminal in raw mode.
package final class TerminalDevice: ScreenDevice {
    /// The terminal.
    package let terminal: RawTerminal
    private let reader: KeyReader
    /// Colour or not, decided once.
    package let style: ScreenStyle

    /// Puts standard input and output into raw mode.
    /// - Throws: ``TerminalError`` when they are not a terminal.
    package init() throws {
        terminal = try RawTerminal()
        reader = KeyReader(terminal: terminal)
        style = ScreenStyle.forTerminal(environment: ProcessInfo.processInfo.environment, isTerminal: true)
    }

    /// The terminal's size.
    package var size: RawTerminal.Size { terminal.size }
    /// Writes to the terminal.
    package func write(_ text: String) { terminal.write(text) }
    /// Reads a key.
    package func nextKey() -> Key? { reader.next() }
    /// Whether keys are waiting.
    package var hasPendingInput: Bool { reader.hasQueued }
    /// Drops keys typed ahead.
    package func discardPendingInput() { reader.discardPending() }
    /// Restores the terminal.
    package func restore() { terminal.restore() }
}
