import Analysis
import Foundation
import TestSupport
import Instrument
import Store
import Testing

/// A randomised cross-check: random studies described by peersurvey and, from the same values,
/// by pandas (describe, skew, kurt, quantile, value_counts), agreeing to a relative 1e-9. When
/// python3 or pandas is missing the test records an issue rather than passing in silence.
struct PandasCrossCheckTests {
    static let yaml = instrumentYAML(
        """
              - id: n
                type: integer
                text: A whole number?
              - id: x
                type: decimal
                text: A decimal?
              - id: c
                type: single
                text: A choice?
                options:
                  - {code: 1, label: One}
                  - {code: 2, label: Two}
                  - {code: 3, label: Three}
                  - {code: 4, label: Four}
                  - {code: 5, label: Five}
        """)

    static let script = """
        import json, sys
        import pandas as pd
        frame = pd.read_csv(sys.argv[1])
        out = {}
        for column in ["n", "x", "c"]:
            series = frame[column].dropna()
            quantiles = series.quantile([0.1, 0.25, 0.5, 0.75, 0.9]).tolist()
            out[column] = {"count": int(series.count()), "mean": float(series.mean()), "std": float(series.std()),
                           "skew": float(series.skew()), "kurt": float(series.kurt()), "min": float(series.min()),
                           "max": float(series.max()), "quantiles": quantiles}
        counts = frame["c"].dropna().astype(int).value_counts()
        out["counts"] = {str(int(k)): int(v) for k, v in counts.items()}
        print(json.dumps(out))
        """

    @Test(arguments: [1, 2, 3] as [UInt64])
    func agreesWithPandas(seed: UInt64) throws {
        let probe = try Binary.run("/usr/bin/env", ["python3", "-c", "import pandas"])
        if probe.status == 127 || probe.stderr.contains("No such file") {
            Issue.record(
                "python3 is not installed, so the pandas cross-check did not run (apt-get install python3, then python3 -m pip install pandas)"
            )
            return
        }
        guard probe.status == 0 else {
            Issue.record("pandas is not installed, so the cross-check did not run: python3 -m pip install pandas")
            return
        }
        var generator = SplitMix(seed: seed)
        let count = 500 + Int(generator.next() % 3_000)
        var interviews: [[String: Answer]] = []
        var csv = "n,x,c\n"
        for _ in 0..<count {
            var answers: [String: Answer] = [:]
            var row: [String] = []
            if generator.next() % 10 == 0 {
                answers["n"] = .refused
                row.append("")
            } else {
                let value = Int(generator.next() % 2_000) - 700
                answers["n"] = .value(.number(Double(value)))
                row.append(String(value))
            }
            if generator.next() % 8 == 0 {
                answers["x"] = .dontKnow
                row.append("")
            } else {
                // A skewed decimal with many distinct values: exp of a uniform.
                let value = (exp(Double(generator.next() % 1_000_000) / 200_000) * 1_000).rounded() / 1_000
                answers["x"] = .value(.number(value))
                row.append("\(value)")
            }
            if generator.next() % 6 == 0 {
                answers["c"] = .notApplicable
                row.append("")
            } else {
                let code = Int(generator.next() % 5) + 1
                answers["c"] = .value(.choice(code))
                row.append(String(code))
            }
            interviews.append(answers)
            csv += row.joined(separator: ",") + "\n"
        }
        let fixture = try Fixture(Self.yaml, interviews)
        try fixture.database.checkpoint()
        let report = try fixture.describe()
        let directory = try temporaryDirectory()
        let csvPath = directory.appendingPathComponent("values.csv").path
        try csv.write(toFile: csvPath, atomically: true, encoding: .utf8)
        let result = try Binary.run("/usr/bin/env", ["python3", "-c", Self.script, csvPath])
        try #require(result.status == 0, "\(result.stderr)")
        let pandas = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for name in ["n", "x", "c"] {
            let expected = try #require(pandas[name] as? [String: Any])
            let variable = try #require(report.variable(name))
            let summary = try #require(name == "c" ? variable.codeSummary : variable.summary)
            #expect(Int(summary.n) == expected["count"] as? Int, "\(name) n")
            let pairs: [(String, Double?)] = [
                ("mean", summary.mean), ("std", summary.standardDeviation), ("skew", summary.skewness),
                ("kurt", summary.kurtosis), ("min", summary.minimum), ("max", summary.maximum),
            ]
            for (key, value) in pairs {
                let reference = try #require(expected[key] as? Double)
                #expect(close(value, reference, 1e-9), "\(name) \(key): \(value ?? .nan) vs pandas \(reference)")
            }
            let quantiles = try #require(expected["quantiles"] as? [Double])
            for (p, reference) in zip(NumericSummary.proportions, quantiles) {
                #expect(close(summary.percentiles[p], reference, 1e-9), "\(name) p\(p)")
            }
        }
        let counts = try #require(pandas["counts"] as? [String: Int])
        for row in report.variable("c")!.frequencies! {
            #expect(row.count.people == counts[String(row.category.code)] ?? 0, "code \(row.category.code)")
        }
    }
}
