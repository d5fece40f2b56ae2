import Foundation

/// Why the study database refused an operation. Messages name files, question ids and
/// participant codes, never an answer.
package enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist and was not to be created.
    case missing(path: String)
    /// The file is not a SQLite database at all (text, random bytes, a truncated header).
    case notADatabase(path: String)
    /// The file is a SQLite database of another application.
    case foreignDatabase(path: String)
    /// The file was written by a newer peersurvey.
    case newerSchema(path: String, found: Int, supported: Int)
    /// The file is damaged: SQLite reported corruption, or a check failed.
    case damaged(path: String, detail: String)
    /// The disk (or the database's page limit) is full; nothing of the failed write was kept.
    case diskFull(path: String)
    /// SQLite could not be read or written for another reason.
    case io(path: String, detail: String)
    /// The durability settings could not be confirmed after opening.
    case unsafeSettings(path: String, detail: String)
    /// The database holds no study yet.
    case noStudy(path: String)
    /// The study already exists (from `study init`).
    case studyExists(path: String)
    /// The instrument has identifying questions but the study has no public key.
    case noPublicKey(instrument: String, questions: [String])
    /// No interview has this participant code.
    case unknownParticipant(code: String)
    /// The operation does not fit the interview's status.
    case wrongStatus(code: String, status: String, operation: String)
    /// No variable of this name in the interview's instrument.
    case unknownVariable(String, instrument: String)
    /// A key or key file problem.
    case key(String)
    /// Two databases belong to different studies.
    case differentStudy(path: String)
    /// The interview is open in another window or process (it holds the interview's lock).
    case interviewInUse(code: String)
    /// `withdraw` deleted the participant's rows but could not yet clear older copies of them
    /// from the file (another program kept reading it).
    case erasureIncomplete(path: String, code: String, detail: String)

    /// The message for the user: a sentence that says what to do.
    package var description: String {
        switch self {
        case .missing(let path):
            return "\(path): no such study database; create one with `peersurvey study init --db \(path) --title ...`"
        case .notADatabase(let path):
            return "\(path): this is not a SQLite database (it may be damaged or another kind of file); it was left untouched"
        case .foreignDatabase(let path):
            return "\(path): this SQLite database was not made by peersurvey; it was left untouched"
        case .newerSchema(let path, let found, let supported):
            return "\(path): this study database has schema version \(found), newer than this peersurvey understands (\(supported)); install a newer peersurvey. The file was left untouched"
        case .damaged(let path, let detail):
            return "\(path): the study database is damaged (\(detail)); restore it from a backup (`peersurvey backup` makes one)"
        case .diskFull(let path):
            return "\(path): the disk is full; the last change was not saved, everything saved before it is intact. Free some space and try again"
        case .io(let path, let detail):
            return "\(path): the study database could not be used: \(detail)"
        case .unsafeSettings(let path, let detail):
            return "\(path): the study database could not be opened safely: \(detail)"
        case .noStudy(let path):
            return "\(path): the database holds no study; run `peersurvey study init --db \(path) --title ...`"
        case .studyExists(let path):
            return "\(path): a study already exists in this database"
        case .noPublicKey(let instrument, let questions):
            return "the instrument `\(instrument)` has identifying questions (\(questions.joined(separator: ", "))) but the study has no public key to seal them with. Make a key pair with `peersurvey keys new --out study-key`, keep study-key.key safe, and record the public key with `peersurvey study init --db ... --key study-key.pub`"
        case .unknownParticipant(let code):
            return "no interview has the participant code \(code)"
        case .wrongStatus(let code, let status, let operation):
            return "interview \(code) is \(status); it cannot be \(operation)"
        case .unknownVariable(let name, let instrument):
            return "the instrument `\(instrument)` has no variable `\(name)`"
        case .key(let message):
            return message
        case .differentStudy(let path):
            return "\(path): this database belongs to a different study; only copies of one study can be merged"
        case .interviewInUse(let code):
            return "interview \(code) is open in another window (or another peersurvey process); carry on there, or suspend it there first. If that window has closed or crashed, its lock went with it: try again"
        case .erasureIncomplete(let path, let code, let detail):
            return "\(path): the answers of \(code) are deleted, but \(detail). Close every other program using the database (other peersurvey windows, a database browser, a backup in progress), then run `peersurvey withdraw --db \(path) \(code) --yes` again to finish the erasure"
        }
    }

    /// The same error naming `path` where it named `temporary` (a file built under a temporary
    /// name is reported by the name the user gave).
    package func naming(_ path: String, insteadOf temporary: String) -> StoreError {
        func fix(_ named: String) -> String { named == temporary ? path : named }
        switch self {
        case .missing(let p): return .missing(path: fix(p))
        case .notADatabase(let p): return .notADatabase(path: fix(p))
        case .foreignDatabase(let p): return .foreignDatabase(path: fix(p))
        case .newerSchema(let p, let found, let supported): return .newerSchema(path: fix(p), found: found, supported: supported)
        case .damaged(let p, let detail): return .damaged(path: fix(p), detail: detail)
        case .diskFull(let p): return .diskFull(path: fix(p))
        case .io(let p, let detail): return .io(path: fix(p), detail: detail)
        case .unsafeSettings(let p, let detail): return .unsafeSettings(path: fix(p), detail: detail)
        case .noStudy(let p): return .noStudy(path: fix(p))
        case .studyExists(let p): return .studyExists(path: fix(p))
        case .erasureIncomplete(let p, let code, let detail): return .erasureIncomplete(path: fix(p), code: code, detail: detail)
        case .differentStudy(let p): return .differentStudy(path: fix(p))
        case .noPublicKey, .unknownParticipant, .wrongStatus, .unknownVariable, .key, .interviewInUse: return self
        }
    }
}
