import Foundation

/// `peersurvey import reproschema`: a ReproSchema activity (its schema, items and response
/// options, JSON-LD) becomes one instrument, in every language its questions and options carry,
/// with `isVis` conditions as routing and `compute` as scores or calculations.
enum ReproSchemaImporter {
    static func run(path: String) throws(ImportError) -> ImportResult {
        let folder = try ActivityFolder(path: path)
        let (schemaURL, schema) = try folder.activity()
        var builder = ReproSchemaBuilder(folder: folder, schemaURL: schemaURL, schema: schema)
        let draft = try builder.build()
        return ImportResult(drafts: [draft], report: builder.report)
    }
}

/// One item as read: its file, its JSON and how the activity shows it.
private struct ActivityItem {
    var url: URL
    var object: [String: Any]
    var variable: String
    var visibility: Any?
    var pointer: String
}

/// Builds the draft of one activity.
struct ReproSchemaBuilder {
    let folder: ActivityFolder
    let schemaURL: URL
    let schema: [String: Any]
    private(set) var report = ImportReport()
    private var names = Names()
    private var infos: [String: FieldInfo] = [:]
    private var optionSets: [String: String] = [:]

    init(folder: ActivityFolder, schemaURL: URL, schema: [String: Any]) {
        self.folder = folder
        self.schemaURL = schemaURL
        self.schema = schema
    }

    /// A JSON-LD text: a plain string (English) or a mapping by language.
    static func texts(_ value: Any?) -> [String: String]? {
        if let string = value as? String { return ["en": string] }
        if let map = value as? [String: Any] {
            let strings = map.compactMapValues { $0 as? String }
            return strings.isEmpty ? nil : strings
        }
        return nil
    }

    mutating func build() throws(ImportError) -> DraftInstrument {
        let ui = schema["ui"] as? [String: Any] ?? [:]
        let order = (ui["order"] as? [Any] ?? []).compactMap { $0 as? String }
        let properties = (ui["addProperties"] as? [[String: Any]]) ?? []
        var propertyOf: [String: (Int, [String: Any])] = [:]
        for (index, property) in properties.enumerated() {
            if let about = property["isAbout"] as? String { propertyOf[about] = (index, property) }
        }
        let schemaLocation = folder.location(schemaURL)
        guard !order.isEmpty else {
            throw .invalid(
                location: folder.location(schemaURL, "/ui/order"), message: "the activity lists no items in `ui.order`")
        }
        // Items in asking order, then items only named in addProperties (computed scores).
        var items: [ActivityItem] = []
        var references = order.enumerated().map { ($0.element, "/ui/order/\($0.offset)") }
        for (index, property) in properties.enumerated() {
            if let about = property["isAbout"] as? String, !order.contains(about) {
                references.append((about, "/ui/addProperties/\(index)/isAbout"))
            }
        }
        for (reference, pointer) in references {
            let url = try folder.resolve(reference, from: schemaURL, at: pointer)
            let object = try folder.object(at: url, referencedFrom: folder.location(schemaURL, pointer))
            let property = propertyOf[reference]?.1
            let variable = (property?["variableName"] as? String) ?? (object["id"] as? String) ?? url.lastPathComponent
            items.append(
                ActivityItem(
                    url: url, object: object, variable: variable, visibility: property?["isVis"], pointer: pointer))
        }
        // Languages: those every question and option label carries.
        var options: [String: [[String: Any]]] = [:]
        for item in items { options[item.url.path] = try choices(of: item) }
        let languages = chooseLanguages(items, options)
        var draft = DraftInstrument(
            id: Names.instrument(
                (schema["id"] as? String ?? folder.name).replacingOccurrences(of: "_schema", with: "")),
            title: texts(schema["prefLabel"], languages.map) ?? Texts(folder.name, language: languages.codes[0]),
            languages: languages.codes)
        draft.description = texts(schema["description"], languages.map)
        if let version = schema["version"] as? String, Int(version) == nil {
            report.note(
                schemaLocation, "the activity's version `\(version)` is not a whole number; the instrument is version 1"
            )
        }
        draft.header = [
            "Imported from the ReproSchema activity \(folder.name) (\(schemaURL.lastPathComponent)) by `peersurvey import reproschema`.",
            "Read the wording, add consent and support, then run `peersurvey check` and `peersurvey test`.",
        ]
        var section = DraftSection(
            id: Names.section(draft.id, fallback: "activity"), title: draft.title, origin: schemaLocation)
        section.intro = texts(schema["preamble"], languages.map)
        let computes = (schema["compute"] as? [[String: Any]]) ?? []
        let computed = Set(computes.compactMap { $0["variableName"] as? String })
        if ui["shuffle"] as? Bool == true {
            report.note(
                folder.location(schemaURL, "/ui/shuffle"),
                "the items are shuffled in ReproSchema; peersurvey asks them in order")
        }
        for item in items {
            if computed.contains(item.variable) { continue }
            if let question = try question(
                item, languages: languages, options: options[item.url.path] ?? [], draft: &draft)
            {
                section.questions.append(question)
            }
        }
        draft.sections = [section]
        for (index, compute) in computes.enumerated() {
            self.compute(compute, pointer: "/compute/\(index)", items: items, languages: languages, draft: &draft)
        }
        return draft
    }

    // MARK: - Languages

    struct Languages {
        /// The instrument's codes, English first when present.
        var codes: [String]
        /// Source tag to code.
        var map: [String: String]
    }

    private mutating func chooseLanguages(_ items: [ActivityItem], _ options: [String: [[String: Any]]]) -> Languages {
        var texts: [[String: String]] = []
        for item in items {
            if let question = Self.texts(item.object["question"]) { texts.append(question) }
            for choice in options[item.url.path] ?? [] {
                if let name = Self.texts(choice["name"]) { texts.append(name) }
            }
        }
        let all = Set(texts.flatMap(\.keys))
        let everywhere = all.filter { tag in texts.allSatisfy { $0[tag] != nil } }
        let place = folder.location(schemaURL)
        for tag in all.subtracting(everywhere).sorted() {
            let lacking = texts.count { $0[tag] == nil }
            report.note(
                place,
                "the language `\(tag)` is left out: \(lacking) of the activity's \(texts.count) question and option texts have no version in it"
            )
        }
        var map: [String: String] = [:]
        var taken = Set<String>()
        for tag in everywhere.sorted() where tag.range(of: "^[a-z]{2,3}$", options: .regularExpression) != nil {
            map[tag] = tag
            taken.insert(tag)
        }
        for tag in everywhere.sorted() where map[tag] == nil {
            let primary =
                tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
            let siblings = everywhere.filter {
                $0.lowercased().hasPrefix(primary + "-") || $0.lowercased().hasPrefix(primary + "_")
            }
            if primary.range(of: "^[a-z]{2,3}$", options: .regularExpression) != nil, !taken.contains(primary),
                siblings.count == 1
            {
                map[tag] = primary
                taken.insert(primary)
                report.note(
                    place,
                    "the language `\(tag)` is written `\(primary)`: instruments name languages by 2- or 3-letter codes")
            } else {
                report.note(
                    place,
                    "the language `\(tag)` is left out: instruments name languages by 2- or 3-letter codes, and `\(primary)` is taken or shared by several variants"
                )
            }
        }
        var codes = map.values.sorted()
        if let english = codes.firstIndex(of: "en") { codes.insert(codes.remove(at: english), at: 0) }
        if codes.isEmpty {
            codes = ["en"]
            report.note(
                place, "no language is carried by every question; the texts are imported in whatever language each has")
        }
        return Languages(codes: codes, map: map)
    }

    private func texts(_ value: Any?, _ map: [String: String]) -> Texts? {
        guard let source = Self.texts(value) else { return nil }
        var result: [String: String] = [:]
        for (tag, words) in source {
            if let code = map[tag] { result[code] = Piping.escape(words) }
        }
        if result.isEmpty, let any = source.sorted(by: { $0.key < $1.key }).first {
            result[map.values.sorted().first ?? "en"] = Piping.escape(any.value)
        }
        return Texts(result)
    }

    // MARK: - Items

    private func responseOptions(_ item: ActivityItem) throws(ImportError) -> (object: [String: Any], url: URL?) {
        if let reference = item.object["responseOptions"] as? String {
            let url = try folder.resolve(reference, from: item.url, at: "/responseOptions")
            return (try folder.object(at: url, referencedFrom: folder.location(item.url, "/responseOptions")), url)
        }
        return (item.object["responseOptions"] as? [String: Any] ?? [:], nil)
    }

    private func choices(of item: ActivityItem) throws(ImportError) -> [[String: Any]] {
        (try responseOptions(item).object["choices"] as? [[String: Any]]) ?? []
    }

    private mutating func question(
        _ item: ActivityItem, languages: Languages, options choices: [[String: Any]], draft: inout DraftInstrument
    ) throws(ImportError) -> DraftQuestion? {
        let place = folder.location(item.url)
        let ui = item.object["ui"] as? [String: Any] ?? [:]
        let input = (ui["inputType"] as? String ?? "").lowercased()
        let (response, responseURL) = try responseOptions(item)
        let id = names.variable(item.variable)
        if id != item.variable {
            report.note(place, "the item `\(item.variable)` is named `\(id)`, a name SPSS, Stata and R accept")
        }
        let wording = texts(item.object["question"], languages.map) ?? texts(item.object["prefLabel"], languages.map)
        let minimum = (response["minValue"] as? NSNumber).map { LogicTranslator.format($0.doubleValue) }
        let maximum = (response["maxValue"] as? NSNumber).map { LogicTranslator.format($0.doubleValue) }
        let range = minimum.flatMap { low in maximum.map { (low, $0) } }
        var kind: DraftKind
        switch input {
        case "radio", "select", "selectlanguage":
            guard !choices.isEmpty else {
                report.note(place, "the \(input) item `\(item.variable)` has no choices; left out")
                return nil
            }
            let source = choices.enumerated().map { index, choice -> (String, Texts) in
                let value =
                    (choice["value"] as? NSNumber).map { LogicTranslator.format($0.doubleValue) }
                    ?? (choice["value"] as? String) ?? String(index)
                return (value, texts(choice["name"], languages.map) ?? Texts(value, language: languages.codes[0]))
            }
            let multiple = response["multipleChoice"] as? Bool == true
            let coded = OptionCoder.code(source, id: id, kind: multiple ? .set : .choice)
            for message in coded.notes { report.note(place, message) }
            infos[item.variable] = coded.info
            var list = DraftOptions.inline(coded.options)
            if let responseURL {
                let key = responseURL.path
                if optionSets[key] == nil {
                    let name = Names.section(Self.snake(responseURL.lastPathComponent), fallback: "options")
                    optionSets[key] = name
                    draft.optionSets.append((name, coded.options))
                }
                list = .set(optionSets[key]!)
            }
            kind = multiple ? .multiple(list) : .single(list)
        case "slider":
            kind = .integer(range: range ?? ("0", "100"))
            infos[item.variable] = FieldInfo(id: id, kind: .number)
        case "number", "xsd:int", "int", "integer", "year":
            kind = .integer(range: range)
            infos[item.variable] = FieldInfo(id: id, kind: .number)
        case "float", "xsd:decimal", "decimal":
            kind = .decimal(range: range, decimals: nil)
            infos[item.variable] = FieldInfo(id: id, kind: .number)
        case "text", "email", "multitext", "textarea":
            kind = .text(long: input == "multitext" || input == "textarea")
            infos[item.variable] = FieldInfo(id: id, kind: .text)
        case "date":
            kind = .date(range: nil)
            infos[item.variable] = FieldInfo(id: id, kind: .date)
        case "static", "markdown", "save":
            kind = .note
        default:
            report.note(
                place, "the input type `\(input)` of `\(item.variable)` has no equivalent in an interview; left out")
            return nil
        }
        var question = DraftQuestion(
            id: id, kind: kind, text: wording ?? Texts(item.variable, language: languages.codes[0]),
            origin: folder.location(item.url), location: place)
        if case .note = kind, question.text == nil {
            question.text = Texts(item.variable, language: languages.codes[0])
        }
        if input == "email" {
            question.identifying = true
            report.note(
                place,
                "`\(item.variable)` holds an e-mail address, so it is marked `identifying: true` (sealed at capture)")
        }
        if let required = ((schema["ui"] as? [String: Any])?["addProperties"] as? [[String: Any]])?.first(where: {
            $0["variableName"] as? String == item.variable
        })?["valueRequired"] as? Bool, required, kind.takesAnswer {
            question.required = true
        }
        switch item.visibility {
        case let flag as Bool:
            if !flag {
                report.note(
                    folder.location(schemaURL, item.pointer),
                    "`\(item.variable)` is hidden (`isVis: false`); it is imported as asked")
            }
        case let condition as String:
            do {
                let infos = self.infos
                let translated = try LogicTranslator(dialect: .javascript) { infos[$0] }.translate(condition)
                question.askIf = DraftExpression(
                    translated.text, original: condition, location: folder.location(schemaURL, item.pointer))
            } catch {
                report.note(
                    folder.location(schemaURL, item.pointer),
                    "the condition `\(condition)` of `\(item.variable)` could not be translated (\(error.message)); the question is always asked"
                )
            }
        default: break
        }
        return question
    }

    /// `valueConstraints` as `value_constraints`.
    static func snake(_ name: String) -> String {
        var out = ""
        for character in name {
            if character.isUppercase, !out.isEmpty, !out.hasSuffix("_") { out += "_" }
            out += character.lowercased()
        }
        return out
    }

    // MARK: - Scoring

    /// A `compute` entry: a plain sum of asked items becomes a score; anything else a calculation.
    private mutating func compute(
        _ compute: [String: Any], pointer: String, items: [ActivityItem], languages: Languages,
        draft: inout DraftInstrument
    ) {
        let place = folder.location(schemaURL, pointer)
        guard let variable = compute["variableName"] as? String, let expression = compute["jsExpression"] as? String
        else {
            report.note(place, "a `compute` entry without `variableName` and `jsExpression`; left out")
            return
        }
        let holder = items.first { $0.variable == variable }
        let label = holder.flatMap { texts($0.object["prefLabel"], languages.map) }
        let terms = expression.split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces) }
        let asked = Set(draft.sections.flatMap(\.questions).map(\.id))
        let id = names.variable(variable)
        if terms.count >= 2, terms.allSatisfy({ infos[$0].map { asked.contains($0.id) } ?? false }) {
            draft.scores.append(
                DraftScore(
                    id: id, label: label, items: terms.compactMap { infos[$0]?.id }, method: "sum",
                    origin: place))
            report.note(
                place,
                "the score `\(variable)` (\(expression)) is a `sum` score; as in ReproSchema it is missing unless every item is answered"
            )
            return
        }
        do {
            let infos = self.infos
            let translated = try LogicTranslator(dialect: .javascript) { infos[$0] }.translate(expression)
            var question = DraftQuestion(
                id: id, kind: .calculate(DraftExpression(translated.text, original: expression, location: place)),
                text: nil,
                origin: place, location: place)
            question.text = nil
            draft.sections[draft.sections.count - 1].questions.append(question)
        } catch {
            report.note(
                place,
                "the computation `\(expression)` of `\(variable)` could not be translated (\(error.message)); left out")
        }
    }
}
