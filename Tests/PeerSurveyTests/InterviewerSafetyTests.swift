import Foundation
import GRDB
import Store
import Testing

/// The interviewer as a safe instrument (issue 14, items 1 to 4), through the built binary in a
/// real terminal at 80 x 24 and 60 x 20 and in line mode: a participant's words are never lost
/// or turned into commands, Enter keeps what the screen says it keeps, a safeguard survives a
/// suspension, and resuming is exact. ``InterviewerReviewTests`` has items 5 to 8.
@Suite(.serialized)
struct InterviewerSafetyTests: InterviewerStudy {
    static let sizes: [(Int, Int)] = [(80, 24), (60, 20)]

    // MARK: - 1. Typed words are never commands

    /// "I don't know, it felt rushed" typed on a text question used to save Don't know (`d`),
    /// open a note (`n`) and file the rest as the note; "It felt rushed" saved Prefer not to say.
    @Test(.enabled(if: ScreenInterviewTests.tmuxInstalled), arguments: sizes)
    func typedWordsGoIntoTheAnswer(_ size: (Int, Int)) throws {
        let (directory, instrument, db) = try study()
        defer { try? FileManager.default.removeItem(at: directory) }
        let terminal = try interview(instrument, db, size)
        try begin(terminal)
        try terminal.send("1")
        try terminal.send("Enter")
        try terminal.wait(for: "Did you feel listened to?")
        try terminal.send("3")
        try terminal.send("Enter")
        try terminal.wait(for: "What made it feel that way?")
        let said = "I don't know, it felt rushed. Please bring back the nice man, and be quick!"
        try terminal.type(said)
        try terminal.wait(for: "quick!")
        try terminal.send("Enter")
        try terminal.wait(for: "how are you feeling?")
        try terminal.send("C-c")
        try terminal.wait(for: "EXITED 0")
        let saved = try answers(db)
        #expect(
            saved["why"] == .value(.text(said)),
            "the participant's words were not kept: \(String(describing: saved["why"]))")
        let kinds = try events(db).map(\.kind)
        #expect(!kinds.contains("note"), "a letter opened a note")
    }

    /// Flow control is off while the full screen runs, so Ctrl-S cannot freeze the terminal (no
    /// command uses Ctrl-S or Ctrl-Q anyway), and Ctrl-H is Backspace, never a command.
    @Test(.enabled(if: ScreenInterviewTests.tmuxInstalled))
    func ctrlSCannotFreezeTheScreenAndCtrlHIsBackspace() throws {
        let (directory, instrument, db) = try study()
        defer { try? FileManager.default.removeItem(at: directory) }
        let terminal = try interview(instrument, db, (80, 24))
        try terminal.wait(for: "Statement 1 of 1")
        let stty = Process()
        stty.executableURL = URL(fileURLWithPath: "/bin/stty")
        stty.arguments = ["-a", "-F", try terminal.tty()]
        let output = Pipe()
        stty.standardOutput = output
        try stty.run()
        let settings = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        stty.waitUntilExit()
        #expect(settings.contains("-ixon") && settings.contains("-icanon"), "\(settings)")
        try terminal.send("C-s")
        try terminal.send("y")
        try terminal.wait(for: "What did you want to talk about?")
        try terminal.send("1")
        try terminal.send("Enter")
        try terminal.wait(for: "Did you feel listened to?")
        try terminal.send("2")
        try terminal.send("Enter")
        try terminal.wait(for: "What made it feel that way?")
        try terminal.type("Rushedd")
        try terminal.send("C-h")
        try terminal.send("C-q")
        try terminal.send("Enter")
        try terminal.wait(for: "how are you feeling?")
        try terminal.send("C-c")
        try terminal.wait(for: "EXITED 0")
        #expect(try answers(db)["why"] == .value(.text("Rushed")))
    }

    /// Line mode: a text answer that is a command word ("pause", "n", "back") is kept as the
    /// answer; the `/` form is the command.
    @Test func lineModeKeepsCommandWordsThatAreAnswers() throws {
        let (directory, instrument, db) = try study()
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = ["yes", "1", "3", "pause", "5", "n", "back", "/refuse"].joined(separator: "\n") + "\n"
        let result = try Runner.run(
            ["interview", instrument, "--db", db, "--interviewer", "PR01", "--plain"], input: script)
        #expect(result.status == 0, "\(result.stderr)")
        let saved = try answers(db)
        #expect(saved["why"] == .value(.text("pause")))
        // "n" was kept as the answer; "back" on the grid (a choice) went back to it, and "/refuse"
        // is the command on a text question.
        #expect(result.stdout.contains("Answer so far: n (press Enter to keep it)"), "\(result.stdout)")
        #expect(saved["more"] == .missing(.refused))
        #expect(!result.stdout.contains("-- Paused --"), "a typed word opened the pause:\n\(result.stdout)")
        #expect(try events(db).allSatisfy { $0.kind != "note" })
    }

    // MARK: - 2. Enter keeps the answer so far

    /// After Prefer not to say and going back, the screen said "Enter keeps it" and Enter answered
    /// "Choose an answer" (single and multiple choice alike).
    @Test(.enabled(if: ScreenInterviewTests.tmuxInstalled), arguments: sizes)
    func enterKeepsAMissingAnswerSoFar(_ size: (Int, Int)) throws {
        let (directory, instrument, db) = try study()
        defer { try? FileManager.default.removeItem(at: directory) }
        let terminal = try interview(instrument, db, size)
        try begin(terminal)
        try command(terminal, "r")
        try terminal.wait(for: "Did you feel listened to?")
        try command(terminal, "r")
        try terminal.wait(for: "What made it feel that way?")
        // Back from a text question: an older build took `b`; here `b` is typed, the first
        // Ctrl-B says it is not saved, the second goes back without it.
        try terminal.send("b")
        try terminal.send("C-b")
        try terminal.send("C-b")
        let back = try terminal.wait(for: "Did you feel listened to?")
        #expect(words(back).contains("Answer so far: Prefer not to say. Enter keeps it."))
        try command(terminal, "b")
        try terminal.wait(for: "What did you want to talk about?")
        try terminal.send("Enter")
        let next = try terminal.wait(for: "Did you feel listened to?")
        #expect(!next.contains("Choose"), "Enter did not keep the answer:\n\(next)")
        try terminal.send("Enter")
        try terminal.wait(for: "What made it feel that way?")
        try terminal.send("C-c")
        try terminal.wait(for: "EXITED 0")
        let saved = try answers(db)
        #expect(saved["reason"] == .missing(.refused) && saved["listened"] == .missing(.refused))
    }

    // MARK: - 3. A safeguard is a crisis screen and survives a suspension

    @Test(.enabled(if: ScreenInterviewTests.tmuxInstalled), arguments: sizes)
    func aSafeguardIsShownAgainAfterResumeUntilAcknowledged(_ size: (Int, Int)) throws {
        let (directory, instrument, db) = try study()
        defer { try? FileManager.default.removeItem(at: directory) }
        let terminal = try interview(instrument, db, size)
        try begin(terminal)
        for (key, next) in [("1", "Did you feel listened to?"), ("3", "What made it feel that way?")] {
            try terminal.send(key)
            try terminal.send("Enter")
            try terminal.wait(for: next)
        }
        // An empty answer, with keys an older build takes too (it needed Enter to start typing;
        // here the second Enter only says the number question needs a number).
        try terminal.send("Enter")
        try terminal.send("Enter")
        try terminal.wait(for: "how are you feeling?")
        try terminal.type("1")
        try terminal.send("Enter")
        let crisis = try terminal.wait(for: "Safeguard")
        let text = words(crisis)
        #expect(text.contains("1. Pause before the next question."), "the script is not in numbered steps:\n\(crisis)")
        #expect(text.contains("2. Say: \"Thank you for telling me. It sounds like today is really hard.\""))
        #expect(!crisis.contains("low_mood"), "an internal id is on the screen")
        #expect(crisis.contains("Ctrl-P pause") && crisis.contains("Ctrl-E stop"))
        #expect(
            crisis.split(separator: "\n").contains { $0.contains("116 123") },
            "the helpline is split or missing:\n\(crisis)")
        // The pause works here too, and comes back to the safeguard.
        try command(terminal, "p")
        try terminal.wait(for: "The interview is paused")
        try terminal.send("Enter")
        try terminal.wait(for: "Safeguard")
        try terminal.send("C-c")
        try terminal.wait(for: "EXITED 0")
        let code = try self.code(db)
        var log = try events(db)
        #expect(
            log.contains { $0.kind == "safeguard_fired" && $0.reason == "low_mood" },
            "the safeguard's firing is not logged")
        #expect(!log.contains { $0.kind == "safeguard_shown" })

        let resumed = try Tmux("'\(Runner.binary.path)' resume --db '\(db)' \(code)", width: size.0, height: size.1)
        let welcome = try resumed.wait(for: "Welcome back")
        #expect(welcome.contains("Participant code: \(code)"))
        #expect(words(welcome).contains("A safeguard was on the screen when the interview stopped"))
        try resumed.send("Enter")
        try resumed.wait(for: "Safeguard")
        try resumed.send("Enter")  // Enter does not acknowledge it
        try resumed.send("PPage")
        try resumed.send("NPage")
        try resumed.send("NPage")
        try resumed.send("a")
        try resumed.wait(for: "anything else you would like to tell us?")
        try resumed.send("C-c")
        try resumed.wait(for: "EXITED 0")
        log = try events(db)
        #expect(log.contains { $0.kind == "safeguard_shown" && $0.reason == "low_mood" })
        #expect(log.filter { $0.kind == "safeguard_fired" }.count == 1, "it fired a second time after resuming")
    }

    /// Line mode: the safeguard's steps, the support text, and after the end of input it is
    /// shown again on `resume` until `ok`.
    @Test func lineModeShowsAWaitingSafeguardAgain() throws {
        let (directory, instrument, db) = try study()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try Runner.run(
            ["interview", instrument, "--db", db, "--interviewer", "PR01", "--plain"], input: "yes\n1\n3\n\n1\n")
        #expect(first.stdout.contains("1. Pause before the next question."), "\(first.stdout)")
        #expect(first.stdout.contains("116 123"))
        let code = try #require(first.stdout.components(separatedBy: "resume --db \(db) ").last?.prefix(9))
        let second = try Runner.run(["resume", "--db", db, String(code), "--plain"], input: "ok\n")
        #expect(second.stdout.contains("Welcome back") && second.stdout.contains("Participant code: \(code)"))
        #expect(
            second.stdout.contains("1. Pause before the next question."),
            "the waiting safeguard was not shown again:\n\(second.stdout)")
        #expect(try events(db).contains { $0.kind == "safeguard_shown" && $0.reason == "low_mood" })
    }

    // MARK: - 4. Resuming is exact

    /// A question routed past before a suspension (the "please say" after an option not
    /// chosen) counted after `resume`, so progress jumped ("11 of about 23" became "14 of about
    /// 26"); and the participant code was shown nowhere after resuming.
    @Test(.enabled(if: ScreenInterviewTests.tmuxInstalled), arguments: sizes)
    func resumeKeepsProgressAndShowsTheCode(_ size: (Int, Int)) throws {
        let (directory, instrument, db) = try study()
        defer { try? FileManager.default.removeItem(at: directory) }
        let terminal = try interview(instrument, db, size)
        try begin(terminal)
        for (key, next) in [("1", "Did you feel listened to?"), ("2", "What made it feel that way?")] {
            try terminal.send(key)
            try terminal.send("Enter")
            try terminal.wait(for: next)
        }
        let before = try terminal.wait(for: "What made it feel that way?")
        let status = try #require(
            before.split(separator: "\n").first { $0.hasPrefix("Question ") }.map {
                String($0.prefix { $0 != "[" }).trimmingCharacters(in: .whitespaces)
            })
        try terminal.send("C-c")
        try terminal.wait(for: "EXITED 0")
        let code = try self.code(db)

        let resumed = try Tmux("'\(Runner.binary.path)' resume --db '\(db)' \(code)", width: size.0, height: size.1)
        var first = try resumed.screen()
        let deadline = Date().addingTimeInterval(30)
        while !first.contains("Welcome back"), !first.contains("What made it feel that way?"), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            first = try resumed.screen()
        }
        let welcomed = first.contains("Welcome back")
        if welcomed {
            #expect(first.contains("Participant code: \(code)"))
            #expect(words(first).contains("2 answers saved"), "\(first)")
            #expect(words(first).contains(status.replacingOccurrences(of: "Question", with: "question")), "\(first)")
            try resumed.send("Enter")
        }
        let again = try resumed.wait(for: "What made it feel that way?")
        #expect(again.contains(status), "progress changed across the suspension: was \"\(status)\", now:\n\(again)")
        #expect(welcomed, "no welcome-back screen with the participant code")
        try resumed.send("C-c")
        try resumed.wait(for: "EXITED 0")
    }

    /// Line mode: the same progress before and after a suspension, and the participant code.
    @Test func lineModeResumeKeepsProgressAndShowsTheCode() throws {
        let (directory, instrument, db) = try study()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try Runner.run(
            ["interview", instrument, "--db", db, "--interviewer", "PR01", "--plain"], input: "yes\n1\n2\n")
        let before = try #require(first.stdout.components(separatedBy: "\n").last { $0.hasPrefix("Question ") })
        let code = try self.code(db)
        let second = try Runner.run(["resume", "--db", db, code, "--plain"], input: "")
        #expect(
            second.stdout.contains("Welcome back") && second.stdout.contains("Participant code: \(code)"),
            "\(second.stdout)")
        #expect(
            second.stdout.contains(before + "\nWhat made it feel that way?"),
            "progress changed: was \(before)\n\(second.stdout)")
    }
}
