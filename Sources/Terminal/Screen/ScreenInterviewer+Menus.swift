import Foundation
import Instrument
package import Interview

extension ScreenInterviewer {
    /// A menu: digits or arrows choose, Enter confirms. Returns the chosen index, or nil for Esc
    /// (when `cancellable`). Ctrl-C throws ``Interrupted``.
    func menu(
        title: String, status: String, body: [Frame.Block], items: [String], cancellable: Bool, start: Int = 0
    ) throws -> Int? {
        var cursor = start
        let entries = items.enumerated().map { Frame.Item(key: String($0.offset + 1), text: $0.element) }
        let footer = "digits or ↑↓ choose   Enter confirm" + (cancellable ? "   Esc go back" : "")
        while true {
            let frame = Frame(title: title, status: status, body: body, items: entries, cursor: cursor, footer: footer)
            guard let key = key(redraw: { frame }) else { throw Interrupted() }
            switch key {
            case .interrupt: throw Interrupted()
            case .up, .character("k"): cursor = max(cursor - 1, 0)
            case .down, .character("j"): cursor = min(cursor + 1, items.count - 1)
            case .character(let c) where c.isASCII && c.isNumber:
                if let number = c.wholeNumberValue, (1...items.count).contains(number) { cursor = number - 1 }
            case .enter: return cursor
            case .escape where cancellable: return nil
            default: break
            }
        }
    }

    /// The distress pause: the support text, then carry on, skip the section, or stop.
    func pauseMenu() throws -> Ending? {
        try session.pause()
        var body: [Frame.Block] = []
        if let support = session.instrument.support { body.append(.text(clean(session.engine.pipe(support)))) }
        body += [.gap, .quiet("Take as long as you need. Everything answered so far is saved.")]
        let choice = try menu(
            title: "Paused", status: "The interview is paused", body: body,
            items: [
                "Carry on with the interview", "Skip the rest of this section", "Stop, and keep the answers so far",
                "Stop, and delete the answers",
            ], cancellable: false)
        switch choice {
        case 1:
            try session.resume()
            try session.skipSection()
            return nil
        case 2:
            try session.stop(reason: StopReason.distress)
            return .stopped(reason: StopReason.distress)
        case 3:
            guard try confirmDelete() else { return try pauseMenu() }
            try session.discard()
            return .discarded
        default:
            try session.resume()
            return nil
        }
    }

    /// Stopping: continue later, stop for good with a reason, or delete.
    func stopMenu() throws -> Ending? {
        let reasons = StopReason.allCases
        let items = ["Continue later (suspend; `peersurvey resume` carries on)"] + reasons.map { "Stop for good: " + $0.label }
            + ["Stop, and delete the answers"]
        guard
            let choice = try menu(
                title: "Stop the interview?", status: "Every answer given so far is saved", body: [], items: items,
                cancellable: true)
        else { return nil }
        switch choice {
        case 0: return try suspend()
        case 1...reasons.count:
            let reason = reasons[choice - 1]
            try session.stop(reason: reason)
            return .stopped(reason: reason)
        default:
            guard try confirmDelete() else { return nil }
            try session.discard()
            return .discarded
        }
    }

    private func confirmDelete() throws -> Bool {
        let choice = try menu(
            title: "Delete the answers?", status: "This cannot be undone",
            body: [.text("Every answer of this interview will be deleted. Do this only if the participant asks.")],
            items: ["No, keep them", "Yes, delete every answer"], cancellable: true)
        return choice == 1
    }

    /// A safeguard's script for the interviewer; only `a` acknowledges it (Enter does not, so it
    /// cannot be passed by a key pressed out of habit).
    func acknowledge(_ safeguard: Safeguard) throws {
        let frame = Frame(
            title: "Safeguard, for the interviewer", status: safeguard.id,
            body: [.instruction(clean(session.engine.pipe(safeguard.script)))],
            footer: "Press a when you have read this and done it.")
        while true {
            guard let key = key(redraw: { frame }) else { throw Interrupted() }
            if key == .interrupt { throw Interrupted() }
            if key == .character("a") || key == .character("A") { break }
        }
        try session.acknowledge(safeguard)
    }

    /// An interviewer note about the current question: typed, Enter saves, Esc cancels.
    /// - Returns: Whether a note was saved.
    func takeNote() throws -> Bool {
        var text = ""
        while true {
            let frame = Frame(
                title: "Interviewer note", status: "For the research team",
                body: [
                    .quiet("Do not write names, contact details or anything else that identifies someone."), .gap,
                    .field(label: "Note", text: SafeText.clean(text.count > 400 ? String(text.suffix(400)) : text), active: true),
                ], footer: "Enter save   Esc cancel   Ctrl-C suspend")
            guard let key = key(redraw: { frame }) else { throw Interrupted() }
            switch key {
            case .interrupt: throw Interrupted()
            case .character(let c): text.append(c)
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
