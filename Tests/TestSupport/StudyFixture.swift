package import Foundation
package import Instrument
package import Store

/// A study database on disk with one instrument and the given interviews, written through the
/// Store's bulk API as `simulate` writes them.
package struct StudyFixture {
    /// Why a fixture could not be made.
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// The database file.
    package let path: String
    /// The open database.
    package let database: StudyDatabase

    /// Creates the database in a directory.
    /// - Parameters:
    ///   - yaml: The instrument.
    ///   - interviews: Each interview's answers by variable name; a missing name is not stored.
    ///   - directory: Where to put `study.sqlite`.
    ///   - status: The interviews' status.
    ///   - simulated: Whether to mark them simulated.
    package init(
        _ yaml: String, _ interviews: [[String: Answer]], in directory: URL, status: InterviewStatus = .completed,
        simulated: Bool = false
    ) throws {
        path = directory.appendingPathComponent("study.sqlite").path
        database = try StudyDatabase.create(at: path)
        try database.initStudy(title: "Test", publicKey: nil)
        try Self.add(yaml, interviews, to: database, status: status, simulated: simulated)
    }

    /// Adds interviews of a (possibly new version of an) instrument.
    package static func add(
        _ yaml: String, _ interviews: [[String: Answer]], to database: StudyDatabase,
        status: InterviewStatus = .completed, simulated: Bool = false
    ) throws {
        let loaded = InstrumentLoader.load(text: yaml)
        guard let instrument = loaded.instrument, !loaded.hasErrors else {
            throw Failure(description: loaded.diagnostics.map(\.message).joined(separator: "; "))
        }
        let registered = try database.register(instrument, source: yaml)
        let bulk = interviews.map { answers in
            BulkInterview(
                status: status, interviewer: "PR01", language: "en",
                answers: answers.sorted { $0.key < $1.key }.map { (registered.variableIDs[$0.key]!, $0.value) })
        }
        try database.bulkInsert(registered, interviews: bulk, simulated: simulated)
    }
}

/// An instrument with the given questions in one section (YAML list items, indented 6).
package func instrumentYAML(_ questions: String, id: String = "fixture", version: Int = 1, scores: String = "")
    -> String
{
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
