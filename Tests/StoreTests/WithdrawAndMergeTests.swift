import Crypto
import Foundation
import GRDB
import Instrument
import Testing
@testable import Store

struct WithdrawAndMergeTests {
    @Test func withdrawLeavesNoTraceInTheRawBytes() throws {
        let directory = try temporaryDirectory()
        let (database, registered, _) = try makeStudy(in: directory, withKey: true)
        let keep = try database.startInterview(registered, interviewer: "PR01", language: "en")
        try keep.save(.value(.text("keep-marker-QWERTY")), for: "feel")
        try keep.complete()
        let gone = try database.startInterview(registered, interviewer: "PR01", language: "en")
        let marker = "withdraw-marker-\(UUID().uuidString)"
        try gone.save(.value(.text(marker)), for: "feel")
        try gone.save(.value(.text(marker + "-changed")), for: "feel", reason: "amended")
        try gone.save(.value(.number(777_123)), for: "q1")
        try gone.save(.value(.text("gone@example.org")), for: "contact")
        try gone.complete()
        #expect(rawBytes(of: database.path).range(of: Data(marker.utf8)) != nil)
        try database.withdraw(code: gone.code)
        let bytes = rawBytes(of: database.path)
        #expect(bytes.range(of: Data(marker.utf8)) == nil)
        #expect(bytes.range(of: Data(gone.code.utf8)) == nil)
        #expect(bytes.range(of: Data("keep-marker-QWERTY".utf8)) != nil)
        #expect(try database.interviews().map(\.code) == [keep.code])
        #expect(try database.verify().isSound)
        #expect(try database.queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM withdrawal") } == 1)
        #expect(throws: StoreError.unknownParticipant(code: gone.code)) { try database.withdraw(code: gone.code) }
    }

    /// Two laptops with copies of one study, each with its own interviews.
    private func twoLaptops() throws -> (URL, StudyDatabase, StudyDatabase, RegisteredInstrument) {
        let directory = try temporaryDirectory()
        let (lead, _, _) = try makeStudy(in: directory, name: "lead.sqlite", withKey: true)
        try lead.backup(to: directory.appendingPathComponent("a.sqlite").path)
        try lead.backup(to: directory.appendingPathComponent("b.sqlite").path)
        let a = try StudyDatabase.open(at: directory.appendingPathComponent("a.sqlite").path)
        let b = try StudyDatabase.open(at: directory.appendingPathComponent("b.sqlite").path)
        let registered = try a.instruments()[0]
        for (database, count) in [(a, 3), (b, 2)] {
            for index in 0..<count {
                let recorder = try database.startInterview(registered, interviewer: "PR0\(count)", language: "en")
                try recorder.save(.value(.number(Double(index))), for: "q1")
                try recorder.save(.value(.text("x\(index)@example.org")), for: "contact")
                try recorder.note("note \(index)")
                try recorder.complete()
            }
        }
        return (directory, a, b, registered)
    }

    private func contentHash(_ database: StudyDatabase) throws -> String {
        try database.queue.read { db in
            var hasher = SHA256()
            for table in ["study", "instrument", "variable", "interview", "answer", "sealed", "event", "note", "withdrawal"] {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2") {
                    hasher.update(data: Data(row.description.utf8))
                }
            }
            return hasher.finalize().map { String(format: "%02x", $0) }.joined()
        }
    }

    @Test func mergingTwiceIsTheSameAsMergingOnce() throws {
        let (directory, a, b, _) = try twoLaptops()
        let target = try StudyDatabase.createCopy(at: directory.appendingPathComponent("all.sqlite").path, ofStudyIn: a.path)
        let first = try target.merge(from: [a.path, b.path])
        #expect(first.added == 5 && first.conflicts.isEmpty)
        let hash = try contentHash(target)
        // A file named twice is merged once.
        let second = try target.merge(from: [a.path, b.path, a.path])
        #expect(second.added == 0 && second.identical == 5)
        #expect(try contentHash(target) == hash)
        #expect(try target.interviews().count == 5)
        #expect(try target.verify().isSound)
        #expect(try target.queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sealed") } == 5)
    }

    @Test func aWithdrawnParticipantDoesNotComeBackThroughAMerge() throws {
        let (directory, a, b, _) = try twoLaptops()
        let target = try StudyDatabase.createCopy(at: directory.appendingPathComponent("all.sqlite").path, ofStudyIn: a.path)
        try target.merge(from: [a.path, b.path])
        let code = try a.interviews()[0].code
        // Withdrawn in the merged database: merging the laptop again does not bring it back.
        try target.withdraw(code: code)
        let again = try target.merge(from: [a.path])
        #expect(again.withdrawn == 1 && again.added == 0)
        #expect(try !target.interviews().map(\.code).contains(code))
        // Withdrawn on a laptop: the tombstone travels and erases it from the target.
        let other = try b.interviews()[0].code
        try b.withdraw(code: other)
        let third = try target.merge(from: [b.path])
        #expect(third.erasedByTombstone == 1)
        #expect(try !target.interviews().map(\.code).contains(other))
        #expect(try target.verify().isSound)
    }

    @Test func twoVersionsOfOneInterviewKeepTheNewerAndSaySo() throws {
        let (directory, a, _, _) = try twoLaptops()
        let copy = directory.appendingPathComponent("a-later.sqlite").path
        try a.backup(to: copy)
        let later = try StudyDatabase.open(at: copy)
        let code = try later.interviews()[0].code
        try later.queue.write { db in
            try db.execute(sql: "UPDATE interview SET revision = revision + 5 WHERE code = ?", arguments: [code])
            try db.execute(sql: "UPDATE answer SET value = 99 WHERE interview_id = (SELECT id FROM interview WHERE code = ?) AND status = 0 AND value IS NOT NULL", arguments: [code])
        }
        let report = try a.merge(from: [copy])
        #expect(report.updated == 1)
        #expect(report.conflicts.count == 1 && report.conflicts[0].hasPrefix(code))
        let value = try a.queue.read { db in
            try Int.fetchOne(db, sql: "SELECT a.value FROM answer a JOIN interview i ON i.id = a.interview_id JOIN variable v ON v.id = a.variable_id WHERE i.code = ? AND v.name = 'q1'", arguments: [code])
        }
        #expect(value == 99)
        // And merging the older copy back changes nothing.
        let back = try later.merge(from: [a.path])
        #expect(back.updated == 0)
    }

    @Test func anotherStudyOrADamagedSourceIsRefused() throws {
        let (directory, a, _, _) = try twoLaptops()
        let (stranger, _, _) = try makeStudy(in: directory, name: "stranger.sqlite")
        #expect(throws: StoreError.differentStudy(path: stranger.path)) { try a.merge(from: [stranger.path]) }
        let before = try contentHash(a)
        let text = directory.appendingPathComponent("notes.txt").path
        try Data("hello".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: StoreError.self) { try a.merge(from: [text]) }
        #expect(try contentHash(a) == before)
    }

    @Test func aBackupIsAWorkingStudyDatabase() throws {
        let (directory, a, _, _) = try twoLaptops()
        let copy = directory.appendingPathComponent("backup.sqlite").path
        try a.backup(to: copy)
        let opened = try StudyDatabase.open(at: copy)
        #expect(try opened.verify().isSound)
        #expect(try opened.interviews().count == 3)
        #expect(try opened.study() == a.study())
        #expect(throws: StoreError.self) { try a.backup(to: copy) }
    }
}
