import Foundation
import GRDB
import Instrument
import Testing

@testable import Store

/// The interview lock inside one process, and merge conflicts of sealed answers.
struct LockAndRevisionTests {
    @Test func twoRecordersOfOneInterviewExcludeEachOther() throws {
        let (database, registered, _) = try makeStudy(in: try temporaryDirectory())
        let first = try database.startInterview(registered, interviewer: "PR01", language: "en")
        try first.save(.value(.number(1)), for: "q1")
        #expect(throws: StoreError.interviewInUse(code: first.code)) { try database.resumeInterview(code: first.code) }
        #expect(try database.interviews().first?.interrupted == false)
        try first.suspend()
        let second = try database.resumeInterview(code: first.code)
        try second.save(.value(.number(2)), for: "q2")
        try second.complete()
        #expect(try database.interviews().first?.status == .completed)
    }

    @Test func anInterviewWhoseRecorderIsGoneIsInterrupted() throws {
        let (database, registered, _) = try makeStudy(in: try temporaryDirectory())
        var recorder: InterviewRecorder? = try database.startInterview(registered, interviewer: "PR01", language: "en")
        let code = recorder!.code
        try recorder!.save(.value(.number(1)), for: "q1")
        #expect(try database.interviews().first?.interrupted == false)
        recorder = nil  // as the kernel does when the process dies
        let summary = try #require(try database.interviews().first)
        #expect(summary.status == .active && summary.interrupted && summary.statusLabel == "interrupted")
        let resumed = try database.resumeInterview(code: code)
        #expect(try resumed.storedAnswers()["q1"] == .value(.integer(1)))
    }

    /// A conflict over an identifying answer keeps the other copy's sealed value, still sealed,
    /// and `verify` accepts it; withdrawing the participant erases it with the rest.
    @Test func aConflictOverASealedAnswerKeepsItSealed() throws {
        let directory = try temporaryDirectory()
        let (a, registered, _) = try makeStudy(in: directory, name: "a.sqlite", withKey: true)
        let recorder = try a.startInterview(registered, interviewer: "PR01", language: "en")
        try recorder.save(.value(.text("first@example.org")), for: "contact")
        try recorder.suspend()
        let copy = directory.appendingPathComponent("b.sqlite").path
        try a.backup(to: copy)
        let b = try StudyDatabase.open(at: copy)
        let onB = try b.resumeInterview(code: recorder.code)
        try onB.save(.value(.text("second@example.org")), for: "contact")
        try onB.save(.value(.number(5)), for: "q1")
        try onB.suspend()
        let onA = try a.resumeInterview(code: recorder.code)
        try onA.save(.value(.text("third@example.org")), for: "contact")
        try onA.suspend()
        let report = try a.merge(from: [copy])
        #expect(report.updated == 1 && report.revisionsKept == 1)
        #expect(report.conflicts.first?.contains("(contact) kept as revisions") == true, "\(report.conflicts)")
        let kept = try a.queue.read { db in
            try Row.fetchOne(db, sql: "SELECT value, length(ciphertext) AS size FROM answer_revision")
        }
        #expect(kept?["value"] as DatabaseValue? == .null)
        #expect((kept?["size"] as Int? ?? 0) > 0)
        #expect(try a.verify().isSound)
        #expect(!rawBytes(of: a.path).contains("third@example.org".utf8))
        try a.withdraw(code: recorder.code, wait: 5)
        #expect(try a.queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM answer_revision") } == 0)
    }
}

extension Data {
    fileprivate func contains(_ bytes: String.UTF8View) -> Bool { range(of: Data(bytes)) != nil }
}
