import Foundation
import GRDB
import Instrument
import TestSupport
import Testing

@testable import Store

/// The Store's streaming scan: the three ways of reading answers (the B-tree pages, one statement,
/// a lookup per interview) give the same rows, whatever the data, with every value decoded by
/// kind (statuses as enums, codes as lists, dates as day numbers).
struct ScanTests {
    static let yaml = instrumentYAML(
        """
              - id: n
                type: integer
                text: A number?
              - id: x
                type: decimal
                text: A decimal?
              - id: pick
                type: multiple
                text: Which?
                options:
                  - {code: 1, label: One}
                  - {code: 2, label: Two}
                  - {code: 97, label: Other}
              - id: words
                type: text
                text: Anything else?
              - id: email
                type: text
                text: Your email?
                identifying: true
              - id: when
                type: date
                text: When?
        """)

    /// The instrument without its identifying question (a study without a key).
    static let plain = yaml.replacingOccurrences(of: "        identifying: true\n", with: "")

    /// A row as plain values, for comparing scans.
    struct Seen: Equatable {
        var id: Int64
        var status: InterviewStatus
        var statuses: [StoredStatus]
        var numbers: [Double?]
        var texts: [String?]
        var codes: [Int]?
        var day: Double?
    }

    static func plan(_ database: StudyDatabase, statuses: Set<InterviewStatus> = [.completed]) throws -> ScanPlan {
        let registered = try database.instruments()
        func slot(_ name: String, _ need: ScanNeed) -> ScanSlot {
            ScanSlot(
                variableIDs: Dictionary(
                    uniqueKeysWithValues: registered.compactMap { version in
                        version.variableIDs[name].map { (version.rowID, $0) }
                    }), need: need)
        }
        return ScanPlan(
            instruments: registered.map(\.rowID), statuses: statuses,
            slots: [
                slot("n", .number), slot("x", .number), slot("pick", .codes), slot("words", .text), slot("email", .text),
                slot("when", .day),
            ])
    }

    static func rows(
        _ database: StudyDatabase, _ plan: ScanPlan, method: StudyDatabase.ScanMethod, range: ClosedRange<Int64>? = nil
    ) throws -> [Seen] {
        var seen: [Seen] = []
        try database.scan(plan, range: range, method: method) { row in
            seen.append(
                Seen(
                    id: row.id, status: row.status, statuses: row.statuses,
                    numbers: row.statuses.indices.map {
                        row.statuses[$0] == .answered && $0 < 2 ? row.numbers[$0] : nil
                    },
                    texts: row.texts, codes: row.statuses[2] == .answered ? row.codes(2).map(Array.init) : nil,
                    day: row.statuses[5] == .answered ? row.numbers[5] : nil))
        }
        return seen
    }

    /// A study of random interviews; some texts are long enough to spill onto overflow pages.
    static func study(count: Int, seed: UInt64, key: Bool = true) throws -> StudyFixture {
        var generator = SplitMix(seed: seed)
        var interviews: [[String: Answer]] = []
        for index in 0..<count {
            var answers: [String: Answer] = [:]
            let draw = generator.next() % 10
            answers["n"] = draw == 0 ? .refused : .value(.number(Double(generator.next() % 1_000_000) - 500_000))
            if generator.next() % 7 != 0 { answers["x"] = .value(.number(Double(generator.next() % 100_000) / 8)) }
            answers["pick"] =
                draw == 1 ? .dontKnow : .value(.set([1, 2, 97].filter { _ in generator.next() % 2 == 0 }))
            let length = index % 50 == 0 ? 3_000 + Int(generator.next() % 20_000) : Int(generator.next() % 40)
            answers["words"] = .value(.text(String(repeating: "é", count: length / 2) + "\(index)"))
            if generator.next() % 5 != 0 { answers["when"] = .value(.date(Day(ordinal: Int(generator.next() % 30_000)))) }
            interviews.append(answers)
        }
        return try StudyFixture(plain, interviews, in: temporaryDirectory())
    }

    @Test(arguments: [0, 1, 7, 600, 3_000])
    func everyWayReadsTheSameRows(count: Int) throws {
        let fixture = try Self.study(count: count, seed: UInt64(count))
        try fixture.database.checkpoint()
        let plan = try Self.plan(fixture.database)
        let pages = try Self.rows(fixture.database, plan, method: .pages)
        #expect(try Self.rows(fixture.database, plan, method: .automatic) == pages)
        let statement = try Self.rows(fixture.database, plan, method: .statement)
        let seek = try Self.rows(fixture.database, plan, method: .seek)
        #expect(pages.count == count)
        #expect(pages == statement)
        #expect(pages == seek)
        // Long texts come back whole from overflow pages.
        if count > 0 { #expect(pages[0].texts[3]?.hasSuffix("0") == true && (pages[0].texts[3]?.count ?? 0) > 1_000) }
        // Codes and dates come back decoded, as they were given.
        if count >= 600 {
            #expect(pages.contains { $0.codes == [1, 2, 97] } && pages.contains { $0.codes == [] })
            #expect(pages.contains { $0.day != nil } && pages.allSatisfy { ($0.day ?? 0).isFinite })
        }
    }

    @Test func rangesSplitTheRowsExactly() throws {
        let fixture = try Self.study(count: 2_000, seed: 9)
        try fixture.database.checkpoint()
        let plan = try Self.plan(fixture.database)
        let all = try Self.rows(fixture.database, plan, method: .automatic)
        for parts in [1, 2, 3, 16] {
            let ranges = try fixture.database.scanRanges(plan, count: parts)
            #expect(ranges.count == parts)
            var joined: [Seen] = []
            for range in ranges { joined += try Self.rows(fixture.database, plan, method: .pages, range: range) }
            #expect(joined == all, "\(parts) parts")
        }
    }

    @Test func aNonEmptyLogIsReadThroughSQLite() throws {
        let fixture = try Self.study(count: 300, seed: 3)
        // No checkpoint: the newest pages are in the write-ahead log, which the page reader
        // cannot see; the automatic way must notice and read through SQLite.
        let plan = try Self.plan(fixture.database)
        #expect(throws: StoreError.self) { try Self.rows(fixture.database, plan, method: .pages) }
        #expect(
            try Self.rows(fixture.database, plan, method: .automatic)
                == Self.rows(fixture.database, plan, method: .statement))
        #expect(try Self.rows(fixture.database, plan, method: .automatic).count == 300)
    }

    @Test func identifyingAnswersAreNeverYieldedWithValues() throws {
        let directory = try temporaryDirectory()
        let database = try StudyDatabase.create(at: directory.appendingPathComponent("s.sqlite").path)
        let (publicFile, _) = try PrivateKeyFile.generate(passphrase: "a long test passphrase", rounds: 1 << 10)
        try database.initStudy(title: "Sealed", publicKey: publicFile.key)
        try StudyFixture.add(
            Self.yaml,
            [["email": .value(.text("someone@example.org")), "n": .value(.number(1))], ["email": .refused]],
            to: database)
        try database.checkpoint()
        let plan = try Self.plan(database)
        for method in [StudyDatabase.ScanMethod.pages, .statement, .seek] {
            let rows = try Self.rows(database, plan, method: method)
            #expect(rows.map { $0.statuses[4] } == [.answered, .refused])
            #expect(rows.allSatisfy { $0.texts[4] == nil })
        }
    }

    @Test func interviewsWithoutAnswersAndOtherStatusesAndVersions() throws {
        let fixture = try StudyFixture(Self.plain, [[:], ["n": .value(.number(5))]], in: temporaryDirectory())
        let v2 = Self.plain.replacingOccurrences(of: "version: 1", with: "version: 2")
            .replacingOccurrences(of: "      - id: x\n        type: decimal\n        text: A decimal?\n", with: "")
        try StudyFixture.add(v2, [["n": .value(.number(6))]], to: fixture.database)
        try StudyFixture.add(v2, [["n": .value(.number(7))]], to: fixture.database, status: .suspended)
        try fixture.database.checkpoint()
        let plan = try Self.plan(fixture.database)
        let rows = try Self.rows(fixture.database, plan, method: .pages)
        #expect(rows.count == 3)
        #expect(rows[0].statuses == [.notReached, .notReached, .notReached, .notReached, .notReached, .notReached])
        #expect(rows[2].statuses[1] == .notInVersion)
        #expect(rows[2].numbers[0] == 6)
        let withSuspended = try Self.rows(
            fixture.database, Self.plan(fixture.database, statuses: [.completed, .suspended]), method: .automatic)
        #expect(withSuspended.map(\.status) == [.completed, .completed, .completed, .suspended])
        #expect(try Self.rows(fixture.database, plan, method: .statement) == rows)
    }
}

/// The page reader is fenced: it reads through SQLite's own file handle, so it never drops the
/// process's locks, and it reads only the table layout it was written for.
struct PageReaderFenceTests {
    /// Whether another process is kept from taking a write lock on SQLite's shared-lock bytes of
    /// `path` (F_GETLK from a child, which sees this process's POSIX locks).
    static func sharedLockHeld(on path: String) throws -> Bool {
        let script = """
            import fcntl, os, struct, sys
            fd = os.open(sys.argv[1], os.O_RDWR)
            # SQLite's unix VFS: shared locks are read locks on 510 bytes after PENDING_BYTE + 2.
            request = struct.pack("@hhqqi4x", fcntl.F_WRLCK, os.SEEK_SET, 0x40000002, 510, 0)
            answer = fcntl.fcntl(fd, fcntl.F_GETLK, request)
            print("held" if struct.unpack("@hhqqi4x", answer)[0] != fcntl.F_UNLCK else "free")
            """
        let output = try Program.run("/usr/bin/env", ["python3", "-c", script, path], input: nil)
        return output.stdout.hasPrefix("held")
    }

    @Test func aScanKeepsTheLocksSQLiteHolds() throws {
        let fixture = try ScanTests.study(count: 50, seed: 4)
        try fixture.database.checkpoint()
        #expect(try Self.sharedLockHeld(on: fixture.path), "an open WAL database holds a shared lock")
        let plan = try ScanTests.plan(fixture.database)
        _ = try ScanTests.rows(fixture.database, plan, method: .pages)
        // Closing a second descriptor on the file would have dropped every lock of this process,
        // so another process could think the database unused and remove its log.
        #expect(try Self.sharedLockHeld(on: fixture.path), "the scan dropped the process's locks")
    }

    @Test func theReaderDecodesOnlyTheTableItWasWrittenFor() throws {
        let fixture = try ScanTests.study(count: 40, seed: 5)
        try fixture.database.checkpoint()
        let stored = try fixture.database.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'answer'")
        }
        #expect(AnswerPages.reads(tableDefinition: try #require(stored)))
        #expect(!AnswerPages.reads(tableDefinition: stored!.replacingOccurrences(of: "value,", with: "value TEXT,")))
        // A later schema (here: a column added) is read through SQLite, never misread.
        try fixture.database.write { db in try db.execute(sql: "ALTER TABLE answer ADD COLUMN later TEXT") }
        try fixture.database.checkpoint()
        let plan = try ScanTests.plan(fixture.database)
        #expect(throws: StoreError.self) { try ScanTests.rows(fixture.database, plan, method: .pages) }
        let automatic = try ScanTests.rows(fixture.database, plan, method: .automatic)
        #expect(automatic.count == 40)
        #expect(automatic == (try ScanTests.rows(fixture.database, plan, method: .statement)))
    }
}
