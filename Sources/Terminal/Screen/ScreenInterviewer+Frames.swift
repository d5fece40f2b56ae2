import Instrument
package import Interview

extension ScreenInterviewer {
    /// The screen of a question.
    func questionFrame(_ prompt: Prompt, _ state: QuestionState, _ mode: Mode) -> Frame {
        let progress = session.progress
        var status: String
        var fraction: Double?
        switch (mode, prompt.input) {
        case (.amend, _): status = words.changingAtReview
        case (.opened, _): status = words.openedByChange
        case (.interview, .readOut): status = words.readThisOut
        case (.interview, .oneOption), (.interview, .options), (.interview, .wholeNumber), (.interview, .number),
            (.interview, .date), (.interview, .text):
            status = words.questionOf(progress.current, progress.total)
            fraction = progress.total > 0 ? Double(progress.current - 1) / Double(progress.total) : nil
        }
        var body: [Frame.Block] = []
        if case .amend = mode {
            // Changing an answer at the review: the section's introduction was read already.
        } else if let intro = prompt.sectionIntro {
            body += [.text(clean(intro)), .gap]
        }
        body.append(.strong(clean(prompt.text)))
        if let item = prompt.itemText { body.append(.strong(clean(item))) }
        if let hint = prompt.hint { body.append(.quiet(clean(hint))) }
        if case .specify = prompt.step.kind {
            body.append(.instruction(bracketed(words.specifyInstruction)))
        } else if let interviewer = prompt.interviewer {
            body.append(.instruction(bracketed(clean(interviewer))))
        }
        if takesTyping(prompt) {
            // Only the end of a long answer is laid out, and only it is made safe: a field may
            // hold a megabyte.
            let tail = state.field.count > 4000 ? String(state.field.suffix(4000)) : state.field
            let label: String
            var rows = 1
            switch prompt.input {
            case .date: label = words.dateLabel
            case .text(_, let long) where long:
                label = words.longAnswerLabel
                rows = 5
            case .wholeNumber, .number, .oneOption, .options, .readOut, .text: label = words.answerLabel
            }
            body += [.gap, .field(label: label, text: SafeText.clean(tail), active: true, rows: rows)]
        }
        var items: [Frame.Item] = []
        for (index, option) in prompt.options.enumerated() {
            let on = state.chosen.contains(index)
            let mark: String
            if case .options = prompt.input { mark = on ? "[x]" : "[ ]" } else { mark = on ? "(•)" : "( )" }
            items.append(Frame.Item(key: String(index + 1), mark: mark, text: clean(option.label)))
        }
        var messages = state.messages
        if state.pristine, !state.field.isEmpty, messages.isEmpty { messages = [.info(words.typingReplaces)] }
        return frame(
            title: clean(prompt.sectionTitle), status: status, progress: fraction, body: body, items: items,
            cursor: items.isEmpty ? nil : state.cursor, messages: messages, footer: footer(prompt, mode))
    }

    /// "[Interviewer: ...]" in the interview's language.
    func bracketed(_ instruction: String) -> String { "[" + words.interviewerLabel + ": " + instruction + "]" }

    private func footer(_ prompt: Prompt, _ mode: Mode) -> String {
        var keys: [String] = []
        switch prompt.input {
        case .readOut: keys.append(words.keyGoOn)
        case .options: keys += [words.keyToggle, words.keyMove, words.keyConfirm]
        case .oneOption: keys += [words.keyChoose, words.keyMove, words.keyConfirm]
        case .text, .wholeNumber, .number, .date: keys.append(words.keySave)
        }
        keys.append(mode == .interview ? words.keyBack : words.keyLeaveUnchanged)
        if prompt.allowed.contains(.refused) { keys.append(words.keyRefused) }
        if prompt.allowed.contains(.dontKnow) { keys.append(words.keyDontKnow) }
        if prompt.allowed.contains(.notApplicable) { keys.append(words.keyNotApplicable) }
        keys += [words.keyNote, words.keyPause, words.keyStop, words.keyHelp]
        return keys.joined(separator: "   ")
    }

    /// The keys, on a screen of their own (scrolled with the arrows when it does not fit); any
    /// other key goes back.
    func help() throws {
        let width = words.helpLines.map { TextLayout.width(of: $0.key) }.max() ?? 0
        var items = words.helpLines.map { line in
            Frame.Item(key: "", text: line.key + String(repeating: " ", count: width - TextLayout.width(of: line.key) + 2) + line.meaning, look: .plain)
        }
        if let code = session.log.participantCode { items += [Frame.Item(key: "", text: "", look: .plain), Frame.Item(key: "", text: words.participantCode(code), look: .plain)] }
        var scroll = 0
        while true {
            let frame = self.frame(
                title: clean(title), status: words.helpTitle, body: [.text(words.helpSaved)], items: items, scroll: scroll,
                footer: words.keyScroll + "   " + words.helpFooter)
            let key = try nextKey { frame }
            let fit = renderer.listFit(frame)
            switch key {
            case .up: scroll = max(scroll - 1, 0)
            case .down: scroll = min(scroll + 1, max(fit.total - fit.visible, 0))
            case .pageUp: scroll = max(scroll - fit.visible, 0)
            case .pageDown: scroll = min(scroll + fit.visible, max(fit.total - fit.visible, 0))
            default: return
            }
        }
    }
}
