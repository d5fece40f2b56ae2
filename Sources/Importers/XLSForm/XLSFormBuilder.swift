import Foundation

/// Builds the draft of an XLSForm: groups as sections, the question types peersurvey has,
/// `relevant` as `ask_if`, `constraint` as a check, `required`, `calculation`, `default`,
/// `hint`, languages; what has no equivalent is reported at its cell.
struct XLSFormBuilder {
    let file: String
    let surveySheet: String
    var report = ImportReport()
    var names = Names()
    /// Field information of every named survey row, by XLSForm name.
    var infos: [String: FieldInfo] = [:]
    /// Each choice list, coded.
    var lists: [String: OptionCoder.Coded] = [:]
    /// How many questions use each list.
    var uses: [String: Int] = [:]
    /// The XLSForm names of the questions made so far, which later texts may pipe.
    var asked = Set<String>()
    var draft = DraftInstrument(id: "form", title: Texts("Form", language: "en"), languages: ["en"])

    init(file: String, surveySheet: String) {
        self.file = file
        self.surveySheet = surveySheet
    }

    func place(_ row: Workbook.Row, _ column: Int? = nil, sheet: String? = nil) -> String {
        "\(file):\(sheet ?? surveySheet)!\(columnLetters(column ?? 0))\(row.number)"
    }

    /// A survey row's type, split: `select_one yes_no or_other` → ("select_one", "yes_no", true).
    static func type(_ text: String) -> (base: String, list: String?, orOther: Bool) {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard !words.isEmpty else { return ("", nil, false) }
        var orOther = false
        if words.count > 1, words.last?.lowercased() == "or_other" {
            orOther = true
            words.removeLast()
        }
        var base = words[0].lowercased()
        var rest = Array(words.dropFirst())
        if ["select", "begin", "end"].contains(base), let next = rest.first {
            base += "_" + next.lowercased()
            rest.removeFirst()
        }
        if base == "begin_group" || base == "end_group" || base == "begin_repeat" || base == "end_repeat" {
            return (base, nil, false)
        }
        if base == "select_multiple" || base == "select_one" || base == "rank" || base.hasSuffix("_from_file") {
            return (base, rest.first, orOther)
        }
        return (base.replacingOccurrences(of: "begin group", with: "begin_group"), rest.first, orOther)
    }

    mutating func build(survey: [Workbook.Row], choices: [Workbook.Row], settings: [Workbook.Row]) throws(ImportError)
        -> DraftInstrument
    {
        // Settings first: the title, id and default language.
        var settingsHeader: SheetHeader?
        var settingsRow: Workbook.Row?
        if let first = settings.first {
            settingsHeader = SheetHeader(first, file: file, sheet: "settings", report: &report, defaultLanguage: "en")
            settingsRow = settings.dropFirst().first
        }
        func setting(_ name: String) -> String {
            guard let header = settingsHeader, let row = settingsRow else { return "" }
            return header.value(name, row)
        }
        let defaultLanguage = XLSFormLanguages.code(setting("default_language")) ?? "en"
        guard let surveyHeaderRow = survey.first else {
            throw .invalid(location: "\(file):\(surveySheet)", message: "the `survey` sheet is empty")
        }
        let header = SheetHeader(
            surveyHeaderRow, file: file, sheet: surveySheet, report: &report, defaultLanguage: defaultLanguage)
        guard header.columns["type"] != nil, header.columns["name"] != nil else {
            throw .invalid(
                location: "\(file):\(surveySheet)!A\(surveyHeaderRow.number)",
                message:
                    "this workbook is not an XLSForm: the `survey` sheet's first row has no `type` and `name` columns")
        }
        let choicesHeader = choices.first.map {
            SheetHeader($0, file: file, sheet: "choices", report: &report, defaultLanguage: defaultLanguage)
        }
        // Languages: those of the labels, the default first.
        var languages = header.allLanguages.union(choicesHeader?.allLanguages ?? [])
        if languages.isEmpty { languages = [defaultLanguage] }
        var ordered = languages.sorted()
        if let index = ordered.firstIndex(of: defaultLanguage) { ordered.insert(ordered.remove(at: index), at: 0) }
        let formID = setting("form_id")
        let title = setting("form_title")
        draft = DraftInstrument(
            id: Names.instrument(formID.isEmpty ? (file as NSString).deletingPathExtension : formID),
            title: Texts(
                Piping.escape(
                    title.isEmpty ? (formID.isEmpty ? (file as NSString).deletingPathExtension : formID) : title),
                language: ordered[0]),
            languages: ordered)
        draft.header = [
            "Imported from the XLSForm \(file) by `peersurvey import xlsform`.",
            "Read the wording, add consent and support, then run `peersurvey check` and `peersurvey test`.",
        ]
        if let version = settingsRow.map({ _ in setting("version") }), !version.isEmpty {
            if let number = Int(version), number >= 1 {
                draft.version = number
            } else {
                report.note(
                    "\(file):settings",
                    "the form version `\(version)` is not a whole number; the instrument is version 1")
            }
        }
        for name in ["instance_name", "public_key", "submission_url", "style", "allow_choice_duplicates"]
        where !setting(name).isEmpty {
            report.note("\(file):settings", "the setting `\(name)` has no equivalent; left out")
        }
        reportUnknownColumns(header, surveyHeaderRow)
        readChoices(choices, choicesHeader)
        planFields(survey.dropFirst(), header)
        try questions(survey.dropFirst(), header)
        draft.sections.removeAll { $0.questions.isEmpty }
        if draft.sections.isEmpty {
            throw .invalid(location: "\(file):\(surveySheet)", message: "the form has no question peersurvey can ask")
        }
        return draft
    }

    private static let knownColumns: Set<String> = [
        "type", "name", "label", "hint", "guidance_hint", "required", "required_message", "relevant", "constraint",
        "constraint_message", "calculation", "default", "appearance", "choice_filter", "parameters", "repeat_count",
        "read_only", "image", "audio", "video", "big-image", "trigger", "autoplay",
    ]

    private mutating func reportUnknownColumns(_ header: SheetHeader, _ row: Workbook.Row) {
        for (name, column) in header.columns.sorted(by: { $0.value < $1.value }) where !Self.knownColumns.contains(name)
        {
            if name.hasPrefix("bind::") || name.hasPrefix("instance::") || name.hasPrefix("body::") {
                report.note(
                    place(row, column), "the column `\(name)` (ODK's own XForm attributes) has no equivalent; left out")
            } else {
                report.note(
                    place(row, column), "the column `\(name)` is not an XLSForm column peersurvey knows; left out")
            }
        }
    }

    // MARK: - Choices

    private mutating func readChoices(_ rows: [Workbook.Row], _ header: SheetHeader?) {
        guard let header, let listColumn = header.columns["list_name"] ?? header.columns["list name"] else { return }
        var byList: [String: [(String, Texts)]] = [:]
        var order: [String] = []
        var media = Set<String>()
        for row in rows.dropFirst() {
            let list = row.value(listColumn).trimmingCharacters(in: .whitespaces)
            let name = header.value("name", row)
            guard !list.isEmpty, !name.isEmpty else { continue }
            if byList[list] == nil { order.append(list) }
            let label =
                header.texts("label", row).map { $0.map { Piping.escape(Markup.plain($0)) } } ?? Texts(name, language: draft.languages[0])
            byList[list, default: []].append((name, label))
            for column in ["image", "audio", "video", "big-image"]
            where !header.value(column, row).isEmpty && !media.contains(list) {
                media.insert(list)
                report.note(
                    place(row, header.columns[column], sheet: "choices"),
                    "the choices of `\(list)` have media (\(column)); left out")
            }
        }
        for list in order {
            lists[list] = OptionCoder.code(byList[list] ?? [], id: list, kind: .choice)
        }
    }

    // MARK: - Fields

    /// Every named row's variable name and kind, so expressions can refer to any question.
    private mutating func planFields(_ rows: ArraySlice<Workbook.Row>, _ header: SheetHeader) {
        for row in rows {
            let type = Self.type(header.value("type", row))
            let name = header.value("name", row)
            guard !name.isEmpty, !type.base.hasPrefix("begin_"), !type.base.hasPrefix("end_") else { continue }
            let kind: FieldInfo.Kind
            switch type.base {
            case "select_one", "select_multiple":
                guard let list = type.list, var coded = lists[list]?.info else { continue }
                uses[list, default: 0] += 1
                coded.kind = type.base == "select_one" ? .choice : .set
                let id = names.variable(name, maximumLength: 26)
                coded.id = id
                if type.orOther {
                    let code = (coded.codes.values.max() ?? 0) + 1
                    coded.codes["other"] = code
                    coded.names[code] = "other"
                }
                infos[name] = coded
                continue
            case "integer", "decimal", "range", "calculate": kind = .number
            case "text", "time": kind = .text
            case "date", "datetime": kind = .date
            case "note", "trigger", "acknowledge": kind = .none
            default: continue
            }
            infos[name] = FieldInfo(id: names.variable(name), kind: kind)
        }
    }

    func translator(current: FieldInfo? = nil) -> LogicTranslator {
        let infos = self.infos
        return LogicTranslator(dialect: .xlsform, current: current) { infos[$0] }
    }

    mutating func expression(_ text: String, _ row: Workbook.Row, _ column: Int?, what: String) -> DraftExpression? {
        guard !text.isEmpty else { return nil }
        do {
            return DraftExpression(try translator().translate(text).text, original: text, location: place(row, column))
        } catch {
            report.note(
                place(row, column), "the \(what) `\(text)` could not be translated (\(error.message)); left out")
            return nil
        }
    }

    private struct Group {
        var name: String
        var relevant: DraftExpression?
        var isSection: Bool
    }

    private mutating func questions(_ rows: ArraySlice<Workbook.Row>, _ header: SheetHeader) throws(ImportError) {
        var groups: [Group] = []
        var needsSection = true
        for row in rows {
            let typeText = header.value("type", row)
            let type = Self.type(typeText)
            let name = header.value("name", row)
            let column = { (key: String) in header.columns[key] }
            if type.base.isEmpty { continue }
            switch type.base {
            case "begin_group", "begin_repeat":
                let relevant = expression(
                    header.value("relevant", row), row, column("relevant"), what: "relevant condition of `\(name)`")
                if type.base == "begin_repeat" {
                    let count = header.value("repeat_count", row)
                    report.note(
                        place(row),
                        "the repeat `\(name)`\(count.isEmpty ? "" : " (repeat_count `\(count)`)") is not carried over: repeats are not yet in the instrument language, so its questions are asked once"
                    )
                }
                if groups.isEmpty {
                    var id = Names.section(name, fallback: "section_\(draft.sections.count + 1)")
                    let used = Set(draft.sections.map(\.id))
                    var counter = 2
                    while used.contains(id) {
                        id = "\(Names.section(name, fallback: "section").prefix(29))_\(counter)"
                        counter += 1
                    }
                    let title =
                        header.texts("label", row)?.map(Piping.escape)
                        ?? Texts(RedcapFormBuilder.humanised(name), language: draft.languages[0])
                    var section = DraftSection(id: id, title: title, origin: "\(file) \(surveySheet) row \(row.number)")
                    section.askIf = relevant
                    draft.sections.append(section)
                    groups.append(Group(name: name, relevant: nil, isSection: true))
                } else {
                    groups.append(Group(name: name, relevant: relevant, isSection: false))
                }
                for key in ["appearance", "choice_filter"] where !header.value(key, row).isEmpty {
                    report.note(
                        place(row, column(key)),
                        "the \(key) `\(header.value(key, row))` of the group `\(name)` has no equivalent; ignored")
                }
                continue
            case "end_group", "end_repeat":
                if groups.popLast() == nil {
                    report.note(place(row), "`\(typeText)` closes no group; ignored")
                }
                if groups.isEmpty { needsSection = true }
                continue
            default: break
            }
            if groups.isEmpty, needsSection {
                var id = Names.section(draft.id, fallback: "form")
                if draft.sections.contains(where: { $0.id == id }) {
                    id = "\(id.prefix(29))_\(draft.sections.count + 1)"
                }
                draft.sections.append(
                    DraftSection(id: id, title: draft.title, origin: "\(file) \(surveySheet) row \(row.number)"))
                needsSection = false
            }
            guard var question = question(row, header, type: type, name: name, typeText: typeText) else { continue }
            let conditions = groups.compactMap(\.relevant) + [question.askIf].compactMap { $0 }
            if conditions.count > 1 {
                question.askIf = DraftExpression(
                    conditions.map { "(\($0.text))" }.joined(separator: " and "),
                    original: conditions.map(\.original).joined(separator: " and "), location: conditions.last!.location
                )
            } else {
                question.askIf = conditions.first
            }
            draft.sections[draft.sections.count - 1].questions.append(question)
            if case .calculate = question.kind {} else { asked.insert(name) }
        }
        if !groups.isEmpty { report.note("\(file):\(surveySheet)", "the group `\(groups.last!.name)` is never closed") }
    }
}
