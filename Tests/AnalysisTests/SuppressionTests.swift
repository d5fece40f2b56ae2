import TestSupport
import Instrument
import Store
import Testing

@testable import Analysis

/// Small-cell suppression: primary (counts 1 to N-1 shown as <N) and secondary (nothing hidden
/// can be worked out from totals, other cells or percentages), checked by an attacker who
/// searches every assignment of the hidden counts consistent with what is published.
struct SuppressionTests {
    static let yaml = instrumentYAML(
        """
              - id: colour
                type: single
                text: Favourite colour?
                options:
                  - {code: 1, label: Red}
                  - {code: 2, label: Green}
                  - {code: 3, label: Blue}
                  - {code: 4, label: Yellow}
              - id: gender
                type: single
                text: Gender?
                options:
                  - {code: 1, label: Woman}
                  - {code: 2, label: Man}
              - id: age
                type: integer
                text: Age?
              - id: rare
                type: integer
                text: Something few answered?
              - id: feel
                type: text
                text: How do you feel?
        """)

    /// Interviews with these colour counts (then refusals), genders alternating.
    static func fixture(_ colours: [Int: Int], refused: Int = 0, rare: Int = 0) throws -> Fixture {
        var interviews: [[String: Answer]] = []
        for code in colours.keys.sorted() {
            for _ in 0..<colours[code]! { interviews.append(["colour": .value(.choice(code))]) }
        }
        for _ in 0..<refused { interviews.append(["colour": .refused]) }
        for index in interviews.indices {
            interviews[index]["gender"] = .value(.choice(index % 2 + 1))
            interviews[index]["age"] = .value(.number(Double(20 + index % 50)))
            interviews[index]["rare"] = index < rare ? .value(.number(Double(index))) : .notApplicable
            interviews[index]["feel"] = .value(.text("secret words \(index)"))
        }
        return try Fixture(yaml, interviews)
    }

    static func expectSafe(
        _ result: VariableResult, minCell: Int = 10, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        for row in result.frequencies ?? [] where (1..<minCell).contains(row.count.people) {
            #expect(
                row.count.visibility == .small, "\(row.category.label) is \(row.count.people)",
                sourceLocation: sourceLocation)
            #expect(row.count.percent(of: result.cases.total) == nil, sourceLocation: sourceLocation)
        }
        for missing in result.cases.missing where (1..<minCell).contains(missing.count.people) {
            #expect(missing.count.visibility == .small, sourceLocation: sourceLocation)
        }
        let attacker = Attacker.frequencyTable(result, minCell: minCell)
        #expect(attacker.exposed().isEmpty, "a suppressed count can be worked out", sourceLocation: sourceLocation)
    }

    @Test func oneSmallCountHidesAComplement() throws {
        let report = try Self.fixture([1: 3, 2: 50, 3: 40, 4: 12], refused: 12).describe(minCell: 10)
        let colour = try #require(report.variable("colour"))
        let rows = try #require(colour.frequencies)
        #expect(rows[0].count.visibility == .small)
        #expect(rows.filter { $0.count.visibility == .hidden }.count == 1)
        #expect(rows[3].count.visibility == .hidden, "the smallest other count is the complement")
        #expect(colour.cases.valid.isShown)
        #expect(colour.codeSummary == nil, "the codes' mean would reveal the hidden counts")
        Self.expectSafe(colour)
        #expect(report.suppression.small >= 1)
        #expect(report.suppression.hidden >= 1)
        #expect(report.suppression.explanation.contains("hidden (shown as x)"))
        #expect(!report.suppression.explanation.contains("<10"), "never says which hidden counts are small")
    }

    @Test func twoOnesInOneSumAreNotLeftAlone() throws {
        // Two hidden counts of 1 and 1 add up to 2: each must be 1. A third count is hidden too.
        let report = try Self.fixture([1: 1, 2: 1, 3: 50, 4: 30]).describe(minCell: 10)
        let colour = try #require(report.variable("colour"))
        #expect(colour.frequencies!.filter { !$0.count.isShown }.count == 3)
        Self.expectSafe(colour)
    }

    @Test func cumulativePercentsStopBeforeAHiddenCount() throws {
        let report = try Self.fixture([1: 40, 2: 4, 3: 30, 4: 20]).describe(minCell: 10)
        let colour = try #require(report.variable("colour"))
        let cumulative = colour.frequencies!.map(\.cumulativePercent)
        #expect(cumulative[0] != nil)
        #expect(cumulative[1] == nil)
        #expect(cumulative.last! != nil, "100% reveals nothing")
        Self.expectSafe(colour)
    }

    @Test(arguments: [
        [1: 2, 2: 3, 3: 4, 4: 40], [1: 9, 2: 9, 3: 9, 4: 9], [1: 1, 2: 0, 3: 0, 4: 60], [1: 5, 2: 0, 3: 0, 4: 0],
        [1: 12, 2: 11, 3: 10, 4: 1], [1: 30, 2: 1, 3: 30, 4: 1],
    ])
    func noSuppressedCountCanBeWorkedOut(colours: [Int: Int]) throws {
        for refused in [0, 3, 15] {
            let report = try Self.fixture(colours, refused: refused).describe(minCell: 10)
            Self.expectSafe(try #require(report.variable("colour")))
            Self.expectSafe(try #require(report.variable("age")))
        }
    }

    @Test func fewAnswersHideTheStatistics() throws {
        let report = try Self.fixture([1: 30, 2: 30], rare: 4).describe(minCell: 10)
        let rare = try #require(report.variable("rare"))
        #expect(rare.cases.valid.visibility == .small)
        #expect(rare.summary == nil)
        #expect(rare.histogram == nil)
        Self.expectSafe(rare)
        let text = ReportRenderer.render([report], format: .text)
        #expect(text.contains("Statistics are not shown: the number who answered is hidden."))
    }

    @Test func histogramBinsAreSuppressedLikeAFrequencyTable() throws {
        let report = try Self.fixture([1: 30, 2: 33]).describe(minCell: 10)
        let bins = try #require(report.variable("age")?.histogram)
        for bin in bins where (1..<10).contains(bin.count.people) { #expect(bin.count.visibility == .small) }
        let hidden = bins.filter { !$0.count.isShown && $0.count.people > 0 }
        #expect(hidden.count != 1)
    }

    @Test(arguments: [[1: 20, 2: 3, 3: 25, 4: 14], [1: 40, 2: 12, 3: 1, 4: 30], [1: 9, 2: 9, 3: 30, 4: 30]])
    func crossTabsHideSmallCellsAndTheirComplements(colours: [Int: Int]) throws {
        let report = try Self.fixture(colours, refused: 3).describe(
            DescribeRequest(variables: ["colour", "gender"], by: "gender"), minCell: 10)
        let colour = try #require(report.variable("colour")), gender = try #require(report.variable("gender"))
        let table = try #require(colour.crossTab)
        // Everyone gave a gender, so each row of the cross-tab is a whole frequency-table row;
        // the columns differ from the gender frequencies by the (unpublished) refusals of colour.
        var attacker = Attacker(minCell: 10, ceiling: colour.cases.total.people)
        let rows = colour.frequencies!.map { attacker.cell($0.count) }
        let valid = attacker.cell(colour.cases.valid), missing = colour.cases.missing.map { attacker.cell($0.count) }
        let total = attacker.cell(colour.cases.total)
        attacker.sum(rows, equals: valid)
        attacker.sum([valid] + missing, equals: total)
        let genders = gender.frequencies!.map { attacker.cell($0.count) }
        attacker.sum(genders, equals: attacker.cell(gender.cases.valid))
        let cells = table.cells.map { $0.map { attacker.cell($0) } }
        let rowTotals = table.rowTotals.map { attacker.cell($0) }
        let columnTotals = table.columnTotals.map { attacker.cell($0) }
        attacker.sum(rowTotals, equals: attacker.cell(table.total))
        for (row, cellsOfRow) in cells.enumerated() {
            attacker.sum(cellsOfRow, equals: rowTotals[row])
            attacker.sum([rowTotals[row]], equals: rows[row])
        }
        var refusedByGender: [Attacker.Cell] = []
        for column in table.columns.indices {
            attacker.sum(cells.map { $0[column] }, equals: columnTotals[column])
            let refused = attacker.cell(Count(people: 0, weight: 0).hiddenForTests)
            refusedByGender.append(refused)
            attacker.sum([columnTotals[column], refused], equals: genders[column])
        }
        attacker.sum(
            refusedByGender,
            equals: attacker.cell(
                colour.cases.missingTotal.withVisibility(
                    colour.cases.missing.allSatisfy(\.count.isShown) ? .shown : .hidden)))
        for row in table.cells.indices {
            for column in table.columns.indices where (1..<10).contains(table.cells[row][column].people) {
                #expect(table.cells[row][column].visibility == .small)
                #expect(table.rowPercent(row, column) == nil)
                #expect(table.columnPercent(row, column) == nil)
            }
        }
        #expect(attacker.exposed().isEmpty)
        if table.cells.joined().contains(where: { !$0.isShown }) {
            #expect(table.chiSquare == nil)
            #expect(table.chiSquareNote?.contains("not shown") == true)
        }
        #expect(zip(colour.frequencies!, table.rowTotals).allSatisfy { $0.count.people == $1.people })
        #expect(table.leftOut.people == 3)
    }

    @Test func suppressionOffShowsEverythingAndSaysSo() throws {
        let report = try Self.fixture([1: 1, 2: 2, 3: 50]).describe(minCell: 0)
        let rows = try #require(report.variable("colour")?.frequencies)
        #expect(rows.allSatisfy { $0.count.isShown })
        #expect(!report.suppression.isOn)
        #expect(report.suppression.explanation.contains("do not publish"))
        for format in ReportFormat.allCases {
            #expect(ReportRenderer.render([report], format: format).contains("off") || format == .csv)
        }
    }

    @Test func suppressedCountsNeverReachAnyFormat() throws {
        let report = try Self.fixture([1: 7, 2: 50, 3: 40, 4: 12]).describe(minCell: 10)
        let colour = try #require(report.variable("colour"))
        let hidden = colour.frequencies!.filter { !$0.count.isShown }
        #expect(hidden.count >= 2)
        for format in ReportFormat.allCases {
            let output = ReportRenderer.render([report], format: format)
            #expect(!output.contains("<10") && !output.contains("&lt;10"), "\(format): small counts look like others")
            for line in output.split(separator: "\n") where line.contains("Red") {
                #expect(
                    !line.contains(" 7 ") && !line.contains(",7,") && !line.hasSuffix(",7") && !line.contains(": 7,"),
                    "\(format): \(line)")
            }
        }
    }

    @Test func textAnswersAreCountedNeverPrinted() throws {
        let report = try Self.fixture([1: 30, 2: 30]).describe(minCell: 10)
        #expect(report.variable("feel")?.cases.valid.people == 60)
        for format in ReportFormat.allCases {
            #expect(!ReportRenderer.render([report], format: format).contains("secret words"))
        }
    }

    @Test func groupStatisticsSurviveSmallNonResponse() throws {
        // A few refusals of colour in each gender must not hide every group's statistics.
        let report = try Self.fixture([1: 30, 2: 30, 3: 30], refused: 4).describe(
            DescribeRequest(variables: ["age"], by: "gender"), minCell: 10)
        let groups = try #require(report.variable("age")?.grouped?.groups)
        #expect(groups.allSatisfy { $0.count.isShown && $0.summary != nil })
    }

    @Test func theAttackerFindsALoneHiddenCountAndTwoOnes() {
        var attacker = Attacker(minCell: 10, ceiling: 60)
        attacker.sum(
            [attacker.cell(Count(3).withVisibility(.small)), attacker.cell(Count(50))], equals: attacker.cell(Count(53))
        )
        #expect(attacker.exposed() == [0])
        var ones = Attacker(minCell: 10, ceiling: 60)
        ones.sum(
            [
                ones.cell(Count(1).withVisibility(.small)), ones.cell(Count(1).withVisibility(.small)),
                ones.cell(Count(50)),
            ], equals: ones.cell(Count(52)))
        // Without markers the two ones could be 0 and 2: not exact, but only 2 wide, which the
        // audit's rule (at least min_cell wide) refuses.
        #expect(ones.exposed().isEmpty)
        #expect(!ProtectionRule(minCell: 10, integral: true).protects(0...2, value: 1))
        var safe = Attacker(minCell: 10, ceiling: 60)
        safe.sum(
            [
                safe.cell(Count(3).withVisibility(.small)), safe.cell(Count(12).withVisibility(.hidden)),
                safe.cell(Count(50)),
            ], equals: safe.cell(Count(65)))
        #expect(safe.exposed().isEmpty)
    }

    @Test func theLinearProgrammeBoundsEachUnknown() {
        // x + y = 15, y + z = 20, x, y, z >= 0: x in 0...15, y in 0...15, z in 5...20.
        var system = LinearSystem()
        let x = system.unknown(0...100), y = system.unknown(0...100), z = system.unknown(0...100)
        system.relate([(x, 1), (y, 1)], between: 15, and: 15)
        system.relate([(y, 1), (z, 1)], between: 20, and: 20)
        let intervals = IntervalSolver.intervals(system, of: [x, y, z])
        #expect(intervals[x] == 0...15)
        #expect(intervals[y] == 0...15)
        #expect(intervals[z] == 5...20)
        let rule = ProtectionRule(minCell: 10, integral: true)
        #expect(rule.protects(0...15, value: 3))
        #expect(!rule.protects(1...9, value: 3), "8 wide")
        #expect(!rule.protects(3...15, value: 3), "the attacker knows it is at least 3")
        #expect(!rule.protects(0.5...8.5, value: 3))
    }
}
