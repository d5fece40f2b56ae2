package import Instrument

/// What a codebook needs to know about each variable of an instrument, found once: the question,
/// grid item, option or score that defines it, and its short label.
package struct InstrumentLookup: Sendable {
    /// Where a variable is written in the instrument.
    package enum Source: Sendable {
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
    package let instrument: Instrument
    private let sources: [String: Source]

    /// Indexes an instrument.
    /// - Parameter instrument: The instrument.
    package init(_ instrument: Instrument) {
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
            default:
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
    package func source(of id: String) -> Source? { sources[id] }

    /// The question that asks a variable (for a grid item, the grid; for a "please say" text, the
    /// choice question).
    /// - Parameter id: The variable's name.
    /// - Returns: The question, or `nil` for scores and unknown names.
    package func question(of id: String) -> Question? {
        switch sources[id] {
        case .question(let question, _)?, .gridItem(_, let question, _)?, .specify(_, let question, _)?:
            return question
        default: return nil
        }
    }

    /// The variable's short label in a language: its `label`, or failing that its wording.
    /// - Parameters:
    ///   - id: The variable's name.
    ///   - language: A language code.
    /// - Returns: The label, or the name itself when there is nothing better.
    package func label(of id: String, in language: String) -> String {
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
    package func wording(of id: String) -> [(language: String, text: String)] {
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
        default: text = nil
        }
        guard let text else { return [] }
        return instrument.languages.map { ($0, text.text(in: $0)) }
    }

    /// The section a variable belongs to, if it is asked.
    /// - Parameter id: The variable's name.
    /// - Returns: The section.
    package func section(of id: String) -> Section? {
        switch sources[id] {
        case .question(_, let index)?, .gridItem(_, _, let index)?, .specify(_, _, let index)?:
            return instrument.sections[index]
        default: return nil
        }
    }
}
