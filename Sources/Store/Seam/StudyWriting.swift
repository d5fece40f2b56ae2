package import Foundation
package import Instrument
package import Interview

/// One interview being written: the log its session records to, and what resuming it needs.
package protocol InterviewWriting: InterviewLog {
    /// The participant code, read aloud (`K7MQ-2P4X`).
    var code: String { get }
    /// The interview's language.
    var language: String { get }
    /// The instrument version the interview uses.
    var instrument: RegisteredInstrument { get }
    /// What is saved of the interview so far, decoded by the instrument's types.
    func saved(for instrument: Instrument) throws -> SavedInterview
}

/// The write side of a study's storage: what interviewing and simulation write. Each call is
/// durable when it returns. The SQLite study database implements it; a study server's backend
/// implements the same calls.
package protocol StudyWriting: Sendable {
    /// A name for messages.
    var path: String { get }
    /// The study the storage belongs to.
    func study() throws -> StudyInfo
    /// Registers an instrument version (once per content hash) and its variables.
    func register(_ instrument: Instrument, source: String) throws -> RegisteredInstrument
    /// Starts an interview with a new participant code.
    func beginInterview(
        _ instrument: RegisteredInstrument, interviewer: String, language: String, simulated: Bool
    ) throws -> any InterviewWriting
    /// Continues an interview that stopped.
    func continueInterview(code: String) throws -> any InterviewWriting
    /// Writes many finished interviews at once (simulation), in as few transactions as is safe.
    /// - Returns: How many were written.
    func insertInterviews(_ instrument: RegisteredInstrument, _ interviews: some Sequence<BulkInterview>, simulated: Bool)
        throws -> Int
}

extension InterviewRecorder: InterviewWriting {}

extension StudyDatabase: StudyWriting {
    /// Starts an interview (``startInterview(_:interviewer:language:simulated:)``).
    package func beginInterview(
        _ instrument: RegisteredInstrument, interviewer: String, language: String, simulated: Bool
    ) throws -> any InterviewWriting {
        try startInterview(instrument, interviewer: interviewer, language: language, simulated: simulated)
    }

    /// Continues an interview (``resumeInterview(code:)``).
    package func continueInterview(code: String) throws -> any InterviewWriting {
        try resumeInterview(code: code)
    }

    /// Writes finished interviews (``bulkInsert(_:interviews:simulated:batchSize:)``).
    package func insertInterviews(
        _ instrument: RegisteredInstrument, _ interviews: some Sequence<BulkInterview>, simulated: Bool
    ) throws -> Int {
        try bulkInsert(instrument, interviews: interviews, simulated: simulated)
    }
}
