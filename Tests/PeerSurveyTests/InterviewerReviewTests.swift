import Foundation
import GRDB
import Store
import Testing

/// The interviewer as a safe instrument (issue 14, items 5 to 8), through the built binary at
/// 80 x 24 and 60 x 20 and in line mode: the review can be read in full and returns after an
/// amendment, the layout never cuts words, a preview says it saves nothing, permanent keys are
/// made sure of, checks and warnings read differently, and a Welsh interview shows the
/// program's words in Welsh.
@Suite(.serialized)
struct InterviewerReviewTests: InterviewerStudy {
    static let sizes: [(Int, Int)] = [(80, 24), (60, 20)]

    // MARK: - 5. The member check

    /// Answers up to the review with keys an older build takes too (empty text answers by
    /// Enter Enter), a long option label and a grid.
    private func toReview(_ terminal: Tmux) throws {
        try begin(terminal)
        for (key, next) in [
            ("2", "Did you feel listened to?"), ("1", "pass your thanks"), ("1", "What made it feel that way?"),
        ] {
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
        for (key, next) in [
            ("1", "Feeling down"), ("2", "Thoughts that you would be better off"), ("1", "Read the answers back"),
        ] {
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
            "Little interest or pleasure in doing things → Not at all",
            "Feeling down, depressed, or hopeless → Several days",
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
        for (key, next) in [
            ("1", "Feeling down"), ("1", "Thoughts that you would be better off"), ("1", "Read the answers back"),
        ] {
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
        #expect(
            result.stdout.components(separatedBy: "== Review ==").count == 3,
            "the review was not shown again:\n\(result.stdout)")
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
        #expect(
            text.contains("These questions are about the call. You can skip any of them."),
            "no section intro:\n\(first)")
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
        let long =
            "It started well and the volunteer was kind, but then the line went quiet for a while and I was not sure anyone was still there, so in the end I hung up the phone"
        try terminal.type(long)
        let box = try terminal.wait(for: "the phone")
        #expect(box.contains("It started well"), "the start of the long answer is out of view:\n\(box)")
        #expect(box.split(separator: "\n").filter { $0.hasPrefix("│ ") }.count >= 3)
        // The support numbers stay whole on the pause screen.
        try terminal.send("C-p")
        let paused = try terminal.wait(for: "The interview is paused")
        let rows = paused.split(separator: "\n")
        #expect(
            rows.contains { $0.contains("116 123") } && rows.contains { $0.contains("0800 123 4567") },
            "a helpline was split:\n\(paused)")
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
        for word
            in "Thank you for talking with me today. I am from the peer research team. We will not put your name on your answers."
            .split(separator: " ")
        {
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
        #expect(
            try row(of: "Not accepted", in: terminal.screen(escapes: true)).contains("31m"), "a hard check is not red")
        try terminal.send("BSpace")
        try terminal.send("BSpace")
        try terminal.type("0")
        try terminal.send("Enter")
        try terminal.wait(for: "Please confirm: That is the lowest.")
        #expect(
            try row(of: "Please confirm", in: terminal.screen(escapes: true)).contains("33m"), "a warning is not yellow"
        )
        try terminal.send("BSpace")
        try terminal.type("5")
        try terminal.send("Enter")
        try terminal.wait(for: "anything else you would like to tell us?")
        try terminal.send("Enter")
        for (key, next) in [
            ("1", "Feeling down"), ("1", "Thoughts that you would be better off"), ("1", "Read the answers back"),
        ] {
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
            "'\(Runner.binary.path)' preview '\(Runner.instrument("peer-support-experience"))' --language cy",
            width: size.0, height: size.1)
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
        #expect(
            text.contains("Ctrl-B yn ôl") && text.contains("Ctrl-R gwell peidio â dweud")
                && text.contains("Ctrl-P oedi"))
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
            ["preview", Runner.instrument("peer-support-experience"), "--language", "cy", "--plain"],
            input: "ie\nie\nie\n\n")
        #expect(result.stdout.contains("Ydy'r cyfranogwr yn cytuno? (ie neu na)"), "\(result.stdout)")
        #expect(result.stdout.contains("Cwestiwn 1 o tua"))
        #expect(result.stdout.contains("Neu teipiwch: /refuse, /dontknow"))
        #expect(!result.stdout.contains("Question 1 of"))
    }
}
