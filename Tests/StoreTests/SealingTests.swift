import Foundation
import GRDB
import Instrument
import Testing
@testable import Store

struct SealingTests {
    @Test func identifyingAnswersNeverReachTheDiskInPlainText() throws {
        let directory = try temporaryDirectory()
        let (database, registered, privateKey) = try makeStudy(in: directory, withKey: true)
        var markers: [String: String] = [:]
        for index in 0..<20 {
            let recorder = try database.startInterview(registered, interviewer: "PR01", language: "en")
            let marker = "zq\(index)-\(UUID().uuidString)@example.org"
            markers[recorder.code] = marker
            try recorder.save(.value(.text(marker)), for: "contact")
            try recorder.note("called back by \(marker)")
            try recorder.complete()
        }
        let bytes = rawBytes(of: database.path)
        for marker in markers.values {
            #expect(bytes.range(of: Data(marker.utf8)) == nil, "a marker was found in the raw bytes")
            #expect(bytes.range(of: Data(marker.prefix(12).utf8)) == nil)
        }
        #expect(try database.verify().isSound)
        let opened = try database.unseal(privateKey: try #require(privateKey))
        let answers = opened.filter { $0.variable == "contact" }
        #expect(answers.count == 20)
        for value in answers { #expect(value.text == markers[value.code]) }
        #expect(opened.filter { $0.variable == "ps_note" }.allSatisfy { $0.text?.hasPrefix("called back by ") == true })
    }

    @Test func paddingHidesTheLengthOfAnAnswer() throws {
        let (database, registered, _) = try makeStudy(in: try temporaryDirectory(), withKey: true)
        let recorder = try database.startInterview(registered, interviewer: "PR01", language: "en")
        try recorder.save(.value(.text("Al")), for: "contact")
        let short = try database.queue.read { try Data.fetchOne($0, sql: "SELECT ciphertext FROM sealed")! }
        try recorder.save(.value(.text("alexandra.longname-hyphenated@example.org")), for: "contact", reason: "amended")
        let long = try database.queue.read { try Data.fetchOne($0, sql: "SELECT ciphertext FROM sealed")! }
        #expect(short.count == long.count)
        #expect(short.count == Sealer.blockSize + 16)
        // The history of an identifying answer keeps no old value.
        let oldValues = try database.queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM event WHERE old_value IS NOT NULL")! }
        #expect(oldValues == 0)
    }

    @Test func aSealedValueMovedToAnotherInterviewDoesNotOpen() throws {
        let (database, registered, privateKey) = try makeStudy(in: try temporaryDirectory(), withKey: true)
        let first = try database.startInterview(registered, interviewer: "PR01", language: "en")
        try first.save(.value(.text("first@example.org")), for: "contact")
        let second = try database.startInterview(registered, interviewer: "PR01", language: "en")
        try second.save(.value(.text("second@example.org")), for: "contact")
        // Swap the two ciphertexts, as an attacker with write access might.
        try database.queue.write { db in
            let rows = try Row.fetchAll(db, sql: "SELECT interview_id, encapsulated_key, ciphertext FROM sealed ORDER BY interview_id")
            try db.execute(sql: "UPDATE sealed SET encapsulated_key = ?, ciphertext = ? WHERE interview_id = ?", arguments: [rows[1][1], rows[1][2], rows[0][0]])
        }
        let opened = try database.unseal(privateKey: try #require(privateKey))
        #expect(opened.first { $0.code == first.code }?.text == nil)
        #expect(opened.first { $0.code == second.code }?.text == "second@example.org")
    }

    @Test func theWrongKeyOrPassphraseIsRefused() throws {
        let (database, _, _) = try makeStudy(in: try temporaryDirectory(), withKey: true)
        let (_, otherPrivate) = try PrivateKeyFile.generate(passphrase: "another long passphrase", rounds: 1 << 10)
        #expect(throws: StoreError.self) { try otherPrivate.unlock(passphrase: "not the passphrase") }
        let otherKey = try otherPrivate.unlock(passphrase: "another long passphrase")
        #expect(throws: StoreError.self) { try database.unseal(privateKey: otherKey) }
        #expect(throws: StoreError.self) { try PrivateKeyFile.generate(passphrase: "short") }
    }

    @Test func aPublicKeyFileIsCheckedAgainstItsFingerprint() throws {
        let directory = try temporaryDirectory()
        let (publicFile, _) = try PrivateKeyFile.generate(passphrase: "a long test passphrase", rounds: 1 << 10)
        var altered = publicFile
        altered.fingerprint = "AAAA-BBBB-CCCC-DDDD"
        let path = directory.appendingPathComponent("k.pub").path
        try JSONEncoder().encode(altered).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try PublicKeyFile.read(path: path) }
        try JSONEncoder().encode(publicFile).write(to: URL(fileURLWithPath: path))
        #expect(try PublicKeyFile.read(path: path) == publicFile)
        #expect(publicFile.fingerprint.count == 19)
    }
}
