import Foundation
import Instrument
package import Interview

extension ScreenInterviewer {
    /// Asking a question in the interview, again at the review to change its answer, or after an
    /// amendment opened it.
    enum Mode: Equatable {
        case interview
        case amend(String)
        case opened
    }

    /// What a question's screen holds besides the prompt.
    struct QuestionState {
        var cursor = 0
        var moved = false
        var chosen: [Int] = []
        var field = ""
        /// What the field held when the question was drawn (to tell typed words from it).
        var initialField = ""
        var digits = ""
        var messages: [Frame.Message] = []
        /// The answer whose soft warnings are on screen: Enter on it again keeps it.
        var warned: Answer?
        /// A number or date field holds the answer so far: the first character typed replaces it.
        var pristine = false
        /// Ctrl-B was pressed once with unsaved typing: a second press goes back without it.
        var backArmed = false
    }

    /// Asks the current question (or, in `.amend`, an earlier one) until it is answered, left,
    /// or the interview ends (by throwing ``Interrupted`` or ``Ended``).
    func ask(mode: Mode) throws {
        guard let prompt = currentPrompt(mode) else { return }
        var state = initialState(prompt)
        while true {
            let key = try nextKey { questionFrame(prompt, state, mode) }
            if let command = Command(key) {
                if try obey(command, prompt, &state, mode) { return }
                continue
            }
            state.backArmed = false
            switch key {
            case .enter:
                if try confirm(prompt, &state, mode) { return }
            case .escape:
                if case .amend = mode { return }
            case .character(let c) where takesTyping(prompt):
                if state.pristine { state.field = "" }
                state.field.append(c)
                edited(&state)
            case .tab where takesTyping(prompt):
                state.field.append(" ")
                edited(&state)
            case .backspace where takesTyping(prompt):
                if !state.field.isEmpty { state.field.removeLast() }
                edited(&state)
            case .control("w") where takesTyping(prompt):
                // Delete the last word (and the spaces after it).
                while state.field.last == " " { state.field.removeLast() }
                while let last = state.field.last, last != " " { state.field.removeLast() }
                edited(&state)
            case .clearLine where takesTyping(prompt):
                state.field = ""
                edited(&state)
            case .character(let c) where c.isASCII && c.isNumber && !prompt.options.isEmpty:
                choose(digit: c, prompt, &state)
            case .character(" ") where !prompt.options.isEmpty:
                toggle(state.cursor, prompt, &state)
            case .character where !prompt.options.isEmpty:
                state.messages = [.info(words.choiceTakesNumbers(prompt.options.count))]
            case .up: move(-1, prompt, &state)
            case .down: move(1, prompt, &state)
            case .pageUp: move(-10, prompt, &state)
            case .pageDown: move(10, prompt, &state)
            case .home: move(-prompt.options.count, prompt, &state)
            case .end: move(prompt.options.count, prompt, &state)
            default: break
            }
        }
    }

    /// A Ctrl-key command on a question: true when the question is done with.
    private func obey(_ command: Command, _ prompt: Prompt, _ state: inout QuestionState, _ mode: Mode) throws -> Bool {
        switch command {
        case .suspend: throw Interrupted()
        case .back:
            switch mode {
            case .amend, .opened: return true
            case .interview:
                if unsavedTyping(state), !state.backArmed {
                    state.backArmed = true
                    state.messages = [.info(words.unsavedTyping)]
                    return false
                }
                if try !session.back() {
                    state.messages = [.info(words.firstQuestion)]
                    return false
                }
                return true
            }
        case .refused, .dontKnow, .notApplicable:
            let kind: MissingKind = command == .refused ? .refused : command == .dontKnow ? .dontKnow : .notApplicable
            guard prompt.allowed.contains(kind) else {
                state.messages = [.info(words.notAllowedHere)]
                return false
            }
            let answer: Answer = kind == .refused ? .refused : kind == .dontKnow ? .dontKnow : .notApplicable
            return try submit(answer, prompt, &state, mode)
        case .note:
            if try takeNote() { state.messages = [.info(words.noteSaved)] }
        case .pause:
            let before = session.prompt?.step
            try pauseMenu(mode == .interview ? .question : .elsewhere)
            if mode == .interview, session.prompt?.step != before { return true }
        case .stop:
            try stopMenu()
        case .help:
            try help()
        case .finish:
            break
        }
        return false
    }

    private func currentPrompt(_ mode: Mode) -> Prompt? {
        switch mode {
        case .interview, .opened: return session.prompt
        case .amend(let id):
            guard let variable = session.instrument.variables.index(of: id),
                let step = session.engine.plan.stepOfVariable[variable]
            else { return nil }
            return session.engine.prompt(at: step)
        }
    }

    /// Whether words typed into the field would be lost by going back.
    private func unsavedTyping(_ state: QuestionState) -> Bool {
        !state.field.isEmpty && state.field != state.initialField
    }

    private func edited(_ state: inout QuestionState) {
        state.pristine = false
        state.warned = nil
        state.messages = []
    }

    private func initialState(_ prompt: Prompt) -> QuestionState {
        var state = QuestionState()
        guard let current = prompt.current else { return state }
        let variable = prompt.step.variable
        switch current {
        case .value(.choice(let code)):
            if let index = prompt.options.firstIndex(where: { $0.code == code }) {
                state.chosen = [index]
                state.cursor = index
                state.moved = true
            }
        case .value(.set(let codes)):
            state.chosen = prompt.options.indices.filter { codes.contains(prompt.options[$0].code) }
            state.cursor = state.chosen.first ?? 0
        case .value(.sealed):
            // Never put into the field, where it could be edited into an answer: Enter keeps the
            // sealed answer, typing replaces it with a new one.
            state.messages = [.info(words.answerSoFarPrivate(words.sealedAnswer))]
        case .value where variable.map(session.isIdentifying) == true:
            state.messages = [.info(words.answerSoFarPrivate(words.givenPrivately))]
        case .value(.date(let day)):
            let parts = day.components
            state.field = String(format: "%02d/%02d/%04d", parts.day, parts.month, parts.year)
            state.pristine = true
        case .value(.text(let text)):
            // Text is edited where it ends: typing adds to it, Backspace takes from it.
            state.field = text
        case .value(let value):
            state.field = InterviewEngine.plain(value)
            state.pristine = true
        default:
            // A missing answer given before: Enter keeps it, as the screen says.
            if let variable { state.messages = [.info(words.answerSoFar(session.describe(current, variable: variable)))] }
        }
        state.initialField = state.field
        return state
    }

    // MARK: - Choosing

    /// A digit chooses the option with that number; digits typed one after another make numbers
    /// above 9 when the list is that long.
    private func choose(digit: Character, _ prompt: Prompt, _ state: inout QuestionState) {
        var typed = state.digits + String(digit)
        if Int(typed).map({ $0 > prompt.options.count || $0 < 1 }) ?? true { typed = String(digit) }
        guard let number = Int(typed), (1...prompt.options.count).contains(number) else {
            state.digits = ""
            state.messages = [.info(words.chooseFromOneTo(prompt.options.count))]
            return
        }
        state.digits = number * 10 <= prompt.options.count ? typed : ""
        state.cursor = number - 1
        state.moved = true
        if case .options = prompt.input {
            toggle(number - 1, prompt, &state)
        } else {
            state.chosen = [number - 1]
            edited(&state)
        }
    }

    private func move(_ step: Int, _ prompt: Prompt, _ state: inout QuestionState) {
        guard !prompt.options.isEmpty else { return }
        state.cursor = min(max(state.cursor + step, 0), prompt.options.count - 1)
        state.digits = ""
        if case .options = prompt.input { return }
        state.moved = true
        state.chosen = [state.cursor]
        edited(&state)
    }

    /// Space: in a multiple choice, the option under the cursor on or off (an exclusive option
    /// clears the others, and any other clears it); in a single choice, chooses it.
    private func toggle(_ index: Int, _ prompt: Prompt, _ state: inout QuestionState) {
        guard prompt.options.indices.contains(index) else { return }
        edited(&state)
        guard case .options = prompt.input else {
            state.chosen = [index]
            state.moved = true
            return
        }
        if let position = state.chosen.firstIndex(of: index) {
            state.chosen.remove(at: position)
        } else if prompt.options[index].exclusive {
            state.chosen = [index]
        } else {
            state.chosen = state.chosen.filter { !prompt.options[$0].exclusive } + [index]
        }
    }

    // MARK: - Confirming

    /// Enter: the answer on screen, submitted; true when accepted. With nothing chosen or typed,
    /// Enter keeps the answer so far (a missing answer too), as the screen says.
    private func confirm(_ prompt: Prompt, _ state: inout QuestionState, _ mode: Mode) throws -> Bool {
        let answer: Answer
        switch prompt.input {
        case .readOut:
            if mode == .interview { try session.continuePastNote() }
            return true
        case .oneOption:
            if let index = state.chosen.first, state.moved || prompt.current != nil {
                answer = .value(.choice(prompt.options[index].code))
            } else if let current = prompt.current {
                answer = current
            } else {
                state.messages = [.info(words.chooseAnAnswer)]
                return false
            }
        case .options:
            if !state.chosen.isEmpty {
                answer = .value(.set(state.chosen.map { prompt.options[$0].code }.sorted()))
            } else if let current = prompt.current, current.value == nil {
                answer = current
            } else {
                state.messages = [.info(words.chooseAtLeastOne)]
                return false
            }
        case .wholeNumber, .number, .date, .text:
            if state.field.isEmpty, let current = prompt.current {
                answer = current
            } else {
                switch AnswerParser.parse(state.field, for: prompt, words: words) {
                case .failure(let message):
                    state.messages = [.error(words.notAccepted + ": " + message.text)]
                    return false
                case .success(let parsed): answer = parsed
                }
            }
        }
        return try submit(answer, prompt, &state, mode)
    }

    /// Gives an answer: true when it was accepted (and saved), after any safeguard it fired has
    /// been shown and acknowledged.
    func submit(_ answer: Answer, _ prompt: Prompt, _ state: inout QuestionState, _ mode: Mode) throws -> Bool {
        let confirmed = state.warned == answer
        let outcome: InterviewSession.Outcome
        switch mode {
        case .interview, .opened: outcome = try session.give(answer, to: .current, confirmed: confirmed)
        case .amend(let id): outcome = try session.give(answer, to: .review(id), confirmed: confirmed)
        }
        switch outcome {
        case .rejected(let messages):
            state.messages = messages.map { .error(words.notAccepted + ": " + clean($0)) }
            state.warned = nil
            return false
        case .needsConfirmation(let messages):
            state.messages = messages.map { .warning(words.pleaseConfirm + ": " + clean($0)) } + [.info(words.keepOrChange)]
            state.warned = answer
            return false
        case .accepted:
            try showPendingSafeguards()
            return true
        }
    }

    /// Whether the question's answer is typed (text, a number or a date): every printable key
    /// goes into it.
    func takesTyping(_ prompt: Prompt) -> Bool {
        switch prompt.input {
        case .wholeNumber, .number, .date, .text: return true
        case .oneOption, .options, .readOut: return false
        }
    }
}
