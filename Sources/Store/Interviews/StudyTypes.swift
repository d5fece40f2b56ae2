package import Foundation

/// The study a database belongs to.
package struct StudyInfo: Sendable, Equatable {
    /// A random id, the same in every copy of the study's database; merges check it.
    package var uuid: String
    /// The title given at `study init`.
    package var title: String
    /// The raw X25519 public key identifying answers are sealed to, if one was recorded.
    package var publicKey: Data?
    /// The key's fingerprint, to compare with the custodian's.
    package var keyFingerprint: String?
    /// When the study was created (ISO 8601, UTC).
    package var createdAt: String
}

/// An instrument version as registered in a study.
package struct RegisteredInstrument: Sendable, Equatable {
    /// The row id in `instrument`.
    package var rowID: Int64
    /// The instrument's `instrument:` id.
    package var name: String
    /// Its `version:`.
    package var version: Int
    /// SHA-256 of the YAML source, in hex.
    package var contentHash: String
    /// The row id of each variable in `variable`, by name.
    package var variableIDs: [String: Int64]
    /// Variables whose answers are sealed.
    package var identifying: Set<String>
}

/// Where an interview stands.
package enum InterviewStatus: String, Sendable, CaseIterable, Codable {
    /// Under way now.
    case active
    /// Stopped to continue later.
    case suspended
    /// Finished.
    case completed
    /// Stopped for good before the end, with a coded reason.
    case brokenOff = "broken_off"
    /// The participant did not agree to every consent statement; no answers are kept.
    case noConsent = "no_consent"

    /// Words for people.
    package var label: String {
        switch self {
        case .active: return "active"
        case .suspended: return "suspended"
        case .completed: return "completed"
        case .brokenOff: return "broken off"
        case .noConsent: return "no consent"
        }
    }
}

/// What can happen in an interview, as logged in the append-only `event` table. No event
/// carries free text.
package enum InterviewEventKind: String, Sendable, CaseIterable, Codable {
    /// The interview started.
    case started
    /// Consent was given to every statement.
    case consented
    /// A question was shown.
    case shown
    /// A question was answered for the first time.
    case answered
    /// An answer was changed; the event keeps the old value and the reason.
    case changed
    /// The interviewer went back.
    case back
    /// The distress pause was opened.
    case paused
    /// The interview resumed after a pause or a suspension.
    case resumed
    /// The rest of a section was skipped from the pause screen.
    case skippedSection = "skipped_section"
    /// A safeguard's condition became true and its script was put on the screen; until a
    /// `safeguard_shown` follows, it is shown again when the interview resumes.
    case safeguardFired = "safeguard_fired"
    /// A safeguard's script was shown and acknowledged.
    case safeguardShown = "safeguard_shown"
    /// An interviewer note was written (its text is in `note`, sealed when the study has a key).
    case note
    /// The interview was suspended.
    case suspended
    /// The interview was completed.
    case completed
    /// The interview was broken off.
    case brokenOff = "broken_off"
    /// The participant did not consent.
    case noConsent = "no_consent"
    /// The answers were discarded at the participant's request.
    case discarded
}

/// An answer as stored: a status and, for a given answer, its value.
package enum StoredAnswer: Sendable, Equatable {
    /// A value, decoded by the variable's type.
    case value(StoredValue)
    /// A missing status (status codes 1 to 5).
    case missing(StoredStatus)
    /// An identifying answer: sealed, readable only with the private key.
    case sealed
}

/// The `answer.status` column.
package enum StoredStatus: Int, Sendable, CaseIterable, Codable {
    /// A value was given (in `answer.value`, or sealed).
    case answered = 0
    /// Prefer not to say.
    case refused = 1
    /// Don't know.
    case dontKnow = 2
    /// Not applicable: routed past, or said by the participant.
    case notApplicable = 3
    /// Not reached: the interview ended first.
    case notReached = 4
    /// Not in this version of the instrument.
    case notInVersion = 5
}

/// A value as stored in `answer.value`: numbers as numbers, the rest as text.
package enum StoredValue: Sendable, Equatable {
    /// A whole number: a choice code, an integer answer, or a boolean (0 or 1).
    case integer(Int64)
    /// A decimal answer or calculation.
    case real(Double)
    /// Text: free text, a date `YYYY-MM-DD`, or the codes of a multiple choice (`1 3 97`).
    case text(String)
}

/// One value per answer status, looked up by status without a dictionary (for hot loops that
/// turn each status into a code or a count).
package struct PerStatus<Value> {
    private var values: [Value]

    /// A table holding `make(status)` for every status.
    package init(_ make: (StoredStatus) -> Value) { values = StoredStatus.allCases.map(make) }

    /// The value of a status.
    package subscript(status: StoredStatus) -> Value {
        @inline(__always) get { values[status.rawValue] }
        @inline(__always) set { values[status.rawValue] = newValue }
    }
}

extension PerStatus: Sendable where Value: Sendable {}
