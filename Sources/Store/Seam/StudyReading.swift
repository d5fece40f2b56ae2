package import Instrument

/// The read side of a study's storage: what the ``Dataset`` of the analysis and the exports
/// reads, and nothing else. The SQLite study database implements it; a second backend (a study
/// server's PostgreSQL) implements the same few calls and every analysis and export works on it
/// unchanged.
///
/// Rows come decoded (``InterviewRow``): statuses as ``StoredStatus``, codes as lists, dates as
/// day numbers. How an answer is laid out in storage never leaves the implementation.
package protocol StudyReading: Sendable {
    /// A name for messages: the database file, or the server's study.
    var path: String { get }
    /// The study the storage belongs to.
    func study() throws -> StudyInfo
    /// Every registered instrument version, oldest first.
    func instruments() throws -> [RegisteredInstrument]
    /// The YAML source an instrument version was registered with.
    func source(of instrument: RegisteredInstrument) throws -> String
    /// How many interviews a plan reads, by status (every status when the plan names none).
    func interviewCounts(_ plan: ScanPlan) throws -> [InterviewStatus: Int]
    /// Disjoint ranges of interview ids, in order, covering every interview, to read in parallel;
    /// the split depends only on the data.
    func scanRanges(_ plan: ScanPlan, count: Int) throws -> [ClosedRange<Int64>]
    /// Reads interviews in id order, one reused row at a time; only the interviews whose id is in
    /// `range` (all when `nil`). Safe to call from several threads at once on disjoint ranges.
    func scan(_ plan: ScanPlan, range: ClosedRange<Int64>?, body: (InterviewRow) throws -> Void) throws
}

extension StudyDatabase: StudyReading {}
