import Foundation
import Instrument
import Testing

/// The coded CSV of the hand-made study, cell by cell, as Python's csv module reads it.
struct CSVTests {
    static func records() throws -> [[String: String]] {
        try #require(HandMadeStudy.withText).csvRecords("hostile-text.csv")
    }

    @Test func multipleChoiceFlagsAreBlankWhenNotAskedZeroWhenNotChosenAndKeepTheMissingCode() throws {
        let records = try Self.records()
        #expect(records.count == HandMadeStudy.stories.count)
        let columns = ["services_1", "services_2", "services_97", "services_98"]
        for (index, record) in records.enumerated() {
            let flags = columns.map { record[$0] ?? "?" }
            switch HandMadeStudy.services(index) {
            case .value(.set([1, 97])): #expect(flags == ["1", "0", "1", "0"], "interview \(index)")
            case .value(.set([98])): #expect(flags == ["0", "0", "0", "1"], "interview \(index)")
            case .notApplicable: #expect(flags == ["", "", "", ""], "interview \(index): not asked is blank")
            case .refused: #expect(flags == ["-7", "-7", "-7", "-7"], "interview \(index)")
            case .dontKnow: #expect(flags == ["-8", "-8", "-8", "-8"], "interview \(index)")
            default: Issue.record("unexpected case")
            }
        }
    }

    @Test func missingCodesAreDistinctNumbersWithoutAnApostrophe() throws {
        let records = try Self.records()
        for (index, record) in records.enumerated() {
            #expect(record["mood"] == (index % 4 == 2 ? "-7" : String(index % 2 + 1)), "interview \(index)")
            // The "please say" text exists only when "something else" was chosen; otherwise blank.
            let chose97 = HandMadeStudy.services(index) == .value(.set([1, 97]))
            #expect(record["services_97_text"]?.isEmpty == !chose97, "interview \(index)")
        }
        let export = try #require(HandMadeStudy.withText)
        let header = try export.csvRows("hostile-text.csv")[0]
        #expect(!header.contains("full_name"), "the identifying question has a column")
        // Refused, don't know, not asked and not reached are four different codes, each labelled.
        let labels = try #require(try NativeFile(export.url("hostile-text.sav")).valueLabels["mood"])
        let codes = ["Prefer not to say", "Don't know", "Not asked", "Not reached"].compactMap { label in
            labels.first { $0.value == label }?.key
        }
        #expect(Set(codes).count == 4 && codes.allSatisfy { Int($0).map { $0 < 0 } == true })
    }

    @Test func datesAreCoarsenedToTheMonth() throws {
        let records = try Self.records()
        let month = String(ISO8601DateFormatter().string(from: Date()).prefix(7))
        for record in records {
            #expect(record["visit_date"] == "202603")
            // ps_month is the month the interview started: today, in this study.
            #expect(record["ps_month"] == month)
        }
        let custodian = try Exports.make(try HandMadeStudy.get().path, ["--profile", "custodian", "--format", "csv"])
        #expect(try custodian.csvRecords("hostile-text.csv").allSatisfy { $0["visit_date"] == "20260315" })
    }

    @Test func hostileTextRoundTripsWithFormulasNeutralised() throws {
        let records = try Self.records()
        for (index, story) in HandMadeStudy.stories.enumerated() where story != HandMadeStudy.contacts {
            let cell = try #require(records[index]["story"])
            if let first = story.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) {
                #expect(cell == "'" + story, "interview \(index): a formula is not neutralised")
            } else {
                #expect(cell == story, "interview \(index)")
            }
        }
        #expect(records[9]["story"]?.count == 5000)
    }

    @Test func theFileIsUTF8WithCRLFAndAByteOrderMarkOnlyOnRequest() throws {
        let plain = try #require(HandMadeStudy.withText).data("hostile-text.csv")
        #expect(Array(plain.prefix(3)) == Array("ps_".utf8))
        #expect(String(data: plain, encoding: .utf8) != nil)
        let lines = String(decoding: plain, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.first?.hasPrefix("ps_pseudonym,") == true && lines.first?.contains("\n") == false)
        #expect(lines.count >= HandMadeStudy.stories.count + 2, "rows end with CRLF")
        let marked = try Exports.make(try HandMadeStudy.get().path, ["--format", "csv", "--bom"])
        let bytes = try marked.data("hostile-text.csv")
        #expect(Array(bytes.prefix(6)) == [0xEF, 0xBB, 0xBF] + Array("ps_".utf8))
        // Apart from the mark, and without free text, the same bytes as the CSV of `--format all`.
        let unmarked = try #require(HandMadeStudy.withoutText).data("hostile-text.csv")
        #expect(Data(bytes.dropFirst(3)) == unmarked)
    }
}
