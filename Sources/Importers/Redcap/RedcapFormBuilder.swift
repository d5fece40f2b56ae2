import Foundation

/// Builds the draft of one REDCap form: sections from section headers, a question per field,
/// grids from matrix groups, "please say" options from REDCap's usual `<field>_<code>_text`
/// follow-ups, and routing translated from branching logic.
struct RedcapFormBuilder {
    let file: String
    let form: String
    /// The form of every field of the dictionary, to explain references to other forms.
    let formOf: [String: String]
    var report = ImportReport()
    var names = Names()
    /// The fields of this form already made questions, by REDCap name.
    var infos: [String: FieldInfo] = [:]
    /// Every field of the form, from a first pass, so that logic may name a later field (which
    /// the checker then refuses with its own message).
    var planned: [String: FieldInfo] = [:]
    /// The choice strings of the form that occur more than once become option sets.
    var sharedChoices: [String: String] = [:]
    var draft: DraftInstrument
    /// REDCap name to variable name.
    var renamed: [String: String] = [:]

    init(file: String, form: String, formOf: [String: String]) {
        self.file = file
        self.form = form
        self.formOf = formOf
        draft = DraftInstrument(
            id: Names.instrument(form), title: Texts(Self.humanised(form), language: "en"), languages: ["en"])
    }

    /// `form_1` as `Form 1`.
    static func humanised(_ name: String) -> String {
        let words = name.replacingOccurrences(of: "_", with: " ").trimmingCharacters(in: .whitespaces)
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    func location(_ field: RedcapField) -> String { "\(file):\(field.line)" }

    mutating func note(_ field: RedcapField, _ message: String) { report.note(location(field), message) }

    /// Builds the draft.
    mutating func build(_ fields: [RedcapField], isFirstForm: Bool) -> DraftInstrument {
        draft.header = [
            "Imported from the REDCap data dictionary \(file), form `\(form)`, by `peersurvey import redcap`.",
            "Read the wording, add consent and support, then run `peersurvey check` and `peersurvey test`.",
        ]
        planOptionSets(fields)
        var rows = fields[...]
        if isFirstForm, let first = rows.first {
            note(
                first,
                "`\(first.name)` is the project's record identifier; every peersurvey interview has its own participant code; left out"
            )
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

    mutating func append(_ question: DraftQuestion) {
        draft.sections[draft.sections.count - 1].questions.append(question)
    }

    mutating func startSection(_ field: RedcapField) {
        let title = field.sectionHeader.isEmpty ? draft.title.first(in: ["en"]) ?? form : field.sectionHeader
        var id = Names.section(
            field.sectionHeader.isEmpty ? form : title, fallback: "section_\(draft.sections.count + 1)")
        let used = Set(draft.sections.map(\.id))
        var counter = 2
        let base = String(id.prefix(29))
        while used.contains(id) {
            id = "\(base)_\(counter)"
            counter += 1
        }
        draft.sections.append(
            DraftSection(id: id, title: Texts(text(title), language: "en"), origin: "\(file) row \(field.line)"))
    }

    /// Choice lists used by more than one field of the form become option sets.
    mutating func planOptionSets(_ fields: [RedcapField]) {
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
                Names.cleaned(first.label, lowercase: true).prefix(14) + "_to_"
                    + Names.cleaned(last.label, lowercase: true).prefix(14),
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

    static func canonical(_ choices: String) -> String {
        choices.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "|")
    }

    /// A label with REDCap's piping (`[age]`) made `{age}` and braces escaped.
    func text(_ words: String) -> String {
        Piping.convert(Markup.plain(words), open: "[", close: "]") { name in renamed[name] }
    }

    func texts(_ words: String) -> Texts { Texts(text(words), language: "en") }
}
