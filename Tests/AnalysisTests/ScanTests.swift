import Analysis
import Foundation
import Instrument
import Testing

@testable import Store

/// The Store's streaming scan: the three ways of reading answers (the B-tree pages, one statement,
/// a lookup per interview) give the same rows, whatever the data.
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
                slot("n", .number), slot("x", .number), slot("pick", .text), slot("words", .text), slot("email", .text),
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
                    texts: row.texts))
        }
        return seen
    }

    /// A study of random interviews; some texts are long enough to spill onto overflow pages.
    static func study(count: Int, seed: UInt64, key: Bool = true) throws -> Fixture {
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
            interviews.append(answers)
        }
        return try Fixture(plain, interviews)
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
        try Fixture.add(
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
        let fixture = try Fixture(Self.plain, [[:], ["n": .value(.number(5))]])
        let v2 = Self.plain.replacingOccurrences(of: "version: 1", with: "version: 2")
            .replacingOccurrences(of: "      - id: x\n        type: decimal\n        text: A decimal?\n", with: "")
        try Fixture.add(v2, [["n": .value(.number(6))]], to: fixture.database)
        try Fixture.add(v2, [["n": .value(.number(7))]], to: fixture.database, status: .suspended)
        try fixture.database.checkpoint()
        let plan = try Self.plan(fixture.database)
        let rows = try Self.rows(fixture.database, plan, method: .pages)
        #expect(rows.count == 3)
        #expect(rows[0].statuses == [.notReached, .notReached, .notReached, .notReached, .notReached])
        #expect(rows[2].statuses[1] == .notInVersion)
        #expect(rows[2].numbers[0] == 6)
        let withSuspended = try Self.rows(
            fixture.database, Self.plan(fixture.database, statuses: [.completed, .suspended]), method: .automatic)
        #expect(withSuspended.map(\.status) == [.completed, .completed, .completed, .suspended])
        #expect(try Self.rows(fixture.database, plan, method: .statement) == rows)
    }
}

/// A small, fast, seeded generator for test data.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
