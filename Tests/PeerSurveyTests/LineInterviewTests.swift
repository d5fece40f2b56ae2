import Foundation
import GRDB
import Instrument
import Store
import Testing

/// Whole interviews in line mode through the built binary, then the study database checked.
struct LineInterviewTests {
    /// Answers to the warmline follow-up, one line each, from consent to the review.
    static let firstHalf = [
        "yes", "yes", "yes",  // consent
        "",  // the opening note
        "",  // today's date: keep the default
        "01/11/2026", "3", "1", "20",  // call date, calls, calls this week, minutes
        "1 3",  // reasons: two options
        "1",  // felt listened to
        "refuse",  // how helpful: prefer not to say
        "4",  // a bit better: `why_worse` is skipped
    ]
    static let secondHalf = [
        "1",  // would call again: `why_not_again` is skipped
        "dont know",  // other support: `suggested_by_line` is skipped
        "5", "7.5", "2", "1",  // mood, sleep, lonely, safe
        "34", "1", "2", "1",  // about you
        "=HYPERLINK(\"x\") \u{1B}[31m'; DROP TABLE answer; --",  // improve: hostile text, kept exactly
        "2",  // no recontact: `best_time` is skipped
        "",  // the closing note
        "done",  // the review
    ]

    private func answers(_ path: String) throws -> (InterviewSummary, [String: StoredAnswer]) {
        let database = try StudyDatabase.open(at: path, readOnly: true)
        let summary = try #require(try database.interviews().first)
        let answers = try #require(try database.allAnswersInOrder().first)
        return (summary, answers)
    }

    @Test func aWholeInterviewIsSavedWithEveryStatus() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("study.sqlite").path
        let script = (Self.firstHalf + Self.secondHalf).joined(separator: "\n") + "\n"
        let result = try Runner.run(
            ["interview", Runner.instrument("warmline-follow-up"), "--db", db, "--interviewer", "PR01"], input: script)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("is complete and saved"))
        #expect(!result.stdout.contains("\u{1B}[31m"), "an escape sequence from an answer reached the screen")
        let (summary, answers) = try answers(db)
        #expect(summary.status == .completed && summary.interviewer == "PR01" && !summary.simulated)
        #expect(answers["calls_3m"] == .value(.integer(3)))
        #expect(answers["call_date"] == .value(.text("2026-11-01")))
        #expect(answers["reason_called"] == .value(.text("1 3")))
        #expect(answers["call_helpful"] == .missing(.refused))
        #expect(answers["why_worse"] == .missing(.notApplicable))
        #expect(answers["other_support"] == .missing(.dontKnow))
        #expect(answers["suggested_by_line"] == .missing(.notApplicable))
        #expect(answers["sleep_hours"] == .value(.real(7.5)))
        #expect(answers["improve"] == .value(.text(Self.secondHalf[10])))
        #expect(answers["best_time"] == .missing(.notApplicable))
        #expect(try StudyDatabase.open(at: db, readOnly: true).verify().isSound)
    }

    @Test func endOfInputSuspendsAndResumeFinishesAtTheNextQuestion() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("study.sqlite").path
        let first = try Runner.run(
            ["interview", Runner.instrument("warmline-follow-up"), "--db", db, "--interviewer", "PR02"],
            input: Self.firstHalf.joined(separator: "\n") + "\n")
        #expect(first.status == 0)
        #expect(first.stdout.contains("is suspended; every answer given is saved"))
        let code = try #require(first.stdout.components(separatedBy: "resume --db \(db) ").last?.prefix(9))
        let listed = try Runner.run(["resume", "--db", db])
        #expect(listed.stdout.contains(String(code)))
        let second = try Runner.run(
            ["resume", "--db", db, String(code), "--plain"], input: Self.secondHalf.joined(separator: "\n") + "\n")
        #expect(second.status == 0, "\(second.stderr)")
        // It starts at the first unanswered question, not at the beginning.
        #expect(second.stdout.contains("Would you call the warmline again?"))
        let beforeReview = second.stdout.components(separatedBy: "== Review ==").first ?? ""
        #expect(!beforeReview.contains("On what date did you call"))
        #expect(second.stdout.contains("is complete and saved"))
        let (summary, answers) = try answers(db)
        #expect(summary.status == .completed)
        #expect(answers["calls_3m"] == .value(.integer(3)))
        #expect(answers["age"] == .value(.integer(34)))
    }

    /// After `resume`, going back walks the questions in the order they were asked (answers used
    /// to be restored from an unordered dictionary, so `back` jumped to random questions).
    @Test func backAfterResumeWalksTheQuestionsInOrder() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("study.sqlite").path
        let first = try Runner.run(
            ["interview", Runner.instrument("warmline-follow-up"), "--db", db, "--interviewer", "PR02"],
            input: Array(Self.firstHalf.prefix(9)).joined(separator: "\n") + "\n")
        let code = try #require(first.stdout.components(separatedBy: "resume --db \(db) ").last?.prefix(9))
        for _ in 0..<3 {
            let resumed = try Runner.run(["resume", "--db", db, String(code), "--plain"], input: "back\nback\nback\nback\n")
            let numbers = resumed.stdout.components(separatedBy: "Question ").dropFirst().compactMap {
                Int($0.prefix { $0.isNumber })
            }
            #expect(numbers == [6, 5, 4, 3, 2], "\(numbers)")
        }
    }

    @Test func aRefusedConsentKeepsNoAnswers() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("study.sqlite").path
        let result = try Runner.run(
            ["interview", Runner.instrument("warmline-follow-up"), "--db", db, "--interviewer", "PR01"],
            input: "yes\nno\nyes\n")
        #expect(result.stdout.contains("ended without consent"))
        let database = try StudyDatabase.open(at: db, readOnly: true)
        #expect(try database.interviews().first?.status == .noConsent)
        #expect(try database.allAnswersInOrder().isEmpty)
    }

    @Test func anIdentifyingInstrumentWithoutAKeyIsRefusedWithTheWayOut() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("study.sqlite").path
        let result = try Runner.run(
            ["interview", Runner.instrument("peer-support-experience"), "--db", db, "--interviewer", "PR01"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("peersurvey keys new"))
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    /// The member check in line mode: a typing slip is answered with what to type, Enter on an
    /// answer keeps it, and a change is saved with the reason "member_check".
    @Test func theReviewExplainsSlipsKeepsOnEnterAndLogsAChange() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("study.sqlite").path
        let upToReview = Self.firstHalf + Self.secondHalf.dropLast()
        // Question 5 of the review is the call's length (20 minutes).
        let script = (upToReview + ["xyz", "5", "", "5", "25", "done"]).joined(separator: "\n") + "\n"
        let result = try Runner.run(
            ["interview", Runner.instrument("warmline-follow-up"), "--db", db, "--interviewer", "PR01", "--plain"],
            input: script)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Type a number from 1 to"), "a slip gets no advice:\n\(result.stdout)")
        #expect(result.stdout.contains("Kept as it was."))
        #expect(!result.stdout.contains("not understood"))
        let (summary, saved) = try answers(db)
        #expect(summary.status == .completed)
        #expect(saved["call_minutes"] == .value(.integer(25)))
        let changes = try DatabaseQueue(path: db).read {
            try String.fetchAll(
                $0, sql: "SELECT e.reason FROM event e JOIN variable v ON v.id = e.variable_id WHERE e.kind = 'changed' AND v.name = 'call_minutes'")
        }
        #expect(changes == ["member_check"], "only the real change is logged")
    }

    /// The member check in line mode asks about soft warnings as the full screen does (it used to
    /// save an amended answer past its warning without a word): "no" keeps the old answer, "yes"
    /// saves the new one.
    @Test func theReviewAsksAboutWarningsAsTheScreenDoes() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("study.sqlite").path
        let upToReview = Self.firstHalf + Self.secondHalf.dropLast()
        // Question 5 of the review is the call's length; over 120 minutes the instrument warns.
        let script = (upToReview + ["5", "200", "no", "5", "250", "yes", "done"]).joined(separator: "\n") + "\n"
        let result = try Runner.run(
            ["interview", Runner.instrument("warmline-follow-up"), "--db", db, "--interviewer", "PR01", "--plain"],
            input: script)
        #expect(result.status == 0, "\(result.stderr)")
        let warnings = result.stdout.components(separatedBy: "Please confirm: That is a very long call").count - 1
        #expect(warnings == 2, "the review did not warn:\n\(result.stdout)")
        let (summary, saved) = try answers(db)
        #expect(summary.status == .completed)
        #expect(saved["call_minutes"] == .value(.integer(250)))
        let changes = try DatabaseQueue(path: db).read {
            try String.fetchAll(
                $0, sql: "SELECT e.reason FROM event e JOIN variable v ON v.id = e.variable_id WHERE e.kind = 'changed' AND v.name = 'call_minutes'")
        }
        #expect(changes == ["member_check"], "200 was refused, only 250 is a change")
    }

    /// Stopped after one of three consent statements: resuming asks every statement again, and
    /// no question is shown before all are agreed.
    @Test func anInterviewStoppedDuringConsentAsksForConsentAgain() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("study.sqlite").path
        let started = try Runner.run(
            ["interview", Runner.instrument("warmline-follow-up"), "--db", db, "--interviewer", "PR01"], input: "yes\n")
        #expect(started.stdout.contains("is suspended"), "\(started.stdout)")
        let database = try StudyDatabase.open(at: db)
        let code = try #require(try database.interviews().first?.code)
        let resumed = try Runner.run(["resume", "--db", db, code, "--plain"], input: "yes\n")
        #expect(resumed.stdout.contains("I understand that taking part is my choice."), "\(resumed.stdout)")
        #expect(!resumed.stdout.contains("Question 1 of"), "a question was shown before consent:\n\(resumed.stdout)")
        let finished = try Runner.run(["resume", "--db", db, code, "--plain"], input: "yes\nyes\nyes\n")
        #expect(finished.stdout.contains("Question 1 of"), "\(finished.stdout)")
    }

    @Test func killNineMidInterviewLosesNothingConfirmed() throws {
        let directory = try Runner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("study.sqlite").path
        let process = Process()
        process.executableURL = Runner.binary
        process.arguments = ["interview", Runner.instrument("warmline-follow-up"), "--db", db, "--interviewer", "PR03", "--plain"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var seen = Data()
        func waitFor(_ text: String) {
            let deadline = Date().addingTimeInterval(20)
            while !String(decoding: seen, as: UTF8.self).contains(text), Date() < deadline {
                seen.append(output.fileHandleForReading.availableData)
            }
        }
        // Seven lines: consent, the note, today's date, the call date and calls_3m. The program
        // then waits at calls_7d for a line that never comes; once that prompt shows, calls_3m
        // is confirmed, and the kill lands in the middle of the interview.
        for line in Self.firstHalf.prefix(7) { input.fileHandleForWriting.write(Data((line + "\n").utf8)) }
        waitFor("And how many of those calls were in the last 7 days?")
        #expect(String(decoding: seen, as: UTF8.self).contains("And how many of those calls were in the last 7 days?"))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let database = try StudyDatabase.open(at: db)
        let code = try #require(try database.interviews().first?.code)
        let saved = try #require(try database.allAnswersInOrder().first)
        #expect(saved["calls_3m"] == .value(.integer(3)))
        #expect(saved["call_date"] == .value(.text("2026-11-01")))
        let resumed = try Runner.run(["resume", "--db", db, code, "--plain"], input: "")
        #expect(resumed.stdout.contains("And how many of those calls were in the last 7 days?"))
        #expect(try database.verify().isSound)
    }
}
