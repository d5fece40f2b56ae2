package import Analysis
package import Instrument
import Store

/// Makes a ``Codebook`` from an instrument, the export's layout and, when a study was read, the
/// statistics `describe` computed for the export (reused, never counted again).
package struct CodebookBuilder {
    let instrument: Instrument
    let layout: ExportLayout
    let statistics: DescribeReport?
    let studyTitle: String?
    let lookup: VariableCatalogue
    let words: PlainWords
    let language: String

    /// Creates a builder.
    /// - Parameters:
    ///   - instrument: The instrument (the newest version when a study has several).
    ///   - layout: The export's columns and what it leaves out.
    ///   - statistics: Frequencies after small-cell suppression; `nil` for the instrument alone.
    ///   - studyTitle: The study's title, when a study was read.
    package init(instrument: Instrument, layout: ExportLayout, statistics: DescribeReport?, studyTitle: String?) {
        self.instrument = instrument
        self.layout = layout
        self.statistics = statistics
        self.studyTitle = studyTitle
        lookup = VariableCatalogue(instrument)
        words = PlainWords(lookup)
        language = instrument.defaultLanguage
    }

    /// Builds the codebook.
    /// - Returns: The codebook.
    package func build() -> Codebook {
        var parts = [metadataPart()]
        // Each question's variables (itself, its grid items, its "please say" texts), in order.
        var byQuestion: [String: [Variable]] = [:]
        var scores: [CodebookVariable] = []
        for variable in instrument.variables.all {
            switch variable.origin {
            case .question, .calculation: byQuestion[variable.id, default: []].append(variable)
            case .gridItem(let grid): byQuestion[grid, default: []].append(variable)
            case .specify(let question, _): byQuestion[question, default: []].append(variable)
            case .score: scores.append(entry(variable))
            }
        }
        for section in instrument.sections {
            var entries: [CodebookVariable] = []
            for question in section.questions {
                if case .note = question.kind { entries.append(note(question)) }
                entries += (byQuestion[question.id] ?? []).map(entry)
            }
            parts.append(
                Codebook.Part(
                    id: section.id, title: texts(section.title), intro: texts(section.intro),
                    condition: section.askIf.map(words.describe), variables: entries))
        }
        if !scores.isEmpty {
            let title = instrument.languages.map { LanguageText(language: $0, text: "Scores") }
            parts.append(Codebook.Part(id: "scores", title: title, intro: [], condition: nil, variables: scores))
        }
        return Codebook(
            instrument: Codebook.Header(
                id: instrument.id, version: instrument.version, title: texts(instrument.title),
                description: texts(instrument.description), languages: instrument.languages),
            study: study(), missingCodes: missingCodes(), parts: parts, notes: notes())
    }

    private func study() -> Codebook.Study? {
        guard let statistics else { return nil }
        return Codebook.Study(
            title: studyTitle, versions: statistics.versions, interviews: statistics.interviews,
            statuses: ExportStatusCode.all.map(\.status).filter(statistics.statuses.contains).map(\.label),
            simulated: statistics.simulated, suppression: statistics.suppression.explanation,
            minCell: statistics.suppression.minCell)
    }

    private func missingCodes() -> [Codebook.MissingCodeEntry] {
        MissingKind.allCases.map { kind in
            let code = instrument.missing[kind]
            return Codebook.MissingCodeEntry(kind: kind.key, code: code.code, label: texts(code.label))
        }.sorted { $0.code > $1.code }
    }

    private func notes() -> [String] {
        var notes: [String] = []
        let sealed = layout.dropped.filter { $0.reason == .identifying }.map(\.variableID)
        if !sealed.isEmpty {
            notes.append(
                "Identifying variables are sealed in the study database and never exported: "
                    + sealed.joined(separator: ", ") + ". Only the data custodian can read them, with `peersurvey unseal`.")
        }
        let text = layout.dropped.filter { $0.reason == .freeText }.map(\.variableID)
        if !text.isEmpty {
            notes.append(
                "Free-text answers are exported only with `--include-text`, and then with emails, phone numbers and "
                    + "postcodes masked: " + text.joined(separator: ", ") + ".")
        }
        if let statistics, statistics.simulated > 0 {
            notes.append(
                "\(statistics.simulated) of the \(statistics.interviews) interviews were made by `peersurvey simulate`, "
                    + "not by interviewing people.")
        }
        return notes
    }

    /// The interview metadata columns as variables of their own.
    private func metadataPart() -> Codebook.Part {
        let variables = layout.columns.compactMap { column -> CodebookVariable? in
            guard case .metadata = column.role else { return nil }
            return CodebookVariable(
                name: column.name, label: column.label, type: column.storage.isNumeric ? "number" : "text",
                export: .exported, wording: [], hint: [], interviewer: [],
                codes: column.valueLabels.map { .init(code: $0.code, name: nil, label: same($0.label), exclusive: false, asksToSpecify: false) },
                missingCodes: [], range: nil, rules: [], routing: Routing(conditions: []), calculation: nil, score: nil,
                columns: [Self.column(column)], frequencies: nil)
        }
        let title = instrument.languages.map { LanguageText(language: $0, text: "Interview metadata") }
        return Codebook.Part(id: "metadata", title: title, intro: [], condition: nil, variables: variables)
    }

    /// A text in every language of the instrument.
    func texts(_ text: LocalizedText?) -> [LanguageText] {
        guard let text else { return [] }
        return instrument.languages.map { LanguageText(language: $0, text: text.text(in: $0)) }
    }

    /// The same words in every language (labels the export makes itself).
    func same(_ text: String) -> [LanguageText] { [LanguageText(language: language, text: text)] }

    static func column(_ column: ExportColumn) -> CodebookVariable.Column {
        let storage: String
        switch column.storage {
        case .numeric(let decimals): storage = decimals == 0 ? "numeric" : "numeric, \(decimals) decimals"
        case .string(let width): storage = "string, up to \(width) bytes"
        }
        return CodebookVariable.Column(name: column.name, label: column.label, storage: storage)
    }
}
