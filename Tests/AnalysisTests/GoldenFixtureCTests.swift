import TestSupport
import Testing

@testable import Analysis

/// Fixture C of STATISTICS.md: change between two waves, every golden number.
struct GoldenFixtureCTests {
    static let baseline: [Double] = [17, 21, 14, 19, 23, 12, 18, 20, 15, 22, 16, 19, 13, 24]
    static let followUp: [Double?] = [22, 21, 19, 18, 27, 20, 19, nil, 21, 26, 15, 24, nil, 25]

    /// The 12 participants with both waves.
    static var pairs: (before: [Double], after: [Double]) {
        let kept = baseline.indices.filter { followUp[$0] != nil }
        return (kept.map { baseline[$0] }, kept.map { followUp[$0]! })
    }

    @Test func pairedTTestAndEffectSize() throws {
        let change = try #require(PairedChange(before: Self.pairs.before, after: Self.pairs.after))
        #expect(change.n == 12)
        #expect(close(change.meanBefore, 18.3333333, 1e-7))
        #expect(close(change.meanAfter, 21.4166667, 1e-7))
        #expect(close(change.meanChange, 3.0833333, 1e-7))
        #expect(close(change.sdChange, 2.9682665, 1e-7))
        #expect(close(change.t, 3.5983898, 1e-7))
        #expect(change.degreesOfFreedom == 11)
        #expect(close(change.p, 0.0041817, 1e-5))
        #expect(close(change.confidenceInterval?.lowerBound, 1.1973868, 1e-7))
        #expect(close(change.confidenceInterval?.upperBound, 4.9692799, 1e-7))
        #expect(close(change.dz, 1.0387657, 1e-7))
    }

    @Test func wilcoxonSignedRank() throws {
        let change = try #require(PairedChange(before: Self.pairs.before, after: Self.pairs.after))
        #expect(change.wilcoxonV == 61)
        #expect(close(change.wilcoxonP, 0.0137637, 1e-5))
    }

    @Test func reliableAndClinicallySignificantChange() throws {
        let result = try #require(
            ReliableChange(
                before: Self.pairs.before, after: Self.pairs.after,
                criterion: .index(reliability: 0.84, source: "the plan"), direction: .higherIsBetter, cutOff: 20))
        #expect(close(result.standardErrorOfDifference, 2.1074184, 1e-7))
        let expected = [
            2.3725712, 0, 2.3725712, -0.4745142, 1.8980569, 3.7961138, 0.4745142, 2.8470854, 1.8980569, -0.4745142,
            2.3725712, 0.4745142,
        ]
        let indices = try #require(result.indices)
        #expect(indices.count == 12)
        for (got, want) in zip(indices, expected) { #expect(close(got, want, 1e-6), "\(got) vs \(want)") }
        #expect(result.improved == 5 && result.deteriorated == 0 && result.unchanged == 7)
        #expect(result.recovered == 4)
    }

    @Test func aFixedThresholdForALowerIsBetterMeasure() throws {
        // PHQ-9 style: a fall of 6 or more is reliable improvement; caseness 10 or more.
        let result = try #require(
            ReliableChange(
                before: [15, 12, 9, 20, 11], after: [8, 11, 15, 13, 4], criterion: .threshold(6),
                direction: .lowerIsBetter, cutOff: 10))
        #expect(result.improved == 3 && result.deteriorated == 1 && result.unchanged == 1)
        #expect(result.recovered == 2)  // 15 -> 8 and 11 -> 4; 20 -> 13 stays a case
    }

    @Test func mcNemarOnAYesNoItem() {
        let before = [1, 1, 1, 2, 1, 1, 2, 1, 1, 2, 1, 1, 1, 2]
        let after: [Int?] = [2, 1, 2, 2, 2, 2, 2, nil, 2, 2, 1, 2, nil, 1]
        let kept = before.indices.filter { after[$0] != nil }
        let change = CategoricalChange(before: kept.map { before[$0] }, after: kept.map { after[$0]! }, codes: [1, 2])
        #expect(change.table == [[2, 6], [1, 3]])
        #expect(close(change.chiSquare, 2.2857143, 1e-7))
        #expect(change.degreesOfFreedom == 1)
        #expect(close(change.p, 0.1305700, 1e-6))
    }

    @Test func studentTQuantilesAndTails() {
        #expect(close(StudentT.quantile(0.975, degreesOfFreedom: 11), 2.2009851600916388, 1e-12))
        #expect(close(StudentT.quantile(0.975, degreesOfFreedom: 1), 12.706204736174694, 1e-10))
        #expect(close(StudentT.twoSidedP(2.0, degreesOfFreedom: 30), 0.054625044962983101, 1e-12))
        #expect(close(Normal.cdf(1.959963984540054), 0.975, 1e-12))
    }
}

/// The change statistics against R on random panels of varied size: paired t (t, p, CI),
/// Wilcoxon (V, p) and McNemar/Bowker (statistic, p) agree to 1e-9.
struct ChangeCrossCheckTests {
    @Test func randomPanelsAgreeWithR() throws {
        var generator = SplitMix(seed: 2026)
        var script = "options(digits = 17)\n"
        var expected: [(PairedChange, CategoricalChange)] = []
        for panel in 0..<40 {
            let n = [5, 12, 30, 200, 1_000][panel % 5]
            let before = (0..<n).map { _ in Double(Int(generator.next() % 28) + 7) }
            let after = before.map { min(35, max(7, $0 + Double(Int(generator.next() % 9)) - 3)) }
            let categories = panel % 2 == 0 ? 2 : 3
            let catBefore = (0..<n).map { _ in Int(generator.next() % UInt64(categories)) + 1 }
            let catAfter = catBefore.map { generator.next() % 3 == 0 ? Int(generator.next() % UInt64(categories)) + 1 : $0 }
            guard let change = PairedChange(before: before, after: after) else { continue }
            expected.append((change, CategoricalChange(before: catBefore, after: catAfter, codes: Array(1...categories))))
            func vector(_ values: [Double]) -> String { "c(" + values.map { String(Int($0)) }.joined(separator: ",") + ")" }
            func codes(_ values: [Int]) -> String { "factor(c(" + values.map(String.init).joined(separator: ",") + "), levels = 1:\(categories))" }
            script += """
                a <- \(vector(after)); b <- \(vector(before))
                t <- t.test(a, b, paired = TRUE); w <- suppressWarnings(wilcox.test(a, b, paired = TRUE, exact = FALSE, correct = TRUE))
                m <- suppressWarnings(mcnemar.test(table(\(codes(catBefore)), \(codes(catAfter)))))
                cat(t$statistic, t$p.value, t$conf.int[1], t$conf.int[2], w$statistic, w$p.value, m$statistic, m$p.value, "\\n")

                """
        }
        let output = try Binary.run("/usr/bin/env", ["Rscript", "-"], input: script, timeout: 300)
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count == expected.count)
        for (line, (change, categorical)) in zip(lines, expected) {
            let r = line.split(separator: " ").map { Double($0) ?? .nan }
            #expect(close(change.t, r[0]) && close(change.p, r[1]), "t: \(line)")
            #expect(close(change.confidenceInterval?.lowerBound, r[2]) && close(change.confidenceInterval?.upperBound, r[3]))
            #expect(change.wilcoxonV == r[4] && close(change.wilcoxonP, r[5]), "wilcoxon: \(line)")
            if r[6].isNaN {
                #expect(categorical.table.indices.contains { i in categorical.table.indices.contains { j in
                    i != j && categorical.table[i][j] + categorical.table[j][i] == 0 } })
            } else {
                #expect(close(categorical.chiSquare, r[6]) && close(categorical.p, r[7]), "mcnemar: \(line)")
            }
        }
    }
}
