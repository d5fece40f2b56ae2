import Foundation
import Store

/// `verify`, `merge`, `withdraw`, `backup` and `unseal`.
package enum MaintenanceCommand {
    /// Checks a study database; exit 65 naming each problem.
    package static func verify(path: String) -> CommandOutput {
        do {
            let report = try StudyDatabase.open(at: path, readOnly: true).verify()
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
            let database: StudyDatabase
            if FileManager.default.fileExists(atPath: target) {
                database = try StudyDatabase.open(at: target)
            } else {
                // Check the first source fully before creating anything.
                let first = try StudyDatabase.open(at: sources[0], readOnly: true)
                let check = try first.verify()
                guard check.isSound else { throw StoreError.damaged(path: sources[0], detail: check.problems.joined(separator: "; ")) }
                database = try StudyDatabase.createCopy(at: target, ofStudyIn: sources[0])
            }
            let report = try database.merge(from: sources)
            var out = "Merged \(sources.count) database\(sources.count == 1 ? "" : "s") into \(target): "
            out += "\(report.added) added, \(report.updated) updated to a newer revision, \(report.identical) already present, "
            out += "\(report.older) older copies ignored, \(report.withdrawn + report.erasedByTombstone) withdrawn.\n"
            let conflicts = report.conflicts.map { "conflict: \($0)\n" }.joined()
            return CommandOutput(stdout: out + conflicts)
        } catch {
            return .failure(error)
        }
    }

    /// Withdraws one participant.
    package static func withdraw(path: String, code: String) -> CommandOutput {
        do {
            try StudyDatabase.open(at: path).withdraw(code: code)
            return CommandOutput(stdout: "Withdrew \(ParticipantCode.normalise(code) ?? code): every answer, note and event is erased; a tombstone stops a merge from bringing them back.\n")
        } catch {
            return .failure(error)
        }
    }

    /// Copies a study database.
    package static func backup(path: String, to destination: String) -> CommandOutput {
        do {
            try StudyDatabase.open(at: path).backup(to: destination)
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
            let values = try StudyDatabase.open(at: path, readOnly: true).unseal(privateKey: key)
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
