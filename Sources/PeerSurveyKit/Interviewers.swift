import Foundation
import Interview
import Terminal

/// Chooses the interviewer: full screen on a terminal, line mode with --plain or without one.
package enum Interviewers {
    /// The runner for a session: the full screen on a terminal, the line mode otherwise.
    /// - Parameters:
    ///   - plain: Line mode even on a terminal.
    ///   - database: The study database, for the resume command printed after a signal.
    package static func runner(plain: Bool, database: String?) -> InterviewCommand.Runner {
        { session, askConsent in
            let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
            if !plain, interactive, let device = try? TerminalDevice() {
                // SIGTERM, SIGHUP, SIGQUIT: the terminal is restored first, then this suspends.
                RawTerminal.onTerminate = { suspendAndSay(session, database) }
                defer { device.restore() }
                return try ScreenInterviewer(session: session, device: device).run(askConsent: askConsent)
            }
            Interrupts.onInterrupt { suspendAndSay(session, database) }
            return try LineInterviewer(session: session, io: StandardLineIO()).run(askConsent: askConsent)
        }
    }

    /// Suspends after a signal and says how to carry on.
    private static func suspendAndSay(_ session: InterviewSession, _ database: String?) {
        try? session.log.suspend()
        if let code = session.log.participantCode, let database {
            let message = "\n" + session.words.reportSuspended(code, "peersurvey resume --db \(database) \(code)") + "\n"
            FileHandle.standardError.write(Data(message.utf8))
        }
    }
}

/// Ctrl-C, SIGTERM and SIGHUP during a line-mode interview: suspend, say how to resume, exit 130.
enum Interrupts {
    private final class Box: @unchecked Sendable {
        var action: (() -> Void)?
        var sources: [any DispatchSourceSignal] = []
    }
    private static let box = Box()

    static func onInterrupt(_ action: @escaping () -> Void) {
        box.action = action
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                box.action?()
                exit(130)
            }
            source.resume()
            box.sources.append(source)
        }
    }
}
