import Foundation
import Instrument
package import Interview

/// The full-screen interviewer: one question per screen, driven by the keyboard alone. The same
/// keys work on every question: digits choose, arrow keys or j/k move, space toggles, Enter
/// confirms, `b` back, `r` prefer not to say, `d` don't know, `n` an interviewer note, `p`
/// pause, `q` stop, `?` help; Ctrl-C suspends. On a text question Enter starts typing and Enter
/// again saves; Esc stops typing so the keys work again.
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

    /// Runs the interview to its end.
    /// - Parameter askConsent: False when resuming an interview whose consent was given in full.
    /// - Returns: How it ended. Ctrl-C, or input ending, suspends the interview.
    package func run(askConsent: Bool = true) throws -> Ending {
        if askConsent, let consent = session.consent {
            for (index, statement) in consent.statements.enumerated() {
                switch askStatement(consent.text, statement, index, consent.statements.count) {
                case .some(true): continue
                case .some(false):
                    try session.consentRefused()
                    show(
                        Frame(
                            title: clean(title), status: "No consent",
                            body: [.text("The participant did not agree, so the interview ends here. No answers are kept. Thank them for their time.")],
                            footer: "Press any key to close."))
                    _ = device.nextKey()
                    return .noConsent
                case .none:
                    return try suspend()
                }
            }
            try session.consentGiven()
        }
        session.start()
        do {
            while true {
                if session.prompt != nil {
                    if let ending = try ask(mode: .interview) { return ending }
                } else if let ending = try reviewAndFinish() {
                    return ending
                }
            }
        } catch is Interrupted {
            return try suspend()
        }
    }

    /// Ctrl-C (or the end of input) somewhere that cannot return an ending, such as a
    /// safeguard waiting to be acknowledged: the interview is suspended.
    struct Interrupted: Error {}

    /// One consent statement: true agreed, false not, nil for Ctrl-C or the end of input.
    private func askStatement(_ text: String, _ statement: String, _ index: Int, _ count: Int) -> Bool? {
        while true {
            var body: [Frame.Block] = []
            if let code = session.log.participantCode { body += [.quiet("Participant code: \(code)"), .gap] }
            body += [.text(clean(text)), .gap, .strong("Statement \(index + 1) of \(count): " + clean(statement))]
            show(
                Frame(
                    title: clean(title), status: "Consent", body: body,
                    items: [Frame.Item(key: "y", text: "The participant agrees"), Frame.Item(key: "n", text: "The participant does not agree")],
                    footer: "y agrees   n does not agree   Ctrl-C stop for now"))
            switch device.nextKey() {
            case nil, .interrupt: return nil
            case .character("y"), .character("Y"): return true
            case .character("n"), .character("N"): return false
            default: continue
            }
        }
    }

    // MARK: - Drawing

    /// The instrument's title in the interview's language.
    var title: String { session.instrument.title.text(in: session.engine.language) }

    /// Draws a frame at the terminal's size now.
    func show(_ frame: Frame) {
        let renderer = ScreenRenderer(size: device.size, style: device.style)
        device.write(renderer.draw(renderer.rows(frame)))
    }

    /// Text from the instrument or an answer, made safe to print.
    func clean(_ text: String) -> String { SafeText.clean(text, keepNewlines: true) }

    /// The next key, skipping the redraw when more keys are already waiting.
    func key(redraw frame: () -> Frame) -> Key? {
        if !device.hasPendingInput { show(frame()) }
        return device.nextKey()
    }

    /// Ctrl-C or the end of input: the interview is suspended (its answers are already saved).
    func suspend() throws -> Ending {
        try session.suspend()
        return .suspended
    }
}
