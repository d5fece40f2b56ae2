import Foundation
import Instrument
package import Interview

/// The interview as numbered prompts and typed answers: used when standard input is not a
/// terminal, and with `--plain`. It works with a screen reader (no cursor movement, no
/// colour) and can be scripted. Commands are words: `back`, `refuse`, `dont know`, `note`,
/// `pause`, `stop`, `help`.
package final class LineInterviewer {
    let session: InterviewSession
    let io: any LineIO
    private var lastSection: Int?

    /// A line interviewer for a session.
    package init(session: InterviewSession, io: any LineIO) {
        self.session = session
        self.io = io
    }

    /// Runs the interview to its end.
    /// - Parameter askConsent: False when resuming an interview whose consent was given in full.
    /// - Returns: How it ended. The end of input suspends the interview.
    package func run(askConsent: Bool = true) throws -> Ending {
        say("\(session.instrument.title.text(in: session.engine.language))")
        if let code = session.log.participantCode { say("Participant code: \(code)") }
        if askConsent, let consent = session.consent {
            say("")
            say(consent.text)
            for (index, statement) in consent.statements.enumerated() {
                say("")
                say("Statement \(index + 1) of \(consent.statements.count): \(statement)")
                guard let agreed = askYesNo("Does the participant agree? (yes or no)") else { return try endOfInput() }
                if !agreed {
                    try session.consentRefused()
                    say("The participant did not agree, so the interview ends here. No answers are kept. Thank them for their time.")
                    return .noConsent
                }
            }
            try session.consentGiven()
        }
        session.start()
        while true {
            if let ending = try askCurrent() { return ending }
            if session.prompt == nil, let ending = try reviewAndFinish() { return ending }
        }
    }

    // MARK: - One question

    /// Asks the current question until it is answered or a command ends the interview.
    private func askCurrent() throws -> Ending? {
        guard let prompt = session.prompt else { return nil }
        show(prompt)
        while true {
            io.write("> ")
            guard let line = io.readLine() else { return try endOfInput() }
            let command = line.trimmingCharacters(in: .whitespaces).lowercased()
            switch command {
            case "help", "?":
                help(prompt)
                continue
            case "back", "b":
                if try !session.back() { say("This is the first question.") }
                return nil
            case "refuse", "prefer not to say", "r":
                if try submit(.refused, prompt) { return nil } else { continue }
            case "dont know", "don't know", "d":
                if try submit(.dontKnow, prompt) { return nil } else { continue }
            case "not applicable", "n/a":
                if try submit(.notApplicable, prompt) { return nil } else { continue }
            case "note", "n":
                try takeNote()
                continue
            case "pause", "p":
                return try pauseMenu()
            case "stop":
                if let ending = try stopMenu() { return ending }
                show(prompt)
                continue
            default:
                break
            }
            if case .readOut = prompt.input {
                try session.continuePastNote()
                return nil
            }
            if command.isEmpty, let current = prompt.current {
                if try submit(current, prompt) { return nil } else { continue }
            }
            switch AnswerParser.parse(line, for: prompt) {
            case .failure(let message):
                say(message.text)
            case .success(let answer):
                if try submit(answer, prompt) { return nil }
            }
        }
    }

    /// Submits an answer, handling checks, warnings and safeguards; true when it was accepted.
    private func submit(_ answer: Answer, _ prompt: Prompt) throws -> Bool {
        try give(answer, to: .current)
    }

    /// Gives an answer to the current question or at the review, the same way for both: checks
    /// refuse it, warnings ask to keep or change it, safeguards are shown; true when accepted.
    private func give(_ answer: Answer, to target: InterviewSession.Target, confirmed: Bool = false) throws -> Bool {
        switch try session.give(answer, to: target, confirmed: confirmed) {
        case .rejected(let messages):
            for message in messages { say("Check: " + message) }
            return false
        case .needsConfirmation(let messages):
            for message in messages { say("Please check: " + message) }
            guard let keep = askYesNo("Keep this answer? (yes to keep it, no to change it)") else { return false }
            return keep ? try give(answer, to: target, confirmed: true) : false
        case .accepted(let safeguards):
            for safeguard in safeguards { try showSafeguard(safeguard) }
            return true
        }
    }

    private func showSafeguard(_ safeguard: Safeguard) throws {
        say("")
        say("SAFEGUARD (\(safeguard.id)), for the interviewer:")
        say(clean(session.engine.pipe(safeguard.script)))
        while true {
            io.write("Type ok when you have done this: ")
            guard let line = io.readLine() else { break }
            if line.trimmingCharacters(in: .whitespaces).lowercased() == "ok" { break }
        }
        try session.acknowledge(safeguard)
    }

    private func show(_ prompt: Prompt) {
        let progress = session.progress
        if lastSection != prompt.step.section {
            say("")
            say("== \(clean(prompt.sectionTitle)) ==")
            lastSection = prompt.step.section
        }
        say("")
        if case .readOut = prompt.input {} else {
            say("Question \(progress.current) of about \(progress.total)")
        }
        say(clean(prompt.text))
        if let item = prompt.itemText { say(clean(item)) }
        if let hint = prompt.hint { say("(\(clean(hint)))") }
        if let interviewer = prompt.interviewer { say("[Interviewer: \(clean(interviewer))]") }
        for (index, option) in prompt.options.enumerated() { say("  \(index + 1). \(clean(option.label))") }
        switch prompt.input {
        case .options: say("Type the numbers of every answer that applies, such as 1 3.")
        case .readOut: say("Press Enter to go on.")
        case .date: say("Type a date as day/month/year.")
        case .oneOption, .wholeNumber, .number, .text: break
        }
        if let current = prompt.current, let variable = prompt.step.variable {
            say("Answer so far: \(clean(session.describe(current, variable: variable))) (press Enter to keep it)")
        }
        let allowed = prompt.allowed.map { kind -> String in
            switch kind {
            case .refused: return "refuse"
            case .dontKnow: return "dont know"
            case .notApplicable: return "not applicable"
            default: return kind.key
            }
        }
        if !allowed.isEmpty { say("Or type: \(allowed.joined(separator: ", ")). Type help for the commands.") }
    }

    private func help(_ prompt: Prompt) {
        say("""
            Commands: back (previous question), refuse (prefer not to say), dont know, \
            not applicable (when allowed), note (a note for the research team), pause (the \
            participant needs a break, or is upset), stop (end the interview), help.
            Every answer is saved as soon as it is given. The end of input suspends the interview.
            """)
    }

    private func takeNote() throws {
        io.write("Note (one line; do not write names or contact details): ")
        guard let text = io.readLine(), !text.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        try session.note(text)
        say("Note saved.")
    }

    // MARK: - Pause, stop, review

    private func pauseMenu() throws -> Ending? {
        try session.pause()
        say("")
        say("-- Paused --")
        if let support = session.instrument.support { say(clean(session.engine.pipe(support))) }
        say("1. Carry on with the interview")
        say("2. Skip the rest of this section")
        say("3. Stop, and keep the answers so far")
        say("4. Stop, and delete the answers")
        while true {
            io.write("Choose 1 to 4: ")
            guard let line = io.readLine() else { return try endOfInput() }
            switch line.trimmingCharacters(in: .whitespaces) {
            case "1":
                try session.resume()
                return nil
            case "2":
                try session.resume()
                try session.skipSection()
                return nil
            case "3":
                try session.stop(reason: StopReason.distress)
                say("The interview has stopped; the answers so far are kept.")
                return .stopped(reason: StopReason.distress)
            case "4":
                try session.discard()
                say("The interview has stopped and its answers are deleted.")
                return .discarded
            default:
                continue
            }
        }
    }

    private func stopMenu() throws -> Ending? {
        say("1. Continue later (suspend; resume with `peersurvey resume`)")
        for (index, reason) in StopReason.allCases.enumerated() { say("\(index + 2). Stop for good: \(reason.label)") }
        say("\(StopReason.allCases.count + 2). Stop and delete the answers")
        say("0. Go back to the question")
        while true {
            io.write("Choose: ")
            guard let line = io.readLine() else { return try endOfInput() }
            guard let choice = Int(line.trimmingCharacters(in: .whitespaces)) else { continue }
            switch choice {
            case 0: return nil
            case 1:
                try session.suspend()
                return .suspended
            case 2...(StopReason.allCases.count + 1):
                let reason = StopReason.allCases[choice - 2]
                try session.stop(reason: reason)
                return .stopped(reason: reason)
            case StopReason.allCases.count + 2:
                try session.discard()
                return .discarded
            default: continue
            }
        }
    }

    /// The member check: every answer in plain words, any of which can be changed.
    private func reviewAndFinish() throws -> Ending? {
        while true {
            say("")
            say("== Review ==")
            say("Read the answers back with the participant. Type a number to change one, or done (or Enter) to finish.")
            let items = session.review
            for (index, item) in items.enumerated() {
                say("\(index + 1). \(clean(item.question)) -> \(clean(item.answer))")
            }
            io.write("> ")
            guard let line = io.readLine() else { return try endOfInput() }
            let typed = line.trimmingCharacters(in: .whitespaces).lowercased()
            if typed == "done" || typed.isEmpty {
                try session.complete()
                say("The interview is complete. Thank you.")
                return .completed
            }
            guard let number = Int(typed), (1...max(1, items.count)).contains(number), !items.isEmpty else {
                say("Type a number from 1 to \(items.count) to change that answer, or done to finish.")
                continue
            }
            let id = items[number - 1].id
            guard let variable = session.instrument.variables.index(of: id),
                let step = session.engine.plan.stepOfVariable[variable]
            else { continue }
            let prompt = session.engine.prompt(at: step)
            show(prompt)
            io.write("> ")
            guard let answerLine = io.readLine() else { return try endOfInput() }
            let answer: Answer
            switch answerLine.trimmingCharacters(in: .whitespaces).lowercased() {
            case "":
                say("Kept as it was.")
                continue
            case "refuse": answer = .refused
            case "dont know", "don't know": answer = .dontKnow
            default:
                guard case .success(let parsed) = AnswerParser.parse(answerLine, for: prompt) else {
                    say("That answer was not understood; nothing changed.")
                    continue
                }
                answer = parsed
            }
            if try give(answer, to: .review(id)), let opened = session.questionsOpenedByAmendment.first {
                say("The change opens more questions.")
                session.ask(step: opened)
                return nil
            }
        }
    }

    /// The input ended: the interview is suspended (its answers are already saved).
    private func endOfInput() throws -> Ending {
        try session.suspend()
        return .suspended
    }

    // MARK: - Output

    private func askYesNo(_ question: String) -> Bool? {
        while true {
            io.write(question + " ")
            guard let line = io.readLine() else { return nil }
            switch line.trimmingCharacters(in: .whitespaces).lowercased() {
            case "yes", "y": return true
            case "no", "n": return false
            default: continue
            }
        }
    }

    private func clean(_ text: String) -> String { SafeText.clean(text, keepNewlines: true) }

    private func say(_ text: String) { io.write(text + "\n") }
}
