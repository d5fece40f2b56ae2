import TestSupport
import Analysis
import Instrument
import Store
import Testing

/// STATISTICS.md, Fixture B: alpha, chi-square and frequency weights; and the multiple response
/// example.
struct GoldenFixtureBTests {
    static let yaml = instrumentYAML(
        """
              - id: q1
                type: single
                text: One?
                options:
                  - {code: 1, label: "1"}
                  - {code: 2, label: "2"}
                  - {code: 3, label: "3"}
                  - {code: 4, label: "4"}
                  - {code: 5, label: "5"}
              - id: q2
                type: single
                text: Two?
                options:
                  - {code: 1, label: "1"}
                  - {code: 2, label: "2"}
                  - {code: 3, label: "3"}
                  - {code: 4, label: "4"}
                  - {code: 5, label: "5"}
              - id: q3
                type: single
                text: Three?
                options:
                  - {code: 1, label: "1"}
                  - {code: 2, label: "2"}
                  - {code: 3, label: "3"}
                  - {code: 4, label: "4"}
                  - {code: 5, label: "5"}
              - id: gender
                type: single
                text: Gender?
                options:
                  - {code: 1, label: Woman}
                  - {code: 2, label: Man}
              - id: w
                type: decimal
                text: Weight?
        """,
        scores: """
            scores:
              - id: total
                items: [q1, q2, q3]
                method: sum
            """)

    static func fixture() throws -> Fixture {
        let q1 = [4, 2, 5, 3, 4, 1, 5, 2, 3, 4], q2 = [5, 2, 4, 3, 4, 2, 5, 1, 4, 3],
            q3 = [4, 3, 5, 2, 4, 1, 4, 2, 3, 4]
        let gender = [1, 2, 1, 2, 1, 2, 1, 2, 1, 2], w = [1, 0.5, 2, 1, 1.5, 1, 1, 0.75, 1.25, 1]
        var interviews: [[String: Answer]] = []
        for index in 0..<10 {
            var answers: [String: Answer] = [:]
            answers["q1"] = .value(.choice(q1[index]))
            answers["q2"] = .value(.choice(q2[index]))
            answers["q3"] = .value(.choice(q3[index]))
            answers["gender"] = .value(.choice(gender[index]))
            answers["w"] = .value(.number(w[index]))
            interviews.append(answers)
        }
        return try Fixture(yaml, interviews)
    }

    @Test func cronbachsAlpha() throws {
        let report = try Self.fixture().describe()
        let scale = try #require(report.scales.first)
        #expect(scale.name == "total")
        #expect(scale.complete.people == 10)
        let reliability = try #require(scale.reliability)
        #expect(close(reliability.alpha, 0.9255853, 1e-7))
        #expect(close(reliability.standardisedAlpha, 0.9263228, 1e-7))
        #expect(reliability.items.count == 3)
        #expect(reliability.items.allSatisfy { $0.alphaIfDeleted != nil && $0.itemRestCorrelation != nil })
    }

    @Test func alphaIfItemDeletedIsAlphaOfTheOtherTwo() throws {
        let report = try Self.fixture().describe()
        let items = try #require(report.scales.first?.reliability?.items)
        // q2 and q3 alone (k = 2): 2 (1 - (var2 + var3) / var(q2 + q3)).
        let q2: [Double] = [5, 2, 4, 3, 4, 2, 5, 1, 4, 3], q3: [Double] = [4, 3, 5, 2, 4, 1, 4, 2, 3, 4]
        func variance(_ x: [Double]) -> Double {
            let mean = x.reduce(0, +) / Double(x.count)
            return x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(x.count - 1)
        }
        let expected = 2 * (1 - (variance(q2) + variance(q3)) / variance(zip(q2, q3).map(+)))
        #expect(close(items[0].alphaIfDeleted, expected, 1e-12))
    }

    @Test func chiSquareOfGenderByQ1() throws {
        let report = try Self.fixture().describe(DescribeRequest(variables: ["q1"], by: "gender"))
        let table = try #require(report.variable("q1")?.crossTab)
        let test = try #require(table.chiSquare)
        #expect(close(test.statistic, 5.3333, 1e-4))
        #expect(test.degreesOfFreedom == 4)
        #expect(close(test.p, 0.2548, 1e-4))
        #expect(test.smallExpected == 10)
        #expect(table.columns.map(\.label) == ["Woman", "Man"])
        #expect(close(table.rowPercent(3, 0), 200.0 / 3))
        #expect(table.columnPercent(3, 0) == 40)
    }

    @Test func weightedMeanAndVariance() throws {
        let report = try Self.fixture().describe(DescribeRequest(variables: ["q1", "gender"], weight: "w"))
        let q1 = try #require(report.variable("q1")?.codeSummary)
        #expect(close(q1.n, 11))
        #expect(close(q1.mean, 3.5681818, 1e-7))
        #expect(close(q1.variance, 1.7198864, 1e-7))
        #expect(close(q1.standardDeviation, 1.3114444, 1e-7))
        let gender = try #require(report.variable("gender"))
        let rows = try #require(gender.frequencies)
        #expect(rows.map(\.count.weight) == [6.75, 4.25])
        #expect(rows.map(\.count.people) == [5, 5])
        #expect(close(rows[0].count.percent(of: gender.cases.total), 61.4, 0.001))
        #expect(close(rows[1].count.percent(of: gender.cases.total), 38.6, 0.001))
    }

    @Test func multipleResponse() throws {
        let yaml = instrumentYAML(
            """
                  - id: abc
                    type: multiple
                    text: Which?
                    options:
                      - {code: 1, name: a, label: A}
                      - {code: 2, name: b, label: B}
                      - {code: 3, name: c, label: C}
            """)
        // Eight cases choose 13 options in all; case 9 answered with none of them (not in the
        // base); case 10 refused.
        let sets: [[Int]] = [[1, 2, 3], [1, 2], [1, 3], [1], [1], [2], [2, 3], [3], []]
        let interviews: [[String: Answer]] = sets.map { ["abc": .value(.set($0))] } + [["abc": .refused]]
        let report = try Fixture(yaml, interviews).describe()
        let result = try #require(report.variable("abc")?.multiple)
        #expect(result.options.map(\.count.people) == [5, 4, 4])
        #expect(result.responses.people == 13)
        #expect(result.base.people == 8)
        let ofResponses = result.options.map { (option: MultipleResponse.Option) in
            option.count.percent(of: result.responses)!
        }
        let ofCases = result.options.map { (option: MultipleResponse.Option) in option.count.percent(of: result.base)! }
        #expect(ofResponses.map { ($0 * 10).rounded() / 10 } == [38.5, 30.8, 30.8])
        #expect(ofCases == [62.5, 50, 50])
    }
}

/// With weights, a sum of weights is not a number of people: reports say "a weighted total"
/// (they said "10.5 people answered every item").
struct WeightedWordingTests {
    @Test func aWeightedCountIsNotCalledPeople() throws {
        let fixture = try GoldenFixtureBTests.fixture()
        let weighted = try fixture.describe(DescribeRequest(weight: "w"))
        let text = ReportRenderer.render([weighted], format: .text)
        #expect(text.contains("a weighted total of 11 answered every item"), "\(text)")
        #expect(!text.contains("people answered every item"))
        let plain = ReportRenderer.render([try fixture.describe()], format: .text)
        #expect(plain.contains("10 people answered every item"))
    }
}
