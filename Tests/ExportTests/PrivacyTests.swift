import Foundation
import Testing

/// De-identification, checked on the bytes of every file: the identifying answer, the participant
/// codes, interviewers' notes and (without `--include-text`) free text never leave the study;
/// contact details in exported free text are masked and counted; pseudonyms belong to a release.
struct PrivacyTests {
    /// Every file of an export with its bytes.
    static func files(_ export: MadeExport) throws -> [(name: String, data: Data)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: export.directory.path).sorted()
        #expect(names.count >= 11, "\(names)")
        return try names.map { ($0, try export.data($0)) }
    }

    /// The texts no de-identified export may contain, in any file.
    static func secrets(_ study: HandMadeStudy) -> [String] {
        var secrets = [
            HandMadeStudy.nameMarker, HandMadeStudy.noteMarker, "jo.bloggs@example.org", "07700 900123", "SW1A 1AA",
        ]
        for code in study.codes {
            secrets.append(code)
            secrets.append(code.replacingOccurrences(of: "-", with: ""))
        }
        return secrets
    }

    @Test func noFileOfADeidentifiedExportHoldsAnIdentifyingMarkerOrAParticipantCode() throws {
        let study = try HandMadeStudy.get()
        for export in [try #require(HandMadeStudy.withText), try #require(HandMadeStudy.withoutText)] {
            for (name, data) in try Self.files(export) {
                for secret in Self.secrets(study) {
                    #expect(!data.contains(text: secret), "\(name) holds \(secret)")
                }
            }
        }
        // Without --include-text no free text leaves, not even in the codebooks.
        for (name, data) in try Self.files(try #require(HandMadeStudy.withoutText)) {
            #expect(!data.contains(text: HandMadeStudy.textMarker), "\(name) holds free text")
            #expect(!data.contains(text: "HYPERLINK"), "\(name) holds free text")
        }
        // With it, the text is there (so the search above can find what it looks for).
        let csv = try #require(HandMadeStudy.withText).data("hostile-text.csv")
        #expect(csv.contains(text: HandMadeStudy.textMarker))
    }

    @Test func exportJSONSaysWhatWasDroppedMaskedAndCoarsened() throws {
        let report = try #require(HandMadeStudy.withText).report()
        let dropped = report["dropped"] as? [[String: String]] ?? []
        #expect(dropped.contains { $0["variable"] == "full_name" && $0["reason"] == "identifying" })
        let masked = report["masked"] as? [String: [String: Int]] ?? [:]
        #expect(masked["story"] == ["email": 1, "phone": 1, "postcode": 1])
        let coarsened = report["coarsened"] as? [String: String] ?? [:]
        #expect(coarsened["visit_date"] != nil && coarsened["ps_month"] != nil)
        #expect(report["any_simulated"] as? Bool == false && report["simulated"] as? Int == 0)
        #expect(report["profile"] as? String == "deidentified" && report["include_text"] as? Bool == true)
        #expect(report["rows"] as? Int == HandMadeStudy.stories.count)
        let without = try #require(HandMadeStudy.withoutText).report()
        let droppedText = (without["dropped"] as? [[String: String]] ?? []).filter { $0["reason"] == "free_text" }
        #expect(Set(droppedText.compactMap { $0["variable"] }) == ["story", "services_97_text"])
        // The command says so too.
        #expect(try #require(HandMadeStudy.withoutText).stdout.contains("Left out (identifying): full_name."))
    }

    @Test func pseudonymsArePerReleaseAndTheCustodianGetsTheCodes() throws {
        let study = try HandMadeStudy.get()
        let first = try #require(HandMadeStudy.withoutText).csvRecords("hostile-text.csv").map {
            $0["ps_pseudonym"] ?? ""
        }
        let again = try Exports.make(study.path, ["--format", "csv"]).csvRecords("hostile-text.csv")
        let other = try Exports.make(study.path, ["--format", "csv", "--release", "archive-2"]).csvRecords(
            "hostile-text.csv")
        #expect(first.allSatisfy { $0.hasPrefix("p-") && $0.count == 14 && $0.dropFirst(2).allSatisfy(\.isHexDigit) })
        #expect(Set(first).count == first.count, "two participants share a pseudonym")
        #expect(again.map { $0["ps_pseudonym"] ?? "" } == first, "the same release gives the same pseudonyms")
        let second = other.map { $0["ps_pseudonym"] ?? "" }
        #expect(Set(second).isDisjoint(with: first), "pseudonyms of two releases can be linked")
        let custodian = try Exports.make(study.path, ["--profile", "custodian"])
        #expect(try custodian.csvRecords("hostile-text.csv").map { $0["ps_code"] ?? "" } == study.codes)
        // Even the custodian never gets the identifying answer or the notes.
        for (name, data) in try Self.files(custodian) {
            #expect(!data.contains(text: HandMadeStudy.nameMarker), "\(name)")
            #expect(!data.contains(text: HandMadeStudy.noteMarker), "\(name)")
        }
    }
}
