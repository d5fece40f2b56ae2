/// Writes a draft as the instrument YAML a person would have written: keys in the documented
/// order, plain scalars where they read back unchanged, one comment naming the source of each
/// question, option sets where options repeat. Remembers which construct each line belongs to.
struct YAMLWriter {
    /// The YAML text.
    private(set) var lines: [String] = []
    /// The construct of each line (index = line - 1).
    private(set) var constructs: [Construct] = []
    private var current = Construct.header
    private let languages: [String]

    private init(languages: [String]) { self.languages = languages }

    /// Writes a draft.
    /// - Parameter draft: The draft.
    /// - Returns: The text and the construct of each line.
    static func write(_ draft: DraftInstrument) -> (text: String, constructs: [Construct]) {
        var writer = YAMLWriter(languages: draft.languages)
        writer.document(draft)
        return (writer.lines.joined(separator: "\n") + "\n", writer.constructs)
    }

    private mutating func line(_ text: String) {
        lines.append(text)
        constructs.append(current)
    }

    private mutating func document(_ draft: DraftInstrument) {
        current = .header
        for comment in draft.header { line("# \(comment)") }
        line("instrument: \(draft.id)")
        line("version: \(draft.version)")
        text("title", draft.title, indent: 0)
        if let description = draft.description { text("description", description, indent: 0) }
        line("languages: [\(draft.languages.map { YAMLScalar.string($0, flow: true) }.joined(separator: ", "))]")
        if !draft.optionSets.isEmpty {
            line("option_sets:")
            for set in draft.optionSets {
                current = .optionSet(set.name)
                line("  \(set.name):")
                options(set.options, indent: 4)
            }
        }
        line("sections:")
        for (s, section) in draft.sections.enumerated() {
            current = .section(s)
            if let origin = section.origin { line("  # \(origin)") }
            line("  - id: \(section.id)")
            text("title", section.title, indent: 4)
            if let intro = section.intro { text("intro", intro, indent: 4) }
            if let condition = section.askIf {
                current = .sectionAskIf(s)
                line("    ask_if: \(YAMLScalar.string(condition.text))")
                current = .section(s)
            }
            line("    questions:")
            for (q, question) in section.questions.enumerated() { self.question(question, s, q) }
        }
        if !draft.scores.isEmpty {
            current = .header
            line("scores:")
            for (index, score) in draft.scores.enumerated() {
                current = .score(index)
                if let origin = score.origin { line("  # \(origin)") }
                line("  - id: \(score.id)")
                if let label = score.label { text("label", label, indent: 4) }
                line("    items: [\(score.items.joined(separator: ", "))]")
                line("    method: \(score.method)")
            }
        }
        if !draft.tests.isEmpty {
            current = .header
            line("tests:")
            line(
                "  # Generated: one case that opens each condition and one that does not; each score with its items at their highest."
            )
            for (index, test) in draft.tests.enumerated() {
                current = .test(index)
                line("  - name: \(YAMLScalar.string(test.name))")
                if let today = test.today { line("    today: \(YAMLScalar.quoted(today))") }
                let answers = test.answers.map { "\($0.id): \($0.value)" }.joined(separator: ", ")
                line("    answers: {\(answers)}")
                var expect: [String] = []
                if !test.asked.isEmpty { expect.append("asked: [\(test.asked.joined(separator: ", "))]") }
                if !test.skipped.isEmpty { expect.append("skipped: [\(test.skipped.joined(separator: ", "))]") }
                if !test.scores.isEmpty {
                    expect.append("scores: {\(test.scores.map { "\($0.id): \($0.value)" }.joined(separator: ", "))}")
                }
                line("    expect: {\(expect.joined(separator: ", "))}")
            }
        }
    }

    private mutating func question(_ question: DraftQuestion, _ s: Int, _ q: Int) {
        current = .question(s, q)
        let pad = "        "
        line("      # \(question.origin)")
        line("      - id: \(question.id)")
        line("\(pad)type: \(question.kind.typeName)")
        if let text = question.text { self.text("text", text, indent: 8) }
        if let hint = question.hint { text("hint", hint, indent: 8) }
        if let interviewer = question.interviewer { text("interviewer", interviewer, indent: 8) }
        if let condition = question.askIf {
            current = .askIf(s, q)
            line("\(pad)ask_if: \(YAMLScalar.string(condition.text))")
            current = .question(s, q)
        }
        switch question.kind {
        case .single(let list), .multiple(let list): optionList(list)
        case .integer(let range):
            if let range { rangeLine(range, s, q) }
        case .decimal(let range, let decimals):
            if let range { rangeLine(range, s, q) }
            if let decimals { line("\(pad)decimals: \(decimals)") }
        case .text(let long):
            if long { line("\(pad)long: true") }
        case .date(let range):
            if let range { rangeLine(range, s, q) }
        case .note: break
        case .calculate(let expression):
            current = .calculation(s, q)
            line("\(pad)expression: \(YAMLScalar.string(expression.text))")
            current = .question(s, q)
        case .grid(let list, let items):
            optionList(list)
            line("\(pad)items:")
            for item in items {
                if let origin = item.origin { line("\(pad)  # \(origin)") }
                line("\(pad)  - id: \(item.id)")
                text("text", item.text, indent: 12)
            }
        }
        if question.required, question.kind.takesAnswer { line("\(pad)allow: []") }
        if question.identifying { line("\(pad)identifying: true") }
        if let value = question.defaultValue, question.kind.takesAnswer {
            current = .defaultValue(s, q)
            line("\(pad)default: \(value)")
            current = .question(s, q)
        }
        if !question.checks.isEmpty, question.kind.takesAnswer {
            line("\(pad)check:")
            for (index, check) in question.checks.enumerated() {
                current = .check(s, q, index)
                line("\(pad)  - if: \(YAMLScalar.string(check.condition.text))")
                text("message", check.message, indent: 12)
            }
            current = .question(s, q)
        }
    }

    private mutating func rangeLine(_ range: (String, String), _ s: Int, _ q: Int) {
        current = .range(s, q)
        line("        range: [\(range.0), \(range.1)]")
        current = .question(s, q)
    }

    private mutating func optionList(_ list: DraftOptions) {
        switch list {
        case .set(let name): line("        options: \(name)")
        case .inline(let options):
            line("        options:")
            self.options(options, indent: 10)
        }
    }

    private mutating func options(_ options: [DraftOption], indent: Int) {
        let pad = String(repeating: " ", count: indent)
        for option in options {
            if languages.count == 1, option.specify == nil || option.specify?.byLanguage.count == 1 {
                var parts = ["code: \(option.code)"]
                if let name = option.name { parts.append("name: \(YAMLScalar.string(name, flow: true))") }
                parts.append("label: \(YAMLScalar.string(option.label.first(in: languages) ?? "", flow: true))")
                if let specify = option.specify {
                    parts.append("specify: \(YAMLScalar.string(specify.first(in: languages) ?? "", flow: true))")
                }
                if option.exclusive { parts.append("exclusive: true") }
                line("\(pad)- {\(parts.joined(separator: ", "))}")
            } else {
                line("\(pad)- code: \(option.code)")
                if let name = option.name { line("\(pad)  name: \(YAMLScalar.string(name))") }
                text("label", option.label, indent: indent + 2)
                if let specify = option.specify { text("specify", specify, indent: indent + 2) }
                if option.exclusive { line("\(pad)  exclusive: true") }
            }
        }
    }

    private mutating func text(_ key: String, _ texts: Texts, indent: Int) {
        let pad = String(repeating: " ", count: indent)
        if languages.count == 1 {
            line("\(pad)\(key): \(YAMLScalar.string(texts.first(in: languages) ?? ""))")
            return
        }
        line("\(pad)\(key):")
        for language in languages {
            guard let words = texts.byLanguage[language] else { continue }
            line("\(pad)  \(YAMLScalar.key(language)): \(YAMLScalar.string(words))")
        }
    }
}
