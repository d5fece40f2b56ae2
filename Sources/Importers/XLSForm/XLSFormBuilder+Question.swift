import Foundation

extension XLSFormBuilder {
    private static let metadata: Set<String> = [
        "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username", "email", "audit",
        "start-geopoint", "background-audio", "background-geopoint", "hidden", "xml-external", "csv-external",
    ]
    private static let media: Set<String> = [
        "image", "audio", "video", "file", "barcode", "geopoint", "geotrace", "geoshape", "osm",
    ]

    /// Words with XLSForm's piping (`${age}`) made `{age}` for questions asked before, and braces
    /// escaped.
    func piped(_ words: String) -> String {
        Piping.convert(Markup.plain(words), open: "${", close: "}") { name in
            asked.contains(name) && infos[name]?.kind != FieldInfo.Kind.none ? infos[name]?.id : nil
        }
    }

    /// The question of one survey row, or `nil` (reported) when it has no equivalent.
    mutating func question(
        _ row: Workbook.Row, _ header: SheetHeader, type: (base: String, list: String?, orOther: Bool), name: String,
        typeText: String
    ) -> DraftQuestion? {
        let here = place(row)
        let column = { (key: String) in header.columns[key] }
        if Self.metadata.contains(type.base) {
            report.note(
                here,
                "`\(name)` (\(type.base)) is form metadata that a peersurvey interview records in its own way; left out"
            )
            return nil
        }
        if Self.media.contains(type.base) {
            report.note(
                here, "the question type `\(type.base)` of `\(name)` has no equivalent in an interview; left out")
            return nil
        }
        guard let info = infos[name] else {
            if type.base == "rank" {
                report.note(
                    here, "the question type `rank` of `\(name)` (an ordering of choices) has no equivalent; left out")
            } else if type.base.hasSuffix("_from_file") {
                report.note(
                    here,
                    "`\(name)` takes its choices from a file (`\(typeText)`), which an instrument cannot; left out")
            } else if name.isEmpty {
                report.note(here, "a `\(typeText)` row without a name; left out")
            } else if type.base.hasPrefix("select_") {
                report.note(
                    here, "the choice list `\(type.list ?? "")` of `\(name)` is not on the `choices` sheet; left out")
            } else {
                report.note(here, "the question type `\(typeText)` of `\(name)` is not one peersurvey knows; left out")
            }
            return nil
        }
        let id = info.id
        if id != name { report.note(here, "`\(name)` is named `\(id)`, a name SPSS, Stata and R accept") }
        let appearance = header.value("appearance", row)
        var kind: DraftKind
        switch type.base {
        case "text":
            kind = .text(long: appearance.contains("multiline"))
        case "integer": kind = .integer(range: nil)
        case "decimal": kind = .decimal(range: nil, decimals: nil)
        case "range":
            var parameters: [String: String] = [:]
            for part in header.value("parameters", row).split(whereSeparator: { $0 == ";" || $0 == " " }) {
                let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2 { parameters[pair[0].lowercased()] = pair[1] }
            }
            let start = Double(parameters["start"] ?? "1") ?? 1, end = Double(parameters["end"] ?? "10") ?? 10
            let step = Double(parameters["step"] ?? "1") ?? 1
            let range = (LogicTranslator.format(min(start, end)), LogicTranslator.format(max(start, end)))
            if [start, end, step].allSatisfy({ $0 == $0.rounded() }) {
                kind = .integer(range: range)
            } else {
                let decimals = String(LogicTranslator.format(step).split(separator: ".").last ?? "").count
                kind = .decimal(range: range, decimals: decimals)
            }
            if step != 1 {
                report.note(
                    place(row, column("parameters")),
                    "the step \(LogicTranslator.format(step)) of the range `\(name)` is not carried over; any value in the range is accepted"
                )
            }
        case "date": kind = .date(range: nil)
        case "datetime":
            kind = .date(range: nil)
            report.note(here, "`\(name)` is a date and time; it is asked as a date and the time of day is left out")
        case "time":
            kind = .text(long: false)
            report.note(here, "`\(name)` is a time of day; it is asked as text (the instrument language has no times)")
        case "select_one", "select_multiple":
            guard let list = type.list, let coded = lists[list] else { return nil }
            var options = coded.options
            if type.orOther {
                let code = (options.map(\.code).max() ?? 0) + 1
                options.append(
                    DraftOption(
                        code: code, name: "other",
                        label: Texts(Dictionary(uniqueKeysWithValues: draft.languages.map { ($0, "Other") })),
                        specify: Texts(Dictionary(uniqueKeysWithValues: draft.languages.map { ($0, "Specify other.") }))
                    ))
                report.note(
                    here,
                    "`or_other` of `\(name)` becomes an option `other` (code \(code)) whose \"please say\" answer is `\(id)_\(code)_text`"
                )
            }
            let listOptions: DraftOptions
            if !type.orOther, uses[list, default: 0] > 1 {
                let setName = Names.section(list, fallback: "options")
                if !draft.optionSets.contains(where: { $0.name == setName }) {
                    draft.optionSets.append((setName, options))
                }
                listOptions = .set(setName)
            } else {
                listOptions = .inline(options)
            }
            kind = type.base == "select_one" ? .single(listOptions) : .multiple(listOptions)
            if !coded.notes.isEmpty, uses[list, default: 0] > 0 {
                for message in coded.notes { report.note(here, "in the list `\(list)`: \(message)") }
                uses[list] = 0
            }
        case "note": kind = .note
        case "trigger", "acknowledge":
            kind = .note
            report.note(
                here,
                "`\(name)` (\(type.base)) asks for a confirmation; it becomes a note, and the confirmation is not recorded"
            )
        case "calculate":
            let calculation = header.value("calculation", row)
            do {
                let translated = try translator().translate(calculation)
                kind = .calculate(
                    DraftExpression(translated.text, original: calculation, location: place(row, column("calculation")))
                )
            } catch {
                report.note(
                    place(row, column("calculation")),
                    "the calculation `\(calculation)` of `\(name)` could not be translated (\(error.message)); left out"
                )
                return nil
            }
        default:
            return nil
        }
        var question = DraftQuestion(
            id: id, kind: kind, text: header.texts("label", row)?.map(piped),
            origin: "\(file) \(surveySheet) row \(row.number)",
            location: here)
        if case .calculate = kind {
            question.text = nil
        } else if question.text == nil {
            question.text = Texts(name, language: draft.languages[0])
            report.note(here, "`\(name)` has no label; its name is used as the wording")
        }
        question.hint = header.texts("hint", row)?.map(piped)
        let wording = ["label", "hint", "guidance_hint", "constraint_message"].compactMap { header.texts($0, row) }
        if wording.contains(where: { $0.byLanguage.values.contains(where: Markup.hasMarkup) }) {
            report.note(here, "the HTML in the wording of `\(name)` is removed (tags and entities); the words are kept")
        }
        question.interviewer = header.texts("guidance_hint", row)?.map(piped)
        question.askIf = expression(
            header.value("relevant", row), row, column("relevant"), what: "relevant condition of `\(name)`")
        let required = header.value("required", row).lowercased()
        if ["yes", "true", "true()", "1"].contains(required) {
            if kind.takesAnswer { question.required = true }
            if header.texts("required_message", row) != nil {
                report.note(
                    place(row, column("required_message")),
                    "the required message of `\(name)` is left out: peersurvey says what to do in its own words")
            }
        } else if !required.isEmpty, !["no", "false", "false()", "0"].contains(required) {
            report.note(
                place(row, column("required")),
                "the condition `\(required)` for requiring `\(name)` is not carried over; the question is not required")
        }
        let constraint = header.value("constraint", row)
        if !constraint.isEmpty {
            do {
                let negated = try translator(current: info).translateNegated(constraint)
                let message =
                    header.texts("constraint_message", row)?.map(piped)
                    ?? Texts(
                        Dictionary(
                            uniqueKeysWithValues: draft.languages.map {
                                ($0, "The answer is not allowed here; please check it.")
                            }))
                question.checks.append(
                    DraftCheck(
                        condition: DraftExpression(
                            negated, original: constraint, location: place(row, column("constraint"))),
                        message: message))
            } catch {
                report.note(
                    place(row, column("constraint")),
                    "the constraint `\(constraint)` of `\(name)` could not be translated (\(error.message)); left out")
            }
        }
        let defaultText = header.value("default", row)
        if !defaultText.isEmpty {
            question.defaultValue = defaultValue(
                defaultText, kind: kind, info: info, row, column("default"), name: name)
        }
        if !appearance.isEmpty {
            report.note(
                place(row, column("appearance")),
                "the appearance `\(appearance)` of `\(name)` has no equivalent; ignored")
        }
        let parameters = header.value("parameters", row)
        if !parameters.isEmpty, type.base != "range" {
            let randomize = parameters.lowercased().contains("randomize")
            report.note(
                place(row, column("parameters")),
                randomize
                    ? "`\(name)` shows its choices in random order; peersurvey shows them in order"
                    : "the parameters `\(parameters)` of `\(name)` have no equivalent; ignored")
        }
        let filter = header.value("choice_filter", row)
        if !filter.isEmpty {
            report.note(
                place(row, column("choice_filter")),
                "the choice filter `\(filter)` of `\(name)` is not carried over: option filters are not yet in the instrument language, so every choice is offered"
            )
        }
        if !header.value("calculation", row).isEmpty, type.base != "calculate" {
            report.note(
                place(row, column("calculation")),
                "the calculation of the question `\(name)` (a dynamic default) is not carried over")
        }
        if ["yes", "true", "true()"].contains(header.value("read_only", row).lowercased()) {
            report.note(
                place(row, column("read_only")), "`\(name)` is read-only in the form; in an interview it is asked")
        }
        for media in ["image", "audio", "video", "big-image"] where !header.value(media, row).isEmpty {
            report.note(place(row, column(media)), "the \(media) of `\(name)` is left out; instruments hold words only")
        }
        return question
    }

    /// A default written as the instrument takes it, or `nil` (reported) when it is an expression
    /// or does not fit the question.
    private mutating func defaultValue(
        _ text: String, kind: DraftKind, info: FieldInfo, _ row: Workbook.Row, _ column: Int?, name: String
    ) -> String? {
        let reject = { (self: inout XLSFormBuilder, why: String) -> String? in
            self.report.note(self.place(row, column), "the default `\(text)` of `\(name)` is left out: \(why)")
            return nil
        }
        if text.contains("${") || text.contains("(") { return reject(&self, "it is an expression") }
        func option(_ value: String) -> String? {
            guard let code = info.codes[value] else { return nil }
            return info.names[code].map { YAMLScalar.string($0, flow: true) } ?? String(code)
        }
        switch kind {
        case .single:
            return option(text) ?? reject(&self, "it is not one of the choices")
        case .multiple:
            let chosen = text.split(whereSeparator: \.isWhitespace).map { option(String($0)) }
            guard chosen.allSatisfy({ $0 != nil }) else { return reject(&self, "it is not a list of the choices") }
            return "[" + chosen.compactMap { $0 }.joined(separator: ", ") + "]"
        case .integer:
            return Int(text) != nil ? text : reject(&self, "it is not a whole number")
        case .decimal:
            return Double(text) != nil ? text : reject(&self, "it is not a number")
        case .date:
            return LogicTranslator.isoDate(text).map { "\"\($0)\"" }
                ?? reject(&self, "it is not a date written YYYY-MM-DD")
        case .text:
            return YAMLScalar.quoted(text)
        default:
            return reject(&self, "the question takes no answer")
        }
    }
}
