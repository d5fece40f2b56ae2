import Foundation

/// Builds the draft of one REDCap form: sections from section headers, a question per field,
/// grids from matrix groups, "please say" options from REDCap's usual `<field>_<code>_text`
/// follow-ups, and routing translated from branching logic.
struct RedcapFormBuilder {
    let file: String
    let form: String
    /// The form of every field of the dictionary, to explain references to other forms.
    let formOf: [String: String]
    private(set) var report = ImportReport()
    private var names = Names()
    /// The fields of this form already made questions, by REDCap name.
    private(set) var infos: [String: FieldInfo] = [:]
    /// Every field of the form, from a first pass, so that logic may name a later field (which
    /// the checker then refuses with its own message).
    var planned: [String: FieldInfo] = [:]
    /// The choice strings of the form that occur more than once become option sets.
    private var sharedChoices: [String: String] = [:]
    private var draft: DraftInstrument
    /// REDCap name to variable name.
    private var renamed: [String: String] = [:]

    init(file: String, form: String, formOf: [String: String]) {
        self.file = file
        self.form = form
        self.formOf = formOf
        draft = DraftInstrument(id: Names.instrument(form), title: Texts(Self.humanised(form), language: "en"), languages: ["en"])
    }

    /// `form_1` as `Form 1`.
    static func humanised(_ name: String) -> String {
        let words = name.replacingOccurrences(of: "_", with: " ").trimmingCharacters(in: .whitespaces)
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    private func location(_ field: RedcapField) -> String { "\(file):\(field.line)" }

    private mutating func note(_ field: RedcapField, _ message: String) { report.note(location(field), message) }

    /// Builds the draft.
    mutating func build(_ fields: [RedcapField], isFirstForm: Bool) -> DraftInstrument {
        draft.header = [
            "Imported from the REDCap data dictionary \(file), form `\(form)`, by `peersurvey import redcap`.",
            "Read the wording, add consent and support, then run `peersurvey check` and `peersurvey test`.",
        ]
        planOptionSets(fields)
        var rows = fields[...]
        if isFirstForm, let first = rows.first {
            note(first, "`\(first.name)` is the project's record identifier; every peersurvey interview has its own participant code; left out")
            rows = rows.dropFirst()
        }
        var index = rows.startIndex
        while index < rows.endIndex {
            let field = rows[index]
            if !field.sectionHeader.isEmpty || draft.sections.isEmpty {
                startSection(field)
            }
            if !field.matrixGroup.isEmpty {
                var end = index
                while end < rows.endIndex, rows[end].matrixGroup == field.matrixGroup,
                    end == index || rows[end].sectionHeader.isEmpty
                {
                    end += 1
                }
                matrix(Array(rows[index..<end]))
                index = end
                continue
            }
            if let question = question(field) { append(question) }
            index += 1
        }
        draft.sections.removeAll { $0.questions.isEmpty }
        if draft.sections.isEmpty {
            var section = DraftSection(id: "main", title: draft.title)
            section.questions = []
            draft.sections = [section]
        }
        return draft
    }

    private mutating func append(_ question: DraftQuestion) {
        draft.sections[draft.sections.count - 1].questions.append(question)
    }

    private mutating func startSection(_ field: RedcapField) {
        let title = field.sectionHeader.isEmpty ? draft.title.first(in: ["en"]) ?? form : field.sectionHeader
        var id = Names.section(field.sectionHeader.isEmpty ? form : title, fallback: "section_\(draft.sections.count + 1)")
        let used = Set(draft.sections.map(\.id))
        var counter = 2
        let base = String(id.prefix(29))
        while used.contains(id) {
            id = "\(base)_\(counter)"
            counter += 1
        }
        draft.sections.append(DraftSection(id: id, title: Texts(text(title), language: "en"), origin: "\(file) row \(field.line)"))
    }

    /// Choice lists used by more than one field of the form become option sets.
    private mutating func planOptionSets(_ fields: [RedcapField]) {
        var counts: [String: Int] = [:]
        for field in fields where ["radio", "dropdown", "checkbox"].contains(field.type) {
            counts[Self.canonical(field.choices), default: 0] += 1
        }
        var used = Set<String>()
        for field in fields where ["radio", "dropdown", "checkbox"].contains(field.type) {
            let key = Self.canonical(field.choices)
            guard counts[key, default: 0] > 1, sharedChoices[key] == nil else { continue }
            let list = field.choiceList
            guard let first = list.first, let last = list.last else { continue }
            var name = Names.section(
                Names.cleaned(first.label, lowercase: true).prefix(14) + "_to_" + Names.cleaned(last.label, lowercase: true).prefix(14),
                fallback: "options")
            if name.count < 4 { name = "options" }
            var unique = name, counter = 2
            while used.contains(unique) {
                unique = "\(name.prefix(29))_\(counter)"
                counter += 1
            }
            used.insert(unique)
            sharedChoices[key] = unique
        }
    }

    private static func canonical(_ choices: String) -> String {
        choices.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "|")
    }

    /// A label with REDCap's piping (`[age]`) made `{age}` and braces escaped.
    private func text(_ words: String) -> String {
        Piping.convert(words, open: "[", close: "]") { name in renamed[name] }
    }

    private func texts(_ words: String) -> Texts { Texts(text(words), language: "en") }

    // MARK: - Fields

    private mutating func question(_ field: RedcapField) -> DraftQuestion? {
        guard !field.name.isEmpty else {
            note(field, "a row without a variable name; left out")
            return nil
        }
        if specifyFollowUp(field) { return nil }
        let isChoice = ["radio", "dropdown", "checkbox"].contains(field.type)
        let id = names.variable(field.name, maximumLength: isChoice ? 26 : 32)
        if id != field.name { note(field, "the field `\(field.name)` is named `\(id)`, a name SPSS, Stata and R accept") }
        guard var kind = self.kind(field, id: id) else { return nil }
        renamed[field.name] = id
        var question = DraftQuestion(
            id: id, kind: kind, text: texts(field.label), origin: "\(file) row \(field.line)", location: location(field))
        if case .calculate = kind { question.text = nil }
        if case .note = kind, field.label.isEmpty { question.text = Texts(field.name, language: "en") }
        if question.text?.isEmpty == true {
            question.text = Texts(field.name, language: "en")
            note(field, "`\(field.name)` has no label; its name is used as the wording")
        }
        if !field.note.isEmpty { question.hint = texts(field.note) }
        if field.required {
            if kind.takesAnswer { question.required = true } else { note(field, "`Required Field?` has no meaning for a \(field.type) field; left out") }
        }
        if field.identifier {
            switch kind {
            case .text, .date: question.identifying = true
            default: note(field, "`\(field.name)` is marked as an identifier, but only text and date questions can be sealed; left unsealed")
            }
        }
        if Self.identifyingValidations[field.validation] != nil, !question.identifying {
            question.identifying = true
            note(field, "`\(field.name)` holds \(Self.identifyingValidations[field.validation]!), so it is marked `identifying: true` (sealed at capture)")
        }
        question.askIf = branching(field)
        annotation(field, &kind)
        question.kind = kind
        bounds(field, &question)
        return question
    }

    private static let identifyingValidations: [String: String] = [
        "email": "an e-mail address", "phone": "a telephone number", "phone_australia": "a telephone number",
        "ssn": "a social security number", "mrn_10d": "a medical record number", "mrn_generic": "a medical record number",
        "vmrn": "a medical record number",
    ]

    /// A text field named `<choice>_<code>_text`, asked only when that option is chosen, is the
    /// "please say" follow-up of the option: it becomes the option's `specify`.
    private mutating func specifyFollowUp(_ field: RedcapField) -> Bool {
        guard field.type == "text", field.validation.isEmpty, field.name.hasSuffix("_text") else { return false }
        let stem = field.name.dropLast(5)
        guard let underscore = stem.lastIndex(of: "_"), let code = Int(stem[stem.index(after: underscore)...]) else {
            return false
        }
        let owner = String(stem[..<underscore])
        guard let info = infos[owner], info.id == owner,
            field.branching.replacingOccurrences(of: " ", with: "") == (info.kind == .set ? "[\(owner)(\(code))]='1'" : "[\(owner)]='\(code)'")
        else { return false }
        for s in draft.sections.indices {
            for q in draft.sections[s].questions.indices where draft.sections[s].questions[q].id == owner {
                switch draft.sections[s].questions[q].kind {
                case .single(.inline(var options)):
                    guard let o = options.firstIndex(where: { $0.code == code }) else { return false }
                    options[o].specify = texts(field.label)
                    draft.sections[s].questions[q].kind = .single(.inline(options))
                case .multiple(.inline(var options)):
                    guard let o = options.firstIndex(where: { $0.code == code }) else { return false }
                    options[o].specify = texts(field.label)
                    draft.sections[s].questions[q].kind = .multiple(.inline(options))
                default: return false
                }
                names.reserve(field.name)
                renamed[field.name] = field.name
                note(field, "`\(field.name)` is the \"please say\" follow-up of option \(code) of `\(owner)`: it becomes that option's `specify`")
                return true
            }
        }
        return false
    }

    private mutating func kind(_ field: RedcapField, id: String) -> DraftKind? {
        switch field.type {
        case "text": return textKind(field, id: id)
        case "notes": return .text(long: true)
        case "radio", "dropdown", "checkbox":
            let isSet = field.type == "checkbox"
            let list = field.choiceList
            guard !list.isEmpty else {
                note(field, "the \(field.type) field `\(field.name)` has no choices; left out")
                return nil
            }
            let coded = OptionCoder.code(list.map { ($0.code, texts($0.label)) }, id: id, kind: isSet ? .set : .choice)
            for message in coded.notes { note(field, message) }
            infos[field.name] = coded.info
            let key = Self.canonical(field.choices)
            let options: DraftOptions
            if let setName = sharedChoices[key] {
                if !draft.optionSets.contains(where: { $0.name == setName }) {
                    draft.optionSets.append((setName, coded.options))
                }
                options = .set(setName)
            } else {
                options = .inline(coded.options)
            }
            return isSet ? .multiple(options) : .single(options)
        case "yesno", "truefalse":
            let yes = field.type == "yesno"
            let (one, zero) = yes ? ("Yes", "No") : ("True", "False")
            let setName = field.type == "yesno" ? "yes_no" : "true_false"
            if !draft.optionSets.contains(where: { $0.name == setName }) {
                draft.optionSets.append(
                    (setName, [
                        DraftOption(code: 1, name: yes ? "yes" : nil, label: Texts(one, language: "en")),
                        DraftOption(code: 0, name: yes ? "no" : nil, label: Texts(zero, language: "en")),
                    ]))
            }
            infos[field.name] = FieldInfo(
                id: id, kind: .choice, codes: ["1": 1, "0": 0], names: yes ? [1: "yes", 0: "no"] : [:])
            return .single(.set(setName))
        case "calc":
            do {
                let translated = try translator(field).translate(field.choices)
                reportEvents(field, translated.events)
                infos[field.name] = FieldInfo(id: id, kind: .number)
                return .calculate(DraftExpression(translated.text, original: field.choices, location: location(field)))
            } catch {
                note(field, "the calculation `\(field.choices)` of `\(field.name)` could not be translated (\(error.message)); left out")
                return nil
            }
        case "descriptive":
            infos[field.name] = FieldInfo(id: id, kind: .none)
            return .note
        case "slider":
            let low = Double(field.minimum) ?? 0, high = Double(field.maximum) ?? 100
            infos[field.name] = FieldInfo(id: id, kind: .number)
            if !field.choices.isEmpty {
                note(field, "the slider `\(field.name)` is asked as a whole number from \(LogicTranslator.format(low)) to \(LogicTranslator.format(high)); its labels `\(field.choices)` are left out")
            }
            return .integer(range: (LogicTranslator.format(low), LogicTranslator.format(high)))
        case "file":
            note(field, "field type \"file\"\(field.validation == "signature" ? " (a signature)" : "") has no equivalent in an interview; `\(field.name)` left out")
            return nil
        case "sql":
            note(field, "field type \"sql\" (a dynamic query of the REDCap server) has no equivalent; `\(field.name)` left out")
            return nil
        default:
            note(field, "field type \"\(field.type)\" is not a REDCap field type peersurvey knows; `\(field.name)` left out")
            return nil
        }
    }

    private mutating func textKind(_ field: RedcapField, id: String) -> DraftKind {
        let validation = field.validation
        switch validation {
        case "":
            infos[field.name] = FieldInfo(id: id, kind: .text)
            return .text(long: false)
        case "integer":
            infos[field.name] = FieldInfo(id: id, kind: .number)
            return .integer(range: nil)
        case "number", "float":
            infos[field.name] = FieldInfo(id: id, kind: .number)
            return .decimal(range: nil, decimals: nil)
        case _ where validation.hasPrefix("number_"):
            infos[field.name] = FieldInfo(id: id, kind: .number)
            let digits = validation.dropFirst(7).prefix { $0.isNumber }
            if validation.hasSuffix("comma_decimal") {
                note(field, "`\(field.name)` takes a decimal comma in REDCap; peersurvey numbers are typed with a point")
            }
            return .decimal(range: nil, decimals: Int(digits))
        case _ where validation.hasPrefix("date_"):
            infos[field.name] = FieldInfo(id: id, kind: .date)
            return .date(range: nil)
        case _ where validation.hasPrefix("datetime_"):
            infos[field.name] = FieldInfo(id: id, kind: .date)
            note(field, "`\(field.name)` is a date and time (\(validation)); it is asked as a date and the time of day is left out")
            return .date(range: nil)
        default:
            infos[field.name] = FieldInfo(id: id, kind: .text)
            note(field, "the validation \"\(validation)\" of `\(field.name)` has no equivalent (the instrument language has no text patterns); asked as text without it")
            return .text(long: false)
        }
    }

    private func translator(_ field: RedcapField) -> LogicTranslator {
        let infos = self.infos, planned = self.planned
        return LogicTranslator(dialect: .redcap) { name in infos[name] ?? planned[name] }
    }

    private mutating func reportEvents(_ field: RedcapField, _ events: [String]) {
        for event in Set(events).sorted() {
            note(field, "the logic of `\(field.name)` names the event `\(event)`; waves are not yet in the instrument language, so it reads this interview's answer")
        }
    }

    private mutating func branching(_ field: RedcapField) -> DraftExpression? {
        guard !field.branching.isEmpty else { return nil }
        do {
            let translated = try translator(field).translate(field.branching)
            reportEvents(field, translated.events)
            return DraftExpression(translated.text, original: field.branching, location: location(field))
        } catch {
            var reason = error.message
            if let other = referencedOtherForm(field.branching) {
                reason = "it refers to `\(other.field)` on the form `\(other.form)`, another instrument"
            }
            note(field, "the branching logic `\(field.branching)` of `\(field.name)` could not be translated (\(reason)); the question is always asked")
            return nil
        }
    }

    private func referencedOtherForm(_ logic: String) -> (field: String, form: String)? {
        var rest = Substring(logic)
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            let name = String(rest[rest.index(after: open)..<close].prefix { $0 != "(" })
            if let form = formOf[name], form != self.form { return (name, form) }
            rest = rest[rest.index(after: close)...]
        }
        return nil
    }

    /// REDCap's `@NONEOFTHEABOVE='98'` makes those options exclusive; other action tags and notes
    /// have no equivalent.
    private mutating func annotation(_ field: RedcapField, _ kind: inout DraftKind) {
        guard !field.annotation.isEmpty else { return }
        var rest = field.annotation
        if let range = rest.range(of: "@NONEOFTHEABOVE") {
            var value = rest[range.upperBound...]
            if value.hasPrefix("=") { value = value.dropFirst() }
            let quote: Character? = value.first == "'" || value.first == "\"" ? value.first : nil
            if quote != nil { value = value.dropFirst() }
            let end =
                value.firstIndex { character in
                    if let quote { return character == quote }
                    return character == " " || character == "\n"
                } ?? value.endIndex
            let codes = Set(value[..<end].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            let upper = quote != nil && end < value.endIndex ? value.index(after: end) : end
            rest.removeSubrange(range.lowerBound..<upper)
            if case .multiple(.inline(var options)) = kind, let info = infos[field.name] {
                for index in options.indices where codes.contains(where: { info.codes[$0] == options[index].code }) {
                    options[index].exclusive = true
                }
                kind = .multiple(.inline(options))
            } else {
                note(field, "`@NONEOFTHEABOVE` of `\(field.name)` applies only to a checkbox with its own choices; left out")
            }
        }
        let left = rest.trimmingCharacters(in: .whitespacesAndNewlines)
        if !left.isEmpty {
            note(field, "the field annotation `\(left)` of `\(field.name)` has no equivalent; left out")
        }
    }

    /// REDCap's validation minimum and maximum: a range when both are given, a check when one is.
    private mutating func bounds(_ field: RedcapField, _ question: inout DraftQuestion) {
        guard !field.minimum.isEmpty || !field.maximum.isEmpty, field.type != "slider" else { return }
        switch question.kind {
        case .integer(nil), .decimal(nil, _):
            let minimum = Double(field.minimum), maximum = Double(field.maximum)
            if (!field.minimum.isEmpty && minimum == nil) || (!field.maximum.isEmpty && maximum == nil) {
                note(field, "the minimum or maximum of `\(field.name)` is not a number; left out")
                return
            }
            if let minimum, let maximum {
                let range = (LogicTranslator.format(minimum), LogicTranslator.format(maximum))
                if case .decimal(_, let decimals) = question.kind {
                    question.kind = .decimal(range: range, decimals: decimals)
                } else {
                    question.kind = .integer(range: range)
                }
            } else if let minimum {
                question.checks.append(
                    DraftCheck(
                        condition: DraftExpression("\(question.id) < \(LogicTranslator.format(minimum))", original: field.minimum, location: location(field)),
                        message: Texts("The answer must be at least \(LogicTranslator.format(minimum)).", language: "en")))
            } else if let maximum {
                question.checks.append(
                    DraftCheck(
                        condition: DraftExpression("\(question.id) > \(LogicTranslator.format(maximum))", original: field.maximum, location: location(field)),
                        message: Texts("The answer must be at most \(LogicTranslator.format(maximum)).", language: "en")))
            }
        case .date(nil):
            let order = field.validation.split(separator: "_").dropFirst().first.map(String.init) ?? "ymd"
            func day(_ text: String) -> String? {
                if text.isEmpty { return nil }
                if text.lowercased() == "today" { return "today" }
                if let iso = LogicTranslator.isoDate(String(text.prefix(10))) { return iso }
                return Self.reorder(text, order: order)
            }
            let low = day(field.minimum), high = day(field.maximum)
            if (!field.minimum.isEmpty && low == nil) || (!field.maximum.isEmpty && high == nil) {
                note(field, "the minimum or maximum of `\(field.name)` is not a date; left out")
                return
            }
            if let low, let high {
                question.kind = .date(range: (low, high))
            } else if let low {
                let bound = low == "today" ? "today()" : "date(\"\(low)\")"
                question.checks.append(
                    DraftCheck(
                        condition: DraftExpression("\(question.id) < \(bound)", original: field.minimum, location: location(field)),
                        message: Texts("The date must be \(low == "today" ? "today" : low) or later.", language: "en")))
            } else if let high {
                let bound = high == "today" ? "today()" : "date(\"\(high)\")"
                question.checks.append(
                    DraftCheck(
                        condition: DraftExpression("\(question.id) > \(bound)", original: field.maximum, location: location(field)),
                        message: Texts("The date must be \(high == "today" ? "today" : high) or earlier.", language: "en")))
            }
        default:
            note(field, "the minimum and maximum of `\(field.name)` apply only to numbers and dates; left out")
        }
    }

    /// A date written in the order of a REDCap validation (`mdy`, `dmy`) as `YYYY-MM-DD`.
    static func reorder(_ text: String, order: String) -> String? {
        let parts = text.prefix(10).split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
        guard parts.count == 3 else { return nil }
        let (d, m, y): (String, String, String)
        switch order {
        case "mdy": (m, d, y) = (parts[0], parts[1], parts[2])
        case "dmy": (d, m, y) = (parts[0], parts[1], parts[2])
        default: (y, m, d) = (parts[0], parts[1], parts[2])
        }
        return LogicTranslator.isoDate("\(y)-\(m)-\(d)")
    }

    // MARK: - Matrix groups

    /// A matrix group of single-choice fields sharing their choices and routing becomes a grid;
    /// otherwise its fields are separate questions (said in the report).
    private mutating func matrix(_ fields: [RedcapField]) {
        let first = fields[0]
        let sameChoices = Set(fields.map { Self.canonical($0.choices) }).count == 1
        let allSingle = fields.allSatisfy { $0.type == "radio" || $0.type == "dropdown" }
        let sameRouting = Set(fields.map(\.branching)).count == 1
        guard fields.count > 1, sameChoices, allSingle, sameRouting else {
            let why =
                !allSingle ? "its fields are not all single choices" : !sameChoices ? "its fields have different choices" :
                !sameRouting ? "its fields have their own branching logic" : "it has one field"
            note(first, "the matrix group `\(first.matrixGroup)` is imported as separate questions, because \(why)")
            for field in fields {
                if let question = question(field) { append(question) }
            }
            return
        }
        let gridID = names.variable(first.matrixGroup)
        guard case .single(let options)? = kind(first, id: gridID) else { return }
        var items: [DraftItem] = []
        for field in fields {
            let id = names.variable(field.name)
            renamed[field.name] = id
            if var info = infos[first.name] {
                info.id = id
                infos[field.name] = info
            }
            items.append(DraftItem(id: id, text: texts(field.label), origin: "\(file) row \(field.line)"))
            if field.required { note(field, "`Required Field?` of the grid item `\(field.name)` is left out: grid items cannot be required") }
            if field.identifier { note(field, "`\(field.name)` is marked as an identifier, but a grid item cannot be sealed; left unsealed") }
            if !field.note.isEmpty { note(field, "the field note of the grid item `\(field.name)` is left out") }
            if !field.annotation.isEmpty { note(field, "the field annotation of `\(field.name)` has no equivalent; left out") }
        }
        let wording = first.sectionHeader.isEmpty ? Self.humanised(first.matrixGroup) : first.sectionHeader
        var question = DraftQuestion(
            id: gridID, kind: .grid(options, items: items), text: texts(wording),
            origin: "\(file) rows \(first.line)-\(fields.last!.line), matrix group `\(first.matrixGroup)`", location: location(first))
        question.askIf = branching(first)
        append(question)
    }
}
