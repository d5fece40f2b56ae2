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
    public func scan(_ plan: ScanPlan, range: ClosedRange<Int64>? = nil, body: (InterviewRow) throws -> Void) throws {
        if plan.instruments.isEmpty || plan.statuses.isEmpty { return }
        let reader = try openReader()
        try mapErrors {
            try reader.read { db in
                let layout = try ScanLayout(plan, db)
                let range = range ?? Int64.min...Int64.max
                var cursor = try AnswerCursor(db, layout: layout, filter: Self.interviewFilter(plan), range: range)
                try cursor.run(body)
            }
        }
    }

    /// Splits the interviews a plan reads into ranges of row ids holding about the same number
    /// of interviews each, for scanning in parallel. The split depends only on the data, so the
    /// same database always gives the same ranges.
    /// - Parameters:
    ///   - plan: Which interviews are read.
    ///   - count: How many ranges at most.
    /// - Returns: Disjoint ranges in order, covering every interview the plan reads; none when
    ///   there are no such interviews.
    public func scanRanges(_ plan: ScanPlan, count: Int) throws -> [ClosedRange<Int64>] {
        if plan.instruments.isEmpty || plan.statuses.isEmpty { return [] }
        let filter = Self.interviewFilter(plan)
        return try read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM interview WHERE \(filter)") ?? 0
            guard total > 0 else { return [] }
            let parts = max(1, min(count, total))
            var starts: [Int64] = []
            for part in 0..<parts {
                let offset = total * part / parts
                if let id = try Int64.fetchOne(
                    db, sql: "SELECT id FROM interview WHERE \(filter) ORDER BY id LIMIT 1 OFFSET ?", arguments: [offset])
                {
                    if starts.last != id { starts.append(id) }
                }
            }
            return starts.indices.map { index in
                let low = index == 0 ? Int64.min : starts[index]
                let high = index + 1 < starts.count ? starts[index + 1] - 1 : Int64.max
                return low...high
            }
        }
    }

    /// How many interviews a plan reads.
    /// - Parameter plan: Which interviews are read.
    /// - Returns: The count by interview status.
    public func interviewCounts(_ plan: ScanPlan) throws -> [InterviewStatus: Int] {
        if plan.instruments.isEmpty { return [:] }
        let instruments = plan.instruments.map(String.init).joined(separator: ", ")
        return try read { db in
            var counts: [InterviewStatus: Int] = [:]
            let rows = try Row.fetchAll(
                db, sql: "SELECT status, count(*) FROM interview WHERE instrument_id IN (\(instruments)) GROUP BY status")
            for row in rows {
                if let status = InterviewStatus(rawValue: row[0]) { counts[status] = row[1] }
            }
            return counts
        }
    }

    /// The SQL condition selecting a plan's interviews. Only numbers and known status words go
    /// into it, never text from outside.
    static func interviewFilter(_ plan: ScanPlan) -> String {
        let instruments = plan.instruments.map(String.init).joined(separator: ", ")
        let statuses = plan.statuses.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")
        return "instrument_id IN (\(instruments)) AND status IN (\(statuses))"
    }

    /// A read-only connection of its own, so that scans can run in parallel with each other and
    /// with this database's queue.
    private func openReader() throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.publicStatementArguments = false
        configuration.label = "peersurvey.scan"
        configuration.prepareDatabase { db in
            // A large page cache for the scan; memory-mapping is not used, because mapped pages
            // of a large file count as the process's own memory.
            try db.execute(sql: "PRAGMA cache_size = -16384")
        }
        return try mapErrors { try DatabaseQueue(path: path, configuration: configuration) }
    }
}
