import Instrument
package import Interview

extension ScreenInterviewer {
    /// The screen of a question.
    func questionFrame(_ prompt: Prompt, _ state: QuestionState, _ mode: Mode) -> Frame {
        let progress = session.progress
        var status: String
        var fraction: Double?
        switch (mode, prompt.input) {
        case (.amend, _): status = "Changing an answer at the review"
        case (.interview, .readOut): status = "Read this out"
        case (.interview, .oneOption), (.interview, .options), (.interview, .wholeNumber), (.interview, .number),
            (.interview, .date), (.interview, .text):
            status = "Question \(progress.current) of about \(progress.total)"
            fraction = progress.total > 0 ? Double(progress.current - 1) / Double(progress.total) : nil
        }
        var body: [Frame.Block] = [.strong(clean(prompt.text))]
        if let item = prompt.itemText { body.append(.strong(clean(item))) }
        if let hint = prompt.hint { body.append(.quiet(clean(hint))) }
        if let interviewer = prompt.interviewer { body.append(.instruction(clean(interviewer))) }
        if isNumeric(prompt) || isText(prompt) {
            // Only the end of a long answer is shown, and only it is made safe: a field may hold
            // a megabyte.
            let tail = state.field.count > 400 ? String(state.field.suffix(400)) : state.field
            let label: String
            switch prompt.input {
            case .date: label = "Date (day/month/year)"
            case .text: label = state.typing ? "Typing (Enter saves, Esc stops typing)" : "Answer"
            case .wholeNumber, .number, .oneOption, .options, .readOut: label = "Answer"
            }
            body += [.gap, .field(label: label, text: SafeText.clean(tail), active: state.typing || isNumeric(prompt))]
        }
        var items: [Frame.Item] = []
        for (index, option) in prompt.options.enumerated() {
            let on = state.chosen.contains(index)
            let mark: String
            if case .options = prompt.input { mark = on ? "[x]" : "[ ]" } else { mark = on ? "(•)" : "( )" }
            items.append(Frame.Item(key: String(index + 1), mark: mark, text: clean(option.label)))
        }
        return Frame(
            title: clean(prompt.sectionTitle), status: status, progress: fraction, body: body, items: items,
            cursor: items.isEmpty ? nil : state.cursor, messages: state.messages, footer: footer(prompt, state, mode))
    }

    private func footer(_ prompt: Prompt, _ state: QuestionState, _ mode: Mode) -> String {
        if state.typing { return "Enter save   Esc stop typing   Ctrl-U clear   Ctrl-C suspend" }
        var keys: [String] = []
        switch prompt.input {
        case .readOut: keys.append("Enter go on")
        case .options: keys += ["digits/space choose", "↑↓ move", "Enter confirm"]
        case .oneOption: keys += ["digits choose", "↑↓ move", "Enter confirm"]
        case .text: keys.append("Enter type")
        case .wholeNumber, .number, .date: keys.append("type, then Enter")
        }
        keys.append(mode == .interview ? "b back" : "Esc leave unchanged")
        if prompt.allowed.contains(.refused) { keys.append("r prefer not to say") }
        if prompt.allowed.contains(.dontKnow) { keys.append("d don't know") }
        if prompt.allowed.contains(.notApplicable) { keys.append("a does not apply") }
        keys += ["n note", "p pause", "q stop", "? help"]
        return keys.joined(separator: "   ")
    }

    /// The keys, on a screen of their own; nil when Ctrl-C was pressed.
    func help(_ prompt: Prompt) throws -> Key? {
        let lines: [Frame.Block] = [
            .text("Every answer is saved the moment it is confirmed. Nothing is lost if the laptop dies."), .gap,
            .text("digits      choose the option with that number (in a list: switch it on or off)"),
            .text("↑ ↓  j k    move between options;  space  chooses or switches the one under ›"),
            .text("Enter       confirm the answer and go on (on a text question: start typing)"),
            .text("b           back to the previous question (changing it may change what comes next)"),
            .text("r           prefer not to say            d    don't know"),
            .text("n           an interviewer note for the research team (no names or contact details)"),
            .text("p           pause: the participant needs a break or is upset (support information)"),
            .text("q           stop: continue later, stop for good, or delete the answers"),
            .text("Ctrl-C      suspend now; `peersurvey resume` continues at the next question"),
        ]
        show(Frame(title: "Help", status: "Keys", body: lines, footer: "Press any key to go back to the question."))
        while true {
            guard let key = device.nextKey(), key != .interrupt else { return nil }
            if key != .resize { return key }
            show(Frame(title: "Help", status: "Keys", body: lines, footer: "Press any key to go back to the question."))
        }
    }
}
