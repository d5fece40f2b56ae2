import Foundation
import Presentation
import Store

/// Writes `export.json`: what the export read, left out, masked and coarsened, and every file's
/// SHA-256. Keys are sorted and nothing depends on the machine, so two exports of the same
/// database differ only in `exported_at`.
enum ExportManifest {
    /// The field that holds the time of the export: the only one that differs between two exports.
    static let timestampField = "exported_at"

    static func object(_ report: ExportReport) -> JSON {
        func sorted(_ pairs: [String: JSON]) -> JSON { .object(pairs.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }) }
        func counts(_ values: [String: Int]) -> JSON { sorted(values.mapValues { .integer($0) }) }
        var interviews: [String: Int] = [:]
        for (status, count) in report.interviews { interviews[status.rawValue] = count }
        return sorted([
            "peersurvey_export": .integer(1),
            "instrument": .string(report.instrument),
            "versions": .array(report.versions.map { .integer($0) }),
            "profile": .string(report.profile.rawValue),
            "release": .string(report.release),
            "include_text": .bool(report.includeText),
            "interviews": counts(interviews),
            "exported_statuses": .array(report.exportedStatuses.map { .string($0.rawValue) }),
            "rows": .integer(report.rows),
            "simulated": .integer(report.simulated),
            "any_simulated": .bool(report.simulated > 0),
            "dropped": .array(
                report.dropped.map {
                    .object([("reason", .string($0.reason.rawValue)), ("variable", .string($0.variableID))])
                }),
            "masked": sorted(report.masked.mapValues { counts($0) }),
            "truncated": counts(report.truncated),
            "coarsened": sorted(report.coarsened.mapValues { .string($0) }),
            "pseudonyms": .string(
                report.profile == .custodian
                    ? "none: the custodian profile keeps participant codes"
                    : "HMAC-SHA256 of the participant code under a key derived (HKDF-SHA256) from the study's export secret and the release name; first 6 bytes in hex"),
            "timestamp_field": .string(timestampField),
            timestampField: .string(report.exportedAt),
            "files": sorted(report.files.mapValues { .string($0) }),
        ])
    }

    static func write(_ report: ExportReport, to url: URL) throws(ExportError) {
        do {
            try OutputFile.writeText(object(report).rendered(.descriptor) + "\n", to: url)
        } catch let error as ExportError {
            throw error
        } catch {
            throw .io(path: url.path, detail: "the report could not be written")
        }
    }
}
