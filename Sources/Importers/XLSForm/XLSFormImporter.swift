import Foundation

/// `peersurvey import xlsform`: an XLSForm workbook's `survey`, `choices` and `settings` sheets
/// become one instrument.
enum XLSFormImporter {
    static func run(path: String) throws(ImportError) -> ImportResult {
        var workbook = try Workbook(path: path)
        guard let surveySheet = workbook.sheet(named: "survey") else {
            throw .invalid(
                location: workbook.name,
                message:
                    "this workbook is not an XLSForm: it has no `survey` sheet (its sheets: \(workbook.sheetNames.map { "`\($0)`" }.joined(separator: ", ")))"
            )
        }
        let survey = try workbook.rows(of: surveySheet)
        let choices =
            try workbook.sheet(named: "choices").map { sheet throws(ImportError) in try workbook.rows(of: sheet) } ?? []
        let settings =
            try workbook.sheet(named: "settings").map { sheet throws(ImportError) in try workbook.rows(of: sheet) }
            ?? []
        var form = XLSFormBuilder(file: workbook.name, surveySheet: surveySheet)
        let draft = try form.build(survey: survey, choices: choices, settings: settings)
        var report = form.report
        for sheet in workbook.sheetNames where !["survey", "choices", "settings"].contains(sheet.lowercased()) {
            report.note("\(workbook.name):\(sheet)", "the sheet `\(sheet)` is not part of an XLSForm; left out")
        }
        return ImportResult(drafts: [draft], report: report)
    }
}

/// The header of a sheet: each column's name, and the language columns of each base name.
struct SheetHeader {
    /// Lowercased column name to index.
    var columns: [String: Int] = [:]
    /// Base name (`label`) to language code to index.
    var languages: [String: [String: Int]] = [:]
    /// The row number of the header.
    var row: Int

    init(_ row: Workbook.Row, file: String, sheet: String, report: inout ImportReport, defaultLanguage: String) {
        self.row = row.number
        for cell in row.cells {
            let name = cell.value.trimmingCharacters(in: .whitespaces)
            let lowered = name.lowercased()
            if let separator = name.range(of: "::") {
                let base = name[..<separator.lowerBound].lowercased()
                let language = String(name[separator.upperBound...])
                if let code = XLSFormLanguages.code(language) {
                    languages[base, default: [:]][code] = cell.column
                } else {
                    report.note(
                        "\(file):\(sheet)!\(cell.reference)",
                        "the language of the column `\(name)` has no 2- or 3-letter code (write it as `\(base)::Name (xx)`); the column is left out"
                    )
                }
            } else {
                columns[lowered] = cell.column
            }
        }
        for base in ["label", "hint", "guidance_hint", "constraint_message", "required_message"] {
            if let plain = columns[base], languages[base]?[defaultLanguage] == nil {
                languages[base, default: [:]][defaultLanguage] = plain
            }
        }
    }

    /// Every language a column of the header is written in.
    var allLanguages: Set<String> { Set(languages.values.flatMap(\.keys)) }

    /// The texts of a base column in a row, by language.
    func texts(_ base: String, _ row: Workbook.Row) -> Texts? {
        var byLanguage: [String: String] = [:]
        for (code, column) in languages[base] ?? [:] {
            let value = row.value(column)
            if !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { byLanguage[code] = value }
        }
        return byLanguage.isEmpty ? nil : Texts(byLanguage)
    }

    /// The value of a plain column.
    func value(_ name: String, _ row: Workbook.Row) -> String {
        row.value(columns[name]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// `A`, `B`, ... `AA` for a 0-based column.
func columnLetters(_ column: Int) -> String {
    var number = column + 1
    var letters = ""
    while number > 0 {
        let remainder = (number - 1) % 26
        letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
        number = (number - 1) / 26
    }
    return letters
}
