import Foundation
import GRDB
import Instrument
import Testing
@testable import Store

/// Real processes on real files: killed with SIGKILL, or writing at the same time.
@Suite(.serialized)
struct ReliabilityTests {
    private func prepare() throws -> (directory: URL, database: String, instrument: String) {
        let directory = try temporaryDirectory()
        let database = directory.appendingPathComponent("study.sqlite").path
        let instrument = directory.appendingPathComponent("stress.yaml").path
        try stressInstrumentSource(count: 200).write(toFile: instrument, atomically: true, encoding: .utf8)
        let created = try StudyDatabase.create(at: database)
        try created.initStudy(title: "Stress", publicKey: nil)
        return (directory, database, instrument)
    }

    private func storedValue(_ database: StudyDatabase, code: String, variable: String) throws -> Int? {
        try database.queue.read { db in
            try Int.fetchOne(db, sql: """
                SELECT a.value FROM answer a JOIN interview i ON i.id = a.interview_id
                JOIN variable v ON v.id = a.variable_id WHERE i.code = ? AND v.name = ?
                """, arguments: [code, variable])
        }
    }

    @Test func everyAcknowledgedAnswerSurvivesKillNine() throws {
        let (_, path, instrument) = try prepare()
        var acknowledged: [(code: String, variable: String, value: Int)] = []
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let child = try StressChild(["save", path, instrument, "200"])
            let stopAfter = Int.random(in: 1...150, using: &generator)
            var seen = 0
            while seen < stopAfter, let line = child.nextLine() {
                let parts = line.split(separator: " ")
                if parts.first == "ack", parts.count == 4, let value = Int(parts[3]) {
                    acknowledged.append((String(parts[1]), String(parts[2]), value))
                    seen += 1
                }
            }
            child.kill()
        }
        #expect(acknowledged.count >= 50)
        let database = try StudyDatabase.open(at: path)
        for answer in acknowledged {
            #expect(try storedValue(database, code: answer.code, variable: answer.variable) == answer.value,
                    "acknowledged answer \(answer.variable) of \(answer.code) was lost")
        }
        #expect(try database.verify().isSound)
        #expect(try database.interviews().count == 50)
    }

    @Test func fourProcessesWriteAtOnceWithoutLosingAnAnswer() throws {
        let (_, path, instrument) = try prepare()
        let children = try (0..<4).map { _ in
            let process = Process()
            process.executableURL = productsDirectory().appendingPathComponent("store-stress")
            process.arguments = ["save", path, instrument, "150"]
            let output = Pipe(), errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            return (process, output, errors)
        }
        var codes: [String] = []
        for (process, output, errors) in children {
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "a writer failed: \(problems)")
            #expect(!problems.contains("locked"))
            #expect(text.split(separator: "\n").count { $0.hasPrefix("ack ") } == 150)
            if let done = text.split(separator: "\n").last(where: { $0.hasPrefix("done ") }) { codes.append(String(done.dropFirst(5))) }
        }
        let database = try StudyDatabase.open(at: path)
        #expect(Set(codes).count == 4)
        for summary in try database.interviews() {
            #expect(summary.answers == 150 && summary.status == .completed)
        }
        #expect(try database.verify().isSound)
    }

    @Test func aWALDeletedDuringWritesLeavesAConsistentFile() throws {
        let (_, path, instrument) = try prepare()
        let child = try StressChild(["save", path, instrument, "200"])
        var seen = 0
        while seen < 40, let line = child.nextLine() { if line.hasPrefix("ack") { seen += 1 } }
        try? FileManager.default.removeItem(atPath: path + "-wal")
        while seen < 80, let line = child.nextLine() { if line.hasPrefix("ack") { seen += 1 } }
        child.kill()
        // The answers that were only in the deleted WAL are gone (nothing can bring them back);
        // what matters is that the file still opens, is consistent, and says so.
        let database = try StudyDatabase.open(at: path)
        #expect(try database.verify().isSound)
        #expect(try database.instruments().count <= 1)
    }
}
