import Foundation
import GRDB
import Instrument
import Testing
@testable import Store

struct RecordingTests {
    @Test func aChangedAnswerKeepsItsHistoryWithTheReason() throws {
        let (database, registered, _) = try makeStudy(in: try temporaryDirectory())
        let recorder = try database.startInterview(registered, interviewer: "PR01", language: "en")
        #expect(try recorder.save(.value(.number(3)), for: "q1") == 1)
        #expect(try recorder.save(.refused, for: "q1", reason: "member_check") == 2)
        #expect(try recorder.storedAnswers()["q1"] == .missing(.refused))
        let events = try database.queue.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, reason, old_status, old_value FROM event ORDER BY id")
        }
        #expect(events.map { $0["kind"] as String } == ["started", "answered", "changed"])
        #expect(events[2]["reason"] as String? == "member_check")
        #expect(events[2]["old_status"] as Int? == 0)
        #expect(events[2]["old_value"] as Int? == 3)
        // The log is append-only.
        #expect(throws: (any Error).self) {
            try database.queue.write { try $0.execute(sql: "UPDATE event SET kind = 'x'") }
        }
    }

    @Test func valuesAreStoredAsNumbersAndDecodeByType() throws {
        let (database, registered, _) = try makeStudy(in: try temporaryDirectory())
        let recorder = try database.startInterview(registered, interviewer: "PR01", language: "en")
        try recorder.save(.value(.number(42)), for: "q2")
        try recorder.save(.value(.text("fine, thanks")), for: "feel")
        let type = try database.queue.read { db in
            try String.fetchOne(db, sql: "SELECT typeof(value) FROM answer a JOIN variable v ON v.id = a.variable_id WHERE v.name = 'q2'")
        }
        #expect(type == "integer")
        #expect(AnswerCodec.decode(status: .answered, value: .integer(42), type: .number(integer: true)) == .value(.number(42)))
        #expect(AnswerCodec.decode(status: .answered, value: .text("1 3 97"), type: .set(OptionList([]))) == .value(.set([1, 3, 97])))
        #expect(AnswerCodec.encode(.value(.number(2.5))).value == .real(2.5))
        #expect(AnswerCodec.encode(.value(.set([97, 1]))).value == .text("1 97"))
    }

    @Test func anInstrumentWithIdentifyingQuestionsNeedsAKey() throws {
        let directory = try temporaryDirectory()
        let database = try StudyDatabase.create(at: directory.appendingPathComponent("s.sqlite").path)
        try database.initStudy(title: "No key", publicKey: nil)
        let (instrument, source) = try stressInstrument(identifying: true)
        let registered = try database.register(instrument, source: source)
        #expect(throws: StoreError.noPublicKey(instrument: "stress", questions: ["contact"])) {
            try database.startInterview(registered, interviewer: "PR01", language: "en")
        }
        #expect(StoreError.noPublicKey(instrument: "stress", questions: ["contact"]).description.contains("peersurvey keys new"))
        #expect(try database.interviews().isEmpty)
    }

    @Test func registeringTheSameSourceTwiceGivesTheSameVersion() throws {
        let (database, registered, _) = try makeStudy(in: try temporaryDirectory())
        let (instrument, source) = try stressInstrument()
        #expect(try database.register(instrument, source: source) == registered)
        #expect(try database.instruments().count == 1)
        #expect(try database.source(of: registered) == source)
        #expect(registered.variableIDs.count == 201)
    }

    @Test func suspendResumeAndCompleteFollowTheStatus() throws {
        let (database, registered, _) = try makeStudy(in: try temporaryDirectory())
        let recorder = try database.startInterview(registered, interviewer: "PR01", language: "en")
        try recorder.save(.value(.number(1)), for: "q1")
        try recorder.suspend()
        #expect(throws: StoreError.self) { try recorder.save(.value(.number(2)), for: "q2") }
        #expect(try database.interviews(status: .suspended).map(\.code) == [recorder.code])
        let resumed = try database.resumeInterview(code: recorder.code.lowercased().replacingOccurrences(of: "-", with: ""))
        #expect(try resumed.storedAnswers()["q1"] == .value(.integer(1)))
        try resumed.save(.value(.number(2)), for: "q2")
        try resumed.complete()
        #expect(throws: StoreError.self) { try database.resumeInterview(code: recorder.code) }
        let summary = try #require(try database.interviews().first)
        #expect(summary.status == .completed && summary.answers == 2 && summary.interviewer == "PR01")
    }

    @Test func noConsentAndDiscardKeepNoAnswers() throws {
        let (database, registered, _) = try makeStudy(in: try temporaryDirectory())
        let first = try database.startInterview(registered, interviewer: "PR01", language: "en")
        try first.noConsent()
        let second = try database.startInterview(registered, interviewer: "PR01", language: "en")
        try second.save(.value(.text("a private thought")), for: "feel")
        try second.discard()
        #expect(try first.storedAnswers().isEmpty)
        #expect(try second.storedAnswers().isEmpty)
        let statuses = try database.interviews().map { "\($0.status.rawValue) \($0.outcome ?? "")" }.sorted()
        #expect(statuses == ["broken_off discarded", "no_consent no_consent"])
    }

    @Test func interviewerCodesAreCodesNotNames() throws {
        let (database, registered, _) = try makeStudy(in: try temporaryDirectory())
        #expect(throws: StoreError.self) { try database.startInterview(registered, interviewer: "Jane Smith", language: "en") }
        #expect(throws: StoreError.self) { try database.startInterview(registered, interviewer: "", language: "en") }
    }

    @Test func participantCodesAreReadableAndNormalised() {
        let code = ParticipantCode.random()
        #expect(code.count == 9 && code.dropFirst(4).first == "-")
        #expect(!code.contains { "ILOU01".contains($0) })
        #expect(ParticipantCode.normalise("k7mq 2p4x") == "K7MQ-2P4X")
        #expect(ParticipantCode.normalise("K7MQ-2P4") == nil)
        #expect(ParticipantCode.normalise("IIII-OOOO") == nil)
    }
}

/// Participant codes carry a check character: every single-character slip and every swap of two
/// different neighbours is caught.
struct ParticipantCodeTests {
    @Test func newCodesCheckAndSlipsAreCaught() {
        let alphabet = ParticipantCode.alphabet
        for _ in 0..<200 {
            let code = ParticipantCode.random()
            #expect(ParticipantCode.hasValidCheck(code), "\(code)")
            #expect(ParticipantCode.normalise(code.lowercased().replacingOccurrences(of: "-", with: " ")) == code)
            var characters = Array(code.filter { $0 != "-" })
            for index in characters.indices {
                let original = characters[index]
                for replacement in alphabet where replacement != original {
                    characters[index] = replacement
                    #expect(!ParticipantCode.hasValidCheck(String(characters)), "a slip at \(index) in \(code)")
                }
                characters[index] = original
            }
            for index in 0..<(characters.count - 1) where characters[index] != characters[index + 1] {
                characters.swapAt(index, index + 1)
                #expect(!ParticipantCode.hasValidCheck(String(characters)), "a swap at \(index) in \(code)")
                characters.swapAt(index, index + 1)
            }
        }
    }
}
