import Foundation
import GRDB
import Testing

/// Issue 13, item 9, through the binary: `calculate` with `expression: full_name`, `len(email)`
/// or `days_since(dob)` passed `check`, a real interview stored the copied name in clear,
/// `export --include-text` wrote it to the CSV, and `days_since(dob)` was exported by default.
/// Such calculations are now identifying: sealed at capture, left out of every export, opened
/// only by `unseal`.
struct IdentifyingCalculationCommandTests {
    @Test func aCalculationOverAnIdentifyingAnswerIsSealedAndNeverExported() throws {
        let study = try PrivacyStudy.make()
        defer { study.remove() }
        let interview = try study.interview()
        #expect(interview.status == 0, "\(interview.stderr)")
        #expect(interview.stdout.contains("is complete and saved"), "\(interview.stdout.suffix(400))")

        // In the database: the three calculations answered, with no plain value, and sealed.
        let queue = try DatabaseQueue(
            path: study.database,
            configuration: {
                var c = Configuration(); c.readonly = true; return c
            }())
        let rows = try queue.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT v.name, v.identifying, a.status, a.value,
                           EXISTS (SELECT 1 FROM sealed s WHERE s.interview_id = a.interview_id AND s.variable_id = a.variable_id) AS sealed
                    FROM answer a JOIN variable v ON v.id = a.variable_id
                    """)
        }
        try queue.close()
        let byName = Dictionary(uniqueKeysWithValues: rows.map { (String($0["name"] as String), $0) })
        for name in PrivacyStudy.identifyingCalculations {
            let row = try #require(byName[name], "\(name) was not saved")
            #expect(row["identifying"] as Int == 1, "\(name) is not marked identifying")
            #expect(row["status"] as Int == 0, "\(name) is not answered")
            #expect((row["value"] as DatabaseValue).isNull, "\(name) is stored in plain text")
            #expect(row["sealed"] as Bool, "\(name) is not sealed")
        }
        #expect(byName["has_email"]?["value"] as Int? == 1, "answered(email) is not identifying")
        for (file, bytes) in try study.files() where file.hasPrefix("study.sqlite") {
            #expect(!bytes.holds(PrivacyStudy.name), "the name is in \(file)")
        }
        #expect(try study.run(["verify", "--db", study.database]).stdout.contains("sound"))

        // No export holds them, with or without free text.
        for (folder, extra) in [("plain", [String]()), ("text", ["--include-text"])] {
            let export = try study.run(["export", "--db", study.database, "--to", folder, "--format", "csv"] + extra)
            #expect(export.status == 0, "\(export.stderr)")
            #expect(export.stdout.contains("name_copy") && export.stdout.contains("age_days"), "\(export.stdout)")
            let csv = try #require(
                try study.files().first { $0.key.hasPrefix(folder + "/") && $0.key.hasSuffix(".csv") }?.value)
            let header = String(decoding: csv, as: UTF8.self).components(separatedBy: "\n").first ?? ""
            for name in PrivacyStudy.identifyingCalculations { #expect(!header.contains(name), "\(folder): \(header)") }
            #expect(header.contains("has_email"))
            #expect(!csv.holds(PrivacyStudy.name) && !csv.holds(PrivacyStudy.email))
        }

        // The custodian can open them.
        let unsealed = try study.run(["unseal", "--db", study.database, "--key", "custodian.key", "--format", "json"])
        #expect(unsealed.status == 0, "\(unsealed.stderr)")
        let values = try #require(
            try JSONSerialization.jsonObject(with: Data(unsealed.stdout.utf8)) as? [[String: Any]])
        let opened = Dictionary(
            values.compactMap { item in
                (item["variable"] as? String).map { ($0, item["text"] as? String ?? "") }
            }, uniquingKeysWith: { a, _ in a })
        #expect(opened["name_copy"] == PrivacyStudy.name)
        #expect(opened["email_length"] == String(PrivacyStudy.email.count))
        #expect(opened["age_days"].flatMap(Int.init) ?? 0 > 20_000)
    }

    /// A calculation over an identifying answer is sealed in the sitting in which that answer is
    /// typed: a resumed sitting holds only the sealed placeholder and cannot compute it again.
    /// (Merged with the typed sealed value of item 2, `resume` failed with exit 74, "the sealed
    /// answer to name_copy cannot be saved again".)
    @Test func aCalculationSealedBeforeASuspensionSurvivesTheResume() throws {
        let study = try PrivacyStudy.make()
        defer { study.remove() }
        let first = try study.run(
            ["interview", study.instrumentPath, "--db", study.database, "--interviewer", "PR02", "--plain"],
            input: ["yes", "4", PrivacyStudy.name, PrivacyStudy.email].joined(separator: "\n") + "\n")
        #expect(first.stdout.contains("is suspended"), "\(first.stdout.suffix(300))")
        let code = try #require(first.stdout.components(separatedBy: "resume --db \(study.database) ").last?.prefix(9))
        let resumed = try study.run(
            ["resume", "--db", study.database, String(code), "--plain"],
            input: [PrivacyStudy.dobTyped, "", "done"].joined(separator: "\n") + "\n")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("is complete and saved"), "\(resumed.stdout.suffix(300))")
        #expect(try study.run(["verify", "--db", study.database]).stdout.contains("sound"))
        let unsealed = try study.run(["unseal", "--db", study.database, "--key", "custodian.key", "--format", "json"])
        let values = try #require(try JSONSerialization.jsonObject(with: Data(unsealed.stdout.utf8)) as? [[String: Any]])
        let opened = Dictionary(
            values.compactMap { item in (item["variable"] as? String).map { ($0, item["text"] as? String ?? "") } },
            uniquingKeysWith: { a, _ in a })
        #expect(opened["name_copy"] == PrivacyStudy.name)
        #expect(opened["email_length"] == String(PrivacyStudy.email.count))
        #expect(opened["age_days"].flatMap(Int.init) ?? 0 > 20_000)
    }
}
