import Foundation
package import Instrument

/// `codebook --format redcap`: an instrument as a REDCap data dictionary (the 18-column CSV
/// REDCap's Data Dictionary page takes), so that a study can move to REDCap. Single choices
/// become radio fields, multiple choices checkboxes (exclusive options as `@NONEOFTHEABOVE`),
/// grids matrix groups, "please say" options text fields named `<question>_<code>_text`, scores
/// calculated fields; routing is written as branching logic. What REDCap cannot hold is listed in
/// `notes`.
package enum RedcapDictionary {
    /// The dictionary and what was not carried over.
    package struct Output: Sendable {
        /// The CSV text.
        package var csv: String
        /// What REDCap cannot hold, one sentence each, naming question ids.
        package var notes: [String]
    }

    /// REDCap's column names, in order.
    static let header = [
        "Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
        "Choices, Calculations, OR Slider Labels", "Field Note", "Text Validation Type OR Show Slider Number",
        "Text Validation Min", "Text Validation Max", "Identifier?", "Branching Logic (Show field only if...)",
        "Required Field?", "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name", "Matrix Ranking?",
        "Field Annotation",
    ]

    /// One row, by column.
    struct Row {
        var name = "", section = "", type = "", label = "", choices = "", note = "", validation = "", minimum = ""
        var maximum = "", identifier = "", branching = "", required = "", matrix = "", annotation = ""

        func cells(form: String) -> [String] {
            [
                name, form, section, type, label, choices, note, validation, minimum, maximum, identifier, branching,
                required, "", "", matrix, "", annotation,
            ]
        }
    }

    /// Writes the dictionary of an instrument.
    /// - Parameter instrument: A checked instrument.
    /// - Returns: The CSV and the notes.
    package static func render(_ instrument: Instrument) -> Output {
        let language = instrument.defaultLanguage
        let form = instrument.id.replacingOccurrences(of: "-", with: "_")
        let logic = RedcapLogic(instrument)
        var notes: [String] = []
        if instrument.languages.count > 1 {
            notes.append(
                "only the \(language) wording is written; REDCap's dictionary holds one language (\(instrument.languages.dropFirst().joined(separator: ", ")) left out)"
            )
        }
        let taken = Set(instrument.variables.ids)
        var rows: [Row] = []
        var record = Row()
        record.name = taken.contains("record_id") ? "record_id_" : "record_id"
        record.type = "text"
        record.label = "Record ID"
        rows.append(record)
        func text(_ words: LocalizedText?) -> String {
            guard let words else { return "" }
            return redcapText(words.text(in: language))
        }
        func branching(_ conditions: [Bound?], for id: String) -> String {
            let bounds = conditions.compactMap { $0 }
            var parts: [String] = []
            for bound in bounds {
                do throws(RedcapLogic.Unsupported) { parts.append(try logic.write(bound)) } catch {
                    notes.append(
                        "the condition of `\(id)` uses \(error.what), which REDCap logic cannot express; left out")
                }
            }
            return parts.count > 1 ? parts.map { "(\($0))" }.joined(separator: " and ") : parts.first ?? ""
        }
        func choices(_ list: OptionList) -> String {
            list.options.map {
                "\($0.code), \(redcapText($0.label.text(in: language)).replacingOccurrences(of: "|", with: "/"))"
            }
            .joined(separator: " | ")
        }
        for section in instrument.sections {
            var sectionHeader = text(section.title)
            for question in section.questions {
                var row = Row()
                row.name = question.id
                row.section = sectionHeader
                row.label = text(question.text)
                row.note = text(question.hint)
                row.branching = branching([section.askIf?.bound, question.askIf?.bound], for: question.id)
                row.identifier = question.identifying ? "y" : ""
                row.required =
                    question.isAsked && question.allow.isEmpty && question.kind.type.takesAnswerKeys ? "y" : ""
                if !question.checks.isEmpty || !question.warnings.isEmpty {
                    notes.append(
                        "the checks and warnings of `\(question.id)` have no place in a REDCap dictionary; left out")
                }
                if question.interviewer != nil {
                    notes.append("the interviewer instruction of `\(question.id)` is left out")
                }
                var follow: [Row] = []
                switch question.kind {
                case .single(let list):
                    let codes = list.options.map { "\($0.code)=\($0.label.text(in: language))" }
                    if codes == ["1=Yes", "0=No"] {
                        row.type = "yesno"
                    } else if codes == ["1=True", "0=False"] {
                        row.type = "truefalse"
                    } else {
                        row.type = "radio"
                        row.choices = choices(list)
                    }
                    follow = specifyRows(question, list, multiple: false, text: text)
                case .multiple(let list):
                    row.type = "checkbox"
                    row.choices = choices(list)
                    let exclusive = list.options.filter(\.exclusive).map { String($0.code) }
                    if !exclusive.isEmpty { row.annotation = "@NONEOFTHEABOVE='\(exclusive.joined(separator: ","))'" }
                    follow = specifyRows(question, list, multiple: true, text: text)
                case .integer(let range):
                    row.type = "text"
                    row.validation = "integer"
                    if let range {
                        (row.minimum, row.maximum) = (
                            RedcapLogic.number(range.lowerBound), RedcapLogic.number(range.upperBound)
                        )
                    }
                case .decimal(let range, let decimals):
                    row.type = "text"
                    row.validation = decimals.map { (1...4).contains($0) ? "number_\($0)dp" : "number" } ?? "number"
                    if let range {
                        (row.minimum, row.maximum) = (
                            RedcapLogic.number(range.lowerBound), RedcapLogic.number(range.upperBound)
                        )
                    }
                case .text(_, let long):
                    row.type = long ? "notes" : "text"
                case .date(let from, let to):
                    row.type = "text"
                    row.validation = "date_ymd"
                    row.minimum = from.map(bound) ?? ""
                    row.maximum = to.map(bound) ?? ""
                case .note:
                    row.type = "descriptive"
                case .calculate(let expression):
                    guard let bound = expression.bound else { continue }
                    row.type = "calc"
                    row.label = question.id
                    let isNumber: Bool = if case .number? = expression.type { true } else { false }
                    do throws(RedcapLogic.Unsupported) {
                        if isNumber {
                            row.choices = try logic.writeValue(bound)
                        } else if expression.type == .boolean {
                            row.choices = "if(\(try logic.write(bound)), 1, 0)"
                        } else {
                            notes.append(
                                "the calculation `\(question.id)` is not a number; REDCap calculates only numbers; left out"
                            )
                            continue
                        }
                    } catch {
                        notes.append(
                            "the calculation `\(question.id)` uses \(error.what), which REDCap cannot express; left out"
                        )
                        continue
                    }
                case .grid(let list, let items):
                    for (index, item) in items.enumerated() {
                        var itemRow = row
                        itemRow.name = item.id
                        itemRow.section =
                            index == 0 ? (sectionHeader.isEmpty ? text(question.text) : sectionHeader) : ""
                        itemRow.label = text(item.text)
                        itemRow.type = "radio"
                        itemRow.choices = choices(list)
                        itemRow.matrix = question.id
                        itemRow.note = ""
                        rows.append(itemRow)
                    }
                    sectionHeader = ""
                    continue
                }
                if let tag = defaultTag(question.defaultAnswer) {
                    row.annotation = row.annotation.isEmpty ? tag : row.annotation + " " + tag
                }
                rows.append(row)
                rows += follow
                sectionHeader = ""
            }
        }
        for score in instrument.scores {
            var row = Row()
            row.name = score.id
            row.type = "calc"
            row.label = score.label.map(text) ?? score.id
            let items = score.items.map { item -> String in
                guard score.reverse.contains(item), let bounds = instrument.numericBounds(of: item) else {
                    return "[\(item)]"
                }
                return "(\(RedcapLogic.number(bounds.lowerBound + bounds.upperBound)) - [\(item)])"
            }
            row.choices = "\(score.method == .sum ? "sum" : "mean")(\(items.joined(separator: ", ")))"
            if score.method == .sum {
                notes.append(
                    "the score `\(score.id)` is written as REDCap's sum() of the answered items, without peersurvey's proration or min_answered"
                )
            }
            rows.append(row)
        }
        if !instrument.safeguards.isEmpty {
            notes.append(
                "safeguards (\(instrument.safeguards.map { "`\($0.id)`" }.joined(separator: ", "))) have no equivalent in REDCap; left out"
            )
        }
        if instrument.consent != nil {
            notes.append("the consent statements are left out; REDCap's e-Consent framework holds consent")
        }
        var csv = csvLine(header)
        for row in rows { csv += csvLine(row.cells(form: form)) }
        return Output(csv: csv, notes: notes)
    }

    /// The "please say" texts of a choice question's options, as REDCap text fields.
    private static func specifyRows(
        _ question: Question, _ list: OptionList, multiple: Bool, text: (LocalizedText?) -> String
    )
        -> [Row]
    {
        list.options.compactMap { option in
            guard let specify = option.specify else { return nil }
            var row = Row()
            row.name = Variable.specifyName(question: question.id, code: option.code)
            row.type = "text"
            row.label = text(specify)
            row.branching = multiple ? "[\(question.id)(\(option.code))] = '1'" : "[\(question.id)] = '\(option.code)'"
            row.identifier = question.identifying ? "y" : ""
            return row
        }
    }

    /// REDCap's `@DEFAULT` action tag for a question's default.
    private static func defaultTag(_ answer: DefaultAnswer?) -> String? {
        switch answer {
        case nil: return nil
        case .today?: return "@DEFAULT='[date-ymd]'"
        case .value(let value)?:
            switch value {
            case .number(let x): return "@DEFAULT='\(RedcapLogic.number(x))'"
            case .text(let text): return "@DEFAULT='\(text.replacingOccurrences(of: "'", with: "\\'"))'"
            case .date(let day): return "@DEFAULT='\(day)'"
            case .choice(let code): return "@DEFAULT='\(code)'"
            case .set(let codes): return "@DEFAULT='\(codes.map(String.init).joined(separator: ","))'"
            case .boolean, .sealed: return nil
            }
        }
    }

    private static func bound(_ bound: DateBound) -> String {
        switch bound {
        case .day(let day): return day.description
        case .today: return "today"
        }
    }

    /// Words for a REDCap label: piping `{age}` as `[age]`, literal braces as written.
    static func redcapText(_ words: String) -> String {
        var out = ""
        var rest = Substring(words)
        while let index = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            out += rest[..<index]
            let after = rest[rest.index(after: index)...]
            if after.first == rest[index] {
                out.append(rest[index])
                rest = after.dropFirst()
            } else if rest[index] == "{", let close = after.firstIndex(of: "}") {
                out += "[\(after[..<close])]"
                rest = after[after.index(after: close)...]
            } else {
                out.append(rest[index])
                rest = after
            }
        }
        return out + rest
    }

    /// One CSV line; fields quoted when they need it.
    static func csvLine(_ cells: [String]) -> String {
        cells.map { cell in
            cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || cell.hasPrefix(" ")
                ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }.joined(separator: ",") + "\n"
    }
}

extension RedcapLogic {
    /// A value expression (arithmetic, functions) in REDCap syntax.
    package func writeValue(_ bound: Bound) throws(Unsupported) -> String { try valueText(bound) }
}
