import Foundation
import Instrument
import Store

/// `peersurvey study init` and `peersurvey status`.
package enum StudyCommand {
    /// Creates a study database.
    /// - Parameters:
    ///   - path: Where; nothing may exist there.
    ///   - title: The study's title.
    ///   - keyPath: A `NAME.pub` made by `keys new`, if identifying answers are to be sealed.
    package static func initialise(path: String, title: String, keyPath: String?, planPath: String? = nil) -> CommandOutput {
        var plan: (StudyPlan, String)?
        if let planPath {
            switch PlanCommand.load(planPath) {
            case .failure(let failure): return failure.output
            case .success(let loaded): plan = loaded
            }
        }
        do {
            let key = try keyPath.map(PublicKeyFile.read)
            if StudyFile.entryExists(path) {
                return CommandOutput(stderr: "error: \(path) already exists; a study database is never overwritten\n", status: .usage)
            }
            var created: StudyInfo?
            let database = try StudyDatabase.create(at: path) { database in
                created = try database.initStudy(title: title, publicKey: key?.key)
            }
            try database.close()
            guard let study = created else { return CommandOutput(stderr: "peersurvey: internal error: no study\n", status: .software) }
            var text = "Created the study \"\(study.title)\" in \(path).\n"
            if let fingerprint = study.keyFingerprint {
                text += "Identifying answers will be sealed to the key with fingerprint \(fingerprint).\n"
            } else {
                text += "No public key: instruments with identifying questions cannot be used (see `peersurvey keys new`).\n"
            }
            if let (plan, source) = plan {
                try database.recordPlan(plan, source: source)
                text += PlanCommand.summary(plan, databasePath: path)
            }
            return CommandOutput(stdout: text)
        } catch {
            return .failure(error)
        }
    }

    /// Summarises the interviews in a study database.
    /// - Parameters:
    ///   - path: The database.
    ///   - json: JSON instead of a table.
    package static func status(path: String, json: Bool) -> CommandOutput {
        do {
            let database = try StudyDatabase.open(at: path, readOnly: true)
            defer { try? database.close() }
            let study = try database.study()
            let interviews = try database.interviews()
            let revisions = try database.keptRevisions()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                struct Document: Encodable {
                    var study: String
                    var keyFingerprint: String?
                    var interviews: [InterviewSummary]
                    var keptRevisions: Int
                }
                let data = try encoder.encode(Document(study: study.title, keyFingerprint: study.keyFingerprint, interviews: interviews, keptRevisions: revisions.answers))
                return CommandOutput(stdout: String(decoding: data, as: UTF8.self) + "\n")
            }
            var out = "Study: \(study.title)\n"
            out += "Key: \(study.keyFingerprint ?? "none (identifying questions cannot be asked)")\n"
            out += "Interviews: \(interviews.count)\n"
            struct Group: Hashable { var instrument: String; var status: String; var interviewer: String }
            var groups: [Group: (count: Int, last: String)] = [:]
            for interview in interviews {
                let key = Group(instrument: "\(interview.instrument) v\(interview.version)", status: interview.statusLabel + (interview.simulated ? " (simulated)" : ""), interviewer: interview.interviewer)
                let current = groups[key] ?? (0, "")
                groups[key] = (current.count + 1, max(current.last, interview.updatedAt))
            }
            if !groups.isEmpty {
                let header = ["instrument", "status", "interviewer", "count", "last activity"]
                let rows = groups.sorted { ($0.key.instrument, $0.key.status, $0.key.interviewer) < ($1.key.instrument, $1.key.status, $1.key.interviewer) }
                    .map { [$0.key.instrument, $0.key.status, $0.key.interviewer, String($0.value.count), String($0.value.last.prefix(16)).replacingOccurrences(of: "T", with: " ")] }
                out += "\n" + Table.render(header: header, rows: rows, rightAligned: [3])
            }
            let suspended = interviews.filter { $0.status == .suspended }
            if !suspended.isEmpty {
                out += "\nSuspended (continue with `peersurvey resume --db \(path) CODE`): "
                out += suspended.prefix(20).map(\.code).joined(separator: ", ") + (suspended.count > 20 ? ", ..." : "") + "\n"
            }
            let interrupted = interviews.filter(\.interrupted)
            if !interrupted.isEmpty {
                out += "\nInterrupted: their window closed or crashed, every answer given is saved (continue with `peersurvey resume --db \(path) CODE`): "
                out += interrupted.prefix(20).map(\.code).joined(separator: ", ") + (interrupted.count > 20 ? ", ..." : "") + "\n"
            }
            if revisions.answers > 0 {
                out += "\nKept from merges: \(revisions.answers) answer\(revisions.answers == 1 ? "" : "s") of \(revisions.interviews) interview\(revisions.interviews == 1 ? "" : "s") "
                out += "differed between two copies; the newer copy's answers are used, the others are kept in the table answer_revision.\n"
            }
            return CommandOutput(stdout: out)
        } catch {
            return .failure(error)
        }
    }
}

/// A plain-text table with aligned columns.
enum Table {
    static func render(header: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
        var widths = header.map(\.count)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return rightAligned.contains(index) ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        }
        return line(header) + line(widths.map { String(repeating: "-", count: $0) }) + rows.map(line).joined()
    }
}
