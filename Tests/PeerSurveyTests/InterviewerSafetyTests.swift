import Foundation
import GRDB
import Store
import Testing

/// The interviewer as a safe instrument (issue 14), through the built binary in a real terminal
/// at 80 x 24 and 60 x 20: a participant's words are never lost or turned into commands, Enter
/// keeps what the screen says it keeps, a safeguard survives a suspension, resuming is exact,
/// the review can be read in full and returns after an amendment, the layout never cuts words,
/// a preview says it saves nothing, permanent keys are made sure of, and a Welsh interview shows
/// the program's words in Welsh.
@Suite(.serialized)
struct InterviewerSafetyTests {
    static let sizes: [(Int, Int)] = [(80, 24), (60, 20)]

    static let yaml = """
        instrument: safety-check
        version: 1
        title: Safety check
        consent:
          text: Thank you for talking with me today. I am from the peer research team. We will not put your name on your answers.
          statements: [I agree to take part.]
        support:
          text: >-
            If you would like to talk to someone now, Samaritans are free on 116 123, any time.
            You can call the Sunrise peer line free on 0800 123 4567.
        sections:
          - id: first
            title: About the call
            intro: These questions are about the call. You can skip any of them.
            questions:
              - id: reason
                type: multiple
                text: What did you want to talk about?
                interviewer: Do not read the list. Choose all that match what they say.
                options:
                  - {code: 1, label: Feeling lonely}
                  - {code: 2, label: "Money, housing, benefits, debt, or trouble with the council or a landlord who will not do repairs"}
                  - {code: 97, label: Something else, specify: What did you want to talk about?}
              - id: listened
                type: single
                text: Did you feel listened to?
                options:
                  - {code: 1, label: Completely}
                  - {code: 2, label: Mostly}
                  - {code: 3, label: A little}
                  - {code: 4, label: Not at all}
              - id: follow
                type: single
                ask_if: listened == 1
                text: Would you like us to pass your thanks to the team?
                options:
                  - {code: 1, label: "Yes"}
                  - {code: 2, label: "No"}
              - id: why
                type: text
                text: What made it feel that way?
                length: [0, 2000]
              - id: mood
                type: integer
                text: Today, from 0 to 10, how are you feeling?
                range: [0, 10]
                warn: {if: mood == 0, message: That is the lowest. Check it with them.}
              - id: more
                type: text
                long: true
                text: Is there anything else you would like to tell us?
                length: [0, 2000]
          - id: feelings
            title: How you have been feeling
            intro: The next questions are a standard questionnaire about mood. The wording is fixed.
            questions:
              - id: grid
                type: grid
                text: Over the last 2 weeks, how often have you been bothered by any of the following problems?
                options:
                  - {code: 0, label: Not at all}
                  - {code: 1, label: Several days}
                  - {code: 2, label: More than half the days}
                  - {code: 3, label: Nearly every day}
                items:
                  - {id: g1, text: Little interest or pleasure in doing things}
                  - {id: g2, text: "Feeling down, depressed, or hopeless"}
                  - {id: g3, text: Thoughts that you would be better off dead or of hurting yourself in some way}
        safeguards:
          - id: low_mood
            when: mood <= 2
            script: >-
              Pause before the next question. Say: "Thank you for telling me. It sounds like today is
              really hard." Ask if they would like to pause, stop or carry on.
        """

    /// A folder with the instrument, and the database path in it.
    private func study() throws -> (directory: URL, instrument: String, db: String) {
        let directory = try Runner.temporaryDirectory()
        let instrument = directory.appendingPathComponent("safety.yaml").path
        try Self.yaml.write(toFile: instrument, atomically: true, encoding: .utf8)
        return (directory, instrument, directory.appendingPathComponent("study.sqlite").path)
    }

    private func interview(_ instrument: String, _ db: String, _ size: (Int, Int), plain: Bool = false) throws -> Tmux {
        try Tmux(
            "'\(Runner.binary.path)' interview '\(instrument)' --db '\(db)' --interviewer PR01\(plain ? " --plain" : "")",
            width: size.0, height: size.1)
    }

    /// Consent, leaving the screen at the first question.
    private func begin(_ terminal: Tmux) throws {
        try terminal.wait(for: "Statement 1 of 1")
        try terminal.send("y")
        try terminal.wait(for: "What did you want to talk about?")
    }

    /// The screen's rows joined into one line of words, so that checks do not depend on where a
    /// row wraps.
    private func words(_ screen: String) -> String {
        screen.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The participant code of the interview in the database.
    private func code(_ db: String) throws -> String {
        try #require(try StudyDatabase.open(at: db, readOnly: true).interviews().first?.code)
    }

    private func answers(_ db: String) throws -> [String: StoredAnswer] {
        try StudyDatabase.open(at: db, readOnly: true).allAnswersInOrder().first ?? [:]
    }

    /// The row of a screen that holds `text`.
    private func row(of text: String, in screen: String) -> String {
        screen.split(separator: "\n").first { $0.contains(text) }.map(String.init) ?? ""
    }

    private func events(_ db: String) throws -> [(kind: String, reason: String?)] {
        try DatabaseQueue(path: db).read { db in
            try Row.fetchAll(db, sql: "SELECT kind, reason FROM event ORDER BY id").map { ($0["kind"], $0["reason"]) }
        }
    }

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
        #expect(saved["why"] == .value(.text(said)), "the participant's words were not kept: \(String(describing: saved["why"]))")
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
        let result = try Runner.run(["interview", instrument, "--db", db, "--interviewer", "PR01", "--plain"], input: script)
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

    /// Sends a command as the old letter key and then as its Ctrl key: on a choice the new
    /// interviewer only says the letter is not an answer, and an older build ignores the Ctrl
    /// key, so the same test runs the same scenario against either (PEERSURVEY_BINARY).
    private func command(_ terminal: Tmux, _ letter: String) throws {
        try terminal.send(letter)
        try terminal.send("C-" + letter)
    }

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
        #expect(crisis.split(separator: "\n").contains { $0.contains("116 123") }, "the helpline is split or missing:\n\(crisis)")
        // The pause works here too, and comes back to the safeguard.
        try command(terminal, "p")
        try terminal.wait(for: "The interview is paused")
        try terminal.send("Enter")
        try terminal.wait(for: "Safeguard")
        try terminal.send("C-c")
        try terminal.wait(for: "EXITED 0")
        let code = try self.code(db)
        var log = try events(db)
        #expect(log.contains { $0.kind == "safeguard_fired" && $0.reason == "low_mood" }, "the safeguard's firing is not logged")
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
        #expect(second.stdout.contains("1. Pause before the next question."), "the waiting safeguard was not shown again:\n\(second.stdout)")
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
            before.split(separator: "\n").first { $0.hasPrefix("Question ") }.map { String($0.prefix { $0 != "[" }).trimmingCharacters(in: .whitespaces) })
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
        let first = try Runner.run(["interview", instrument, "--db", db, "--interviewer", "PR01", "--plain"], input: "yes\n1\n2\n")
        let before = try #require(first.stdout.components(separatedBy: "\n").last { $0.hasPrefix("Question ") })
        let code = try self.code(db)
        let second = try Runner.run(["resume", "--db", db, code, "--plain"], input: "")
        #expect(second.stdout.contains("Welcome back") && second.stdout.contains("Participant code: \(code)"), "\(second.stdout)")
        #expect(second.stdout.contains(before + "\nWhat made it feel that way?"), "progress changed: was \(before)\n\(second.stdout)")
    }

    // MARK: - 5. The member check

    /// Answers up to the review with keys an older build takes too (empty text answers by
    /// Enter Enter), a long option label and a grid.
    private func toReview(_ terminal: Tmux) throws {
        try begin(terminal)
        for (key, next) in [("2", "Did you feel listened to?"), ("1", "pass your thanks"), ("1", "What made it feel that way?")] {
            try terminal.send(key)
            try terminal.send("Enter")
            try terminal.wait(for: next)
        }
        try terminal.send("Enter")
        try terminal.send("Enter")
        try terminal.wait(for: "how are you feeling?")
        try terminal.type("5")
        try terminal.send("Enter")
        try terminal.wait(for: "anything else you would like to tell us?")
        try terminal.send("Enter")
        try terminal.send("Enter")
        try terminal.wait(for: "Little interest or pleasure")
        for (key, next) in [("1", "Feeling down"), ("2", "Thoughts that you would be better off"), ("1", "Read the answers back")] {
            try terminal.send(key)
            try terminal.send("Enter")
            try terminal.wait(for: next)
        }
    }

    /// Everything on the review, read down to its end.
    private func readReview(_ terminal: Tmux, downs: Int = 30) throws -> String {
        var seen = try terminal.screen()
        for _ in 0..<downs {
            try terminal.send("Down")
            Thread.sleep(forTimeInterval: 0.05)
            seen += "\n" + (try terminal.screen())
        }
        return seen
    }

    /// The review cut every line at the edge (no grid answer was visible even at 120 columns),
    /// and one amendment forced a walk through every later question.
    @Test(.enabled(if: ScreenInterviewTests.tmuxInstalled), arguments: sizes)
    func theReviewShowsEveryAnswerInFullAndReturnsAfterAnAmendment(_ size: (Int, Int)) throws {
        let (directory, instrument, db) = try study()
        defer { try? FileManager.default.removeItem(at: directory) }
        let terminal = try interview(instrument, db, size)
        try toReview(terminal)
        let seen = try readReview(terminal)
        let read = words(seen)
        for shown in [
            "a landlord who will not do repairs", "Over the last 2 weeks, how often have you been bothered",
            "Little interest or pleasure in doing things → Not at all", "Feeling down, depressed, or hopeless → Several days",
            "Thoughts that you would be better off dead or of hurting yourself in some way → Not at all",
        ] {
            let found = read.contains(shown)
            #expect(found, "the review never showed \"\(shown)\"")
        }
        let cut = seen.contains("…")
        #expect(!cut, "something was cut at the review")

        // Jump to answer 2 by its number; changing it routes `follow` away and comes straight back.
        try terminal.type("2")
        try terminal.send("Enter")
        try terminal.wait(for: "Changing an answer at the review")
        try terminal.send("2")
        try terminal.send("Enter")
        try terminal.wait(for: "Read the answers back")
        // Back to Completely: `follow` opens, is asked, and the review comes back.
        try terminal.type("2")
        try terminal.send("Enter")
        try terminal.wait(for: "Changing an answer at the review")
        try terminal.send("1")
        try terminal.send("Enter")
        let opened = try terminal.wait(for: "pass your thanks")
        #expect(opened.contains("A question the change has opened"))
        try terminal.send("2")
        try terminal.send("Enter")
        // Straight back to the review: the later questions are not asked again.
        try terminal.wait(for: "Read the answers back")
        try terminal.send("C-f")
        try terminal.wait(for: "Finish the interview?")
        try terminal.send("y")
        try terminal.wait(for: "EXITED 0")
        let saved = try answers(db)
        #expect(saved["listened"] == .value(.integer(1)) && saved["follow"] == .value(.integer(2)))
        #expect(try StudyDatabase.open(at: db, readOnly: true).interviews().first?.status == .completed)
        let reasons = try events(db).filter { $0.kind == "changed" }.compactMap(\.reason)
        #expect(reasons.contains("member_check"))
    }

    /// A long text answer could not be read in full anywhere; at the review the arrows now read
    /// on through it.
    @Test(.enabled(if: ScreenInterviewTests.tmuxInstalled), arguments: sizes)
    func aLongAnswerCanBeReadInFullAtTheReview(_ size: (Int, Int)) throws {
        let (directory, instrument, _) = try study()
        defer { try? FileManager.default.removeItem(at: directory) }
        let terminal = try Tmux("'\(Runner.binary.path)' preview '\(instrument)'", width: size.0, height: size.1)
        try begin(terminal)
        try terminal.send("1")
        try terminal.send("Enter")
        try terminal.wait(for: "Did you feel listened to?")
        try terminal.send("2")
        try terminal.send("Enter")
        try terminal.wait(for: "What made it feel that way?")
        let long = (1...160).map { "w\($0)" }.joined(separator: " ")
        try terminal.type(long)
        try terminal.send("Enter")
        try terminal.wait(for: "how are you feeling?")
        try terminal.type("5")
        try terminal.send("Enter")
        try terminal.wait(for: "anything else you would like to tell us?")
        try terminal.send("Enter")
        for (key, next) in [("1", "Feeling down"), ("1", "Thoughts that you would be better off"), ("1", "Read the answers back")] {
            try terminal.wait(for: "PREVIEW")
            try terminal.send(key)
            try terminal.send("Enter")
            try terminal.wait(for: next)
        }
        let tokens = Set(try readReview(terminal, downs: 40).split(whereSeparator: \.isWhitespace).map(String.init))
        let missing = (1...160).map { "w\($0)" }.filter { !tokens.contains($0) }
        #expect(missing.isEmpty, "words of the long answer never shown: \(missing.prefix(10))")
    }

    /// Line mode: a change that opens a question asks it, then shows the review again (it used
    /// to walk on through every later question).
    @Test func lineModeReturnsToTheReviewAfterAnOpenedQuestion() throws {
        let (directory, instrument, db) = try study()
        defer { try? FileManager.default.removeItem(at: directory) }
        let answers = ["yes", "1", "2", "fine", "5", "", "1", "2", "1"]
        let review = ["2", "1", "1", "done"]
        let result = try Runner.run(
            ["interview", instrument, "--db", db, "--interviewer", "PR01", "--plain"],
            input: (answers + review).joined(separator: "\n") + "\n")
        #expect(result.stdout.contains("is complete"), "\(result.stdout)")
        let afterChange = result.stdout.components(separatedBy: "== Review ==").dropFirst(2).first ?? ""
        #expect(result.stdout.components(separatedBy: "== Review ==").count == 3, "the review was not shown again:\n\(result.stdout)")
        #expect(!afterChange.contains("Little interest or pleasure in doing things\n"))
        let saved = try self.answers(db)
        #expect(saved["follow"] == .value(.integer(1)))
    }

    // MARK: - 6. Words and layout

    @Test(.enabled(if: ScreenInterviewTests.tmuxInstalled), arguments: sizes)
    func introsLongAnswersAndOptionsAreShownWhole(_ size: (Int, Int)) throws {
        let (directory, instrument, db) = try study()
        defer { try? FileManager.default.removeItem(at: directory) }
        let terminal = try interview(instrument, db, size)
        try terminal.wait(for: "Statement 1 of 1")
        try terminal.send("y")
        let first = try terminal.wait(for: "What did you want to talk about?")
        let text = words(first)
        #expect(text.contains("These questions are about the call. You can skip any of them."), "no section intro:\n\(first)")
        #expect(text.contains("a landlord who will not do repairs"), "an option was cut:\n\(first)")
        #expect(!first.contains("…"))
        // The "please say" follow-up has its own instruction, not the list's.
        try terminal.send("3")
        try terminal.send("Enter")
        let specify = try terminal.wait(for: "Type what they say, in their own words.")
        #expect(!specify.contains("Do not read the list"))
        // Typed words are not lost silently by going back.
        try terminal.type("A community garden")
        try terminal.send("C-b")
        let kept = try terminal.wait(for: "not saved")
        #expect(kept.contains("A community garden"))
        try terminal.send("Enter")
        try terminal.wait(for: "Did you feel listened to?")
        try terminal.send("2")
        try terminal.send("Enter")
        try terminal.wait(for: "What made it feel that way?")
        try terminal.send("Enter")
        try terminal.wait(for: "how are you feeling?")
        try terminal.type("5")
        try terminal.send("Enter")
        try terminal.wait(for: "anything else you would like to tell us?")
        // A long answer is a box of several rows that wraps: its start and its end are in view.
        let long = "It started well and the volunteer was kind, but then the line went quiet for a while and I was not sure anyone was still there, so in the end I hung up the phone"
        try terminal.type(long)
        let box = try terminal.wait(for: "the phone")
        #expect(box.contains("It started well"), "the start of the long answer is out of view:\n\(box)")
        #expect(box.split(separator: "\n").filter { $0.hasPrefix("│ ") }.count >= 3)
        // The support numbers stay whole on the pause screen.
        try terminal.send("C-p")
        let paused = try terminal.wait(for: "The interview is paused")
        let rows = paused.split(separator: "\n")
        #expect(rows.contains { $0.contains("116 123") } && rows.contains { $0.contains("0800 123 4567") }, "a helpline was split:\n\(paused)")
        try terminal.send("Enter")
        try terminal.send("C-c")
        try terminal.wait(for: "EXITED 0")
        #expect(try answers(db)["reason_97_text"] == .value(.text("A community garden")))
    }

    /// Line mode on a terminal wraps at word boundaries ("research te / am" before).
    @Test(.enabled(if: ScreenInterviewTests.tmuxInstalled))
    func lineModeOnATerminalDoesNotBreakWords() throws {
        let (directory, instrument, db) = try study()
        defer { try? FileManager.default.removeItem(at: directory) }
        let terminal = try interview(instrument, db, (60, 20), plain: true)
        let screen = try terminal.wait(for: "Does the participant agree?")
        let shown = Set(screen.split(whereSeparator: \.isWhitespace).map(String.init))
        for word in "Thank you for talking with me today. I am from the peer research team. We will not put your name on your answers.".split(separator: " ") {
            #expect(shown.contains(String(word)), "\"\(word)\" was broken at the edge:\n\(screen)")
        }
        try terminal.send("C-c")
        try terminal.wait(for: "EXITED")
    }

    // MARK: - 7. Preview, confirmations, checks and warnings

    @Test(.enabled(if: ScreenInterviewTests.tmuxInstalled), arguments: sizes)
    func aPreviewSaysSoAndPermanentKeysAreMadeSureOf(_ size: (Int, Int)) throws {
        let (directory, instrument, _) = try study()
        defer { try? FileManager.default.removeItem(at: directory) }
        let terminal = try Tmux("'\(Runner.binary.path)' preview '\(instrument)'", width: size.0, height: size.1)
        let consent = try terminal.wait(for: "Statement 1 of 1")
        #expect(consent.contains("PREVIEW: nothing is saved"))
        // `n` does not end the interview at once; Enter on the question that follows goes back.
        try terminal.send("n")
        try terminal.wait(for: "End the interview?")
        try terminal.send("Enter")
        try terminal.wait(for: "Statement 1 of 1")
        try terminal.send("y")
        let question = try terminal.wait(for: "What did you want to talk about?")
        #expect(question.contains("PREVIEW: nothing is saved"))
        try terminal.send("C-p")
        let paused = try terminal.wait(for: "The interview is paused")
        #expect(words(paused).contains("This is a preview: nothing is saved."))
        #expect(!paused.contains("Everything answered so far is saved"))
        try terminal.send("Enter")
        for (key, next) in [("1", "Did you feel listened to?"), ("2", "What made it feel that way?")] {
            try terminal.wait(for: "PREVIEW")
            try terminal.send(key)
            try terminal.send("Enter")
            try terminal.wait(for: next)
        }
        try terminal.send("Enter")
        try terminal.wait(for: "how are you feeling?")
        // A hard check and a soft warning read differently, in words and in colour.
        try terminal.type("11")
        try terminal.send("Enter")
        let refused = try terminal.wait(for: "Not accepted: Please give a number from 0 to 10.")
        #expect(!refused.contains("Please confirm"))
        #expect(try row(of: "Not accepted", in: terminal.screen(escapes: true)).contains("31m"), "a hard check is not red")
        try terminal.send("BSpace")
        try terminal.send("BSpace")
        try terminal.type("0")
        try terminal.send("Enter")
        try terminal.wait(for: "Please confirm: That is the lowest.")
        #expect(try row(of: "Please confirm", in: terminal.screen(escapes: true)).contains("33m"), "a warning is not yellow")
        try terminal.send("BSpace")
        try terminal.type("5")
        try terminal.send("Enter")
        try terminal.wait(for: "anything else you would like to tell us?")
        try terminal.send("Enter")
        for (key, next) in [("1", "Feeling down"), ("1", "Thoughts that you would be better off"), ("1", "Read the answers back")] {
            try terminal.wait(for: "PREVIEW")
            try terminal.send(key)
            try terminal.send("Enter")
            try terminal.wait(for: next)
        }
        // Finishing is made sure of: Enter does not finish, n goes back, y finishes.
        try terminal.send("C-f")
        try terminal.wait(for: "Finish the interview?")
        try terminal.send("Enter")
        try terminal.send("n")
        try terminal.wait(for: "Read the answers back")
        try terminal.send("C-f")
        try terminal.wait(for: "Finish the interview?")
        try terminal.send("y")
        try terminal.wait(for: "Preview finished; nothing was saved.")
    }

    /// Line mode: a preview says it saves nothing, and the pause says so too.
    @Test func lineModePreviewSaysNothingIsSaved() throws {
        let (directory, instrument, _) = try study()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Runner.run(["preview", instrument, "--plain"], input: "yes\n/pause\n1\n")
        #expect(result.stdout.hasPrefix("PREVIEW: nothing is saved"), "\(result.stdout)")
        #expect(result.stdout.contains("This is a preview: nothing is saved."))
        #expect(!result.stdout.contains("Everything answered so far is saved"))
    }

    // MARK: - 8. Welsh

    @Test(.enabled(if: ScreenInterviewTests.tmuxInstalled), arguments: sizes)
    func aWelshInterviewShowsTheProgramsWordsInWelsh(_ size: (Int, Int)) throws {
        let terminal = try Tmux(
            "'\(Runner.binary.path)' preview '\(Runner.instrument("peer-support-experience"))' --language cy", width: size.0, height: size.1)
        let consent = try terminal.wait(for: "Datganiad 1 o 3")
        #expect(consent.contains("Mae'r cyfranogwr yn cytuno") && consent.contains("RHAGOLWG"))
        for _ in 0..<3 {
            try terminal.send("y")
            Thread.sleep(forTimeInterval: 0.2)
        }
        try terminal.wait(for: "Darllenwch hwn yn uchel")
        try terminal.send("Enter")
        let question = try terminal.wait(for: "Cwestiwn 1 o tua")
        let text = words(question)
        #expect(text.contains("Ctrl-B yn ôl") && text.contains("Ctrl-R gwell peidio â dweud") && text.contains("Ctrl-P oedi"))
        for english in ["Question", "confirm", " back", "prefer not to say", "don't know", "pause", "choose"] {
            #expect(!text.contains(english), "English program words in a Welsh interview: \"\(english)\"\n\(question)")
        }
        try terminal.send("C-p")
        let paused = try terminal.wait(for: "Wedi oedi")
        #expect(words(paused).contains("Parhau â'r cyfweliad"))
        try terminal.send("Enter")
        try terminal.send("C-c")
        try terminal.wait(for: "EXITED")
    }

    @Test func lineModeInWelsh() throws {
        let result = try Runner.run(
            ["preview", Runner.instrument("peer-support-experience"), "--language", "cy", "--plain"], input: "ie\nie\nie\n\n")
        #expect(result.stdout.contains("Ydy'r cyfranogwr yn cytuno? (ie neu na)"), "\(result.stdout)")
        #expect(result.stdout.contains("Cwestiwn 1 o tua"))
        #expect(result.stdout.contains("Neu teipiwch: /refuse, /dontknow"))
        #expect(!result.stdout.contains("Question 1 of"))
    }
}
