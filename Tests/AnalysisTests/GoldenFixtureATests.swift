import TestSupport
import Analysis
import Instrument
import Store
import Testing

/// STATISTICS.md, Fixture A: `age` and `q1` of ten interviews, read back from a study database.
struct GoldenFixtureATests {
    static let yaml = instrumentYAML(
        """
              - id: age
                type: integer
                text: How old are you?
                range: [16, 110]
              - id: q1
                type: single
                text: How satisfied are you?
                options:
                  - {code: 1, label: Very dissatisfied}
                  - {code: 2, label: Dissatisfied}
                  - {code: 3, label: Neither}
                  - {code: 4, label: Satisfied}
                  - {code: 5, label: Very satisfied}
        """)

    static func fixture() throws -> Fixture {
        let ages = numbers([19, 27, 29, 33, 34, 38, 45, 51, 62, nil])
        let q1: [Answer] = [
            .value(.choice(1)), .value(.choice(5)), .dontKnow, .value(.choice(4)), .value(.choice(3)), .notApplicable,
            .value(.choice(5)), .value(.choice(2)), .value(.choice(4)), .value(.choice(4)),
        ]
        return try Fixture(yaml, (0..<10).map { ["age": ages[$0], "q1": q1[$0]] })
    }

    @Test func ageDescriptives() throws {
        let report = try Self.fixture().describe()
        let age = try #require(report.variable("age"))
        #expect(age.cases.valid.people == 9)
        #expect(age.cases.missing.map(\.kind) == [.refused])
        #expect(age.cases.missingTotal.people == 1)
        let summary = try #require(age.summary)
        #expect(summary.n == 9)
        #expect(close(summary.mean.map { $0 * 9 }, 338))
        #expect(close(summary.mean, 37.5555555556, 1e-10))
        #expect(close(summary.standardDeviation, 13.2108961762, 1e-10))
        #expect(close(summary.variance, 174.5277777778, 1e-10))
        #expect(close(summary.standardError, 4.4036, 1e-4))
        #expect(summary.median == 34)
        #expect(close(summary.skewness, 0.6355902470, 1e-9))
        #expect(close(summary.skewnessError, 0.7171371656, 1e-9))
        #expect(close(summary.kurtosis, 0.0865978535, 1e-8))
        #expect(close(summary.kurtosisError, 1.3997084244, 1e-9))
        #expect(summary.minimum == 19)
        #expect(summary.maximum == 62)
    }

    @Test(arguments: [
        (PercentileMethod.type7, [25.4, 29, 34, 45, 53.2]),
        (PercentileMethod.spss, [19, 28, 34, 48, 62]),
    ])
    func agePercentiles(method: PercentileMethod, expected: [Double]) throws {
        let report = try Self.fixture().describe(percentiles: method)
        let summary = try #require(report.variable("age")?.summary)
        for (p, value) in zip(NumericSummary.proportions, expected) {
            #expect(close(summary.percentiles[p], value, 1e-12), "p\(Int(p * 100)) \(method)")
        }
    }

    @Test func q1FrequencyTable() throws {
        let report = try Self.fixture().describe()
        let q1 = try #require(report.variable("q1"))
        let rows = try #require(q1.frequencies)
        #expect(rows.map(\.category.code) == [1, 2, 3, 4, 5])
        #expect(rows.map(\.count.people) == [1, 1, 1, 3, 2])
        #expect(rows.map { $0.count.percent(of: q1.cases.total) } == [10, 10, 10, 30, 20])
        #expect(rows.map { $0.count.percent(of: q1.cases.valid) } == [12.5, 12.5, 12.5, 37.5, 25])
        #expect(rows.map(\.cumulativePercent) == [12.5, 25, 37.5, 75, 100])
        #expect(
            rows.map(\.category.label) == [
                "Very dissatisfied", "Dissatisfied", "Neither", "Satisfied", "Very satisfied",
            ])
        #expect(q1.cases.missing.map(\.kind) == [.dontKnow, .notApplicable])
        #expect(q1.cases.missing.map { $0.count.percent(of: q1.cases.total) } == [10, 10])
        #expect(q1.cases.total.people == 10)
        let codes = try #require(q1.codeSummary)
        #expect(close(codes.mean, 3.5))
        #expect(close(codes.standardDeviation, 1.41, 0.005))
        #expect(codes.median == 4)
    }

    @Test func rendersTheGoldenFrequencyTableAsText() throws {
        let report = try Self.fixture().describe(DescribeRequest(variables: ["q1"]))
        let text = ReportRenderer.render([report], format: .text)
        #expect(text.contains("12.5"))
        #expect(text.contains("37.5"))
        #expect(text.contains("75.0"))
        #expect(text.contains("100.0"))
        #expect(text.contains("Don't know"))
    }
}
