import Foundation
import Store

/// Writes `export.json`: what the export read, left out, masked and coarsened, and every file's
/// SHA-256. Keys are sorted and nothing depends on the machine, so two exports of the same
/// database differ only in `exported_at`.
enum ExportManifest {
    /// The field that holds the time of the export: the only one that differs between two exports.
    static let timestampField = "exported_at"

    static func object(_ report: ExportReport) -> [String: Any] {
        var interviews: [String: Int] = [:]
        for (status, count) in report.interviews { interviews[status.rawValue] = count }
        return [
            "peersurvey_export": 1,
            "instrument": report.instrument,
            "versions": report.versions,
            "profile": report.profile.rawValue,
            "release": report.release,
            "include_text": report.includeText,
            "interviews": interviews,
            "exported_statuses": report.exportedStatuses.map(\.rawValue),
            "rows": report.rows,
            "simulated": report.simulated,
            "any_simulated": report.simulated > 0,
            "dropped": report.dropped.map { ["variable": $0.variableID, "reason": $0.reason.rawValue] },
            "masked": report.masked,
            "truncated": report.truncated,
            "coarsened": report.coarsened,
            "pseudonyms": report.profile == .custodian
                ? "none: the custodian profile keeps participant codes"
                : "HMAC-SHA256 of the participant code under a key derived (HKDF-SHA256) from the study's export secret and the release name; first 6 bytes in hex",
            "timestamp_field": timestampField,
            timestampField: report.exportedAt,
            "files": report.files,
        ]
    }

    static func write(_ report: ExportReport, to url: URL) throws(ExportError) {
        do {
            var data = try JSONSerialization.data(
                withJSONObject: object(report), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            data.append(10)
            try OutputFile.writeText(String(decoding: data, as: UTF8.self), to: url)
        } catch let error as ExportError {
            throw error
        } catch {
            throw .io(path: url.path, detail: "the report could not be written")
        }
    }
}
