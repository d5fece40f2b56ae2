import Foundation

/// The fields of a REDCap form as questions: types, validations, choices, "please say" follow-ups.
extension RedcapFormBuilder {
    mutating func question(_ field: RedcapField) -> DraftQuestion? {
        guard !field.name.isEmpty else {
            note(field, "a row without a variable name; left out")
            return nil
        }
        if specifyFollowUp(field) { return nil }
        if [field.label, field.note, field.choices, field.sectionHeader].contains(where: Markup.hasMarkup) {
            note(field, "the HTML in the wording of `\(field.name)` is removed (tags and entities); the words are kept")
        }
        let isChoice = ["radio", "dropdown", "checkbox"].contains(field.type)
        let id = names.variable(field.name, maximumLength: isChoice ? 26 : 32)
        if id != field.name {
            note(field, "the field `\(field.name)` is named `\(id)`, a name SPSS, Stata and R accept")
        }
        guard let kind = self.kind(field, id: id) else { return nil }
        renamed[field.name] = id
        var question = DraftQuestion(
            id: id, kind: kind, text: texts(field.label), origin: "\(file) row \(field.line)", location: location(field)
        )
        if case .calculate = kind { question.text = nil }
        if case .note = kind, field.label.isEmpty { question.text = Texts(field.name, language: "en") }
        if question.text?.isEmpty == true {
            question.text = Texts(field.name, language: "en")
            note(field, "`\(field.name)` has no label; its name is used as the wording")
        }
        if !field.note.isEmpty { question.hint = texts(field.note) }
        if field.required {
            if kind.takesAnswer {
                question.required = true
            } else {
                note(field, "`Required Field?` has no meaning for a \(field.type) field; left out")
            }
        }
        if field.identifier {
            switch kind {
            case .text, .date: question.identifying = true
            default:
                note(
                    field,
                    "`\(field.name)` is marked as an identifier, but only text and date questions can be sealed; left unsealed"
                )
            }
        }
        if Self.identifyingValidations[field.validation] != nil, !question.identifying {
            question.identifying = true
            note(
                field,
                "`\(field.name)` holds \(Self.identifyingValidations[field.validation]!), so it is marked `identifying: true` (sealed at capture)"
            )
        }
        question.askIf = branching(field)
        question.kind = kind
        annotation(field, &question)
        bounds(field, &question)
        return question
    }

    static let identifyingValidations: [String: String] = [
        "email": "an e-mail address", "phone": "a telephone number", "phone_australia": "a telephone number",
        "ssn": "a social security number", "mrn_10d": "a medical record number",
        "mrn_generic": "a medical record number",
        "vmrn": "a medical record number",
    ]

    /// A text field named `<choice>_<code>_text`, asked only when that option is chosen, is the
    /// "please say" follow-up of the option: it becomes the option's `specify`.
    mutating func specifyFollowUp(_ field: RedcapField) -> Bool {
        guard field.type == "text", field.validation.isEmpty, field.name.hasSuffix("_text") else { return false }
        let stem = field.name.dropLast(5)
        guard let underscore = stem.lastIndex(of: "_"), let code = Int(stem[stem.index(after: underscore)...]) else {
            return false
        }
        let owner = String(stem[..<underscore])
        guard let info = infos[owner], info.id == owner,
            field.branching.replacingOccurrences(of: " ", with: "")
                == (info.kind == .set ? "[\(owner)(\(code))]='1'" : "[\(owner)]='\(code)'")
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
                note(
                    field,
                    "`\(field.name)` is the \"please say\" follow-up of option \(code) of `\(owner)`: it becomes that option's `specify`"
                )
                return true
            }
        }
        return false
    }

    mutating func kind(_ field: RedcapField, id: String) -> DraftKind? {
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
                    (
                        setName,
                        [
                            DraftOption(code: 1, name: yes ? "yes" : nil, label: Texts(one, language: "en")),
                            DraftOption(code: 0, name: yes ? "no" : nil, label: Texts(zero, language: "en")),
                        ]
                    ))
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
                note(
                    field,
                    "the calculation `\(field.choices)` of `\(field.name)` could not be translated (\(error.message)); left out"
                )
                return nil
            }
        case "descriptive":
            infos[field.name] = FieldInfo(id: id, kind: .none)
            return .note
        case "slider":
            let low = Double(field.minimum) ?? 0, high = Double(field.maximum) ?? 100
            infos[field.name] = FieldInfo(id: id, kind: .number)
            if !field.choices.isEmpty {
                note(
                    field,
                    "the slider `\(field.name)` is asked as a whole number from \(LogicTranslator.format(low)) to \(LogicTranslator.format(high)); its labels `\(field.choices)` are left out"
                )
            }
            return .integer(range: (LogicTranslator.format(low), LogicTranslator.format(high)))
        case "file":
            note(
                field,
                "field type \"file\"\(field.validation == "signature" ? " (a signature)" : "") has no equivalent in an interview; `\(field.name)` left out"
            )
            return nil
        case "sql":
            note(
                field,
                "field type \"sql\" (a dynamic query of the REDCap server) has no equivalent; `\(field.name)` left out")
            return nil
        default:
            note(
                field,
                "field type \"\(field.type)\" is not a REDCap field type peersurvey knows; `\(field.name)` left out")
            return nil
        }
    }

    mutating func textKind(_ field: RedcapField, id: String) -> DraftKind {
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
                note(
                    field, "`\(field.name)` takes a decimal comma in REDCap; peersurvey numbers are typed with a point")
            }
            return .decimal(range: nil, decimals: Int(digits))
        case _ where validation.hasPrefix("date_"):
            infos[field.name] = FieldInfo(id: id, kind: .date)
            return .date(range: nil)
        case _ where validation.hasPrefix("datetime_"):
            infos[field.name] = FieldInfo(id: id, kind: .date)
            note(
                field,
                "`\(field.name)` is a date and time (\(validation)); it is asked as a date and the time of day is left out"
            )
            return .date(range: nil)
        default:
            infos[field.name] = FieldInfo(id: id, kind: .text)
            note(
                field,
                "the validation \"\(validation)\" of `\(field.name)` has no equivalent (the instrument language has no text patterns); asked as text without it"
            )
            return .text(long: false)
        }
    }
}
