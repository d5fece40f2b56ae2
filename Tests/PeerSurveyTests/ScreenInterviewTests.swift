import Foundation
import GRDB
import Store
import Testing

/// The full-screen interviewer in a real terminal (tmux): keys sent as a person types them,
/// screens captured as they would see them, then the study database checked.
@Suite(.serialized)
struct ScreenInterviewTests {
    static let tmuxInstalled = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].contains {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    private func interview(_ db: String, environment: [String: String] = [:], width: Int = 80, height: Int = 24) throws -> Tmux {
        try Tmux(
            "'\(Runner.binary.path)' interview '\(Runner.instrument("warmline-follow-up"))' --db '\(db)' --interviewer PR01",
            width: width, height: height, environment: environment)
    }

    /// Consent, the opening note and today's date, leaving the screen at the call date.
    private func begin(_ terminal: Tmux) throws {
        try terminal.wait(for: "Statement 1 of 3")
        try terminal.send("y")
        try terminal.wait(for: "Statement 2 of 3")
        try terminal.send("y")
        try terminal.wait(for: "Statement 3 of 3")
        try terminal.send("y")
        try terminal.wait(for: "First, I would like to ask")
        try terminal.send("Enter")
        try terminal.wait(for: "Today's date.")
        try terminal.send("Enter")
        try terminal.wait(for: "On what date did you call")
    }

    private func answers(_ db: String) throws -> (InterviewSummary, [String: StoredAnswer]) {
        let database = try StudyDatabase.open(at: db, readOnly: true)
        return (try #require(try database.interviews().first), try #require(try database.allAnswersInOrder().first))
    }

    private func events(_ db: String) throws -> [String] {
        try DatabaseQueue(path: db).read { try String.fetchAll($0, sql: "SELECT kind FROM event ORDER BY id") }
    }

    @Test(.enabled(if: tmuxInstalled))
    func digitsArrowsBackAndRefusalThenCtrlCAndResume() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("study.sqlite").path
        let terminal = try interview(db)
        try begin(terminal)
        try terminal.type("01/11/2026")
        try terminal.send("Enter")
        try terminal.wait(for: "In the last 3 months")
        try terminal.type("3")
        try terminal.send("Enter")
        try terminal.wait(for: "in the last 7 days")
        try terminal.type("1")
        try terminal.send("Enter")
        try terminal.wait(for: "how long did that call last")
        try terminal.type("20")
        try terminal.send("Enter")

        // A multiple choice by digits: two options switched on.
        try terminal.wait(for: "What did you want to talk about")
        try terminal.send("1")
        try terminal.send("3")
        let chosen = try terminal.wait(for: "[x] Family or relationships")
        #expect(chosen.contains("[x] Feeling lonely") && chosen.contains("[ ] Physical health"))
        #expect(chosen.contains("Question 6 of about"))
        try terminal.send("Enter")

        // A single choice by arrows.
        try terminal.wait(for: "did you feel listened to")
        try terminal.send("Down")
        try terminal.send("Down")
        let moved = try terminal.wait(for: "(•) Mostly")
        #expect(moved.contains("› 3. (•) Mostly") && moved.contains("( ) A little"))
        try terminal.send("Enter")

        // Prefer not to say, then back, and change it.
        try terminal.wait(for: "How helpful was the call")
        try terminal.send("C-r")
        try terminal.wait(for: "After the call, did you feel")
        try terminal.send("C-b")
        let back = try terminal.wait(for: "Answer so far: Prefer not to say")
        #expect(back.contains("How helpful was the call"))
        try terminal.send("4")
        try terminal.send("Enter")
        try terminal.wait(for: "After the call, did you feel")
        try terminal.send("4")
        try terminal.send("Enter")
        try terminal.wait(for: "Would you call the warmline again")

        // Ctrl-C: suspended, the terminal given back, and how to resume said.
        try terminal.send("C-c")
        let after = try terminal.wait(for: "EXITED 0")
        #expect(after.contains("is suspended; every answer given is saved"))
        #expect(after.contains(" icanon") && after.contains(" echo"), "the terminal was not restored:\n\(after)")
        let (summary, saved) = try answers(db)
        #expect(summary.status == .suspended)
        #expect(saved["call_date"] == .value(.text("2026-11-01")))
        #expect(saved["calls_3m"] == .value(.integer(3)))
        #expect(saved["reason_called"] == .value(.text("1 3")))
        #expect(saved["felt_listened"] == .value(.integer(3)))
        #expect(saved["call_helpful"] == .value(.integer(4)))
        #expect(saved["feel_after"] == .value(.integer(4)))
        #expect(saved["why_worse"] == nil || saved["why_worse"] == .missing(.notApplicable))
        #expect(try events(db).contains("changed"), "the change after going back is in the event log")

        // Resume: the next unanswered question, in a new terminal.
        let code = summary.code
        let resumed = try Tmux("'\(Runner.binary.path)' resume --db '\(db)' \(code)")
        let welcome = try resumed.wait(for: "Welcome back")
        #expect(welcome.contains("Participant code: \(code)"))
        try resumed.send("Enter")
        try resumed.wait(for: "Would you call the warmline again")
        try resumed.send("1")
        try resumed.send("Enter")
        try resumed.wait(for: "Since the call, have you used")
        try resumed.send("C-c")
        try resumed.wait(for: "EXITED 0")
        #expect(try answers(db).1["call_again"] == .value(.integer(1)))
    }

    @Test(.enabled(if: tmuxInstalled))
    func pauseShowsSupportAndResumes() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("study.sqlite").path
        let terminal = try interview(db)
        try begin(terminal)
        try terminal.send("C-p")
        let paused = try terminal.wait(for: "Samaritans")
        #expect(paused.contains("Paused") && paused.contains("1. Carry on with the interview"))
        #expect(!paused.contains("On what date did you call"), "the question stays hidden while paused")
        try terminal.send("Enter")
        try terminal.wait(for: "On what date did you call")
        try terminal.send("C-c")
        try terminal.wait(for: "EXITED 0")
        let kinds = try events(db)
        #expect(kinds.contains("paused") && kinds.contains("resumed"))
    }

    @Test(.enabled(if: tmuxInstalled))
    func resizingRedrawsToTheNewWidth() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("study.sqlite").path
        let terminal = try interview(db)
        try begin(terminal)
        try terminal.type("01/11/2026")
        try terminal.send("Enter")
        try terminal.wait(for: "In the last 3 months")
        try terminal.resize(width: 44, height: 16)
        // The wording is wrapped again for 44 columns: "have you" starts the second row.
        let narrow = try terminal.wait(for: "have you called the warmline? Please count")
        let rows = narrow.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.allSatisfy { $0.count <= 44 }, "a row is wider than the window:\n\(narrow)")
        #expect(narrow.contains("In the last 3 months, about how many times"))
        #expect(narrow.contains("Ctrl-G keys"), "the keys stay at the bottom")
        try terminal.resize(width: 80, height: 24)
        try terminal.wait(for: "In the last 3 months, about how many times have you called the warmline? Please")
        try terminal.send("C-c")
        try terminal.wait(for: "EXITED 0")
    }

    @Test(.enabled(if: tmuxInstalled))
    func sigtermRestoresTheTerminalAndSuspends() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("study.sqlite").path
        let terminal = try interview(db)
        try begin(terminal)
        let shell = try terminal.shellPID()
        let kill = Process()
        kill.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
        kill.arguments = ["-TERM", "-P", String(shell), "peersurvey"]
        try kill.run()
        kill.waitUntilExit()
        let after = try terminal.wait(for: "EXITED 130")
        #expect(after.contains(" icanon") && after.contains(" echo") && !after.contains("-icanon"))
        #expect(after.contains("is suspended"))
        #expect(try answers(db).0.status == .suspended)
    }

    @Test(.enabled(if: tmuxInstalled))
    func colourOnlyWithoutNoColor() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let coloured = try interview(directory.appendingPathComponent("a.sqlite").path)
        try coloured.wait(for: "Statement 1 of 3")
        #expect(try coloured.screen(escapes: true).contains("\u{1B}[1m"))
        let plain = try interview(directory.appendingPathComponent("b.sqlite").path, environment: ["NO_COLOR": "1"])
        try plain.wait(for: "Statement 1 of 3")
        let screen = try plain.screen(escapes: true)
        #expect(!screen.contains("\u{1B}[3") && !screen.contains("\u{1B}[1m"), "colour with NO_COLOR set")
    }
}
