import Foundation
import Instrument
package import Interview

/// The full-screen interviewer: one question per screen, driven by the keyboard alone.
///
/// The key model cannot eat a participant's words: on a question that takes text, a number or a
/// date, every printable key goes into the answer; on a choice, digits choose, the arrows move
/// and space switches an option. Everything else is a ``Command`` on a Ctrl key, which typing
/// cannot produce (Ctrl-B back, Ctrl-R prefer not to say, Ctrl-K don't know, Ctrl-N note,
/// Ctrl-P pause from any screen, Ctrl-E stop, Ctrl-G the keys, Ctrl-C suspend). Enter confirms.
///
/// It drives the same ``InterviewSession`` as ``LineInterviewer``, so both save the same things
/// at the same moments: each answer is durable before the next question is drawn.
package final class ScreenInterviewer {
    let session: InterviewSession
    let device: any ScreenDevice

    /// An interviewer for a session on a device.
    package init(session: InterviewSession, device: any ScreenDevice) {
        self.session = session
        self.device = device
    }

    /// The program's words in the interview's language.
    var words: InterviewerWords { session.words }

    /// Runs the interview to its end.
    /// - Parameter askConsent: False when resuming an interview whose consent was given in full.
    /// - Returns: How it ended. Ctrl-C, or input ending, suspends the interview.
    package func run(askConsent: Bool = true) throws -> Ending {
        do {
            if askConsent, let consent = session.consent, !consent.statements.isEmpty {
                for (index, statement) in consent.statements.enumerated() {
                    try askStatement(consent.text, statement, index, consent.statements.count)
                }
                try session.consentGiven()
            } else if session.isResumed {
                try welcomeBack()
            }
            session.start()
            try showPendingSafeguards()
            while true {
                if session.prompt != nil {
                    try ask(mode: session.reviewReached ? .opened : .interview)
                } else {
                    return try reviewAndFinish()
                }
            }
        } catch is Interrupted {
            return try suspend()
        } catch let ended as Ended {
            return ended.ending
        }
    }

    /// Ctrl-C (or the end of input) on any screen: the interview is suspended.
    struct Interrupted: Error {}

    /// The interview ended on some screen (stopped, deleted, no consent, completed).
    struct Ended: Error {
        let ending: Ending
    }

    /// One consent statement: returns when it is agreed; a statement not agreed (and confirmed)
    /// ends the interview.
    private func askStatement(_ text: String, _ statement: String, _ index: Int, _ count: Int) throws {
        while true {
            var body: [Frame.Block] = []
            if let code = session.log.participantCode { body += [.quiet(words.participantCode(code)), .gap] }
            body += [.text(clean(text)), .gap, .strong(words.statementOf(index + 1, count, clean(statement)))]
            let frame = self.frame(
                title: clean(title), status: words.consentTitle, body: body,
                items: [Frame.Item(key: "y", text: words.agrees), Frame.Item(key: "n", text: words.doesNotAgree)],
                footer: words.consentFooter)
            let key = try nextKey { frame }
            switch Command(key) {
            case .pause?: try pauseMenu(.consent)
            case .help?: try help()
            default: break
            }
            switch key {
            case .character("y"), .character("Y"): return
            case .character("n"), .character("N"):
                // Ending is permanent: make sure, with going back as the default.
                let choice = try menu(
                    title: words.endWithoutConsentTitle, status: words.consentTitle,
                    body: [.text(words.endWithoutConsentBody(clean(statement)))],
                    items: [words.backToStatement, words.endNoConsent], cancellable: true)
                guard choice == 1 else { continue }
                try session.consentRefused()
                show(self.frame(title: clean(title), status: words.noConsentTitle, body: [.text(words.noConsentDone)], footer: words.pressAnyKey))
                _ = device.nextKey()
                throw Ended(ending: .noConsent)
            default: continue
            }
        }
    }

    /// The first screen of a resumed interview: the participant code, how many answers are
    /// saved and where it carries on.
    private func welcomeBack() throws {
        var body: [Frame.Block] = []
        if let code = session.log.participantCode { body += [.strong(words.participantCode(code)), .gap] }
        session.start()
        if session.prompt != nil {
            let progress = session.progress
            body.append(.text(words.carriesOnAt(session.answeredCount, progress.current, progress.total)))
        } else {
            body.append(.text(words.carriesOnAtReview(session.answeredCount)))
        }
        if !session.pendingSafeguards.isEmpty { body += [.gap, .text(words.safeguardWaiting)] }
        let frame = self.frame(
            title: clean(title), status: words.welcomeBack, body: body,
            footer: [words.keyCarryOn, words.keyPause, words.keyStop, words.keyHelp].joined(separator: "   "))
        while true {
            let key = try nextKey { frame }
            switch Command(key) {
            case .pause?: try pauseMenu(.elsewhere)
            case .stop?: try stopMenu()
            case .help?: try help()
            default: if key == .enter { return }
            }
        }
    }

    // MARK: - Drawing

    /// The instrument's title in the interview's language.
    var title: String { session.instrument.title.text(in: session.engine.language) }

    /// A frame with the preview banner when nothing is saved.
    func frame(
        title: String, status: String? = nil, progress: Double? = nil, body: [Frame.Block] = [], items: [Frame.Item] = [],
        cursor: Int? = nil, scroll: Int = 0, messages: [Frame.Message] = [], footer: String
    ) -> Frame {
        Frame(
            banner: session.keepsAnswers ? nil : words.previewBanner, title: title, status: status, progress: progress,
            body: body, items: items, cursor: cursor, scroll: scroll, messages: messages, footer: footer)
    }

    /// The renderer for the terminal's size now.
    var renderer: ScreenRenderer { ScreenRenderer(size: device.size, style: device.style) }

    /// Draws a frame at the terminal's size now.
    func show(_ frame: Frame) {
        let renderer = self.renderer
        device.write(renderer.draw(renderer.rows(frame)))
    }

    /// Text from the instrument or an answer, made safe to print.
    func clean(_ text: String) -> String { SafeText.clean(text, keepNewlines: true) }

    /// The next key, skipping the redraw when more keys are already waiting; redraws on a resize.
    /// - Throws: ``Interrupted`` for Ctrl-C or the end of input.
    func nextKey(redraw frame: () -> Frame) throws -> Key {
        while true {
            if !device.hasPendingInput { show(frame()) }
            guard let key = device.nextKey(), key != .interrupt else { throw Interrupted() }
            if key == .resize || key == .redraw { continue }
            return key
        }
    }

    /// Ctrl-C or the end of input: the interview is suspended (its answers are already saved).
    func suspend() throws -> Ending {
        try session.suspend()
        return .suspended
    }
}
