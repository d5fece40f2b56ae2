import TestSupport
import Instrument
import Store
import Testing

@testable import Analysis

/// STATISTICS.md, "Numerical traps".
struct NumericalTrapTests {
    static let shifted = [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]

    @Test func textbookOnePassVarianceFailsWhereOursDoesNot() {
        // The trap itself: the one-pass formula loses everything to cancellation.
        let n = Double(Self.shifted.count)
        let sum = Self.shifted.reduce(0, +), squares = Self.shifted.map { $0 * $0 }.reduce(0, +)
        let naive = (squares - sum * sum / n) / (n - 1)
        #expect(abs(naive - 30) > 1)
        #expect(Distribution.of(Self.shifted).variance == 30)
    }

    @Test func welfordGivesThirty() {
        var moments = RunningMoments()
        for value in Self.shifted { moments.add(value) }
        #expect(moments.variance == 30)
        #expect(moments.mean == 1e9 + 10)
        var covariance = CovarianceAccumulator(count: 2)
        for value in Self.shifted { covariance.add([value, -value]) }
        #expect(covariance.covariance(0, 0) == 30)
        #expect(covariance.covariance(0, 1) == -30)
    }

    @Test func welfordMergedFromPartsGivesThirty() {
        var left = RunningMoments(), right = RunningMoments()
        for value in Self.shifted.prefix(1) { left.add(value) }
        for value in Self.shifted.dropFirst() { right.add(value) }
        left.merge(right)
        #expect(close(left.variance, 30, 1e-12))
    }

    @Test func varianceOfShiftedValuesThroughAStudyDatabase() throws {
        let yaml = instrumentYAML(
            """
                  - id: big
                    type: integer
                    text: A big number?
                  - id: frac
                    type: decimal
                    text: A big decimal?
            """)
        let interviews = Self.shifted.map { value -> [String: Answer] in
            ["big": .value(.number(value)), "frac": .value(.number(value + 0.5))]
        }
        let report = try Fixture(yaml, interviews).describe()
        #expect(report.variable("big")?.summary?.variance == 30)
        #expect(report.variable("big")?.summary?.mean == 1e9 + 10)
        #expect(report.variable("frac")?.summary?.variance == 30)
    }

    @Test func tenMillionTenthsSumToAMillion() {
        var compensated = NeumaierSum()
        var float: Float = 0
        for _ in 0..<10_000_000 {
            compensated.add(0.1)
            float += 0.1
        }
        #expect(abs(compensated.value - 1_000_000) / 1_000_000 < 1e-6)
        #expect(abs(compensated.value - 1_000_000) < 1e-6)
        // The trap: single precision drifts by almost 9%.
        #expect(abs(Double(float) - 1_000_000) > 50_000)
    }

    @Test func tenMillionTenthsAsADistributionMeanExactly() {
        // A column of ten million 0.1 values, counted as one distinct value.
        let distribution = Distribution(values: [0.1], people: [10_000_000], weights: [10_000_000])
        #expect(close(distribution.mean, 0.1, 1e-15))
        #expect(distribution.variance == 0)
    }

    @Test func missingCodesAreNeverAveragedIn() throws {
        let yaml = instrumentYAML(
            """
                  - id: x
                    type: integer
                    text: X?
            """)
        let report = try Fixture(yaml, numbers([2, 4, nil, nil]).map { ["x": $0] }).describe()
        let summary = try #require(report.variable("x")?.summary)
        #expect(summary.mean == 3)
        #expect(summary.n == 2)
    }

    @Test func medianOfAnEvenCountIsAveraged() {
        #expect(Distribution.of([1, 2, 3, 4]).percentile(0.5) == 2.5)
        #expect(Distribution.of([1, 2, 3, 4]).percentile(0.5, method: .spss) == 2.5)
    }

    @Test func modeIsTheSmallestOfTiedModes() {
        #expect(Distribution.of([5, 5, 2, 2, 9]).mode == 2)
    }

    @Test func chiSquareTailMatchesKnownValues() {
        // R: pchisq(3.841459, 1, lower.tail = FALSE) = 0.05; pchisq(20, 10, lower.tail = FALSE) = 0.02925269.
        #expect(close(ChiSquare.upperTail(3.841459, degreesOfFreedom: 1), 0.05, 1e-6))
        #expect(close(ChiSquare.upperTail(20, degreesOfFreedom: 10), 0.02925269, 1e-6))
        #expect(close(ChiSquare.upperTail(0.5, degreesOfFreedom: 4), 0.9735010, 1e-6))
    }

    @Test func valueCounterKeepsFarApartWholeNumbersAndDecimals() {
        var counter = ValueCounter(weighted: false)
        for value in [3.0, 1e12, -7, 0.25, 3, 1e12, 70_000] { counter.add(value) }
        let distribution = counter.distribution()
        #expect(distribution.values == [-7, 0.25, 3, 70_000, 1e12])
        #expect(distribution.people == [1, 1, 2, 1, 2])
        var other = ValueCounter(weighted: false)
        other.add(3)
        other.add(0.25)
        counter.merge(other)
        #expect(counter.distribution().people == [1, 2, 3, 1, 2])
    }
    /// Tenths are counted in a window of their own; whatever way a value is counted (whole,
    /// tenth, other fraction, in two parts merged), the distribution is the one a plain
    /// dictionary gives: every value exact, once, with all its people and weight.
    @Test(arguments: [false, true])
    func tenthsWholesAndFractionsCountAsADictionaryWould(weighted: Bool) {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0.1, -0.3, 35.7, 2.25, 1e-9, 36, 0.7, 1e12 + 0.5, 6553.6, -6553.6, 0.1 + 0.2]
        for _ in 0..<5_000 {
            let kind = Int.random(in: 0..<4, using: &generator)
            let tenth = Double(Int.random(in: -400...900, using: &generator)) / 10
            values.append(kind == 0 ? tenth.rounded() : kind == 3 ? tenth + 0.05 : tenth)
        }
        values += [7_000_000.1, -9_000_000.3]  // tenths too far apart for one window
        var reference: [Double: (Int, Double)] = [:]
        var whole = ValueCounter(weighted: weighted)
        var first = ValueCounter(weighted: weighted)
        var second = ValueCounter(weighted: weighted)
        for (index, value) in values.enumerated() {
            let weight = weighted ? Double(index % 7) + 0.5 : 1
            reference[value, default: (0, 0)].0 += 1
            reference[value, default: (0, 0)].1 += weight
            whole.add(value, weight: weight)
            if index % 2 == 0 { first.add(value, weight: weight) } else { second.add(value, weight: weight) }
        }
        first.merge(second)
        let expected = reference.keys.sorted()
        for distribution in [whole.distribution(), first.distribution()] {
            #expect(distribution.values == expected)
            #expect(distribution.people == expected.map { reference[$0]!.0 })
            for (got, value) in zip(distribution.weights, expected) {
                #expect(abs(got - reference[value]!.1) <= 1e-9 * max(1, reference[value]!.1))
            }
        }
    }
}
