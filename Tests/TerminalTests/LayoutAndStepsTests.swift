import Foundation
import Terminal
import Testing

/// Words are never cut: options and answers wrap under their first row, a helpline's groups of
/// digits stay on one row, a long answer is a box showing its end, an entry taller than the
/// screen is read by scrolling inside it, and a safeguard's script becomes numbered steps.
struct LayoutAndStepsTests {
    private func rows(_ frame: Frame, _ width: Int, _ height: Int) -> [String] {
        ScreenRenderer(size: .init(width: width, height: height), style: ScreenStyle(colour: false)).rows(frame)
    }

    @Test func longOptionsWrapUnderTheirFirstRow() {
        let label = "Money, housing, benefits, debt, or trouble with the council or a landlord who will not do repairs"
        let frame = Frame(
            title: "T", body: [.strong("What did you want to talk about?")],
            items: [
                Frame.Item(key: "1", mark: "[ ]", text: "Feeling lonely"),
                Frame.Item(key: "2", mark: "[ ]", text: label),
            ],
            cursor: 0, footer: "keys")
        let screen = rows(frame, 40, 20)
        #expect(!screen.joined().contains("…"))
        #expect(screen.allSatisfy { TextLayout.width(of: $0) <= 40 })
        let joined = screen.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(joined.contains("who will not do repairs"))
        // The rows after the first are indented under the words, not under the number.
        let second = screen.firstIndex { $0.contains("2. [ ] Money") }!
        #expect(screen[second + 1].hasPrefix(String(repeating: " ", count: 9)))
    }

    @Test(arguments: [20, 30, 40, 50, 60, 70, 80])
    func helplineNumbersStayOnOneRow(_ width: Int) {
        let text =
            "If you would like to talk to someone now, Samaritans are free on 116 123, any time. Call 0800 123 4567 or (01234) 567 890."
        let lines = TextLayout.wrap(text, width: width)
        #expect(lines.contains { $0.contains("116 123,") }, "\(lines)")
        #expect(lines.contains { $0.contains("0800 123 4567") }, "\(lines)")
        #expect(lines.contains { $0.contains("(01234) 567 890.") }, "\(lines)")
        #expect(lines.allSatisfy { TextLayout.width(of: $0) <= width })
    }

    @Test func aLongAnswerIsABoxThatShowsItsEnd() {
        let text = (1...60).map { "word\($0)" }.joined(separator: " ")
        let frame = Frame(
            title: "T",
            body: [.strong("Anything else?"), .gap, .field(label: "Answer", text: text, active: true, rows: 4)],
            footer: "keys")
        let screen = rows(frame, 40, 20)
        let box = screen.filter { $0.hasPrefix("│ ") }
        #expect(box.count == 4)
        #expect(box.joined().contains("word60"))
        #expect(
            screen.contains { $0.contains("Answer") && $0.contains("↑ +") },
            "the rows above are not counted:\n\(screen.joined(separator: "\n"))")
    }

    @Test func anEntryTallerThanTheScreenIsReadByScrollingInside() {
        let long = (1...120).map { "w\($0)" }.joined(separator: " ")
        var frame = Frame(
            title: "Review",
            items: [Frame.Item(key: "1", text: "Short → yes"), Frame.Item(key: "2", text: "Why? → " + long)],
            cursor: 1, footer: "keys")
        let renderer = ScreenRenderer(size: .init(width: 30, height: 12), style: ScreenStyle(colour: false))
        let fit = renderer.listFit(frame)
        #expect(fit.cursorRows > fit.visible)
        var seen = Set<String>()
        for scroll in 0...(fit.cursorRows - fit.visible) {
            frame.scroll = scroll
            for row in renderer.rows(frame) { seen.formUnion(row.split(separator: " ").map(String.init)) }
        }
        #expect((1...120).allSatisfy { seen.contains("w\($0)") })
    }

    @Test func aScriptBecomesNumberedStepsKeepingQuotedWordsTogether() {
        let script = """
            Pause before the next question. Speak calmly and slowly. Say: "Thank you for answering that. It can be \
            hard to talk about." Ask: "How are you feeling right now?" Then ask: "Do you feel safe today?" If they are \
            in danger now, call 999.
            """
        #expect(
            ScriptSteps.split(script) == [
                "Pause before the next question.", "Speak calmly and slowly.",
                "Say: \"Thank you for answering that. It can be hard to talk about.\"",
                "Ask: \"How are you feeling right now?\"",
                "Then ask: \"Do you feel safe today?\"", "If they are in danger now, call 999.",
            ])
        #expect(ScriptSteps.split("Ask if they would like a break.") == ["Ask if they would like a break."])
    }
}
