public import Instrument

/// What the interviewer shows at a step, with answers piped into the words.
public struct Prompt: Sendable, Hashable {
    /// The step.
    public var step: Step
    /// The variable's id (the grid item's for a grid), or the note's id.
    public var id: String
    /// The section's title.
    public var sectionTitle: String
    /// The wording (for a grid item: the grid's wording, then the item's).
    public var text: String
    /// The grid item's wording, when the step is a grid item.
    public var itemText: String?
    /// Extra words for the participant.
    public var hint: String?
    /// An instruction only the interviewer sees.
    public var interviewer: String?
    /// The options, with labels in the interview's language.
    public var options: [(code: Int, label: String, exclusive: Bool)]
    /// How the answer is taken.
    public var input: AnswerInput
    /// The missing answers the participant may give.
    public var allowed: [MissingKind]
    /// The answer already given (after going back), or the default.
    public var current: Answer?
    /// The section's introduction, on the first step of a section the interview reaches (read
    /// out before the question).
    public var sectionIntro: String?

    /// Compares by step and current answer.
    public static func == (lhs: Prompt, rhs: Prompt) -> Bool { lhs.step == rhs.step && lhs.current == rhs.current && lhs.text == rhs.text }

    /// Hashes the step.
    public func hash(into hasher: inout Hasher) { hasher.combine(step) }
}

extension InterviewEngine {
    /// The prompt for the current step, or `nil` when there is none.
    public var prompt: Prompt? { position.map { prompt(at: $0) } }

    /// The prompt for a step.
    public func prompt(at index: Int) -> Prompt {
        let step = plan.steps[index]
        let section = instrument.sections[step.section]
        let question = question(of: step)
        var text = question.text.map { pipe($0) } ?? ""
        var itemText: String?
        var id = question.id
        var options: [(code: Int, label: String, exclusive: Bool)] = []
        var input = question.kind.input ?? .readOut
        switch step.kind {
        case .gridItem(let item):
            if case .grid(_, let items) = question.kind {
                itemText = pipe(items[item].text)
                id = items[item].id
            }
        case .specify(let code):
            let option = question.kind.options?.option(code: code)
            text = option?.specify.map { pipe($0) } ?? ""
            id = Variable.specifyName(question: question.id, code: code)
            input = .text(length: 1...2000, long: false)
            // A follow-up has its own instruction (the interviewers add it); the parent's
            // ("Do not read the list", "Read the options aloud") does not apply to it.
            return Prompt(
                step: step, id: id, sectionTitle: pipe(section.title), text: text, itemText: nil, hint: nil,
                interviewer: nil, options: [], input: input, allowed: allowed(at: step),
                current: step.variable.flatMap { answers[$0] }.flatMap { $0 == .notApplicable ? nil : $0 },
                sectionIntro: nil)
        default:
            break
        }
        if case .specify = step.kind {} else {
            options = (question.kind.options?.options ?? []).map { ($0.code, pipe($0.label), $0.exclusive) }
        }
        var current = step.variable.flatMap { answers[$0] }
        if current == .notApplicable { current = nil }
        if current == nil, case .question = step.kind, let defaultAnswer = question.defaultAnswer {
            switch defaultAnswer {
            case .value(let value): current = .value(value)
            case .today: current = .value(.date(evaluator.today))
            }
        }
        return Prompt(
            step: step, id: id, sectionTitle: pipe(section.title), text: text, itemText: itemText,
            hint: question.hint.map { pipe($0) }, interviewer: question.interviewer.map { pipe($0) },
            options: options, input: input, allowed: allowed(at: step), current: current,
            sectionIntro: section.intro.flatMap { startsSection(index) ? pipe($0) : nil })
    }

    /// Whether a step is the first of its section on the route (so the section's introduction
    /// is read before it).
    func startsSection(_ index: Int) -> Bool {
        let section = plan.steps[index].section
        var earlier = index - 1
        while earlier >= 0, plan.steps[earlier].section == section {
            if isOnRoute(earlier) { return false }
            earlier -= 1
        }
        return true
    }

    /// The program's words in the interview's language.
    public var words: InterviewerWords { InterviewerWords.forLanguage(language) }

    /// A text in the interview's language with `{variable}` replaced by answers (`...` when none).
    public func pipe(_ text: LocalizedText, overriding: (Int, Answer)? = nil) -> String {
        let words = text.text(in: language)
        guard words.contains("{") || words.contains("}") else { return words }
        var out = ""
        let s = Array(words.unicodeScalars)
        var i = 0
        while i < s.count {
            if s[i] == "{", i + 1 < s.count, s[i + 1] == "{" {
                out.unicodeScalars.append("{")
                i += 2
            } else if s[i] == "}", i + 1 < s.count, s[i + 1] == "}" {
                out.unicodeScalars.append("}")
                i += 2
            } else if s[i] == "{", let close = s[(i + 1)...].firstIndex(of: "}") {
                let name = String(String.UnicodeScalarView(s[(i + 1)..<close]))
                if let index = instrument.variables.index(of: name) {
                    let answer = overriding?.0 == index ? overriding?.1 : answers[index]
                    out += answer?.value.map { describe($0, of: index) } ?? "..."
                } else {
                    out += "..."
                }
                i = close + 1
            } else {
                out.unicodeScalars.append(s[i])
                i += 1
            }
        }
        return out
    }

    /// A value in words: an option's label, labels joined, a number or date as written.
    public func describe(_ value: Value, of variable: Int) -> String {
        let type = instrument.variables.all[variable].type
        switch (value, type) {
        case (.choice(let code), .choice(let list)):
            return list.option(code: code)?.label.text(in: language) ?? String(code)
        case (.set(let codes), .set(let list)):
            let labels = codes.map { code in list.option(code: code)?.label.text(in: language) ?? String(code) }
            return words.joinList(labels)
        case (.boolean(let b), _):
            return words.yesNo(b)
        case (.sealed, _):
            return words.sealedAnswer
        default:
            return Self.plain(value)
        }
    }

    /// A value without labels.
    public static func plain(_ value: Value) -> String {
        switch value {
        case .number(let x): return x.formattedNumber
        case .text(let text): return text
        case .date(let day): return day.description
        case .boolean(let b): return b ? "yes" : "no"
        case .choice(let code): return String(code)
        case .set(let codes): return codes.map(String.init).joined(separator: ", ")
        case .sealed: return Self.sealedWords
        }
    }

    /// How a sealed answer is shown: never as text that could be edited into an answer.
    public static let sealedWords = InterviewerWords.english.sealedAnswer
}
