/// What a scan reads for one variable: always its status and, when it is answered, its value
/// decoded by kind. Nothing outside the store sees how a value is written in the file.
package enum ScanNeed: Sendable {
    /// Only the status (answered or the reason for no answer). Free text and identifying
    /// variables are counted this way: their contents are never needed to count them.
    case status
    /// A number in ``InterviewRow/numbers``: choices, integers, decimals, booleans as 0 or 1.
    case number
    /// The chosen codes of a multiple choice, through ``InterviewRow/codes(_:)``.
    case codes
    /// A date, as its day number since 1970-01-01 in ``InterviewRow/numbers``.
    case day
    /// Text in ``InterviewRow/texts`` (free text, for exports that include it).
    case text
}

/// One column of a scan: a variable, found by its row id in each instrument version that has it.
package struct ScanSlot: Sendable, Equatable {
    /// The row id of the variable in `variable`, by the row id of the instrument version;
    /// a version without an entry does not have the variable ("not in version").
    package var variableIDs: [Int64: Int64]
    /// What to read.
    package var need: ScanNeed

    /// Creates a slot.
    /// - Parameters:
    ///   - variableIDs: The variable's row id in each instrument version that has it.
    ///   - need: What to read.
    package init(variableIDs: [Int64: Int64], need: ScanNeed) {
        self.variableIDs = variableIDs
        self.need = need
    }
}

/// Which interviews and which variables a scan reads.
package struct ScanPlan: Sendable, Equatable {
    /// The instrument versions (row ids in `instrument`) whose interviews are read.
    package var instruments: [Int64]
    /// The interview statuses read (completed only, by default).
    package var statuses: Set<InterviewStatus>
    /// The columns of every ``InterviewRow``, in order.
    package var slots: [ScanSlot]
    /// Whether to read each interview's language, interviewer, start time, participant code and
    /// outcome (left empty when not; statistics do not need them, and reading them costs a string
    /// each).
    package var metadata = true

    /// Creates a plan.
    /// - Parameters:
    ///   - instruments: The instrument versions whose interviews are read.
    ///   - statuses: The interview statuses read.
    ///   - slots: The variables read, one per column of ``InterviewRow``.
    package init(instruments: [Int64], statuses: Set<InterviewStatus> = [.completed], slots: [ScanSlot]) {
        self.instruments = instruments
        self.statuses = statuses
        self.slots = slots
    }
}

/// One interview as a scan yields it: its metadata and, for each slot of the ``ScanPlan``, a
/// status and a value. The scan reuses one row for every interview: copy what you keep.
///
/// A variable the interview's instrument version does not have is ``StoredStatus/notInVersion``;
/// one the version has but that holds no row (an interview stopped before it) is
/// ``StoredStatus/notReached``. An identifying variable is answered or missing, never a value.
package struct InterviewRow: Sendable {
    /// The interview's row id (local to the database file).
    package internal(set) var id: Int64 = 0
    /// The row id of its instrument version.
    package internal(set) var instrumentRowID: Int64 = 0
    /// Where the interview stands.
    package internal(set) var status: InterviewStatus = .completed
    /// Whether `simulate` made it.
    package internal(set) var simulated = false
    /// The language it ran in.
    package internal(set) var language = ""
    /// The interviewer's code.
    package internal(set) var interviewer = ""
    /// When it started (ISO 8601, UTC).
    package internal(set) var startedAt = ""
    /// The participant code (read with the metadata).
    package internal(set) var code = ""
    /// The coded reason it ended early, if any (read with the metadata).
    package internal(set) var outcome: String?
    /// The status of each slot.
    package internal(set) var statuses: [StoredStatus]
    /// The value of each ``ScanNeed/number`` slot that is answered, and the day number of each
    /// ``ScanNeed/day`` slot that is answered (NaN when the stored value cannot be read as one);
    /// unspecified otherwise.
    package internal(set) var numbers: [Double]
    /// The value of each ``ScanNeed/text`` slot that is answered; `nil` otherwise.
    package internal(set) var texts: [String?]
    /// The codes of every ``ScanNeed/codes`` slot of this interview, one after the other.
    var codeValues: [Int] = []
    /// Where each ``ScanNeed/codes`` slot's codes lie in ``codeValues``.
    var codeSpans: [CodeSpan]

    /// The codes chosen in a ``ScanNeed/codes`` slot that is answered, in ascending order.
    /// - Parameter slot: The slot.
    /// - Returns: The codes, or `nil` when the stored value cannot be read as codes (a damaged row)
    ///   or the slot is not answered.
    @inline(__always)
    package func codes(_ slot: Int) -> ArraySlice<Int>? {
        let span = codeSpans[slot]
        guard span.count >= 0 else { return nil }
        return codeValues[Int(span.start)..<Int(span.start + span.count)]
    }

    init(slots: Int) {
        statuses = Array(repeating: .notReached, count: slots)
        numbers = Array(repeating: 0, count: slots)
        texts = Array(repeating: nil, count: slots)
        codeSpans = Array(repeating: CodeSpan.unreadable, count: slots)
    }
}

/// Where one slot's codes lie in ``InterviewRow/codeValues``; a negative count when unreadable.
struct CodeSpan: Sendable {
    var start: Int32
    var count: Int32

    static let unreadable = CodeSpan(start: 0, count: -1)
}
