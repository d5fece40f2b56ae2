import Instrument
package import Interview

extension ScreenInterviewer {
    /// The member check: every answer in plain words; Enter on one changes it with the
    /// participant (logged as an amendment); Enter on the last line completes the interview.
    func reviewAndFinish() throws -> Ending? {
        var cursor = 0
        while true {
            let answers = session.review
            let finish = answers.count
            cursor = min(cursor, finish)
            var items = answers.enumerated().map { index, item in
                Frame.Item(key: String(index + 1), text: clean(item.question) + " → " + clean(item.answer))
            }
            items.append(Frame.Item(key: "f", text: "Finish: the answers are right"))
            let frame = Frame(
                title: "Review", status: "Read the answers back with the participant",
                body: [.quiet("Move to an answer and press Enter to change it. Finish when they are right.")],
                items: items, cursor: cursor,
                footer: "↑↓ move   Enter change / finish   f finish   p pause   q stop   Ctrl-C suspend")
            guard let key = key(redraw: { frame }) else { throw Interrupted() }
            switch key {
            case .interrupt: throw Interrupted()
            case .up, .character("k"): cursor = max(cursor - 1, 0)
            case .down, .character("j"): cursor = min(cursor + 1, finish)
            case .pageUp: cursor = max(cursor - 10, 0)
            case .pageDown: cursor = min(cursor + 10, finish)
            case .character("f"):
                cursor = finish
                try session.complete()
                return .completed
            case .enter where cursor == finish:
                try session.complete()
                return .completed
            case .enter:
                if let ending = try ask(mode: .amend(answers[cursor].id)) { return ending }
                if let opened = session.questionsOpenedByAmendment.first {
                    // The change brought new questions onto the route: ask them now.
                    session.ask(step: opened)
                    return nil
                }
            case .character("p"):
                if let ending = try pauseMenu() { return ending }
            case .character("q"):
                if let ending = try stopMenu() { return ending }
            default: break
            }
        }
    }
}
