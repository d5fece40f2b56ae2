import Foundation
import Instrument
import TestSupport
import Testing

/// Each public fixture imports through the built binary, checks clean, passes its own generated
/// tests, and every field, row or item of it lands in the output or in the report.
@Suite(.serialized)
struct FixtureImportTests {
    static let fixtures: [(format: String, path: String)] = [
        ("redcap", "redcap/validation-types.csv"),
        ("redcap", "redcap/repeating-instruments.csv"),
        ("xlsform", "xlsform/all-question-types.xlsx"),
        ("reproschema", "reproschema/GAD7"),
    ]

    @Test(arguments: fixtures.indices)
    func importsChecksAndTests(_ index: Int) throws {
        let fixture = Self.fixtures[index]
        let imported = try Imported.run(fixture.format, try ImportFixtures.path(fixture.path))
        #expect(imported.output.status == 0, "\(imported.output.stderr)")
        #expect(!imported.files.isEmpty)
        for file in imported.files {
            let check = try ImportFixtures.peersurvey(["check", file.path])
            #expect(check.status == 0, "\(file.lastPathComponent): \(check.stdout)")
            let test = try ImportFixtures.peersurvey(["test", "--today", "2026-06-01", file.path])
            #expect(test.status == 0, "\(file.lastPathComponent): \(test.stdout)")
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.contains("# "), "each question carries a comment naming its source")
        }
    }

    /// The names of a REDCap dictionary's fields, with their lines.
    static func redcapFields(_ path: String) throws -> [(name: String, line: Int)] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        return lines.enumerated().dropFirst().compactMap { index, line in
            let name = line.split(separator: ",").first.map(String.init) ?? ""
            return name.isEmpty ? nil : (name, index + 1)
        }
    }

    /// Every variable name of the instruments written.
    static func variables(_ imported: Imported) throws -> Set<String> {
        var names = Set<String>()
        for file in imported.files {
            let instrument = try imported.instrument(file)
            names.formUnion(instrument.variables.ids)
            for (_, question) in instrument.allQuestions { names.insert(question.id) }
        }
        return names
    }

    @Test(arguments: ["redcap/validation-types.csv", "redcap/repeating-instruments.csv"])
    func everyREDCapFieldLandsInTheOutputOrTheReport(_ fixture: String) throws {
        let path = try ImportFixtures.path(fixture)
        let imported = try Imported.run("redcap", path)
        let names = try Self.variables(imported)
        let name = (path as NSString).lastPathComponent
        for field in try Self.redcapFields(path) {
            let reported =
                imported.output.stderr.contains("\(name):\(field.line): ")
                && imported.output.stderr.contains("`\(field.name)`")
            #expect(
                names.contains(field.name) || reported,
                "`\(field.name)` (line \(field.line)) is neither imported nor reported")
        }
    }

    @Test func redcapValidationTypesBecomeTypes() throws {
        let imported = try Imported.run("redcap", try ImportFixtures.path("redcap/validation-types.csv"))
        let instrument = try imported.instrument(try #require(imported.files.first))
        func kind(_ id: String) -> Question.Kind? {
            instrument.allQuestions.first { $0.question.id == id }?.question.kind
        }
        #expect(kind("v_integer") == .integer(range: nil))
        #expect(kind("v_number_2dp") == .decimal(range: nil, decimals: 2))
        #expect(kind("v_date_dmy") == .date(from: nil, to: nil))
        #expect(kind("v_date_mdy") == .date(from: nil, to: nil))
        #expect(kind("f_notes") == .text(length: 0...2000, long: true))
        #expect(kind("f_slider") == .integer(range: -1...101))
        if case .multiple(let list)? = kind("f_checkbox") {
            #expect(list.options.map(\.code) == [0, 1, 2])
        } else {
            Issue.record("f_checkbox is not a multiple choice")
        }
        if case .single(let list)? = kind("f_yes_no") {
            #expect(list.options.map(\.code) == [1, 0])
        } else {
            Issue.record("f_yes_no is not a single choice")
        }
        if case .calculate(let expression)? = kind("f_calculated") {
            #expect(expression.source == "3 + 4")
        } else {
            Issue.record("f_calculated is not a calculation")
        }
        #expect(instrument.allQuestions.first { $0.question.id == "v_email" }?.question.identifying == true)
        #expect(
            imported.output.stderr.contains(
                "validation-types.csv:7: field type \"file\" has no equivalent in an interview"))
        #expect(imported.output.stderr.contains("validation-types.csv:12: field type \"sql\""))
    }

    @Test func redcapFormsBecomeInstrumentsAndIdentifiersAreSealed() throws {
        let imported = try Imported.run("redcap", try ImportFixtures.path("redcap/repeating-instruments.csv"))
        #expect(imported.files.map(\.lastPathComponent) == ["bp.yaml", "demographics.yaml"])
        let demographics = try imported.instrument(imported.directory.appendingPathComponent("demographics.yaml"))
        let sealed = demographics.allQuestions.filter { $0.question.identifying }.map(\.question.id)
        #expect(sealed == ["first_name", "dob"])
        let bp = try imported.instrument(imported.directory.appendingPathComponent("bp.yaml"))
        #expect(bp.variables.ids == ["date_bp", "bp_systolic", "bp_diastolic"])
        // Only a minimum: a check rather than a range.
        let systolic = try #require(bp.allQuestions.first { $0.question.id == "bp_systolic" }?.question)
        #expect(systolic.checks.first?.condition.source == "bp_systolic < 0")
    }

    @Test func everyXLSFormRowLandsInTheOutputOrTheReport() throws {
        let path = try ImportFixtures.path("xlsform/all-question-types.xlsx")
        let imported = try Imported.run("xlsform", path)
        let names = try Self.variables(imported)
        let instrument = try imported.instrument(try #require(imported.files.first))
        let notes = instrument.allQuestions.map(\.question.id)
        // The survey sheet's names, read with Python's standard library as a second reader.
        let script = """
            import re, sys, zipfile, xml.etree.ElementTree as ET
            ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
            z = zipfile.ZipFile(sys.argv[1])
            sst = [''.join(t.text or '' for t in si.iter('{%s}t' % ns['m'])) for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', ns)]
            for row in ET.fromstring(z.read('xl/worksheets/sheet1.xml')).iter('{%s}row' % ns['m']):
                cells = {c.get('r'): c for c in row.findall('m:c', ns)}
                c = cells.get('B' + row.get('r')); t = cells.get('A' + row.get('r'))
                if c is None or t is None or c.find('m:v', ns) is None: continue
                value = lambda x: sst[int(x.find('m:v', ns).text)] if x.get('t') == 's' else x.find('m:v', ns).text
                print(row.get('r'), value(t), value(c))
            """
        let listing = try Program.run("/usr/bin/env", ["python3", "-c", script, path])
        try #require(listing.status == 0, "python3 could not read the workbook: \(listing.stderr)")
        var count = 0
        for line in listing.stdout.split(separator: "\n").dropFirst() {
            let parts = line.split(separator: " ").map(String.init)
            let (row, type, name) = (parts[0], parts[1], parts.last!)
            if type.hasPrefix("begin") || type.hasPrefix("end") { continue }
            count += 1
            let reported = imported.output.stderr.contains("all-question-types.xlsx:survey!A\(row): ")
            let renamed = imported.output.stderr.contains("`\(name)` is named")
            #expect(
                names.contains(name) || notes.contains(name) || reported || renamed,
                "row \(row) `\(name)` is neither imported nor reported")
        }
        #expect(count > 80)
    }

    @Test func gad7KeepsItsLanguagesCodesAndScore() throws {
        let imported = try Imported.run("reproschema", try ImportFixtures.path("reproschema/GAD7"))
        let instrument = try imported.instrument(try #require(imported.files.first))
        #expect(instrument.id == "gad7")
        #expect(instrument.languages.first == "en")
        #expect(
            instrument.languages.contains("fr") && instrument.languages.contains("pt")
                && instrument.languages.contains("zh"))
        #expect(!instrument.languages.contains("pt-pt"))
        #expect(imported.output.stderr.contains("the language `pt-pt` is left out"))
        #expect(
            instrument.variables.ids.prefix(7) == [
                "gad7_1", "gad7_2", "gad7_3", "gad7_4", "gad7_5", "gad7_6", "gad7_7",
            ])
        let first = try #require(instrument.allQuestions.first { $0.question.id == "gad7_1" }?.question)
        #expect(first.text?.translations["en"] == "Feeling nervous, anxious or on edge")
        #expect(first.kind.options?.options.map(\.code) == [0, 1, 2, 3])
        #expect(first.kind.options?.options.first?.label.translations["fr"] == "Jamais")
        let score = try #require(instrument.scores.first)
        #expect(score.id == "gad7_total_score" && score.method == .sum && score.items.count == 7)
        let scored = try #require(instrument.tests.first { !$0.scores.isEmpty })
        #expect(scored.scores.first?.value == 21, "GAD-7's highest total")
    }
}
