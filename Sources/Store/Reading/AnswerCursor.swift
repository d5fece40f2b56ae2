import Foundation
import GRDB
import GRDBSQLite

/// Walks interviews and their answers with raw SQLite statements and assembles one
/// ``InterviewRow`` per interview.
///
/// Two ways, chosen by how many of the range's interviews the plan wants:
/// - **merge** (most interviews wanted): one pass over `answer` in primary-key order beside one
///   pass over `interview` in row-id order, advanced together. A join that looks each interview's
///   answers up costs a B-tree descent per interview, about 40% more for a whole study.
/// - **seek** (few wanted, as when a study holds several instruments): each wanted interview's
///   answers are looked up by the primary key, so unwanted answers are never read.
struct AnswerCursor {
    private let layout: ScanLayout
    private let interviews: Statement
    private let answers: Statement
    private let seek: Bool
    private let db: Database
    private var row: InterviewRow

    init(_ db: Database, layout: ScanLayout, filter: String, range: ClosedRange<Int64>) throws {
        self.db = db
        self.layout = layout
        row = InterviewRow(slots: layout.count)
        interviews = try db.makeStatement(sql: """
            SELECT id, instrument_id, status, simulated, language, interviewer, started_at
            FROM interview NOT INDEXED WHERE id BETWEEN ? AND ? AND \(filter) ORDER BY id
            """)
        let arguments: StatementArguments = [range.lowerBound, range.upperBound]
        let all = try Int.fetchOne(db, sql: "SELECT count(*) FROM interview WHERE id BETWEEN ? AND ?", arguments: arguments) ?? 0
        let wanted = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM interview WHERE id BETWEEN ? AND ? AND \(filter)", arguments: arguments) ?? 0
        seek = wanted * 4 < all
        if seek {
            answers = try db.makeStatement(sql: "SELECT variable_id, status, value FROM answer WHERE interview_id = ?")
        } else {
            answers = try db.makeStatement(sql: """
                SELECT interview_id, variable_id, status, value FROM answer
                WHERE interview_id BETWEEN ? AND ? ORDER BY interview_id, variable_id
                """)
            sqlite3_bind_int64(answers.sqliteStatement, 1, range.lowerBound)
            sqlite3_bind_int64(answers.sqliteStatement, 2, range.upperBound)
        }
        sqlite3_bind_int64(interviews.sqliteStatement, 1, range.lowerBound)
        sqlite3_bind_int64(interviews.sqliteStatement, 2, range.upperBound)
    }

    /// Calls `body` for every wanted interview, in order of row id.
    mutating func run(_ body: (InterviewRow) throws -> Void) throws {
        var next = try stepInterview()
        if seek {
            let statement = answers.sqliteStatement
            while let id = next {
                begin()
                next = try stepInterview()
                sqlite3_reset(statement)
                sqlite3_bind_int64(statement, 1, id)
                while try step(statement) { store(statement, from: 0) }
                try body(row)
            }
            return
        }
        let statement = answers.sqliteStatement
        var current = Int64.min
        var wanted = false
        while try step(statement) {
            let interview = sqlite3_column_int64(statement, 0)
            if interview != current {
                if wanted { try body(row) }
                current = interview
                // Wanted interviews without any answer still count (every variable not reached).
                while let id = next, id < interview {
                    begin()
                    next = try stepInterview()
                    try body(row)
                }
                wanted = next == interview
                if wanted {
                    begin()
                    next = try stepInterview()
                }
            }
            if wanted { store(statement, from: 1) }
        }
        if wanted { try body(row) }
        while next != nil {
            begin()
            next = try stepInterview()
            try body(row)
        }
    }

    /// Stores the answer the statement is on: variable id, status and value from `column`.
    @inline(__always)
    private mutating func store(_ statement: OpaquePointer, from column: Int32) {
        let slot = layout.slot(of: sqlite3_column_int64(statement, column))
        guard slot >= 0, let status = StoredStatus(rawValue: Int(sqlite3_column_int(statement, column + 1))) else {
            return
        }
        row.statuses[slot] = status
        guard status == .answered else { return }
        let value = column + 2
        switch layout.needs[slot] {
        case .status:
            return
        case .number:
            switch sqlite3_column_type(statement, value) {
            case SQLITE_INTEGER: row.numbers[slot] = Double(sqlite3_column_int64(statement, value))
            case SQLITE_FLOAT: row.numbers[slot] = sqlite3_column_double(statement, value)
            default: row.numbers[slot] = Double(text(statement, value) ?? "") ?? .nan
            }
        case .text:
            row.texts[slot] = text(statement, value)
        }
    }

    private func text(_ statement: OpaquePointer, _ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(statement, column) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// Starts a row for the interview the interview statement is on.
    private mutating func begin() {
        let statement = interviews.sqliteStatement
        row.id = sqlite3_column_int64(statement, 0)
        row.instrumentRowID = sqlite3_column_int64(statement, 1)
        row.status = InterviewStatus(rawValue: text(statement, 2) ?? "") ?? .active
        row.simulated = sqlite3_column_int(statement, 3) != 0
        row.language = text(statement, 4) ?? ""
        row.interviewer = text(statement, 5) ?? ""
        row.startedAt = text(statement, 6) ?? ""
        if let defaults = layout.defaults[row.instrumentRowID] {
            for index in defaults.indices { row.statuses[index] = defaults[index] }
        }
        for slot in layout.textSlots { row.texts[slot] = nil }
    }

    /// Moves to the next wanted interview; returns its row id, or `nil` at the end.
    private func stepInterview() throws -> Int64? {
        let statement = interviews.sqliteStatement
        return try step(statement) ? sqlite3_column_int64(statement, 0) : nil
    }

    private func step(_ statement: OpaquePointer) throws -> Bool {
        let code = sqlite3_step(statement)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw DatabaseError(
            resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }
}
