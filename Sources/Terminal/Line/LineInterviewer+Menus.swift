import Foundation
import Instrument
import Interview

extension LineInterviewer {
    /// Safeguards waiting to be acknowledged: each script as numbered steps with the support
    /// text; `ok` acknowledges it, `/pause` pauses. The end of input suspends with it still
    /// waiting, so `resume` shows it again.
    func showPendingSafeguards() throws {
        while let safeguard = session.pendingSafeguards.first {
            say("")
            say(words.lineSafeguard)
            for (index, step) in ScriptSteps.split(clean(session.engine.pipe(safeguard.script))).enumerated() {
                say("  \(index + 1). \(step)")
            }
            if let support = session.instrument.support {
                say(words.supportHeading)
                say(clean(session.engine.pipe(support)))
            }
            while true {
                io.write(words.lineTypeOk)
                guard let line = io.readLine() else { throw EndOfInput() }
                let typed = line.trimmingCharacters(in: .whitespaces).lowercased()
                if typed == "ok" { break }
                if typed == "/pause" || typed == "pause" { try pauseMenu(canSkip: false) }
                if typed == "/stop" || typed == "stop" { try stopMenu() }
            }
            try session.acknowledge(safeguard)
        }
    }

    /// The distress pause: the support text, then carry on, skip the section, or stop.
    func pauseMenu(canSkip: Bool) throws {
        try session.pause()
        say("")
        say("-- \(words.pausedTitle) --")
        if let support = session.instrument.support { say(clean(session.engine.pipe(support))) }
        say(session.keepsAnswers ? words.takeYourTime : words.takeYourTimePreview)
        enum Choice { case carryOn, skip, stopKeep, delete }
        let choices: [(Choice, String)] =
            [(.carryOn, words.carryOn)] + (canSkip ? [(.skip, words.skipSection)] : [])
            + [(.stopKeep, words.stopKeep), (.delete, words.stopDelete)]
        for (index, choice) in choices.enumerated() { say("\(index + 1). \(choice.1)") }
        while true {
            io.write(words.lineChoose(choices.count))
            guard let line = io.readLine() else { throw EndOfInput() }
            guard let number = Int(line.trimmingCharacters(in: .whitespaces)), (1...choices.count).contains(number)
            else { continue }
            switch choices[number - 1].0 {
            case .carryOn:
                try session.resume()
                return
            case .skip:
                try session.resume()
                try session.skipSection()
                return
            case .stopKeep:
                try session.stop(reason: StopReason.distress)
                say(words.stoppedKept)
                throw Ended(ending: .stopped(reason: StopReason.distress))
            case .delete:
                say(words.deleteBody)
                guard try askYesNo("\(words.deleteTitle) (\(words.yesWords[0])/\(words.noWords[0]))") else { continue }
                try session.discard()
                say(words.stoppedDeleted)
                throw Ended(ending: .discarded)
            }
        }
    }

    /// Stopping: continue later, stop for good with a reason, or delete; 0 goes back.
    func stopMenu() throws {
        let reasons = StopReason.allCases
        say("1. \(words.continueLater)")
        for (index, reason) in reasons.enumerated() {
            say("\(index + 2). \(words.stopForGood(words.stopReason(reason)))")
        }
        say("\(reasons.count + 2). \(words.stopDelete)")
        say("0. \(words.lineBackToQuestion)")
        while true {
            io.write(words.lineChoose(reasons.count + 2))
            guard let line = io.readLine() else { throw EndOfInput() }
            guard let choice = Int(line.trimmingCharacters(in: .whitespaces)) else { continue }
            switch choice {
            case 0: return
            case 1: throw EndOfInput()
            case 2...(reasons.count + 1):
                let reason = reasons[choice - 2]
                try session.stop(reason: reason)
                throw Ended(ending: .stopped(reason: reason))
            case reasons.count + 2:
                guard try askYesNo("\(words.deleteTitle) (\(words.yesWords[0])/\(words.noWords[0]))") else { return }
                try session.discard()
                throw Ended(ending: .discarded)
            default: continue
            }
        }
    }

    /// The member check: every answer in full, any of which can be changed by its number; the
    /// questions a change opens are asked, then the review is shown again. `done` finishes (an
    /// empty line does not: finishing is for good).
    func reviewAndFinish() throws -> Ending {
        while true {
            say("")
            say("== \(words.reviewTitle) ==")
            say(words.lineReviewHelp)
            let items = session.review
            var group: String?
            for (index, item) in items.enumerated() {
                if let heading = item.group, heading != group { say(clean(heading)) }
                group = item.group
                say("\(index + 1). \(clean(item.question)) -> \(clean(item.answer))")
            }
            io.write("> ")
            guard let line = io.readLine() else { throw EndOfInput() }
            let typed = line.trimmingCharacters(in: .whitespaces).lowercased()
            if typed == words.lineFinishWord || typed == "/" + words.lineFinishWord || typed == "done" {
                try session.complete()
                say(words.interviewComplete)
                return .completed
            }
            if typed == "/pause" || typed == "pause" {
                try pauseMenu(canSkip: false)
                continue
            }
            if typed == "/stop" || typed == "stop" {
                try stopMenu()
                continue
            }
            guard let number = Int(typed), (1...max(1, items.count)).contains(number), !items.isEmpty else {
                say(words.lineReviewSlip(items.count))
                continue
            }
            try amend(items[number - 1].id)
        }
    }

    /// Changes one answer at the review, then asks any question the change opened.
    private func amend(_ id: String) throws {
        guard let variable = session.instrument.variables.index(of: id),
            let step = session.engine.plan.stepOfVariable[variable]
        else { return }
        let prompt = session.engine.prompt(at: step)
        show(prompt)
        io.write("> ")
        guard let line = io.readLine() else { throw EndOfInput() }
        let answer: Answer
        switch Self.interpret(line, prompt) {
        case .command(.refused): answer = .refused
        case .command(.dontKnow): answer = .dontKnow
        case .command(.notApplicable): answer = .notApplicable
        case .command:
            say(keptAsItWas)
            return
        case .answer(let text):
            if text.trimmingCharacters(in: .whitespaces).isEmpty {
                say(keptAsItWas)
                return
            }
            guard case .success(let parsed) = AnswerParser.parse(text, for: prompt, words: words) else {
                say(words.notUnderstood)
                return
            }
            answer = parsed
        }
        guard try give(answer, to: .review(id)) else { return }
        while let opened = session.questionsOpenedByAmendment.first {
            session.ask(step: opened)
            let before = session.answeredCount
            try askOpened()
            if session.answeredCount == before { break }
        }
    }

    private var keptAsItWas: String { words.keptAsItWas }

    /// Asks a question an amendment opened; returns when it is answered (or left with a command).
    private func askOpened() throws {
        guard let prompt = session.prompt else { return }
        show(prompt)
        while true {
            io.write("> ")
            guard let line = io.readLine() else { throw EndOfInput() }
            let answer: Answer
            switch Self.interpret(line, prompt) {
            case .command(.refused): answer = .refused
            case .command(.dontKnow): answer = .dontKnow
            case .command(.notApplicable): answer = .notApplicable
            case .command(.back), .command(.stop): return
            case .command(.pause):
                try pauseMenu(canSkip: false)
                continue
            case .command(.note), .command(.help), .command(.finish), .command(.suspend):
                say(words.lineHelp)
                continue
            case .answer(let text):
                guard case .success(let parsed) = AnswerParser.parse(text, for: prompt, words: words) else {
                    if case .failure(let message) = AnswerParser.parse(text, for: prompt, words: words) {
                        say(message.text)
                    }
                    continue
                }
                answer = parsed
            }
            if try give(answer, to: .current) { return }
        }
    }
}
