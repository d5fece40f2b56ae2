import Foundation
import Testing

/// Issue 13's privacy suite: markers planted in identifying answers, in calculations over them
/// (a copy of the name), in an interviewer's note and in free text (with an email address and a
/// phone number inside it); every command run through the built binary; then the raw bytes of
/// every file the program wrote or left (databases with their -wal and -shm, the backup, the
/// merged copy, exports in both profiles with and without free text, codebooks, reports) and
/// everything it printed, searched for each marker as UTF-8 (as typed, upper- and lower-cased)
/// and as UTF-16.
struct PrivacySuiteTests {
    /// Identifying markers: they may appear only in what `unseal` shows the custodian.
    static let identifying = [
        PrivacyStudy.name, PrivacyStudy.email, PrivacyStudy.dob, PrivacyStudy.note, second.name, second.email,
        second.dob,
    ]
    /// The second participant, interviewed in two sittings and later withdrawn from the merged copy.
    static let second = (
        name: "Quentin Ptarmigan-Second", email: "qsecond.ptarmigan@example.net", dob: "1970-02-01",
        freeText: "Brontide harbour 8841"
    )
    /// Contact details inside the first participant's free text: stored as typed in the study
    /// database (free text is not sealed; see docs/study-database.md), masked in every export.
    static let contactInFreeText = ["vellichor.m@example.org", "07700900123"]
    static let freeText = "\(PrivacyStudy.freeText) \(contactInFreeText[0]) \(contactInFreeText[1])"

    /// What one command printed.
    struct Transcript {
        var command: [String]
        var output: Data
    }

    @Test func noMarkerReachesAFileOrTheTerminalWhereItShouldNot() throws {
        let study = try PrivacyStudy.make()
        defer { study.remove() }
        var transcripts: [Transcript] = []
        @discardableResult
        func run(_ arguments: [String], input: String = "", expect status: Int32 = 0) throws -> Runner.Output {
            let result = try study.run(arguments, input: input)
            #expect(result.status == status, "\(arguments.joined(separator: " ")): \(result.stderr)")
            transcripts.append(Transcript(command: arguments, output: Data((result.stdout + result.stderr).utf8)))
            return result
        }
        let interview = ["interview", study.instrumentPath, "--db", study.database, "--plain"]

        // The first participant in one sitting; the second suspended after their name, resumed.
        let first = [
            "yes", "7", "/note", PrivacyStudy.note, PrivacyStudy.name, PrivacyStudy.email, PrivacyStudy.dobTyped,
            Self.freeText, "done",
        ]
        try run(interview + ["--interviewer", "PR01"], input: first.joined(separator: "\n") + "\n")
        let suspended = try run(interview + ["--interviewer", "PR02"], input: "yes\n4\n\(Self.second.name)\n")
        let code = try #require(
            suspended.stdout.components(separatedBy: "resume --db \(study.database) ").last?.prefix(9))
        try run(["resume", "--db", study.database])
        let rest = [Self.second.email, "01/02/1970", Self.second.freeText, "done"]
        try run(
            ["resume", "--db", study.database, String(code), "--plain"], input: rest.joined(separator: "\n") + "\n")

        // The custodian's and the analyst's commands.
        try run(["status", "--db", study.database])
        try run(["status", "--db", study.database, "--format", "json"])
        try run(["verify", "--db", study.database])
        try run(["backup", "--db", study.database, "--to", "backup.sqlite"])
        try run(["merge", "--into", "merged.sqlite", study.database])
        try run(["withdraw", "--db", "merged.sqlite", String(code), "--yes"])
        try run(["verify", "--db", "merged.sqlite"])
        for format in ["text", "markdown", "csv", "json", "html"] {
            try run(["describe", "--db", study.database, "--format", format])
            try run(["describe", "--db", study.database, "--format", format, "--out", "describe.\(format)"])
        }
        try run(["describe", "--db", study.database, "--min-cell", "0", "--include-suspended", "--include-broken-off"])
        let plan = """
            plan: privacy
            instrument: privacy-markers
            instrument_file: privacy.yaml
            title: Privacy
            formats: [html, markdown, csv, json, text]
            min_cell: 0
            tables:
              - title: Everything
                variables: [mood, has_email, comments, name_copy, full_name, age_days]

            """
        try plan.write(to: study.directory.appendingPathComponent("plan.yaml"), atomically: true, encoding: .utf8)
        try run(["analyse", "plan.yaml", "--db", study.database, "--out", "report"])
        for profile in ["deidentified", "custodian"] {
            try run(["export", "--db", study.database, "--to", "export-\(profile)", "--profile", profile])
            try run([
                "export", "--db", study.database, "--to", "export-\(profile)-text", "--profile", profile,
                "--include-text",
            ])
        }
        for format in ["md", "html", "ddi", "json"] {
            try run(["codebook", study.instrumentPath, "--format", format, "--output", "codebook.\(format)"])
            try run([
                "codebook", "privacy-markers", "--db", study.database, "--format", format, "--output",
                "codebook-db.\(format)",
            ])
            try run(["codebook", "privacy-markers", "--db", study.database, "--format", format, "--min-cell", "0"])
        }
        // `unseal` shows the custodian what is sealed: its output is meant to hold the markers.
        let unsealed = try study.run(["unseal", "--db", study.database, "--key", "custodian.key"])
        #expect(unsealed.status == 0)
        for marker in [PrivacyStudy.name, PrivacyStudy.email, PrivacyStudy.note, Self.second.email] {
            #expect(
                unsealed.stdout.contains(marker), "unseal does not show \(marker), so the search would prove nothing")
        }

        let files = try study.files()
        #expect(
            files.keys.contains("study.sqlite") && files.keys.contains("merged.sqlite")
                && files.keys.contains("backup.sqlite"))
        #expect(files.keys.contains { $0.hasPrefix("export-custodian-text/") && $0.hasSuffix(".sav") })
        #expect(files.count > 50, "\(files.keys.sorted())")
        var searched = 0

        // 1. Identifying answers, the copy of the name and the note: in no file at all.
        for (path, bytes) in files {
            for marker in Self.identifying {
                searched += 1
                #expect(!bytes.holds(marker), "\(marker) is in \(path)")
            }
        }
        // 2. Free text: only in the study's databases (as typed) and in exports with free text.
        //    The contact details inside it: never in an export. The withdrawn participant's: not
        //    in the merged copy.
        for (path, bytes) in files {
            let isDatabase =
                path.hasPrefix("study.sqlite") || path.hasPrefix("backup.sqlite") || path.hasPrefix("merged.sqlite")
            let isTextExport = path.hasPrefix("export-") && path.contains("-text/")
            for marker in [PrivacyStudy.freeText, Self.second.freeText] where !isDatabase && !isTextExport {
                searched += 1
                #expect(!bytes.holds(marker), "free text \(marker) is in \(path)")
            }
            for marker in Self.contactInFreeText where !isDatabase {
                searched += 1
                #expect(!bytes.holds(marker), "contact details in free text, \(marker), are in \(path)")
            }
            if path.hasPrefix("merged.sqlite") {
                searched += 1
                #expect(!bytes.holds(Self.second.freeText), "the withdrawn participant's free text is in \(path)")
            }
        }
        // 3. What the program printed.
        for transcript in transcripts {
            let command = transcript.command.prefix(2).joined(separator: " ")
            let isInterview = ["interview", "resume"].contains(transcript.command[0])
            for marker in Self.identifying {
                searched += 1
                // Line mode once read identifying answers back at the review (item 12).
                #expect(!transcript.output.holds(marker), "\(marker) was printed by \(command)")
            }
            for marker in [PrivacyStudy.freeText, Self.second.freeText] + Self.contactInFreeText where !isInterview {
                searched += 1
                #expect(!transcript.output.holds(marker), "free text \(marker) was printed by \(command)")
            }
        }
        print("privacy: \(transcripts.count) commands, \(files.count) files, \(searched) marker searches")
    }
}
