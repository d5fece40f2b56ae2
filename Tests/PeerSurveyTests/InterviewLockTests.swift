import Foundation
import GRDB
import Testing

/// One interview, one window: the interview lock and the interviews it shows as interrupted.
struct InterviewLockTests {
    /// Starts a line-mode interview of the crash instrument and answers `feel` and q1...qN.
    private func startWindow(_ instrument: String, directory: URL, answers: Int) throws -> (LiveProcess, String) {
        let window = try LiveProcess(
            ["interview", instrument, "--db", "study.sqlite", "--interviewer", "PR01"], directory: directory)
        #expect(window.wait(for: "How do you feel today?"))
        window.send("fine")
        for index in 1...answers {
            #expect(window.wait(for: "Value number \(index)?"))
            window.send(String(index * 10))
        }
        #expect(window.wait(for: "Value number \(answers + 1)?"))
        let code = try #require(window.text.components(separatedBy: "Participant code: ").dropFirst().first?.prefix(9))
        return (window, String(code))
    }

    /// Issue 13, item 3: two windows could run the same interview, and one overwrote the
    /// other's acknowledged answer.
    @Test func aSecondWindowCannotTakeAnOpenInterview() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let instrument = try StoreFixtures.instrument(in: directory, count: 6)
        let (first, code) = try startWindow(instrument, directory: directory, answers: 2)
        let second = try Runner.run(["resume", "--db", "study.sqlite", code], input: "99\n99\n", directory: directory)
        #expect(second.status == 74, "\(second.stdout)")
        #expect(second.stderr.contains("\(code) is open in another window"))
        // Nor can it be withdrawn from under the window.
        let withdraw = try Runner.run(["withdraw", "--db", "study.sqlite", code, "--yes"], directory: directory)
        #expect(withdraw.status == 74 && withdraw.stderr.contains("open in another window"))
        // The first window carries on and its answers stand.
        first.send("30")
        #expect(first.wait(for: "Value number 4?"))
        first.closeInput()
        #expect(first.finish() == 0)
        let path = directory.appendingPathComponent("study.sqlite").path
        for (variable, value) in [("q1", 10), ("q2", 20), ("q3", 30)] {
            let stored: Int? = try StoreFixtures.scalar(
                path,
                """
                SELECT a.value FROM answer a JOIN variable v ON v.id = a.variable_id WHERE v.name = ?
                """, [variable])
            #expect(stored == value)
        }
        // Suspended, it can be resumed in another window.
        let resumed = try Runner.run(["resume", "--db", "study.sqlite", code], input: "40\n", directory: directory)
        #expect(resumed.status == 0, "\(resumed.stderr)")
    }

    /// Issue 13, item 4: an interview stopped by a crash stayed `active`: `resume` did not list
    /// it and `status` did not show its code. Its lock died with the process, so it is
    /// interrupted, listed and resumable.
    @Test func aCrashedInterviewIsListedAsInterruptedAndResumes() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let instrument = try StoreFixtures.instrument(in: directory, count: 6)
        let (window, code) = try startWindow(instrument, directory: directory, answers: 3)
        // While the window is open the interview is active, not interrupted.
        let open = try Runner.run(["status", "--db", "study.sqlite"], directory: directory)
        #expect(open.stdout.contains("active") && !open.stdout.contains("Interrupted"), "\(open.stdout)")
        window.kill()
        let status = try Runner.run(["status", "--db", "study.sqlite"], directory: directory)
        #expect(status.status == 0)
        #expect(
            status.stdout.contains("interrupted") && status.stdout.contains("Interrupted")
                && status.stdout.contains(code),
            "\(status.stdout)")
        let json = try Runner.run(["status", "--db", "study.sqlite", "--format", "json"], directory: directory)
        #expect(json.stdout.contains("\"interrupted\" : true"))
        let list = try Runner.run(["resume", "--db", "study.sqlite"], directory: directory)
        #expect(list.stdout.contains(code) && list.stdout.contains("interrupted"), "\(list.stdout)")
        // Resumed at the first unanswered question, with the three answers kept.
        let resumed = try Runner.run(
            ["resume", "--db", "study.sqlite", code], input: "40\n50\n60\ndone\n", directory: directory)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let beforeFourth = resumed.stdout.components(separatedBy: "Value number 4?")
        #expect(beforeFourth.count > 1 && !beforeFourth[0].contains("Value number"), "\(resumed.stdout)")
        #expect(resumed.stdout.contains("is complete and saved"), "\(resumed.stdout)")
        let answers: Int? = try StoreFixtures.scalar(
            directory.appendingPathComponent("study.sqlite").path, "SELECT count(*) FROM answer")
        #expect(answers == 7)
    }
}
