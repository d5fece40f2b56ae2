public import Instrument

/// One screen of an interview in asking order: a question, one grid item, a follow-up "please
/// say" text, or a note.
public struct Step: Sendable, Hashable {
    /// What the step shows.
    public enum Kind: Sendable, Hashable {
        /// A question with an answer of its own.
        case question
        /// A note: read out, no answer.
        case note
        /// The grid item at this index of the question's items.
        case gridItem(Int)
        /// The "please say" text for the option with this code.
        case specify(code: Int)
    }

    /// The section's index.
    public var section: Int
    /// The question's index in its section.
    public var question: Int
    /// What the step shows.
    public var kind: Kind
    /// The variable the step answers (its index in the instrument's variable table); `nil` for notes.
    public var variable: Int?
}

/// The asking order of an instrument, worked out once.
public struct StepPlan: Sendable {
    /// Every step in asking order.
    public let steps: [Step]
    /// The step that asks each variable, by variable index.
    public let stepOfVariable: [Int: Int]

    /// Builds the plan.
    /// - Parameter instrument: A checked instrument.
    public init(_ instrument: Instrument) {
        var steps: [Step] = []
        let variables = instrument.variables
        for (s, section) in instrument.sections.enumerated() {
            for (q, question) in section.questions.enumerated() {
                switch question.kind {
                case .calculate:
                    continue
                case .note:
                    steps.append(Step(section: s, question: q, kind: .note, variable: nil))
                case .grid(_, let items):
                    for (i, item) in items.enumerated() {
                        steps.append(Step(section: s, question: q, kind: .gridItem(i), variable: variables.index(of: item.id)))
                    }
                default:
                    steps.append(Step(section: s, question: q, kind: .question, variable: variables.index(of: question.id)))
                    for option in question.kind.options?.options ?? [] where option.specify != nil {
                        steps.append(Step(
                            section: s, question: q, kind: .specify(code: option.code),
                            variable: variables.index(of: Variable.specifyName(question: question.id, code: option.code))))
                    }
                }
            }
        }
        self.steps = steps
        var map: [Int: Int] = [:]
        for (index, step) in steps.enumerated() { if let v = step.variable { map[v] = index } }
        stepOfVariable = map
    }
}
