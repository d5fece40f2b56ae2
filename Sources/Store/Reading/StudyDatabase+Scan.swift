import Foundation
import GRDB

extension StudyDatabase {
    /// Reads interviews and their answers in interview order, one ``InterviewRow`` at a time:
    /// the path the analysis takes. Memory stays flat in the number of interviews.
    ///
    /// The scan uses its own read-only connection, so several scans of disjoint ranges (from
    /// ``scanRanges(_:count:)``) can run at once on different threads. Answers are read with raw
    /// statements in the order of the `answer` table's primary key, never decoded into records.
    /// Identifying variables are read as a status only, whatever the plan asks.
    /// - Parameters:
    ///   - plan: Which interviews and variables to read.
    ///   - range: Only interviews whose row id is in this range; all when `nil`.
    ///   - body: Called once per interview, in order of row id, with a row that is reused.
    /// - Throws: ``StoreError`` when the database cannot be read, or what `body` throws.
    ///
    /// Setting the environment variable `PEERSURVEY_SCAN=sqlite` makes every scan read through
    /// SQLite's own statements, never the pages directly: the escape hatch should a future SQLite
    /// ever write a file the page reader misreads (see docs/analysis.md, "Reading the pages").
    package func scan(_ plan: ScanPlan, range: ClosedRange<Int64>? = nil, body: (InterviewRow) throws -> Void) throws {
        try scan(plan, range: range, method: Self.sqliteOnly ? .statement : .automatic, body: body)
    }

    /// Whether `PEERSURVEY_SCAN=sqlite` asks for SQLite's statements only.
    static let sqliteOnly = ProcessInfo.processInfo.environment["PEERSURVEY_SCAN"] == "sqlite"

    /// How a scan reads answers (chosen automatically; tests force each way).
    enum ScanMethod {
        case automatic, pages, statement, seek
    }

    func scan(_ plan: ScanPlan, range: ClosedRange<Int64>?, method: ScanMethod, body: (InterviewRow) throws -> Void)
        throws
    {
        if plan.instruments.isEmpty || plan.statuses.isEmpty { return }
        let reader = try openReader()
        try mapErrors {
            try reader.read { db in
                let layout = try ScanLayout(plan, db)
                let range = range ?? Int64.min...Int64.max
                let waves = try Self.hasWaves(db)
                if plan.waves != nil, !waves, plan.waves != [""] { return }
                let filter = Self.interviewFilter(plan, waves: waves)
                let assembler = try RowAssembler(
                    db, layout: layout, filter: filter, range: range, metadata: plan.metadata, waves: waves)
                // Looking a few interviews up pays only when most of the range is of other
                // instruments; most studies hold one, and then nothing needs counting.
                var few = false
                let instruments = plan.instruments.map(String.init).joined(separator: ", ")
                let others = try Int.fetchOne(db, sql: "SELECT count(*) FROM instrument WHERE id NOT IN (\(instruments))") ?? 0
                if method == .automatic, others > 0 {
                    let arguments: StatementArguments = [range.lowerBound, range.upperBound]
                    let all =
                        try Int.fetchOne(
                            db, sql: "SELECT count(*) FROM interview WHERE id BETWEEN ? AND ?", arguments: arguments) ?? 0
                    let wanted =
                        try Int.fetchOne(
                            db, sql: "SELECT count(*) FROM interview NOT INDEXED WHERE id BETWEEN ? AND ? AND \(filter)",
                            arguments: arguments) ?? 0
                    few = wanted * 4 < all
                }
                if method == .seek || (method == .automatic && few) {
                    try assembler.seek(body)
                } else if method == .automatic || method == .pages, var pages = try answerPages(db, range: range) {
                    try assembler.merge(&pages, body)
                } else if method == .pages {
                    throw StoreError.io(
                        path: path, detail: "the answer pages cannot be read directly (the log is not empty)")
                } else {
                    let statement = try db.makeStatement(
                        sql: """
                            SELECT interview_id, variable_id, status, value FROM answer
                            WHERE interview_id BETWEEN ? AND ? ORDER BY interview_id, variable_id
                            """)
                    try statement.setArguments([range.lowerBound, range.upperBound])
                    var source = StatementAnswers(statement: statement, db: db)
                    try assembler.merge(&source, body)
                }
            }
        }
    }

    /// The `answer` B-tree read from the file, when that reads the same snapshot as the open
    /// transaction: the write-ahead log is empty (or absent), so every committed page is in the
    /// main file, and the open read transaction keeps any checkpoint from changing it. Only a
    /// file whose `answer` table is defined exactly as the reader was written for is read this
    /// way; any other (a later schema) is read through SQLite's statements.
    private func answerPages(_ db: Database, range: ClosedRange<Int64>) throws -> AnswerPages? {
        let log = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        guard log == 0, let table = try Row.fetchOne(
                db, sql: "SELECT rootpage, sql FROM sqlite_master WHERE type = 'table' AND name = 'answer'"),
            let root: Int = table[0], let sql: String = table[1], AnswerPages.reads(tableDefinition: sql),
            let file = PageFile(db)
        else { return nil }
        return try AnswerPages(file: file, root: root, range: range, path: path)
    }

    /// Splits the interviews a plan reads into ranges of row ids of equal width, for scanning in
    /// parallel (row ids are dense, so the ranges hold about as many interviews each). The split
    /// depends only on the data, so the same database always gives the same ranges.
    /// - Parameters:
    ///   - plan: Which interviews are read.
    ///   - count: How many ranges at most.
    /// - Returns: Disjoint ranges in order, covering every interview; none when there are none.
    package func scanRanges(_ plan: ScanPlan, count: Int) throws -> [ClosedRange<Int64>] {
        if plan.instruments.isEmpty || plan.statuses.isEmpty { return [] }
        return try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT min(id), max(id) FROM interview"),
                let low: Int64 = row[0], let high: Int64 = row[1]
            else { return [] }
            let parts = Int64(max(1, min(count, Int(min(high - low + 1, Int64(Int.max))))))
            let width = (high - low + 1) / parts
            return (0..<parts).map { part in
                let start = part == 0 ? Int64.min : low + part * width
                let end = part == parts - 1 ? Int64.max : low + (part + 1) * width - 1
                return start...end
            }
        }
    }

    /// How many interviews a plan reads.
    /// - Parameter plan: Which interviews are read.
    /// - Returns: The count by interview status.
    package func interviewCounts(_ plan: ScanPlan) throws -> [InterviewStatus: Int] {
        if plan.instruments.isEmpty { return [:] }
        let instruments = plan.instruments.map(String.init).joined(separator: ", ")
        return try read { db in
            var counts: [InterviewStatus: Int] = [:]
            var filter = "instrument_id IN (\(instruments))"
            if let waves = plan.waves {
                if try Self.hasWaves(db) {
                    let list = waves.sorted().map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }
                    filter += " AND wave IN (\(list.joined(separator: ", ")))"
                } else if waves != [""] {
                    return [:]
                }
            }
            let rows = try Row.fetchAll(db, sql: "SELECT status, count(*) FROM interview WHERE \(filter) GROUP BY status")
            for row in rows {
                if let status = InterviewStatus(rawValue: row[0]) { counts[status] = row[1] }
            }
            return counts
        }
    }

    /// The SQL condition selecting a plan's interviews. Only numbers and known status words go
    /// into it, never text from outside.
    static func interviewFilter(_ plan: ScanPlan, waves: Bool) -> String {
        let instruments = plan.instruments.map(String.init).joined(separator: ", ")
        let statuses = plan.statuses.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")
        var filter = "instrument_id IN (\(instruments)) AND status IN (\(statuses))"
        if waves, let wanted = plan.waves {
            // Wave ids are names (letters, digits, underscores), checked when the plan loaded;
            // quoted anyway.
            let list = wanted.sorted().map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }
            filter += " AND wave IN (\(list.joined(separator: ", ")))"
        }
        return filter
    }

    /// Whether the file has waves (schema 4); an older file opened read-only has none.
    static func hasWaves(_ db: Database) throws -> Bool {
        try db.columns(in: "interview").contains { $0.name == "wave" }
    }

    /// A read-only connection of its own, so that scans can run in parallel with each other and
    /// with this database's queue.
    private func openReader() throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.publicStatementArguments = false
        // The default page cache: a scan reads each page once. Pages are not memory-mapped,
        // because mapped pages of a large file count as the process's own memory.
        configuration.label = "peersurvey.scan"
        return try mapErrors { try DatabaseQueue(path: connectionPath, configuration: configuration) }
    }
}
