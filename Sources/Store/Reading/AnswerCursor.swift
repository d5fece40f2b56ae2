import Foundation
import GRDB
import GRDBSQLite

/// Rows of `answer` in primary-key order: (interview, variable, status, value).
protocol AnswerSource {
    /// Moves to the next row; `false` after the last.
    mutating func next() throws -> Bool
    /// The row's interview id.
    var interview: Int64 { get }
    /// The row's variable id.
    var variable: Int64 { get }
    /// The row's status code.
    var status: Int { get }
    /// The value as a number (NaN when it is not one).
    func number() -> Double
    /// The value as text.
    func text() -> String?
    /// Calls `body` with the bytes of the value as text (UTF-8), or `nil` when it is null.
    func withText<R>(_ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R
    /// Stores rows into `sink` from the current one while they belong to `interview` (to the end
    /// when `nil`); returns whether the source is then on a row of a later interview.
    mutating func store(into sink: inout AnswerSink, interview: Int64?) throws -> Bool
}

/// Where the answers of one interview go: its statuses and numbers by slot, written without
/// the checks an array needs, its texts and its decoded codes.
struct AnswerSink {
    let slotOf: [Int32]
    let base: Int64
    let needs: [ScanNeed]
    let statuses: UnsafeMutableBufferPointer<StoredStatus>
    let numbers: UnsafeMutableBufferPointer<Double>
    var texts: [String?]
    var codeValues: [Int]
    var codeSpans: [CodeSpan]

    /// Decodes the codes of a multiple choice into `slot`.
    @inline(__always)
    mutating func storeCodes(_ slot: Int, _ bytes: UnsafeBufferPointer<UInt8>?) {
        let start = codeValues.count
        if let bytes, StoredFormat.codes(bytes, into: &codeValues) {
            codeSpans[slot] = CodeSpan(start: Int32(start), count: Int32(codeValues.count - start))
        } else {
            codeValues.removeSubrange(start...)
            codeSpans[slot] = .unreadable
        }
    }

    /// Decodes a date into `slot` as its day number (NaN when it is not a date).
    @inline(__always)
    func storeDay(_ slot: Int, _ bytes: UnsafeBufferPointer<UInt8>?) {
        numbers[slot] = bytes.flatMap(StoredFormat.day).map(Double.init) ?? .nan
    }

    /// Stores the value a source is on into `slot`, decoded as the slot needs.
    @inline(__always)
    mutating func storeValue<Source: AnswerSource>(_ slot: Int, from source: Source) {
        switch needs[slot] {
        case .status: break
        case .number: numbers[slot] = source.number()
        case .codes: source.withText { storeCodes(slot, $0) }
        case .day: source.withText { storeDay(slot, $0) }
        case .text: texts[slot] = source.text()
        }
    }

    /// The slot of a variable row id, or -1.
    @inline(__always)
    func slot(of variable: Int64) -> Int {
        let index = variable &- base
        return index >= 0 && index < Int64(slotOf.count) ? Int(slotOf[Int(index)]) : -1
    }
}

extension AnswerSource {
    /// One row at a time, through the accessors.
    mutating func store(into sink: inout AnswerSink, interview: Int64?) throws -> Bool {
        while true {
            let slot = sink.slot(of: variable)
            if slot >= 0, let status = StoredStatus(rawValue: status) {
                sink.statuses[slot] = status
                if status == .answered { sink.storeValue(slot, from: self) }
            }
            guard try next() else { return false }
            if let interview, self.interview != interview { return true }
        }
    }
}

/// Rows of `answer` stepped through SQLite with a raw statement.
struct StatementAnswers: AnswerSource {
    let statement: Statement
    let db: Database

    mutating func next() throws -> Bool {
        let code = sqlite3_step(statement.sqliteStatement)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw DatabaseError(
            resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }

    var interview: Int64 { sqlite3_column_int64(statement.sqliteStatement, 0) }
    var variable: Int64 { sqlite3_column_int64(statement.sqliteStatement, 1) }
    var status: Int { Int(sqlite3_column_int(statement.sqliteStatement, 2)) }

    func number() -> Double {
        let raw = statement.sqliteStatement
        let value = sqlite3_column_double(raw, 3)
        if value != 0 { return value }
        // Zero, or text that does not read as a number: only then is the type worth asking.
        switch sqlite3_column_type(raw, 3) {
        case SQLITE_INTEGER, SQLITE_FLOAT: return value
        default: return Double(text() ?? "") ?? .nan
        }
    }

    func text() -> String? {
        withText { bytes in bytes.map { String(decoding: $0, as: UTF8.self) } }
    }

    func withText<R>(_ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
        let raw = statement.sqliteStatement
        guard let bytes = sqlite3_column_text(raw, 3) else { return body(nil) }
        return body(UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(raw, 3))))
    }
}

/// Walks the wanted interviews in row-id order beside their answers and assembles one
/// ``InterviewRow`` per interview.
///
/// Answers come one of three ways, chosen by ``StudyDatabase/scan(_:range:body:)``:
/// - **pages** (most interviews wanted, the write-ahead log empty): ``AnswerPages`` reads the
///   `answer` B-tree from the file.
/// - **merge** (most wanted, the log not empty): one pass of a raw statement over `answer` in
///   primary-key order. A join that looked each interview's answers up would cost a B-tree
///   descent per interview, about 40% more.
/// - **seek** (few wanted, as when a study holds several instruments): each wanted interview's
///   answers are looked up by the primary key, so unwanted answers are never read.
final class RowAssembler {
    private let layout: ScanLayout
    private let metadata: Bool
    private let interviews: Statement
    private let db: Database
    private var row: InterviewRow
    /// The statuses and numbers of the interview being read, written without the checks an
    /// array needs and copied into the row when it is complete.
    private let statuses: UnsafeMutableBufferPointer<StoredStatus>
    private let numbers: UnsafeMutableBufferPointer<Double>

    init(_ db: Database, layout: ScanLayout, filter: String, range: ClosedRange<Int64>, metadata: Bool) throws {
        self.db = db
        self.layout = layout
        self.metadata = metadata
        row = InterviewRow(slots: layout.count)
        statuses = .allocate(capacity: max(1, layout.count))
        statuses.initialize(repeating: .notReached)
        numbers = .allocate(capacity: max(1, layout.count))
        numbers.initialize(repeating: 0)
        interviews = try db.makeStatement(
            sql: """
                SELECT id, instrument_id, status, simulated\(metadata ? ", language, interviewer, started_at, code, outcome" : "")
                FROM interview NOT INDEXED WHERE id BETWEEN ? AND ? AND \(filter) ORDER BY id
                """)
        sqlite3_bind_int64(interviews.sqliteStatement, 1, range.lowerBound)
        sqlite3_bind_int64(interviews.sqliteStatement, 2, range.upperBound)
    }

    deinit {
        statuses.deallocate()
        numbers.deallocate()
    }

    /// Looks up each wanted interview's answers (the seek way).
    func seek(_ body: (InterviewRow) throws -> Void) throws {
        let statement = try db.makeStatement(
            sql: "SELECT interview_id, variable_id, status, value FROM answer WHERE interview_id = ?")
        var source = StatementAnswers(statement: statement, db: db)
        var next = try stepInterview()
        while let id = next {
            begin()
            next = try stepInterview()
            sqlite3_reset(statement.sqliteStatement)
            sqlite3_bind_int64(statement.sqliteStatement, 1, id)
            if try source.next() { _ = try fill(&source, interview: nil) } else { complete() }
            try body(row)
        }
    }

    /// Walks answers in key order beside the wanted interviews (the merge and pages ways).
    func merge<Source: AnswerSource>(_ source: inout Source, _ body: (InterviewRow) throws -> Void) throws {
        var next = try stepInterview()
        var pending = try source.next()
        while pending {
            let interview = source.interview
            // Wanted interviews without any answer still count (every variable not reached).
            while let id = next, id < interview {
                begin()
                next = try stepInterview()
                complete()
                try body(row)
            }
            if next == interview {
                begin()
                next = try stepInterview()
                pending = try fill(&source, interview: interview)
                try body(row)
            } else {
                repeat { pending = try source.next() } while pending && source.interview == interview
            }
        }
        while next != nil {
            begin()
            next = try stepInterview()
            complete()
            try body(row)
        }
    }

    /// Stores the answers of one interview, from the source's current row to the last row of
    /// `interview` (to the end when `nil`), and completes the row; returns whether the source is
    /// on a row of a later interview.
    private func fill<Source: AnswerSource>(_ source: inout Source, interview: Int64?) throws -> Bool {
        var sink = AnswerSink(
            slotOf: layout.slotOf, base: layout.base, needs: layout.needs, statuses: statuses, numbers: numbers,
            texts: [], codeValues: [], codeSpans: [])
        swap(&sink.texts, &row.texts)
        swap(&sink.codeValues, &row.codeValues)
        swap(&sink.codeSpans, &row.codeSpans)
        defer {
            swap(&sink.texts, &row.texts)
            swap(&sink.codeValues, &row.codeValues)
            swap(&sink.codeSpans, &row.codeSpans)
        }
        let pending = try source.store(into: &sink, interview: interview)
        complete()
        return pending
    }

    /// Copies the interview's statuses and numbers into the row.
    private func complete() {
        let count = layout.count
        guard count > 0 else { return }
        row.statuses.withUnsafeMutableBufferPointer {
            $0.baseAddress!.update(from: statuses.baseAddress!, count: count)
        }
        row.numbers.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: numbers.baseAddress!, count: count) }
    }

    private func text(_ statement: OpaquePointer, _ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(statement, column) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// Starts a row for the interview the interview statement is on.
    private func begin() {
        let statement = interviews.sqliteStatement
        row.id = sqlite3_column_int64(statement, 0)
        row.instrumentRowID = sqlite3_column_int64(statement, 1)
        row.status = InterviewStatus(rawValue: text(statement, 2) ?? "") ?? .active
        row.simulated = sqlite3_column_int(statement, 3) != 0
        if metadata {
            row.language = text(statement, 4) ?? ""
            row.interviewer = text(statement, 5) ?? ""
            row.startedAt = text(statement, 6) ?? ""
            row.code = text(statement, 7) ?? ""
            row.outcome = text(statement, 8)
        }
        if let defaults = layout.defaults[row.instrumentRowID] {
            for index in defaults.indices { statuses[index] = defaults[index] }
        }
        for slot in layout.textSlots { row.texts[slot] = nil }
        for slot in layout.codeSlots { row.codeSpans[slot] = .unreadable }
        row.codeValues.removeAll(keepingCapacity: true)
    }

    /// Moves to the next wanted interview; returns its row id, or `nil` at the end.
    private func stepInterview() throws -> Int64? {
        let statement = interviews.sqliteStatement
        let code = sqlite3_step(statement)
        if code == SQLITE_ROW { return sqlite3_column_int64(statement, 0) }
        if code == SQLITE_DONE { return nil }
        throw DatabaseError(
            resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }
}
