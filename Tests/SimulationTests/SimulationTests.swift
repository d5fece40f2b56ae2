import Foundation
import Instrument
import Interview
import Store
import Testing
@testable import Simulation

struct SimulationTests {
    /// Dead routing that `check` cannot see, because it needs two answers together: `dogs_name`
    /// needs more years at the centre (at most 40) than an age over 60; option 3 of `pets` is
    /// always refused by a check; the warning's condition is outside the range.
    static let deadBranch = """
        instrument: dead
        version: 1
        title: Dead branch
        sections:
          - id: main
            title: Main
            questions:
              - id: age
                type: integer
                text: How old are you?
                range: [18, 99]
                warn:
                  - if: age > 99
                    message: That is very old.
              - id: years_here
                type: integer
                text: How many years have you come to the centre?
                range: [0, 40]
              - id: pets
                type: single
                text: Do you have pets?
                options:
                  - {code: 1, name: "yes", label: "Yes"}
                  - {code: 2, name: "no", label: "No"}
                  - {code: 3, name: robot, label: "A robot"}
                check:
                  - if: pets == robot
                    message: Robots are not pets.
              - id: dogs_name
                type: text
                text: What is your dog called?
                ask_if: age > 60 and years_here > age
        """

    @Test func coverageFindsTheDeadBranchAndTheOptionNobodyCanChoose() throws {
        let result = InstrumentLoader.load(text: Self.deadBranch, path: "dead.yaml")
        let instrument = try #require(result.instrument)
        var settings = SimulationSettings(count: 300, seed: 11)
        settings.breakOffRate = 0
        let coverage = Simulator.coverage(of: instrument, settings: settings, today: Day(year: 2026, month: 11, day: 23)!)
        let messages = coverage.findings(in: instrument).map(\.message)
        #expect(messages.contains("`dogs_name` was never asked: check its routing (ask_if) and the section's"))
        #expect(messages.contains("option 3 (robot) of `pets` was never chosen"))
        #expect(messages.contains("warning 1 of `age` never fired"))
        // The check fired (it is what keeps robot from being chosen), and yes/no were chosen.
        #expect(!messages.contains { $0.hasPrefix("check 1 of `pets`") })
        #expect(!messages.contains { $0.contains("option 1") || $0.contains("option 2") })
        #expect(coverage.interviews == 300)
    }

    @Test func theSameSeedGivesTheSameDatabase() throws {
        let instrumentPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("instruments/recovery-college-outcomes.yaml").path
        let loaded = try InstrumentLoader.load(path: instrumentPath)
        let instrument = try #require(loaded.instrument)
        func run(_ seed: UInt64) throws -> [[String: StoredAnswer]] {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sim-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let database = try StudyDatabase.create(at: directory.appendingPathComponent("s.sqlite").path)
            try database.initStudy(title: "Sim", publicKey: nil)
            let registered = try database.register(instrument, source: loaded.source!.text)
            let result = try Simulator.run(
                instrument, registered: registered, into: database, settings: SimulationSettings(count: 60, seed: seed),
                today: Day(year: 2026, month: 11, day: 23)!)
            #expect(result.interviews == 60)
            let summaries = try database.interviews()
            let allSimulated = summaries.allSatisfy { $0.simulated }
            #expect(allSimulated)
            // Participant codes are random; compare the answers in the order they were saved.
            return try database.allAnswersInOrder()
        }
        let first = try run(5), second = try run(5), other = try run(6)
        #expect(first == second)
        #expect(first != other)
        #expect(first.count == 60)
    }
}
