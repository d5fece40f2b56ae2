import Foundation
import GRDB
import Instrument
import Testing
@testable import Store

struct OpeningTests {
    @Test func durabilitySettingsAreReadBackAfterOpening() throws {
        let directory = try temporaryDirectory()
        let (database, _, _) = try makeStudy(in: directory)
        let reopened = try StudyDatabase.open(at: database.path)
        let settings = try reopened.settings()
        #expect(settings["journal_mode"] == "wal")
        #expect(settings["synchronous"] == "2")  // FULL, not GRDB's NORMAL
        #expect(settings["secure_delete"] == "1")
        #expect(settings["foreign_keys"] == "1")
        #expect(Int(settings["busy_timeout"] ?? "0")! >= 5_000)
        #expect(UInt32(truncatingIfNeeded: Int(settings["application_id"] ?? "0")!) == StudyDatabase.applicationID)
        #expect(settings["user_version"] == String(StudyDatabase.schemaVersion))
    }

    /// Each bad file is refused with its own message and left byte for byte as it was.
    @Test(arguments: ["text", "random", "empty", "foreign", "truncated", "newer"])
    func badFilesAreRefusedAndLeftUntouched(kind: String) throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("bad.sqlite").path
        switch kind {
        case "text": try Data("name,age\nAlex,34\n".utf8).write(to: URL(fileURLWithPath: path))
        case "random": try Data((0..<8192).map { _ in UInt8.random(in: 0...255) }).write(to: URL(fileURLWithPath: path))
        case "empty": try Data().write(to: URL(fileURLWithPath: path))
        case "foreign":
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x')") }
        case "truncated":
            let (database, registered, _) = try makeStudy(in: directory, name: "full.sqlite")
            let recorder = try database.startInterview(registered, interviewer: "PR01", language: "en")
            for index in 1...200 { try recorder.save(.value(.text(String(repeating: "x", count: 500))), for: "feel", reason: "test\(index)") }
            try database.checkpoint()
            let bytes = try Data(contentsOf: URL(fileURLWithPath: database.path))
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        case "newer":
            let database = try StudyDatabase.create(at: path)
            try database.initStudy(title: "T", publicKey: nil)
            try database.queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = 99") }
            try database.checkpoint()
        default: Issue.record("unknown case")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try StudyDatabase.open(at: path) }
        do {
            _ = try StudyDatabase.open(at: path)
        } catch let error as StoreError {
            let expected: String
            switch kind {
            case "foreign": expected = "not made by peersurvey"
            case "truncated": expected = "cut off"
            case "newer": expected = "newer than this peersurvey"
            default: expected = "not a SQLite database"
            }
            #expect(error.description.contains(expected), "\(error.description)")
            #expect(error.description.contains(path))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal") || kind == "foreign" || kind == "newer")
    }

    @Test func createRefusesAnExistingFile() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("x.sqlite").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try StudyDatabase.create(at: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
    }

    @Test func aFolderIsRefusedAsAFolder() throws {
        let path = try temporaryDirectory().path
        do {
            _ = try StudyDatabase.open(at: path)
            Issue.record("a folder was opened as a study database")
        } catch let error as StoreError {
            #expect(error.description.contains("this is a folder"), "\(error)")
        }
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue)
        #expect(try FileManager.default.contentsOfDirectory(atPath: path).isEmpty, "nothing was written into it")
    }

    @Test func aMissingFileIsNotCreatedByOpening() throws {
        let path = try temporaryDirectory().appendingPathComponent("none.sqlite").path
        #expect(throws: StoreError.missing(path: path)) { try StudyDatabase.open(at: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func diskFullIsAClearErrorAndEarlierAnswersSurvive() throws {
        let directory = try temporaryDirectory()
        let (database, registered, _) = try makeStudy(in: directory)
        let recorder = try database.startInterview(registered, interviewer: "PR01", language: "en")
        try recorder.save(.value(.number(5)), for: "q1")
        let pages = try database.queue.read { try Int.fetchOne($0, sql: "PRAGMA page_count")! }
        try database.queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA max_page_count = \(pages + 2)") }
        var failure: StoreError?
        for index in 2...200 {
            do {
                try recorder.save(.value(.number(Double(index))), for: "q\(index)")
                try recorder.save(.value(.text(String(repeating: "long answer ", count: 400))), for: "feel", reason: "amended")
            } catch let error as StoreError {
                failure = error
                break
            }
        }
        #expect(failure == .diskFull(path: database.path))
        #expect(failure?.description.contains("everything saved before it is intact") == true)
        let answers = try recorder.storedAnswers()
        #expect(answers["q1"] == .value(.integer(5)))
        #expect(try database.verify().isSound)
    }
}
