import Analysis
import Instrument

extension CodebookBuilder {
    /// One instrument variable's entry.
    func entry(_ variable: Variable) -> CodebookVariable {
        let id = variable.id
        let question = lookup.question(of: id)
        let columns = layout.columns(of: id)
        let dropped = layout.dropped.first { $0.variableID == id }
        let export: CodebookVariable.Export
        switch dropped?.reason {
        case .identifying?: export = .sealed
        case .freeText?: export = .textOnRequest
        case nil: export = .exported
        }
        var codes: [CodebookVariable.Code] = []
        switch variable.type {
        case .choice(let list), .set(let list):
            codes = list.options.map { option in
                CodebookVariable.Code(
                    code: option.code, name: option.name, label: texts(option.label), exclusive: option.exclusive,
                    asksToSpecify: option.specify != nil)
            }
        default:
            // True/false calculations: the codes the layout gives them.
            let labels = columns.first?.valueLabels ?? []
            codes = labels.map { .init(code: $0.code, name: nil, label: same($0.label), exclusive: false, asksToSpecify: false) }
        }
        var missing: [CodebookVariable.Missing] = []
        for column in columns {
            for code in column.missingCodes where !missing.contains(where: { $0.code == code.code }) {
                missing.append(.init(kind: code.kind.key, code: code.code, label: code.label))
            }
        }
        missing.sort { $0.code > $1.code }
        var frequencies: CodebookFrequencies?
        if export != .sealed, let statistics, let result = statistics.variables.first(where: { $0.name == id }) {
            frequencies = CodebookFrequencies(result, minCell: statistics.suppression.minCell)
        }
        let ownQuestion = question.flatMap { $0.id == id || isGridItem(variable) ? $0 : nil }
        return CodebookVariable(
            name: id, label: lookup.wordingLabel(of: id, in: language), type: typeWords(variable, question: question),
            export: export,
            wording: lookup.wording(of: id).map { LanguageText(language: $0.language, text: $0.text) },
            hint: texts(ownQuestion?.hint), interviewer: texts(ownQuestion?.interviewer), codes: codes,
            missingCodes: missing, range: ownQuestion.flatMap(rangeWords), rules: ownQuestion.map(rules) ?? [],
            routing: Routing.of(id, lookup: lookup, words: words), calculation: calculation(question, id: id),
            score: scoreDefinition(id), columns: columns.map(Self.column), frequencies: frequencies)
    }

    /// A note: words read out or shown, with no answer and no column.
    func note(_ question: Question) -> CodebookVariable {
        var routing = Routing(conditions: [])
        if let section = instrument.sections.first(where: { $0.questions.contains { $0.id == question.id } }),
            let condition = section.askIf
        {
            routing.conditions.append(
                .init(
                    scope: .section, sectionTitle: section.title.text(in: language), words: words.describe(condition),
                    expression: condition.source))
        }
        if let condition = question.askIf {
            routing.conditions.append(.init(scope: .question, words: words.describe(condition), expression: condition.source))
        }
        return CodebookVariable(
            name: question.id, label: question.label?.text(in: language) ?? "Read out", type: "note (read out; no answer)",
            export: .readOut, wording: texts(question.text), hint: texts(question.hint),
            interviewer: texts(question.interviewer), codes: [], missingCodes: [], range: nil, rules: [],
            routing: routing, calculation: nil, score: nil, columns: [], frequencies: nil)
    }

    private func isGridItem(_ variable: Variable) -> Bool {
        if case .gridItem = variable.origin { return true }
        return false
    }

    private func calculation(_ question: Question?, id: String) -> String? {
        guard let question, question.id == id, case .calculate(let expression) = question.kind else { return nil }
        return expression.source
    }

    private func scoreDefinition(_ id: String) -> CodebookVariable.ScoreDefinition? {
        guard case .score(let score)? = lookup.source(of: id) else { return nil }
        return .init(items: score.items, method: score.method.rawValue, reversed: score.reverse, minAnswered: score.minAnswered)
    }

    private func rules(_ question: Question) -> [CodebookVariable.Rule] {
        let all = question.checks.map { ("check", $0) } + question.warnings.map { ("warning", $0) }
        return all.map { severity, rule in
            CodebookVariable.Rule(
                severity: severity, condition: words.describe(rule.condition), expression: rule.condition.source,
                message: texts(rule.message))
        }
    }

    /// The type in words.
    func typeWords(_ variable: Variable, question: Question?) -> String {
        switch variable.origin {
        case .gridItem(let grid): return "single choice (an item of the grid \(grid))"
        case .specify(let owner, let code): return "text (\"please say\" after option \(code) of \(owner))"
        case .score:
            guard case .score(let score)? = lookup.source(of: variable.id) else { return "score" }
            return "score (the \(score.method.rawValue) of \(score.items.count) items)"
        case .calculation:
            return "calculation (\(Self.valueWords(variable.type)))"
        case .question:
            switch question?.kind {
            case .single?: return "single choice"
            case .multiple?: return "multiple choice (one 0/1 column per option)"
            case .integer?: return "whole number"
            case .decimal(_, let decimals)?:
                return decimals.map { "number (up to \($0) decimal place\($0 == 1 ? "" : "s"))" } ?? "number"
            case .text(_, let long)?: return long ? "long text" : "text"
            case .date?: return "date"
            default: return Self.valueWords(variable.type)
            }
        }
    }

    static func valueWords(_ type: ValueType) -> String {
        switch type {
        case .number(let integer): return integer ? "whole number" : "number"
        case .text: return "text"
        case .date: return "date"
        case .boolean: return "true or false, coded 1 and 0"
        case .choice: return "single choice"
        case .set: return "multiple choice"
        }
    }

    /// The allowed range or length in words.
    func rangeWords(_ question: Question) -> String? {
        func number(_ value: Double) -> String { PlainWords.number(value) }
        switch question.kind {
        case .integer(let range?), .decimal(let range?, _):
            return "\(number(range.lowerBound)) to \(number(range.upperBound))"
        case .text(let length, _):
            if length.lowerBound <= 0 { return "at most \(length.upperBound) characters" }
            return "\(length.lowerBound) to \(length.upperBound) characters"
        case .date(let from, let to):
            func words(_ bound: DateBound) -> String {
                switch bound {
                case .day(let day): return day.description
                case .today: return "the date of the interview"
                }
            }
            switch (from, to) {
            case (let from?, let to?): return "from \(words(from)) to \(words(to))"
            case (let from?, nil): return "from \(words(from))"
            case (nil, let to?): return "up to \(words(to))"
            case (nil, nil): return nil
            }
        default:
            return nil
        }
    }
}
