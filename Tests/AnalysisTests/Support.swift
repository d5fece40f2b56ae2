import Analysis
import Foundation
import Instrument
import Store
import Testing

/// Where this test process keeps its files: one folder per process; folders of earlier runs
/// whose process has ended are removed.
let testFilesRoot: URL = {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("peersurvey-analysis-tests")
    let mine = root.appendingPathComponent(String(ProcessInfo.processInfo.processIdentifier))
    for old in (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [] {
        if let pid = Int32(old), pid != ProcessInfo.processInfo.processIdentifier, kill(pid, 0) != 0 {
            try? FileManager.default.removeItem(at: root.appendingPathComponent(old))
        }
    }
    return mine
}()

/// A fresh directory for one test's files.
func temporaryDirectory() throws -> URL {
    let url = testFilesRoot.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

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
        let directory = try temporaryDirectory()
        path = directory.appendingPathComponent("study.sqlite").path
        database = try StudyDatabase.create(at: path)
        try database.initStudy(title: "Test", publicKey: nil)
        try Self.add(yaml, interviews, to: database, status: status, simulated: simulated)
    }

    /// Adds interviews of a (possibly new version of an) instrument.
    static func add(
        _ yaml: String, _ interviews: [[String: Answer]], to database: StudyDatabase,
        status: InterviewStatus = .completed,
        simulated: Bool = false
    ) throws {
        let loaded = InstrumentLoader.load(text: yaml)
        let instrument = try #require(loaded.instrument, "\(loaded.diagnostics.map(\.message))")
        let registered = try database.register(instrument, source: yaml)
        let bulk = interviews.map { answers in
            BulkInterview(
                status: status, interviewer: "PR01", language: "en",
                answers: answers.sorted { $0.key < $1.key }.map { (registered.variableIDs[$0.key]!, $0.value) })
        }
        try database.bulkInsert(registered, interviews: bulk, simulated: simulated)
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

/// An instrument with the given questions in one section (YAML list items, indented 6).
func instrumentYAML(_ questions: String, id: String = "fixture", version: Int = 1, scores: String = "") -> String {
    """
    instrument: \(id)
    version: \(version)
    title: Fixture
    sections:
      - id: main
        title: Main
        questions:
    \(questions)
    \(scores)
    """
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
