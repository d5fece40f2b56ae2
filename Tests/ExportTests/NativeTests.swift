import Foundation
import Instrument
import Testing

/// The `.sav` and `.dta` files as pyreadstat reads them: the same cells as the CSV, and the
/// dictionary (labels, missing codes, measures, multiple-response sets) that datapackage.json
/// describes.
struct NativeTests {
    /// The cells of the CSV and of a native file agree: blanks are blank, numbers equal, text
    /// equal once the CSV's formula apostrophe is taken off.
    static func agree(_ csv: String, _ cell: NativeFile.Cell, letters: [String: String] = [:]) -> Bool {
        switch cell {
        case .none: return csv.isEmpty
        case .number(let value): return Double(csv) == value
        case .text(let text):
            if let code = letters[text] { return csv == code }
            if csv == text { return true }
            return csv.hasPrefix("'") && String(csv.dropFirst()) == text
        }
    }

    /// datapackage.json's fields by name.
    static func fields(_ export: MadeExport) throws -> [String: [String: Any]] {
        let package = try jsonObject(try export.text("datapackage.json"))
        let resource = try #require((package["resources"] as? [[String: Any]])?.first)
        let fields = try #require((resource["schema"] as? [String: Any])?["fields"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: fields.map { ($0["name"] as? String ?? "", $0) })
    }

    /// A field's codes and labels, valid and missing, as datapackage.json gives them.
    static func labels(of field: [String: Any]) -> [String: String] {
        var labels: [String: String] = [:]
        for category in field["categories"] as? [[String: Any]] ?? [] {
            labels["\(category["value"] ?? "")"] = category["label"] as? String
        }
        for missing in field["missingValues"] as? [[String: Any]] ?? [] {
            if let value = missing["value"] as? String, !value.isEmpty { labels[value] = missing["label"] as? String }
        }
        return labels
    }

    @Test(arguments: bundledInstruments)
    func theSavFileHoldsTheCSVWithLabelsMissingRangesMeasuresAndSets(_ id: String) throws {
        let export = try Exports.of(id)
        let csv = try export.csvRows("\(id).csv")
        let sav = try NativeFile(export.url("\(id).sav"))
        #expect(sav.columns == csv[0])
        #expect(sav.rows.count == csv.count - 1)
        for (row, cells) in zip(csv.dropFirst(), sav.rows) {
            for (index, cell) in cells.enumerated() where !Self.agree(row[index], cell) {
                Issue.record("\(sav.columns[index]): the CSV has \(row[index]), the .sav \(cell)")
            }
        }
        let fields = try Self.fields(export)
        for (index, name) in sav.columns.enumerated() {
            let field = try #require(fields[name], "datapackage.json has no field \(name)")
            #expect(sav.labels[index] == field["title"] as? String, "\(name)")
            let expected = Self.labels(of: field)
            if field["type"] as? String != "string" {
                #expect(sav.valueLabels[name] ?? [:] == expected, "\(name)")
            }
            // Every negative code is declared missing, and no valid code is.
            let ranges = sav.missingRanges[name] ?? []
            func isMissing(_ code: Double) -> Bool {
                ranges.contains { $0.count == 2 && $0[0] <= code && code <= $0[1] }
            }
            for code in (sav.valueLabels[name] ?? [:]).keys.compactMap(Double.init) {
                #expect(isMissing(code) == (code < 0), "\(name): code \(code)")
            }
        }
        #expect(sav.measures["ps_status"] == "nominal")
        #expect(sav.measures["ps_month"] == "ordinal")
        for set in try Self.multipleChoiceQuestions(id) {
            let found = try #require(sav.sets[set.name], "\(id).sav has no multiple-response set \(set.name)")
            #expect(found.countedValue == 1)
            #expect(found.columns == set.columns)
            #expect(!found.label.isEmpty)
            for column in set.columns { #expect(sav.measures[column] == "nominal") }
        }
    }

    @Test(arguments: bundledInstruments)
    func theDtaFileHoldsTheCSVWithMissingCodesAsLabelledLetters(_ id: String) throws {
        let export = try Exports.of(id)
        let csv = try export.csvRows("\(id).csv")
        let dta = try NativeFile(export.url("\(id).dta"))
        let fields = try Self.fields(export)
        #expect(dta.columns == csv[0])
        #expect(dta.rows.count == csv.count - 1)
        // Each letter stands for the code whose label it carries.
        var letters: [String: [String: String]] = [:]
        for (name, labels) in dta.valueLabels {
            let codeOf = Dictionary(
                (Self.labels(of: fields[name] ?? [:])).map { ($0.value, $0.key) },
                uniquingKeysWith: { first, _ in first })
            for (letter, label) in labels where Int(letter) == nil {
                letters[name, default: [:]][letter] = codeOf[label]
            }
        }
        for (row, cells) in zip(csv.dropFirst(), dta.rows) {
            for (index, cell) in cells.enumerated() {
                let name = dta.columns[index]
                if !Self.agree(row[index], cell, letters: letters[name] ?? [:]) {
                    Issue.record("\(name): the CSV has \(row[index]), the .dta \(cell)")
                }
                if case .number(let value) = cell { #expect(value >= 0, "\(name): a missing code left as a number") }
            }
        }
        for (name, letters) in dta.missingLetters {
            #expect(letters.allSatisfy { dta.valueLabels[name]?[$0] != nil }, "\(name): an unlabelled missing letter")
        }
        for set in try Self.multipleChoiceQuestions(id) {
            #expect(dta.notes.contains { $0.contains(set.name) && $0.contains(set.columns.joined(separator: " ")) })
        }
    }

    @Test(arguments: ["sav", "dta"])
    func hostileFreeTextRoundTripsExactly(_ kind: String) throws {
        let export = try #require(HandMadeStudy.withText)
        let file = try NativeFile(export.url("hostile-text.\(kind)"))
        let stories = try file.column("story")
        #expect(stories.count == HandMadeStudy.stories.count)
        for (index, story) in HandMadeStudy.stories.enumerated() {
            let expected =
                story == HandMadeStudy.contacts ? "Write to [email], ring [phone] or visit [postcode]" : story
            #expect(stories[index] == .text(expected), "interview \(index)")
        }
        let specify = try file.column("services_97_text")
        for (index, story) in HandMadeStudy.stories.enumerated()
        where HandMadeStudy.services(index) == .value(.set([1, 97])) {
            #expect(specify[index] == .text(story), "interview \(index)")
        }
        // 6,000 bytes: a very long string in SPSS, a strL in Stata.
        let storage = try #require(file.storage["story"])
        #expect(kind == "sav" ? storage.hasPrefix("A") && (Int(storage.dropFirst()) ?? 0) >= 6000 : storage == "strL")
        // 404 bytes: more than SPSS's short strings, a plain str404 in Stata.
        #expect(file.storage["services_97_text"] == (kind == "sav" ? "A404" : "str404"))
    }

    /// The multiple-choice questions of a bundled instrument and the flag columns a user expects
    /// (`QUESTION_CODE`, in option order).
    static func multipleChoiceQuestions(_ id: String) throws -> [(name: String, columns: [String])] {
        try bundled(id).allQuestions.compactMap { entry -> (String, [String])? in
            guard case .multiple(let list) = entry.question.kind else { return nil }
            return (entry.question.id, list.options.map { "\(entry.question.id)_\($0.code)" })
        }
    }
}
