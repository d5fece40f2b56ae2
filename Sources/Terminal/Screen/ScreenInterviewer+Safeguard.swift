import Instrument
package import Interview

extension ScreenInterviewer {
    /// Shows every safeguard waiting to be acknowledged (those an answer just fired, or those
    /// on the screen when the interview was suspended), one screen each.
    func showPendingSafeguards() throws {
        while let safeguard = session.pendingSafeguards.first {
            try showSafeguard(safeguard)
        }
    }

    /// A safeguard as a crisis screen: a plain title, the script as numbered steps, the
    /// instrument's support text on the same screen, and pause or stop from here. Keys typed
    /// ahead are dropped when it appears; only `a` acknowledges it (Enter does not, so a key
    /// pressed out of habit cannot pass it), and only once its end has been on the screen.
    private func showSafeguard(_ safeguard: Safeguard) throws {
        device.discardPendingInput()
        var items = ScriptSteps.split(clean(session.engine.pipe(safeguard.script))).enumerated().map { index, step in
            Frame.Item(key: String(index + 1), text: step)
        }
        if let support = session.instrument.support {
            items += [
                Frame.Item(key: "", text: "", look: .plain),
                Frame.Item(key: "", text: words.supportHeading, look: .heading),
                Frame.Item(key: "", text: clean(session.engine.pipe(support)), look: .plain),
            ]
        }
        var scroll = 0
        var seenEnd = false
        var messages: [Frame.Message] = []
        while true {
            let make = { [self] (scroll: Int, messages: [Frame.Message]) -> Frame in
                let probe = frame(
                    title: words.safeguardTitle, status: words.safeguardStatus, items: items, scroll: scroll,
                    messages: messages, footer: "")
                let fit = renderer.listFit(probe)
                var keys = [words.keyAcknowledge]
                if fit.visible < fit.total { keys.append(words.keyScroll) }
                keys += [words.keyPause, words.keyStop]
                return frame(
                    title: words.safeguardTitle, status: words.safeguardStatus, items: items, scroll: scroll,
                    messages: messages,
                    footer: keys.joined(separator: "   "))
            }
            let current = make(scroll, messages)
            let fit = renderer.listFit(current)
            if scroll + fit.visible >= fit.total { seenEnd = true }
            let key = try nextKey { make(scroll, messages) }
            messages = []
            let last = max(fit.total - fit.visible, 0)
            switch Command(key) {
            case .pause?:
                try pauseMenu(.elsewhere)
                continue
            case .stop?:
                try stopMenu()
                continue
            case .help?:
                try help()
                continue
            default: break
            }
            switch key {
            case .up: scroll = max(scroll - 1, 0)
            case .down: scroll = min(scroll + 1, last)
            case .pageUp: scroll = max(scroll - fit.visible, 0)
            case .pageDown, .character(" "): scroll = min(scroll + fit.visible, last)
            case .character("a"), .character("A"):
                if seenEnd {
                    try session.acknowledge(safeguard)
                    return
                }
                messages = [.info(words.readToTheEnd)]
                scroll = min(scroll + fit.visible, last)
            default: break
            }
        }
    }
}
