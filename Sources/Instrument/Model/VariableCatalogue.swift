/// Every variable of an instrument, found once by name: its definition (the question, grid item,
/// option or score that defines it), its type, its labels, its wording and its section. The one
/// lookup that the analysis, the exports and the codebooks use for what a variable is called and
/// where it comes from.
public struct VariableCatalogue: Sendable {
    /// Where a variable is written in the instrument.
    public enum Source: Sendable {
        /// An asked question or a calculation.
        case question(Question, section: Int)
        /// One item of a grid question.
        case gridItem(GridItem, grid: Question, section: Int)
        /// The "please say" text of an option of a choice question.
        case specify(Option, question: Question, section: Int)
        /// A scale score.
        case score(Score)
    }

    /// The instrument.
    public let instrument: Instrument
    private let sources: [String: Source]

    /// Indexes an instrument.
    /// - Parameter instrument: The instrument.
    public init(_ instrument: Instrument) {
        self.instrument = instrument
        var sources: [String: Source] = [:]
        var specifyVariables: [String: [Int: String]] = [:]
        for variable in instrument.variables.all {
            if case .specify(let owner, let code) = variable.origin { specifyVariables[owner, default: [:]][code] = variable.id }
        }
        for (section, question) in instrument.allQuestions {
            switch question.kind {
            case .grid(_, let items):
                for item in items { sources[item.id] = .gridItem(item, grid: question, section: section) }
            case .note:
                break
            case .single, .multiple, .integer, .decimal, .text, .date, .calculate:
                sources[question.id] = .question(question, section: section)
            }
            for option in question.kind.options?.options ?? [] {
                if let id = specifyVariables[question.id]?[option.code] {
                    sources[id] = .specify(option, question: question, section: section)
                }
            }
        }
        for score in instrument.scores { sources[score.id] = .score(score) }
        self.sources = sources
    }

    /// Where a variable is written.
    /// - Parameter id: The variable's name.
    /// - Returns: Its source, if the instrument defines it.
    public func source(of id: String) -> Source? { sources[id] }

    /// The variable with a name: its origin, type and section.
    /// - Parameter id: The variable's name.
    /// - Returns: The variable, if the instrument has it.
    public func variable(_ id: String) -> Variable? { instrument.variables[id] }

    /// The missing answers a participant may give to a variable (a grid item and a "please say"
    /// text follow their question; calculations and scores take none).
    /// - Parameter id: The variable's name.
    /// - Returns: The missing kinds allowed.
    public func allowedMissing(_ id: String) -> [MissingKind] {
        switch sources[id] {
        case .question(let question, _)?, .gridItem(_, let question, _)?, .specify(_, let question, _)?:
            return question.allow
        case .score?, nil:
            return []
        }
    }

    /// The question that asks a variable (for a grid item, the grid; for a "please say" text, the
    /// choice question).
    /// - Parameter id: The variable's name.
    /// - Returns: The question, or `nil` for scores and unknown names.
    public func question(of id: String) -> Question? {
        switch sources[id] {
        case .question(let question, _)?, .gridItem(_, let question, _)?, .specify(_, let question, _)?:
            return question
        case .score?, nil: return nil
        }
    }

    /// The variable's label in datasets (the analysis, SPSS, Stata, R): its `label`, or failing
    /// that its wording; a "please say" text is named by its question and option
    /// (`Services used: Something else, in their words`).
    /// - Parameters:
    ///   - id: The variable's name.
    ///   - language: A language code.
    /// - Returns: The label, or the name itself when the instrument does not define it.
    public func label(of id: String, in language: String) -> String {
        switch sources[id] {
        case .specify(let option, let question, _)?:
            let base = (question.label ?? question.text)?.text(in: language) ?? question.id
            return "\(base): \(option.label.text(in: language)), in their words"
        case .question, .gridItem, .score, nil:
            return wordingLabel(of: id, in: language)
        }
    }

    /// The variable's short label as a codebook lists it: its `label`, or failing that its
    /// wording; for a "please say" text, the follow-up's wording.
    /// - Parameters:
    ///   - id: The variable's name.
    ///   - language: A language code.
    /// - Returns: The label, or the name itself when there is nothing better.
    public func wordingLabel(of id: String, in language: String) -> String {
        switch sources[id] {
        case .question(let question, _)?:
            return (question.label ?? question.text)?.text(in: language) ?? id
        case .gridItem(let item, _, _)?:
            return (item.label ?? item.text).text(in: language)
        case .specify(let option, _, _)?:
            return option.specify?.text(in: language) ?? option.label.text(in: language)
        case .score(let score)?:
            return score.label?.text(in: language) ?? id
        case nil:
            return id
        }
    }

    /// The wording read aloud in every language of the instrument, in the instrument's order.
    /// - Parameter id: The variable's name.
    /// - Returns: Pairs of language and text; empty for calculations and scores.
    public func wording(of id: String) -> [(language: String, text: String)] {
        let text: LocalizedText?
        switch sources[id] {
        case .question(let question, _)?: text = question.text
        case .gridItem(let item, let grid, _)?:
            // A grid item is read after the grid's stem.
            return instrument.languages.map { language in
                let stem = grid.text?.text(in: language)
                let item = item.text.text(in: language)
                return (language, stem.map { "\($0) \(item)" } ?? item)
            }
        case .specify(let option, _, _)?: text = option.specify
        case .score?, nil: text = nil
        }
        guard let text else { return [] }
        return instrument.languages.map { ($0, text.text(in: $0)) }
    }

    /// The section a variable belongs to, if it is asked.
    /// - Parameter id: The variable's name.
    /// - Returns: The section.
    public func section(of id: String) -> Section? {
        switch sources[id] {
        case .question(_, let index)?, .gridItem(_, _, let index)?, .specify(_, _, let index)?:
            return instrument.sections[index]
        case .score?, nil: return nil
        }
    }
}
