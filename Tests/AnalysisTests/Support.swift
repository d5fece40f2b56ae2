import Analysis
import Foundation
import Instrument
import Store
import TestSupport
import Testing

/// Where this test process keeps its files.
let testFiles = TestFiles("peersurvey-analysis-tests")

/// A fresh directory for one test's files.
func temporaryDirectory() throws -> URL { try testFiles.directory() }

/// A study database on disk with one instrument and the given interviews, written through the
/// Store API as `simulate` writes them.
struct Fixture {
    let path: String
    let database: StudyDatabase

    /// Creates the database.
    /// - Parameters:
    ///   - yaml: The instrument.
    ///   - interviews: Each interview's answers by variable name; a missing name is not stored.
    ///   - status: The interviews' status.
    ///   - simulated: Whether to mark them simulated.
    init(
        _ yaml: String, _ interviews: [[String: Answer]], status: InterviewStatus = .completed, simulated: Bool = false
    ) throws {
        let fixture = try StudyFixture(
            yaml, interviews, in: temporaryDirectory(), status: status, simulated: simulated)
        path = fixture.path
        database = fixture.database
    }

    /// Adds interviews of a (possibly new version of an) instrument.
    static func add(
        _ yaml: String, _ interviews: [[String: Answer]], to database: StudyDatabase,
        status: InterviewStatus = .completed,
        simulated: Bool = false
    ) throws {
        try StudyFixture.add(yaml, interviews, to: database, status: status, simulated: simulated)
    }

    /// The dataset of the only instrument.
    func dataset(statuses: Set<InterviewStatus> = [.completed]) throws -> Dataset {
        try Dataset.open(database, statuses: statuses)
    }

    /// Describes with suppression off unless asked.
    func describe(
        _ request: DescribeRequest = DescribeRequest(), minCell: Int = 0, percentiles: PercentileMethod = .type7
    ) throws -> DescribeReport {
        try Describer.describe(
            dataset(), request, settings: DescribeSettings(percentiles: percentiles, minCell: minCell))
    }
}

extension DescribeReport {
    /// The result of one variable.
    func variable(_ name: String) -> VariableResult? { variables.first { $0.name == name } }
}

/// Whether two numbers agree to a relative tolerance.
func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}

/// Answers from numbers: `nil` stands for the given missing answer.
func numbers(_ values: [Double?], missing: Answer = .refused) -> [Answer] {
    values.map { $0.map { .value(.number($0)) } ?? missing }
}
