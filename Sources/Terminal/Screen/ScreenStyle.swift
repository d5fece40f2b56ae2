/// How text is styled: ANSI colours on a terminal that wants them, plain otherwise. Without
/// colour every distinction is still there in the characters (the cursor's "›", brackets around
/// interviewer instructions, "Check:" before a message), so a captured screen and a monochrome
/// terminal lose nothing.
package struct ScreenStyle: Sendable, Equatable {
    /// Whether to use colours and bold.
    package var colour: Bool

    /// A style.
    package init(colour: Bool) { self.colour = colour }

    /// Colour only on a terminal, never when `NO_COLOR` is set (to anything), nor for `TERM=dumb`.
    package static func forTerminal(environment: [String: String], isTerminal: Bool) -> ScreenStyle {
        let noColour = environment["NO_COLOR"] != nil || environment["TERM"] == "dumb"
        return ScreenStyle(colour: isTerminal && !noColour)
    }

    func wrap(_ text: String, _ code: String) -> String {
        colour && !text.isEmpty ? "\u{1B}[\(code)m" + text + "\u{1B}[0m" : text
    }

    func title(_ text: String) -> String { wrap(text, "1") }
    func strong(_ text: String) -> String { wrap(text, "1") }
    func instruction(_ text: String) -> String { wrap(text, "36") }
    func quiet(_ text: String) -> String { wrap(text, "2") }
    func selected(_ text: String) -> String { wrap(text, "7") }
    func error(_ text: String) -> String { wrap(text, "1;31") }
    func warning(_ text: String) -> String { wrap(text, "1;33") }
    func info(_ text: String) -> String { wrap(text, "32") }
    func footer(_ text: String) -> String { wrap(text, "2") }
}
