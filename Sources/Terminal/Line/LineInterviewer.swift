import Foundation
import Instrument
package import Interview

/// The interview as numbered prompts and typed answers: used when standard input is not a
/// terminal, and with `--plain`. It works with a screen reader (no cursor movement, no
/// colour) and can be scripted.
///
/// Commands start with `/` (`/back`, `/refuse`, `/dontknow`, `/na`, `/note`, `/pause`, `/stop`,
/// `/help`), as the full screen's commands are Ctrl keys: on a text question only the `/` form
/// is a command, so whatever words the participant says are kept as typed. Where the answer is
/// a number, a date or a choice (which a word cannot be) the word alone works too.
package final class LineInterviewer {
    let session: InterviewSession
    let io: any LineIO
    /// The section of the last question shown, to print a section's title when it changes.
    private var lastSection: Int?

    /// A line interviewer for a session.
    package init(session: InterviewSession, io: any LineIO) {
        self.session = session
        self.io = io
    }

    /// The program's words in the interview's language.
    var words: InterviewerWords { session.words }

    /// The input ended (or Ctrl-D): the interview is suspended.
    struct EndOfInput: Error {}

    /// The interview ended with this ending somewhere below the question loop.
    struct Ended: Error {
        let ending: Ending
    }

    /// Runs the interview to its end.
    /// - Parameter askConsent: False when resuming an interview whose consent was given in full.
    /// - Returns: How it ended. The end of input suspends the interview.
    package func run(askConsent: Bool = true) throws -> Ending {
        do {
            if !session.keepsAnswers { say(words.previewBanner) }
            say(session.instrument.title.text(in: session.engine.language))
            if let code = session.log.participantCode { say(words.participantCode(code)) }
            if askConsent, let consent = session.consent, !consent.statements.isEmpty {
                try askConsentStatements(consent.text, consent.statements)
            } else if session.isResumed {
                session.start()
                say("")
                say("== \(words.welcomeBack) ==")
                if session.prompt != nil {
                    let progress = session.progress
                    say(words.carriesOnAt(session.answeredCount, progress.current, progress.total))
                } else {
                    say(words.carriesOnAtReview(session.answeredCount))
                }
                if !session.pendingSafeguards.isEmpty { say(words.safeguardWaiting) }
            }
            session.start()
            try showPendingSafeguards()
            while true {
                if session.prompt != nil {
                    try askCurrent()
                } else {
                    return try reviewAndFinish()
                }
            }
        } catch is EndOfInput {
            try session.suspend()
            return .suspended
        } catch let ended as Ended {
            return ended.ending
        }
    }

    private func askConsentStatements(_ text: String, _ statements: [String]) throws {
        say("")
        say(clean(text))
        for (index, statement) in statements.enumerated() {
            while true {
                say("")
                say(words.statementOf(index + 1, statements.count, clean(statement)))
                if try askYesNo(words.lineAgree) { break }
                // Ending is for good: make sure.
                say(words.endWithoutConsentBody(clean(statement)))
                guard try askYesNo("\(words.endWithoutConsentTitle) (\(words.yesWords[0])/\(words.noWords[0]))") else { continue }
                try session.consentRefused()
                say(words.noConsentDone)
                throw Ended(ending: .noConsent)
            }
        }
        try session.consentGiven()
    }

    // MARK: - One question

    /// A line typed at a question: a command, or what to parse as the answer.
    enum Typed: Equatable {
        case command(Command)
        case answer(String)
    }

    /// The commands, by the words that give them.
    static let commandWords: [String: Command] = [
        "back": .back, "b": .back, "refuse": .refused, "r": .refused, "prefer not to say": .refused,
        "dontknow": .dontKnow, "dont know": .dontKnow, "don't know": .dontKnow, "d": .dontKnow,
        "na": .notApplicable, "n/a": .notApplicable, "not applicable": .notApplicable,
        "note": .note, "n": .note, "pause": .pause, "p": .pause, "stop": .stop, "help": .help, "?": .help,
    ]

    /// What a typed line means at a prompt: `/word` is always a command; a word alone is one
    /// only where an answer cannot be a word; `//` starts a text answer that begins with `/`.
    static func interpret(_ line: String, _ prompt: Prompt) -> Typed {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("//") { return .answer(String(line.drop { $0 == " " }.dropFirst())) }
        if trimmed.hasPrefix("/"), let command = commandWords[String(trimmed.dropFirst()).lowercased()] { return .command(command) }
        if case .text = prompt.input { return .answer(line) }
        if let command = commandWords[trimmed.lowercased()] { return .command(command) }
        return .answer(line)
    }

    /// Asks the current question until it is answered or a command moves away from it.
    private func askCurrent() throws {
        guard let prompt = session.prompt else { return }
        show(prompt)
        while true {
            io.write("> ")
            guard let line = io.readLine() else { throw EndOfInput() }
            switch Self.interpret(line, prompt) {
            case .command(let command):
                switch command {
                case .help:
                    say(words.lineHelp)
                case .back:
                    if try !session.back() {
                        say(words.firstQuestion)
                        continue
                    }
                    return
                case .refused, .dontKnow, .notApplicable:
                    let answer: Answer = command == .refused ? .refused : command == .dontKnow ? .dontKnow : .notApplicable
                    if try give(answer, to: .current) { return }
                case .note:
                    try takeNote()
                case .pause:
                    let before = session.prompt?.step
                    try pauseMenu(canSkip: true)
                    if session.prompt?.step != before { return }
                    show(prompt)
                case .stop:
                    try stopMenu()
                    show(prompt)
                case .finish, .suspend:
                    break
                }
            case .answer(let text):
                if case .readOut = prompt.input {
                    try session.continuePastNote()
                    return
                }
                if text.trimmingCharacters(in: .whitespaces).isEmpty, let current = prompt.current {
                    if try give(current, to: .current) { return }
                    continue
                }
                switch AnswerParser.parse(text, for: prompt, words: words) {
                case .failure(let message): say(message.text)
                case .success(let answer): if try give(answer, to: .current) { return }
                }
            }
        }
    }

    /// Gives an answer to the current question or at the review, the same way for both: checks
    /// refuse it, warnings ask to keep or change it, safeguards are shown; true when accepted.
    func give(_ answer: Answer, to target: InterviewSession.Target, confirmed: Bool = false) throws -> Bool {
        switch try session.give(answer, to: target, confirmed: confirmed) {
        case .rejected(let messages):
            for message in messages { say(words.notAccepted + ": " + clean(message)) }
            return false
        case .needsConfirmation(let messages):
            for message in messages { say(words.pleaseConfirm + ": " + clean(message)) }
            return try askYesNo(words.lineKeepAnswer) ? try give(answer, to: target, confirmed: true) : false
        case .accepted:
            try showPendingSafeguards()
            return true
        }
    }

    func show(_ prompt: Prompt) {
        let progress = session.progress
        if lastSection != prompt.step.section {
            say("")
            say("== \(clean(prompt.sectionTitle)) ==")
            lastSection = prompt.step.section
        }
        say("")
        if let intro = prompt.sectionIntro {
            say(clean(intro))
            say("")
        }
        switch prompt.input {
        case .readOut: break
        case .oneOption, .options, .wholeNumber, .number, .date, .text:
            say(session.reviewReached ? words.openedByChange : words.questionOf(progress.current, progress.total))
        }
        say(clean(prompt.text))
        if let item = prompt.itemText { say(clean(item)) }
        if let hint = prompt.hint { say("(\(clean(hint)))") }
        if case .specify = prompt.step.kind {
            say("[\(words.interviewerLabel): \(words.specifyInstruction)]")
        } else if let interviewer = prompt.interviewer {
            say("[\(words.interviewerLabel): \(clean(interviewer))]")
        }
        for (index, option) in prompt.options.enumerated() { say("  \(index + 1). \(clean(option.label))") }
        switch prompt.input {
        case .options: say(words.lineMultipleHint)
        case .readOut: say(words.pressEnterToGoOn)
        case .date: say(words.lineDateHint)
        case .oneOption, .wholeNumber, .number, .text: break
        }
        if let current = prompt.current, let variable = prompt.step.variable {
            say(words.lineAnswerSoFar(clean(session.describe(current, variable: variable))))
        }
        var commands: [String] = []
        if prompt.allowed.contains(.refused) { commands.append("/refuse") }
        if prompt.allowed.contains(.dontKnow) { commands.append("/dontknow") }
        if prompt.allowed.contains(.notApplicable) { commands.append("/na") }
        if !commands.isEmpty { say(words.lineOrType(commands)) }
    }

    private func takeNote() throws {
        io.write(words.lineNotePrompt)
        guard let text = io.readLine() else { throw EndOfInput() }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        try session.note(text)
        say(words.noteSaved)
    }

    // MARK: - Output

    /// Asks until a yes or a no; the end of input suspends.
    func askYesNo(_ question: String) throws -> Bool {
        while true {
            io.write(question + " ")
            guard let line = io.readLine() else { throw EndOfInput() }
            let typed = line.trimmingCharacters(in: .whitespaces).lowercased()
            if words.yesWords.contains(typed) { return true }
            if words.noWords.contains(typed) { return false }
        }
    }

    func clean(_ text: String) -> String { SafeText.clean(text, keepNewlines: true) }

    /// Writes a line, wrapped at word boundaries to the terminal's width when there is one.
    func say(_ text: String) {
        guard let width = io.width else { return io.write(text + "\n") }
        io.write(TextLayout.wrap(text, width: width - 1).joined(separator: "\n") + "\n")
    }
}
