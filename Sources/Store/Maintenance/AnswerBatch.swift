import GRDB
import GRDBSQLite

/// Inserts answers for bulk writes, many rows per statement, binding values straight to SQLite:
/// building GRDB `StatementArguments` for ten million values cost more than SQLite's own work.
struct AnswerBatch {
    /// Rows per multi-row statement.
    static let rows = 25
    private let many: Statement
    private let one: Statement
    private var pending: [(interview: Int64, variable: Int64, status: Int64, value: StoredValue?)] = []

    init(_ db: Database) throws {
        let values = Array(repeating: "(?, ?, ?, ?, 1)", count: Self.rows).joined(separator: ", ")
        many = try db.makeStatement(sql: "INSERT INTO answer (interview_id, variable_id, status, value, revision) VALUES \(values)")
        one = try db.makeStatement(sql: "INSERT INTO answer (interview_id, variable_id, status, value, revision) VALUES (?, ?, ?, ?, 1)")
        // Mark both statements' arguments as set, so that `execute()` runs what is bound below.
        many.setUncheckedArguments(StatementArguments(Array(repeating: DatabaseValue.null, count: Self.rows * 4)))
        one.setUncheckedArguments([nil, nil, nil, nil])
        pending.reserveCapacity(Self.rows)
    }

    /// Adds one answer; writes a statement's worth when enough are pending.
    mutating func append(interview: Int64, variable: Int64, status: Int64, value: StoredValue?) throws {
        pending.append((interview, variable, status, value))
        if pending.count == Self.rows {
            try run(many, pending[...])
            pending.removeAll(keepingCapacity: true)
        }
    }

    /// Writes what is pending, one row at a time.
    mutating func flush() throws {
        for index in pending.indices { try run(one, pending[index...index]) }
        pending.removeAll(keepingCapacity: true)
    }

    private func run(_ statement: Statement, _ rows: ArraySlice<(interview: Int64, variable: Int64, status: Int64, value: StoredValue?)>) throws {
        let raw = statement.sqliteStatement
        sqlite3_reset(raw)
        var index: Int32 = 1
        for row in rows {
            sqlite3_bind_int64(raw, index, row.interview)
            sqlite3_bind_int64(raw, index + 1, row.variable)
            sqlite3_bind_int64(raw, index + 2, row.status)
            switch row.value {
            case .integer(let number)?: sqlite3_bind_int64(raw, index + 3, number)
            case .real(let number)?: sqlite3_bind_double(raw, index + 3, number)
            case .text(let text)?:
                sqlite3_bind_text(raw, index + 3, text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            case nil: sqlite3_bind_null(raw, index + 3)
            }
            index += 4
        }
        try statement.execute()
    }
}
