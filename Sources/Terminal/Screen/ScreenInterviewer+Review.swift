import Instrument
package import Interview

extension ScreenInterviewer {
    /// The member check: every answer in full, wrapped (a grid's items under its wording, a long
    /// answer on as many rows as it needs, scrolled with the arrows). Enter on an answer, or its
    /// number then Enter, changes it with the participant (logged as an amendment); questions
    /// the change opens are asked, then the review comes back. Ctrl-F, made sure of with `y`,
    /// completes the interview.
    func reviewAndFinish() throws -> Ending {
        var cursor = 0
        var inner = 0  // rows scrolled inside an answer taller than the screen
        var typed = ""
        var messages: [Frame.Message] = []
        while true {
            let answers = session.review
            var items: [Frame.Item] = []
            var entryItem: [Int] = []
            var group: String?
            for (number, entry) in answers.enumerated() {
                if let heading = entry.group, heading != group { items.append(Frame.Item(key: "", text: clean(heading), look: .heading)) }
                group = entry.group
                entryItem.append(items.count)
                items.append(Frame.Item(key: String(number + 1), text: clean(entry.question) + "\n→ " + clean(entry.answer)))
            }
            entryItem.append(items.count)
            items.append(Frame.Item(key: "", text: words.finishLine))
            let finish = answers.count
            cursor = min(max(cursor, 0), finish)
            var shown = messages
            if !typed.isEmpty { shown.insert(.info(words.goToAnswer(typed)), at: 0) }
            let frame = self.frame(
                title: words.reviewTitle, status: words.reviewStatus, body: [.quiet(words.reviewHelp)], items: items,
                cursor: entryItem[cursor], scroll: inner, messages: shown,
                footer: [words.keyMove, words.keyChange, words.keyFinish, words.keyPause, words.keyStop, words.keyHelp]
                    .joined(separator: "   "))
            let key = try nextKey { frame }
            let fit = renderer.listFit(frame)
            let tall = max(fit.cursorRows - fit.visible, 0)
            messages = []
            if key != .down, key != .up, key != .pageDown, key != .pageUp { inner = 0 }
            switch Command(key) {
            case .finish?:
                if try confirmFinish() { return .completed }
                continue
            case .pause?:
                try pauseMenu(.elsewhere)
                continue
            case .stop?:
                try stopMenu()
                continue
            case .help?:
                try help()
                continue
            default: break
            }
            switch key {
            // In an answer taller than the screen, the arrows and page keys read on inside it
            // before moving to the next answer.
            case .down where inner < tall: inner = min(inner + 1, tall)
            case .pageDown where inner < tall: inner = min(inner + max(fit.visible - 1, 1), tall)
            case .up where inner > 0: inner -= 1
            case .pageUp where inner > 0: inner = max(inner - max(fit.visible - 1, 1), 0)
            case .up:
                cursor -= 1
                inner = 0
            case .down:
                cursor += 1
                inner = 0
            case .pageUp:
                cursor -= 5
                inner = 0
            case .pageDown:
                cursor += 5
                inner = 0
            case .home: cursor = 0
            case .end: cursor = finish
            case .character(let c) where c.isASCII && c.isNumber:
                if typed.count < 6 { typed.append(c) }
            case .backspace:
                if !typed.isEmpty { typed.removeLast() }
            case .escape:
                typed = ""
            case .enter:
                if !typed.isEmpty {
                    guard let number = Int(typed), (1...max(finish, 1)).contains(number), finish > 0 else {
                        messages = [.info(words.noSuchAnswer(finish))]
                        typed = ""
                        continue
                    }
                    cursor = number - 1
                    typed = ""
                }
                if cursor == finish {
                    if try confirmFinish() { return .completed }
                    continue
                }
                try ask(mode: .amend(answers[cursor].id))
                // Questions the change brought onto the route are asked now, then the review.
                while let opened = session.questionsOpenedByAmendment.first {
                    session.ask(step: opened)
                    try ask(mode: .opened)
                    if session.prompt?.step == session.engine.plan.steps[opened], session.questionsOpenedByAmendment.first == opened {
                        break  // left without an answer: back to the review
                    }
                }
            default: break
            }
        }
    }

    /// Finishing is for good: `y` completes the interview, `n` or Esc goes back to the review
    /// (Enter does neither, so a habit cannot finish it).
    private func confirmFinish() throws -> Bool {
        let frame = self.frame(
            title: words.finishTitle, status: words.reviewTitle, body: [.text(words.finishBody)],
            items: [Frame.Item(key: "y", text: words.yesFinish), Frame.Item(key: "n", text: words.notYet)],
            footer: "y   n   " + words.keyMenuBack)
        while true {
            let key = try nextKey { frame }
            switch key {
            case .character("y"), .character("Y"):
                try session.complete()
                return true
            case .character("n"), .character("N"), .escape:
                return false
            default:
                if Command(key) == .pause { try pauseMenu(.elsewhere) }
            }
        }
    }
}
