import Foundation
import Store

/// `verify`, `merge`, `withdraw`, `backup` and `unseal`.
package enum MaintenanceCommand {
    /// Checks a study database; exit 65 naming each problem.
    package static func verify(path: String) -> CommandOutput {
        do {
            let database = try StudyDatabase.open(at: path, readOnly: true)
            defer { try? database.close() }
            let report = try database.verify()
            let counts = ["interview", "answer", "sealed", "event", "note", "withdrawal"]
                .map { "\(report.counts[$0] ?? 0) \($0)" }.joined(separator: ", ")
            if report.isSound {
                return CommandOutput(stdout: "\(path): sound (\(counts))\n")
            }
            return CommandOutput(
                stderr: report.problems.map { "\(path): error: \($0)\n" }.joined() + "\(path): \(report.problems.count) problems\n",
                status: .dataError)
        } catch {
            return .failure(error)
        }
    }

    /// Merges copies of a study into `target` (created from the first source when missing).
    package static func merge(into target: String, sources: [String]) -> CommandOutput {
        do {
            for source in sources where (source as NSString).standardizingPath == (target as NSString).standardizingPath {
                return CommandOutput(stderr: "error: \(source) is the target itself; name other databases to merge in\n", status: .usage)
            }
            var report = MergeReport()
            if StudyFile.entryExists(target) {
                let database = try StudyDatabase.open(at: target)
                report = try database.merge(from: sources)
                try database.close()
            } else {
                // A new target is built under a temporary name and appears only when the merge is
                // complete: a killed or failed merge leaves nothing to block the retry.
                let database = try StudyDatabase.createCopy(at: target, ofStudyIn: sources[0]) { database in
                    report = try database.merge(from: sources)
                }
                try database.close()
            }
            var out = "Merged \(sources.count) database\(sources.count == 1 ? "" : "s") into \(target): "
            out += "\(report.added) added, \(report.updated) updated to a newer revision, \(report.identical) already present, "
            out += "\(report.older) older copies kept beside the newer, \(report.withdrawn + report.erasedByTombstone) withdrawn.\n"
            if report.revisionsKept > 0 {
                out += "\(report.revisionsKept) answer\(report.revisionsKept == 1 ? "" : "s") of the copies not kept differed; they are kept as revisions (see `peersurvey status`).\n"
            }
            let conflicts = report.conflicts.map { "conflict: \($0)\n" }.joined()
            return CommandOutput(stdout: out + conflicts)
        } catch {
            return .failure(error)
        }
    }

    /// Withdraws one participant.
    /// - Parameter wait: Seconds to wait for other programs reading the database.
    package static func withdraw(path: String, code: String, wait: Double = 60) -> CommandOutput {
        do {
            let database = try StudyDatabase.open(at: path)
            defer { try? database.close() }
            try database.withdraw(code: code, wait: wait)
            return CommandOutput(stdout: "Withdrew \(ParticipantCode.normalise(code) ?? code): every answer, note and event is erased; a tombstone stops a merge from bringing them back.\n")
        } catch {
            return .failure(error)
        }
    }

    /// Copies a study database.
    package static func backup(path: String, to destination: String) -> CommandOutput {
        do {
            let database = try StudyDatabase.open(at: path, readOnly: true)
            defer { try? database.close() }
            try database.backup(to: destination)
            return CommandOutput(stdout: "Backed up \(path) to \(destination).\n")
        } catch {
            return .failure(error)
        }
    }

    /// Shows sealed values to the custodian.
    package static func unseal(path: String, keyPath: String, passphrase: String, json: Bool) -> CommandOutput {
        do {
            let keyFile = try PrivateKeyFile.read(path: keyPath)
            let key = try keyFile.unlock(passphrase: passphrase)
            let database = try StudyDatabase.open(at: path, readOnly: true)
            defer { try? database.close() }
            let values = try database.unseal(privateKey: key)
            let failed = values.count { $0.text == nil }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                return CommandOutput(stdout: String(decoding: try encoder.encode(values), as: UTF8.self) + "\n", status: failed > 0 ? .dataError : .success)
            }
            let rows = values.map { [$0.code, $0.variable, $0.text ?? "(does not open: damaged or moved)"] }
            var out = values.isEmpty ? "No sealed values.\n" : Table.render(header: ["participant", "variable", "value"], rows: rows)
            if failed > 0 { out += "\(failed) values did not open.\n" }
            return CommandOutput(stdout: out, status: failed > 0 ? .dataError : .success)
        } catch {
            return .failure(error)
        }
    }
}
