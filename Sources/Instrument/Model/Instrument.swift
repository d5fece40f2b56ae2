/// A survey instrument: everything an interview asks, in what order, of whom, and how its answers
/// are checked, scored and tested. Made by ``InstrumentLoader`` from a YAML file.
public struct Instrument: Sendable, Hashable {
    /// The stable id (`peer-support-experience`).
    public var id: String
    /// Raised whenever the questions change.
    public var version: Int
    /// Shown at the top of the interview and in codebooks.
    public var title: LocalizedText
    /// A paragraph for codebooks.
    public var description: LocalizedText?
    /// The languages every text is written in; the first is the default.
    public var languages: [String]
    /// What the participant agrees to first.
    public var consent: Consent?
    /// What the pause screen shows.
    public var support: LocalizedText?
    /// The missing codes in force.
    public var missing: MissingCodes
    /// Reusable option lists by name.
    public var optionSets: [String: OptionList]
    /// The questions, in order.
    public var sections: [Section]
    /// Scale scores.
    public var scores: [Score]
    /// Scripts for the interviewer.
    public var safeguards: [Safeguard]
    /// Executable examples.
    public var tests: [TestCase]
    /// Every variable, in asking order, with its type: built by the loader.
    public var variables: VariableTable

    /// The default language.
    public var defaultLanguage: String { languages.first ?? "en" }

    /// Every question in asking order, with its section's index.
    public var allQuestions: [(section: Int, question: Question)] {
        sections.enumerated().flatMap { index, section in section.questions.map { (index, $0) } }
    }

    /// The variables whose values identify a participant: those of `identifying: true`
    /// questions, their grid items and their "please say" follow-ups, and the calculations whose
    /// values carry the content of one (``Variable/identifying``). These are sealed in the study
    /// database and never exported.
    public var identifyingVariables: Set<String> {
        let questions = Set(allQuestions.filter { $0.question.identifying }.map { $0.question.id })
        return Set(variables.all.compactMap { variable -> String? in
            if variable.identifying { return variable.id }
            switch variable.origin {
            case .question: return questions.contains(variable.id) ? variable.id : nil
            case .gridItem(let grid): return questions.contains(grid) ? variable.id : nil
            case .specify(let question, _): return questions.contains(question) ? variable.id : nil
            case .calculation, .score: return nil
            }
        })
    }

    /// The lowest and highest value a numeric variable can take: its option codes, or the
    /// range of its question; `nil` when unbounded or not numeric. Used to reverse-score items.
    public func numericBounds(of id: String) -> ClosedRange<Double>? {
        guard let variable = variables[id] else { return nil }
        if case .choice(let list) = variable.type, let codes = list.codeBounds {
            return Double(codes.lowerBound)...Double(codes.upperBound)
        }
        // Only the variable's own section: scanning every question made `check` quadratic.
        guard sections.indices.contains(variable.section) else { return nil }
        for question in sections[variable.section].questions where question.id == id {
            switch question.kind {
            case .integer(let range?), .decimal(let range?, _): return range
            default: return nil
            }
        }
        return nil
    }

    /// Whether any question is identifying.
    public var hasIdentifyingQuestions: Bool {
        sections.contains { $0.questions.contains { $0.identifying } }
    }
}
