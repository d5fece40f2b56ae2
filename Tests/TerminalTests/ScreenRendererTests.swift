import Terminal
import Testing

/// The layout of a frame: every row fits the width, everything needed is in view at 80 x 24,
/// and the list scrolls to keep the cursor visible when it does not fit.
struct ScreenRendererTests {
    static let question = Frame(
        title: "Your call to the warmline", status: "Question 7 of about 24", progress: 0.25,
        body: [
            .strong("On that call, did you feel listened to? " + String(repeating: "Take your time to think. ", count: 6)),
            .instruction("[Interviewer: Read the options out.]"),
        ],
        items: (1...5).map { Frame.Item(key: String($0), mark: "( )", text: "Option number \($0)") }, cursor: 2,
        messages: [.warning("Please confirm: That is more than twice a day.")],
        footer: "digits choose   ↑↓ move   Enter confirm   b back   r prefer not to say   d don't know   n note   p pause   ? help")

    private func rows(_ frame: Frame, _ width: Int, _ height: Int, colour: Bool = false) -> [String] {
        ScreenRenderer(size: .init(width: width, height: height), style: ScreenStyle(colour: colour)).rows(frame)
    }

    @Test func aQuestionFitsIn80x24WithEveryPart() {
        let rows = rows(Self.question, 80, 24)
        #expect(rows.count == 24)
        #expect(rows.allSatisfy { TextLayout.width(of: $0) <= 80 })
        let screen = rows.joined(separator: "\n")
        #expect(rows[0] == "Your call to the warmline")
        #expect(rows[1].hasPrefix("Question 7 of about 24  [######------------------]"))
        #expect(screen.contains("[Interviewer: Read the options out.]"))
        #expect(screen.contains("› 3. ( ) Option number 3"))
        #expect(screen.contains("Please confirm: That is more than twice a day."))
        #expect(rows.last!.hasPrefix("d don't know") || rows.last!.contains("? help"))
        // The message sits under the list, not at the foot of the screen.
        let message = rows.firstIndex { $0.contains("Please confirm") }!
        let lastOption = rows.firstIndex { $0.contains("Option number 5") }!
        #expect(message == lastOption + 2)
    }

    @Test(arguments: [(20, 6), (44, 16), (80, 24), (132, 50), (10, 3)])
    func everyRowFitsAnySize(_ size: (Int, Int)) {
        let rows = rows(Self.question, size.0, size.1)
        #expect(rows.count <= max(size.1, 6))
        #expect(rows.allSatisfy { TextLayout.width(of: $0) <= max(size.0, 10) })
    }

    @Test func aLongListScrollsToTheCursor() {
        var frame = Self.question
        frame.items = (1...40).map { Frame.Item(key: String($0), mark: "[ ]", text: "Choice \($0)") }
        frame.cursor = 30
        let screen = rows(frame, 80, 24).joined(separator: "\n")
        #expect(screen.contains("› 31. [ ] Choice 31"))
        #expect(screen.contains("more") && !screen.contains("Choice 1\n"))
    }

    @Test func colourOnlyWhenAsked() {
        let plain = rows(Self.question, 80, 24).joined()
        #expect(!plain.contains("\u{1B}"))
        let coloured = rows(Self.question, 80, 24, colour: true).joined()
        #expect(coloured.contains("\u{1B}[36m[Interviewer:"))
        #expect(ScreenStyle.forTerminal(environment: ["NO_COLOR": ""], isTerminal: true) == ScreenStyle(colour: false))
        #expect(ScreenStyle.forTerminal(environment: [:], isTerminal: false) == ScreenStyle(colour: false))
        #expect(ScreenStyle.forTerminal(environment: ["TERM": "xterm"], isTerminal: true) == ScreenStyle(colour: true))
    }

    @Test func wideCharactersAndLongWordsWrapByCells() {
        #expect(TextLayout.width(of: "🙂") == 2 && TextLayout.width(of: "e\u{301}") == 1 && TextLayout.width(of: "中文") == 4)
        let lines = TextLayout.wrap("🙂🙂🙂🙂🙂 " + String(repeating: "x", count: 25), width: 8)
        #expect(lines.allSatisfy { TextLayout.width(of: $0) <= 8 })
        #expect(lines.joined().filter { $0 == "x" }.count == 25)
        #expect(TextLayout.tail(String(repeating: "a", count: 1_000_000) + "END", cells: 10) == "…aaaaaaEND")
    }
}
