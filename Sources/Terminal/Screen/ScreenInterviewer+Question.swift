import Foundation
import Instrument
package import Interview

extension ScreenInterviewer {
    /// Asking a question in the interview, or again at the review to change its answer.
    enum Mode: Equatable {
        case interview
        case amend(String)
    }

    /// What a question's screen holds besides the prompt.
    struct QuestionState {
        var cursor = 0
        var moved = false
        var chosen: [Int] = []
        var field = ""
        var typing = false
        var digits = ""
        var messages: [Frame.Message] = []
        /// The answer whose soft warnings are on screen: Enter on it again keeps it.
        var warned: Answer?
        /// The field holds the answer so far or a default: the first character typed replaces it.
        var pristine = false
    }

    /// Asks a question until it is answered (nil: go on), or the interview ends.
    func ask(mode: Mode) throws -> Ending? {
        guard let prompt = currentPrompt(mode) else { return nil }
        var state = initialState(prompt)
        while true {
            guard let key = key(redraw: { questionFrame(prompt, state, mode) }) else { return try suspend() }
            if key == .interrupt { return try suspend() }
            if key == .resize || key == .redraw { continue }
            if state.typing {
                if try type(key, prompt, &state, mode) { return nil }
                continue
            }
            switch key {
            case .character(let c) where c.isASCII && c.isNumber && !prompt.options.isEmpty:
                choose(digit: c, prompt, &state)
            case .character(let c) where isNumeric(prompt) && "0123456789-.,/".contains(c):
                if state.pristine { state.field = "" }
                state.field.append(c)
                edited(&state)
            case .backspace where isNumeric(prompt) || isText(prompt):
                if !state.field.isEmpty { state.field.removeLast() }
                edited(&state)
            case .clearLine:
                state.field = ""
                edited(&state)
            case .up, .character("k"):
                move(-1, prompt, &state)
            case .down, .character("j"):
                move(1, prompt, &state)
            case .pageUp: move(-10, prompt, &state)
            case .pageDown: move(10, prompt, &state)
            case .character(" "):
                toggle(state.cursor, prompt, &state)
            case .enter:
                if isText(prompt) {
                    state.typing = true
                    state.messages = []
                } else if try confirm(prompt, &state, mode) {
                    return nil
                }
            case .character("b"):
                if mode != .interview { return nil }
                if try !session.back() {
                    state.messages = [.info("This is the first question.")]
                    continue
                }
                return nil
            case .escape:
                if mode != .interview { return nil }
            case .character("r"), .character("d"), .character("a"):
                guard let missing = missing(for: key), prompt.allowed.contains(missing.kind) else {
                    state.messages = [.info("That is not an answer this question allows.")]
                    continue
                }
                if try submit(missing.answer, prompt, &state, mode) { return nil }
            case .character("n"):
                if try takeNote() { state.messages = [.info("Note saved.")] }
            case .character("p"):
                let before = session.prompt?.step
                if let ending = try pauseMenu() { return ending }
                if mode == .interview, session.prompt?.step != before { return nil }
            case .character("q"):
                if let ending = try stopMenu() { return ending }
            case .character("?"), .character("h"):
                if try help(prompt) == nil { throw Interrupted() }
            default:
                break
            }
        }
    }

    private func currentPrompt(_ mode: Mode) -> Prompt? {
        switch mode {
        case .interview: return session.prompt
        case .amend(let id):
            guard let variable = session.instrument.variables.index(of: id),
                let step = session.engine.plan.stepOfVariable[variable]
            else { return nil }
            return session.engine.prompt(at: step)
        }
    }

    /// Keys while typing into a text field: true when the answer was accepted.
    private func type(_ key: Key, _ prompt: Prompt, _ state: inout QuestionState, _ mode: Mode) throws -> Bool {
        switch key {
        case .character(let c):
            if state.pristine { state.field = "" }
            state.field.append(c)
        case .tab: state.field.append(" ")
        case .backspace: if !state.field.isEmpty { state.field.removeLast() }
        case .clearLine: state.field = ""
        case .escape: state.typing = false
        case .enter: return try confirm(prompt, &state, mode)
        default: return false
        }
        if key != .escape { edited(&state) }
        return false
    }

    private func edited(_ state: inout QuestionState) {
        state.pristine = false
        state.warned = nil
        state.messages = []
    }

    private func initialState(_ prompt: Prompt) -> QuestionState {
        var state = QuestionState()
        guard let current = prompt.current else { return state }
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
            state.messages = [.info("Answer so far: \(InterviewEngine.plain(.sealed)). Enter keeps it; type to replace it.")]
        case .value where prompt.step.variable.map(session.isIdentifying) == true:
            state.messages = [.info("Answer so far: \(InterviewSession.privateWords). Enter keeps it; type to replace it.")]
        case .value(.date(let day)):
            let parts = day.components
            state.field = String(format: "%02d/%02d/%04d", parts.day, parts.month, parts.year)
            state.pristine = true
        case .value(let value):
            state.field = InterviewEngine.plain(value)
            state.pristine = true
        default:
            if let variable = prompt.step.variable {
                state.messages = [.info("Answer so far: " + session.describe(current, variable: variable) + ". Enter keeps it.")]
            }
        }
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
            state.messages = [.info("Choose a number from 1 to \(prompt.options.count).")]
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

    /// Enter: the answer on screen, submitted; true when accepted.
    private func confirm(_ prompt: Prompt, _ state: inout QuestionState, _ mode: Mode) throws -> Bool {
        let answer: Answer
        switch prompt.input {
        case .readOut:
            if mode == .interview { try session.continuePastNote() }
            return true
        case .oneOption:
            guard let index = state.chosen.first, state.moved || prompt.current != nil else {
                state.messages = [.info("Choose an answer: type its number, or move to it with the arrows.")]
                return false
            }
            answer = .value(.choice(prompt.options[index].code))
        case .options:
            guard !state.chosen.isEmpty else {
                state.messages = [.info("Choose at least one: type its number or press space on it, then Enter.")]
                return false
            }
            answer = .value(.set(state.chosen.map { prompt.options[$0].code }.sorted()))
        case .wholeNumber, .number, .date, .text:
            if state.field.isEmpty, let current = prompt.current {
                answer = current
            } else {
                switch AnswerParser.parse(state.field, for: prompt) {
                case .failure(let message):
                    state.messages = [.error(message.text)]
                    return false
                case .success(let parsed): answer = parsed
                }
            }
        }
        return try submit(answer, prompt, &state, mode)
    }

    /// Gives an answer: true when it was accepted (and saved).
    func submit(_ answer: Answer, _ prompt: Prompt, _ state: inout QuestionState, _ mode: Mode) throws -> Bool {
        let confirmed = state.warned == answer
        let outcome: InterviewSession.Outcome
        switch mode {
        case .interview: outcome = try session.give(answer, to: .current, confirmed: confirmed)
        case .amend(let id): outcome = try session.give(answer, to: .review(id), confirmed: confirmed)
        }
        switch outcome {
        case .rejected(let messages):
            state.messages = messages.map { .error(clean($0)) }
            state.warned = nil
            state.typing = isText(prompt)
            return false
        case .needsConfirmation(let messages):
            state.messages = messages.map { .warning(clean($0)) } + [.info("Press Enter again to keep this answer, or change it.")]
            state.warned = answer
            return false
        case .accepted(let safeguards):
            for safeguard in safeguards { try acknowledge(safeguard) }
            return true
        }
    }

    private func missing(for key: Key) -> (kind: MissingKind, answer: Answer)? {
        switch key {
        case .character("r"): return (.refused, .refused)
        case .character("d"): return (.dontKnow, .dontKnow)
        case .character("a"): return (.notApplicable, .notApplicable)
        default: return nil
        }
    }

    func isNumeric(_ prompt: Prompt) -> Bool {
        switch prompt.input {
        case .wholeNumber, .number, .date: return true
        case .oneOption, .options, .text, .readOut: return false
        }
    }

    func isText(_ prompt: Prompt) -> Bool {
        if case .text = prompt.input { return true }
        return false
    }
}
