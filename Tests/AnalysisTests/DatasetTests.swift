import Analysis
import Foundation
import TestSupport
import Instrument
import Store
import Testing

/// The Dataset: one instrument across its versions, interview statuses, and clear errors.
struct DatasetTests {
    static let v1 = instrumentYAML(
        """
              - id: mood
                type: single
                text: How are you?
                options:
                  - {code: 1, label: Low}
                  - {code: 2, label: OK}
                  - {code: 3, label: Good}
              - id: old_question
                type: integer
                text: Only in version 1?
        """)
    static let v2 = instrumentYAML(
        """
              - id: mood
                type: single
                text: How are you today?
                label: Mood today
                options:
                  - {code: 1, label: Low}
                  - {code: 2, label: Fine}
              - id: new_question
                type: integer
                text: Only in version 2?
        """, version: 2)

    static func twoVersions() throws -> Fixture {
        let fixture = try Fixture(
            v1, (0..<4).map { ["mood": .value(.choice($0 % 3 + 1)), "old_question": .value(.number(1))] })
        try Fixture.add(
            v2, (0..<6).map { ["mood": .value(.choice($0 % 2 + 1)), "new_question": .value(.number(2))] },
            to: fixture.database)
        return fixture
    }

    @Test func versionsAreReadTogether() throws {
        let fixture = try Self.twoVersions()
        let dataset = try fixture.dataset()
        #expect(dataset.versions.map(\.registration.version) == [1, 2])
        #expect(dataset.variables.map(\.name) == ["mood", "new_question", "old_question"])
        let mood = try #require(dataset.variable("mood"))
        #expect(mood.label == "Mood today")
        #expect(
            mood.categories.map(\.label) == ["Low", "Fine", "Good"],
            "the newest labels, then codes only older versions had")
        let report = try fixture.describe()
        #expect(report.interviews == 10)
        #expect(report.variable("old_question")?.cases.missing.map(\.kind) == [.notInVersion])
        #expect(report.variable("old_question")?.cases.missing.first?.count.people == 6)
        #expect(report.variable("new_question")?.cases.missing.first?.count.people == 4)
        #expect(report.variable("mood")?.frequencies?.map(\.count.people) == [5, 4, 1])
        #expect(report.notes.contains { $0.contains("versions 1, 2") })
    }

    @Test func completedByDefaultOthersOnRequest() throws {
        let fixture = try Fixture(Self.v1, [["mood": .value(.choice(1))], ["mood": .value(.choice(2))]])
        try Fixture.add(Self.v1, [["mood": .value(.choice(3))]], to: fixture.database, status: .suspended)
        try Fixture.add(Self.v1, [["mood": .notReached]], to: fixture.database, status: .brokenOff)
        func interviews(_ statuses: Set<InterviewStatus>) throws -> Int {
            try Describer.describe(fixture.dataset(statuses: statuses), settings: DescribeSettings(minCell: 0))
                .interviews
        }
        #expect(try interviews([.completed]) == 2)
        #expect(try interviews([.completed, .suspended]) == 3)
        #expect(try interviews([.completed, .suspended, .brokenOff]) == 4)
        let report = try Describer.describe(
            fixture.dataset(statuses: [.completed, .brokenOff]), settings: DescribeSettings(minCell: 0))
        #expect(report.variable("mood")?.cases.missing.map(\.kind) == [.notReached])
        #expect(report.statuses == [.completed, .brokenOff])
    }

    @Test func simulatedInterviewsAreSaidToBe() throws {
        let fixture = try Fixture(Self.v1, [["mood": .value(.choice(1))]], simulated: true)
        try Fixture.add(Self.v1, [["mood": .value(.choice(2))]], to: fixture.database)
        let report = try fixture.describe()
        #expect(report.simulated == 1)
        #expect(
            report.notes.contains(
                "1 of the 2 interviews were made by `peersurvey simulate`: these are not real answers."))
    }

    @Test func instrumentsAreChosenByName() throws {
        let fixture = try Self.twoVersions()
        let other = instrumentYAML("      - {id: q, type: integer, text: Q?}", id: "other-study")
        try Fixture.add(other, [["q": .value(.number(3))]], to: fixture.database)
        #expect(throws: AnalysisError.chooseInstrument(available: ["fixture", "other-study"])) {
            try Dataset.open(fixture.database)
        }
        #expect(throws: AnalysisError.unknownInstrument("fixtur", available: ["fixture", "other-study"])) {
            try Dataset.open(fixture.database, instrument: "fixtur")
        }
        let error = AnalysisError.unknownInstrument("fixtur", available: ["fixture", "other-study"])
        #expect(error.description.contains("did you mean `fixture`?"))
        let report = try Describer.describe(
            Dataset.open(fixture.database, instrument: "other-study"), settings: DescribeSettings(minCell: 0))
        #expect(report.interviews == 1)
        #expect(report.variables.map(\.name) == ["q"])
    }

    @Test func unknownAndUnsuitableVariablesAreClear() throws {
        let dataset = try Self.twoVersions().dataset()
        #expect(throws: AnalysisError.unknownVariable("mod", instrument: "fixture", option: nil, suggestion: "mood")) {
            try Describer.describe(dataset, DescribeRequest(variables: ["mod"]))
        }
        #expect(
            throws: AnalysisError.unsuitableVariable(
                "new_question", option: "--by",
                needs: "a single-choice variable (a question, a grid item or a true/false calculation)",
                found: "a whole number variable")
        ) {
            try Describer.describe(dataset, DescribeRequest(by: "new_question"))
        }
        #expect(throws: AnalysisError.self) { try Describer.describe(dataset, DescribeRequest(weight: "mood")) }
        #expect(throws: AnalysisError.self) { try Describer.describe(dataset, DescribeRequest(scores: ["nothing"])) }
    }

    @Test func anEmptyDatasetDescribesWithoutCrashing() throws {
        let fixture = try Fixture(Self.v1, [])
        let report = try fixture.describe(minCell: 10)
        #expect(report.interviews == 0)
        #expect(report.variable("mood")?.frequencies?.allSatisfy { $0.count.people == 0 } == true)
        for format in ReportFormat.allCases { #expect(!ReportRenderer.render([report], format: format).isEmpty) }
    }
}
