import Foundation
import Instrument
package import Interview

extension ScreenInterviewer {
    /// Where the pause was opened, for the choices it offers.
    enum PauseContext: Equatable {
        /// On a question: every choice, skipping the rest of the section too.
        case question
        /// On a safeguard, the review or a resumed interview's first screen.
        case elsewhere
        /// During consent: carry on, or stop for now (nothing is answered yet).
        case consent
    }

    /// A menu: digits or arrows choose, Enter confirms. Returns the chosen index, or nil for Esc
    /// (when `cancellable`). Ctrl-C throws ``Interrupted``; Ctrl-P opens the pause unless this is
    /// the pause.
    func menu(
        title: String, status: String, body: [Frame.Block], items: [String], cancellable: Bool, start: Int = 0,
        pausable: Bool = true
    ) throws -> Int? {
        var cursor = start
        let entries = items.enumerated().map { Frame.Item(key: String($0.offset + 1), text: $0.element) }
        let footer = words.keyMenuChoose + (cancellable ? "   " + words.keyMenuBack : "")
        while true {
            let frame = self.frame(title: title, status: status, body: body, items: entries, cursor: cursor, footer: footer)
            let key = try nextKey { frame }
            if Command(key) == .pause, pausable {
                try pauseMenu(.elsewhere)
                continue
            }
            switch key {
            case .up: cursor = max(cursor - 1, 0)
            case .down: cursor = min(cursor + 1, items.count - 1)
            case .character(let c) where c.isASCII && c.isNumber:
                if let number = c.wholeNumberValue, (1...items.count).contains(number) { cursor = number - 1 }
            case .enter: return cursor
            case .escape where cancellable: return nil
            default: break
            }
        }
    }

    /// The distress pause: the support text, then carry on, skip the section, or stop. Returns
    /// to carry on; stopping throws ``Ended``.
    func pauseMenu(_ context: PauseContext) throws {
        try session.pause()
        var body: [Frame.Block] = []
        if let support = session.instrument.support { body.append(.text(clean(session.engine.pipe(support)))) }
        body += [.gap, .quiet(session.keepsAnswers ? words.takeYourTime : words.takeYourTimePreview)]
        if let code = session.log.participantCode { body += [.gap, .quiet(words.participantCode(code))] }
        enum Choice { case carryOn, skip, stopKeep, suspend, delete }
        let choices: [(Choice, String)]
        switch context {
        case .question:
            choices = [(.carryOn, words.carryOn), (.skip, words.skipSection), (.stopKeep, words.stopKeep), (.delete, words.stopDelete)]
        case .elsewhere:
            choices = [(.carryOn, words.carryOn), (.stopKeep, words.stopKeep), (.delete, words.stopDelete)]
        case .consent:
            choices = [(.carryOn, words.carryOn), (.suspend, words.continueLater)]
        }
        while true {
            let index = try menu(
                title: words.pausedTitle, status: words.pausedStatus, body: body, items: choices.map(\.1), cancellable: false,
                pausable: false) ?? 0
            switch choices[index].0 {
            case .carryOn:
                try session.resume()
                return
            case .skip:
                try session.resume()
                try session.skipSection()
                return
            case .stopKeep:
                try session.stop(reason: StopReason.distress)
                throw Ended(ending: .stopped(reason: StopReason.distress))
            case .suspend:
                throw Interrupted()
            case .delete:
                guard try confirmDelete() else { continue }
                try session.discard()
                throw Ended(ending: .discarded)
            }
        }
    }

    /// Stopping: continue later, stop for good with a reason, or delete. Returns when the
    /// interviewer goes back (Esc); every other choice throws.
    func stopMenu() throws {
        let reasons = StopReason.allCases
        let items = [words.continueLater] + reasons.map { words.stopForGood(words.stopReason($0)) } + [words.stopDelete]
        guard
            let choice = try menu(
                title: words.stopTitle, status: session.keepsAnswers ? words.everythingSaved : words.nothingSavedPreview,
                body: [], items: items, cancellable: true)
        else { return }
        switch choice {
        case 0: throw Interrupted()
        case 1...reasons.count:
            let reason = reasons[choice - 1]
            try session.stop(reason: reason)
            throw Ended(ending: .stopped(reason: reason))
        default:
            guard try confirmDelete() else { return }
            try session.discard()
            throw Ended(ending: .discarded)
        }
    }

    private func confirmDelete() throws -> Bool {
        let choice = try menu(
            title: words.deleteTitle, status: words.cannotBeUndone, body: [.text(words.deleteBody)],
            items: [words.keepThem, words.deleteThem], cancellable: true, pausable: false)
        return choice == 1
    }

    /// An interviewer note about the current question: typed, Enter saves, Esc cancels. Ctrl-P
    /// pauses and comes back to the note as it was.
    /// - Returns: Whether a note was saved.
    func takeNote() throws -> Bool {
        var text = ""
        while true {
            let frame = self.frame(
                title: words.noteTitle, status: words.noteStatus,
                body: [
                    .quiet(words.noteWarning), .gap,
                    .field(label: words.noteLabel, text: SafeText.clean(text.count > 4000 ? String(text.suffix(4000)) : text), active: true, rows: 3),
                ], footer: [words.keySave, words.keyCancel, words.keyPause, words.keySuspend].joined(separator: "   "))
            let key = try nextKey { frame }
            if Command(key) == .pause {
                try pauseMenu(.elsewhere)
                continue
            }
            switch key {
            case .character(let c): text.append(c)
            case .tab: text.append(" ")
            case .backspace: if !text.isEmpty { text.removeLast() }
            case .clearLine: text = ""
            case .escape: return false
            case .enter:
                guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return false }
                try session.note(text)
                return true
            default: break
            }
        }
    }
}
