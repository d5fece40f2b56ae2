import Foundation
import Testing

/// The syntax files: PSPP runs the `.sps` without an error or a warning and gets the dataset the
/// `.sav` holds; the Stata `.do` and the R script declare what the `.dta` and `.sav` carry.
struct SyntaxTests {
    /// Runs the `.sps` in PSPP and saves what it made; fails on any warning or error.
    static func runSyntax(_ export: MadeExport, _ id: String) throws -> NativeFile {
        let run = try ExportTools.pspp(
            "INSERT FILE=\"\(id).sps\".\nSAVE OUTFILE=\"from-sps.sav\".\n", in: export.directory)
        #expect(run.status == 0, "\(run.output)")
        #expect(!run.output.lowercased().contains("warning"), "\(run.output)")
        #expect(!run.output.lowercased().contains("error"), "\(run.output)")
        return try NativeFile(run.directory.appendingPathComponent("from-sps.sav"))
    }

    /// Two dictionaries and datasets agree.
    static func expectSame(_ made: NativeFile, _ sav: NativeFile, _ what: String) {
        #expect(made.columns == sav.columns, "\(what)")
        #expect(made.labels == sav.labels, "\(what)")
        #expect(made.valueLabels == sav.valueLabels, "\(what)")
        #expect(
            made.missingRanges.mapValues { $0.description } == sav.missingRanges.mapValues { $0.description }, "\(what)"
        )
        #expect(made.measures == sav.measures, "\(what)")
        #expect(made.sets.mapValues { "\($0)" } == sav.sets.mapValues { "\($0)" }, "\(what)")
        #expect(made.rows.count == sav.rows.count, "\(what)")
        for (left, right) in zip(made.rows, sav.rows) where left != right {
            for index in left.indices where left[index] != right[index] {
                // Text read from the CSV keeps the apostrophe put before a formula; in the copy
                // for SPSS, line breaks are spaces.
                if case .text(let csv) = left[index], case .text(let text) = right[index] {
                    let flat = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(
                        of: "\n", with: " ")
                    if NativeTests.agree(csv, .text(text)) || csv == flat { continue }
                }
                Issue.record("\(what) \(made.columns[index]): the .sps gives \(left[index]), the .sav \(right[index])")
            }
        }
    }

    @Test(arguments: bundledInstruments)
    func psppRunsTheSPSWithoutAWarningAndGetsTheSavFile(_ id: String) throws {
        let export = try Exports.of(id)
        Self.expectSame(try Self.runSyntax(export, id), try NativeFile(export.url("\(id).sav")), id)
    }

    @Test func hostileFreeTextSurvivesTheSPSToo() throws {
        let export = try #require(HandMadeStudy.withText)
        let made = try Self.runSyntax(export, "hostile-text")
        let sav = try NativeFile(export.url("hostile-text.sav"))
        Self.expectSame(made, sav, "hostile-text")
        #expect(try made.column("story")[1] == .text("line one line two line three"))
        // GET DATA cannot read line breaks inside quoted fields: the .sps reads a copy without them.
        let syntax = try export.text("hostile-text.sps")
        #expect(syntax.contains("/FILE=\"hostile-text-spss.csv\""))
        #expect(try export.report()["files"].flatMap { $0 as? [String: String] }?["hostile-text-spss.csv"] != nil)
        // Without line breaks in the data, it reads the CSV itself.
        let plain = try Exports.of("warmline-follow-up")
        #expect(try plain.text("warmline-follow-up.sps").contains("/FILE=\"warmline-follow-up.csv\""))
    }

    /// `mvdecode NAME, mv(-9=.a \ -8=.b)` lines of a do-file: column to code to letter.
    static func decodes(_ doFile: String) -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        for line in doFile.split(separator: "\n") where line.hasPrefix("mvdecode ") {
            let parts = line.dropFirst(9).split(separator: ",", maxSplits: 1)
            guard parts.count == 2, let open = parts[1].firstIndex(of: "("), let close = parts[1].lastIndex(of: ")")
            else { continue }
            for pair in parts[1][parts[1].index(after: open)..<close].split(separator: "\\") {
                let sides = pair.trimmingCharacters(in: .whitespaces).split(separator: "=")
                if sides.count == 2 {
                    result[String(parts[0]), default: [:]][String(sides[0])] = String(sides[1].dropFirst())
                }
            }
        }
        return result
    }

    @Test(arguments: bundledInstruments)
    func theDoFileTurnsEachMissingCodeIntoTheLetterTheDtaUses(_ id: String) throws {
        let export = try Exports.of(id)
        let doFile = try export.text("\(id).do")
        let dta = try NativeFile(export.url("\(id).dta"))
        let sav = try NativeFile(export.url("\(id).sav"))
        let decodes = Self.decodes(doFile)
        #expect(!decodes.isEmpty)
        for (column, mapping) in decodes {
            for (code, letter) in mapping {
                // The same reason for no answer: the .sav's label of the code is the .dta's label of the letter.
                #expect(sav.valueLabels[column]?[code] != nil, "\(column) \(code)")
                #expect(
                    dta.valueLabels[column]?[letter] == sav.valueLabels[column]?[code], "\(column) \(code)=.\(letter)")
                let define = doFile.split(separator: "\n").first { $0.hasPrefix("label define \(column) ") }
                #expect(define?.contains(".\(letter) `\"") == true, "\(column): .\(letter) has no label")
            }
        }
        // Every column with missing codes in the .dta is decoded by the .do.
        for column in dta.missingLetters.keys { #expect(decodes[column] != nil, "\(column) is not decoded") }
        let strings = dta.columns.enumerated().filter { dta.storage[$0.element]?.hasPrefix("str") == true }.map {
            String($0.offset + 1)
        }
        #expect(doFile.contains("stringcols(\(strings.joined(separator: " ")))"))
        for set in try NativeTests.multipleChoiceQuestions(id) {
            #expect(doFile.contains("notes _dta:") && doFile.contains(set.columns.joined(separator: " ")))
        }
    }

    @Test(arguments: bundledInstruments)
    func theRScriptTypesEveryColumnAndKeepsTheMissingRanges(_ id: String) throws {
        let export = try Exports.of(id)
        let script = try export.text("\(id).R")
        let sav = try NativeFile(export.url("\(id).sav"))
        #expect(script.contains("read_csv(\"\(id).csv\""))
        for column in sav.columns {
            let text = sav.types[column]?.hasPrefix("A") == true
            #expect(script.contains("`\(column)` = \(text ? "col_character()" : "col_double()")"), "\(column)")
        }
        for (column, ranges) in sav.missingRanges {
            guard let range = ranges.first, range.count == 2, range[0] != range[1] else { continue }
            let line = script.split(separator: "\n").first { $0.hasPrefix("data$`\(column)` <- labelled_spss(") }
            #expect(line?.contains("na_range = c(\(Int(range[0])), \(Int(range[1])))") == true, "\(column)")
        }
        for set in try NativeTests.multipleChoiceQuestions(id) {
            #expect(script.contains("`\(set.name)` = list(") && script.contains("counted_value = 1"))
        }
    }
}
