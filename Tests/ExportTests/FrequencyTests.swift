import Foundation
import Testing

/// PSPP's FREQUENCIES on the exported data give the counts `peersurvey describe` gives, through
/// the `.sav` file and through the `.sps` reading the CSV: every code of every single-choice
/// question, every missing code, each multiple-choice option (1 chosen, 0 asked and not chosen,
/// blank not asked), and the valid N and mean of every number.
struct FrequencyTests {
    /// The missing code of each reason `describe` counts.
    static let missingCodes = ["not_applicable": "-9", "dont_know": "-8", "refused": "-7", "not_reached": "-6"]

    /// `describe` of every variable over every exported interview, without suppression.
    static func describe(_ database: String) throws -> [[String: Any]] {
        let result = try CodebookTool.peersurvey([
            "describe", "--db", database, "--format", "json", "--min-cell", "0", "--include-broken-off",
            "--include-suspended",
        ])
        try #require(result.status == 0, "\(result.stderr)")
        return try #require(try jsonObject(result.stdout)["variables"] as? [[String: Any]])
    }

    /// What PSPP should count for a variable, by column: code to count.
    static func expected(_ variable: [String: Any]) -> [String: [String: Int]] {
        let name = variable["name"] as? String ?? ""
        let cases = variable["cases"] as? [String: Any] ?? [:]
        let missing = cases["missing"] as? [String: Int] ?? [:]
        switch variable["kind"] as? String {
        case "categorical":
            var counts: [String: Int] = [:]
            for frequency in variable["frequencies"] as? [[String: Any]] ?? [] {
                if let code = frequency["code"] as? Int, let count = frequency["count"] as? Int, count > 0 {
                    counts[String(code)] = count
                }
            }
            for (kind, count) in missing where count > 0 { counts[missingCodes[kind] ?? kind] = count }
            return [name: counts]
        case "multiple":
            let multiple = variable["multiple"] as? [String: Any] ?? [:]
            let base = multiple["base"] as? Int ?? 0
            let notAsked = (missing["not_applicable"] ?? 0) + (missing["not_reached"] ?? 0)
            var columns: [String: [String: Int]] = [:]
            for option in multiple["options"] as? [[String: Any]] ?? [] {
                guard let code = option["code"] as? Int, let chosen = option["count"] as? Int else { continue }
                var counts = ["1": chosen, "0": base - chosen, ".": notAsked]
                for kind in ["refused", "dont_know"] { counts[missingCodes[kind]!] = missing[kind] ?? 0 }
                columns["\(name)_\(code)"] = counts.filter { $0.value > 0 }
            }
            return columns
        default:
            return [:]
        }
    }

    @Test(arguments: bundledInstruments)
    func psppCountsWhatDescribeCounts(_ id: String) throws {
        let export = try Exports.of(id)
        let variables = try Self.describe(export.database)
        var expected: [String: [String: Int]] = [:]
        var numbers: [String: (n: Int, mean: Double)] = [:]
        for variable in variables {
            expected.merge(Self.expected(variable)) { $1 }
            if let summary = variable["summary"] as? [String: Any], let name = variable["name"] as? String,
                let n = summary["n"] as? Int, let mean = summary["mean"] as? Double
            {
                numbers[name] = (n, mean)
            }
        }
        #expect(expected.count >= 10, "too few categorical variables to compare")
        #expect(numbers.count >= 3, "too few numbers to compare")
        let counted = expected.keys.sorted().joined(separator: " ")
        let summarised = numbers.keys.sorted().joined(separator: " ")
        let commands = """
            FREQUENCIES VARIABLES=\(counted) /STATISTICS=NONE.
            FREQUENCIES VARIABLES=\(summarised) /FORMAT=NOTABLE /STATISTICS=MEAN.

            """
        for source in ["GET FILE=\"\(id).sav\".", "INSERT FILE=\"\(id).sps\"."] {
            let tables = try PSPPTables(source + "\n" + commands, in: export.directory)
            #expect(!tables.messages.lowercased().contains("warning"), "\(source) \(tables.messages)")
            #expect(!tables.messages.lowercased().contains("error"), "\(source) \(tables.messages)")
            for (column, counts) in expected {
                #expect(tables.frequencies(column) == counts, "\(source) \(column)")
            }
            let statistics = tables.statistics()
            for (name, ours) in numbers {
                let theirs = try #require(statistics[name], "\(source): no statistics for \(name)")
                #expect(theirs.valid == ours.n, "\(source) \(name)")
                // PSPP rounds the mean for display: agree to the digits it shows.
                let digits = theirs.mean.split(separator: ".").dropFirst().first?.count ?? 0
                let printed = try #require(Double(theirs.mean), "\(source) \(name): mean \(theirs.mean)")
                #expect(abs(printed - ours.mean) <= 0.5 * pow(10, -Double(digits)) + 1e-9, "\(source) \(name)")
            }
        }
    }
}
