public import Instrument

extension InterviewSession {
    /// One entry of the review: the question and the answer in plain words.
    public struct ReviewItem: Equatable, Sendable {
        /// The variable.
        public var id: String
        /// The question's wording (a grid item's own wording).
        public var question: String
        /// The answer in words, in full.
        public var answer: String
        /// For a grid item, the grid's shared wording, shown once above its items.
        public var group: String?

        /// An entry.
        public init(id: String, question: String, answer: String, group: String? = nil) {
            self.id = id
            self.question = question
            self.answer = answer
            self.group = group
        }
    }

    /// The answers given, in asking order, for the member check.
    public var review: [ReviewItem] {
        engine.plan.steps.indices.compactMap { index in
            let step = engine.plan.steps[index]
            guard let variable = step.variable, let answer = engine.answers[variable], answer != .notApplicable else {
                return nil
            }
            let prompt = engine.prompt(at: index)
            if let item = prompt.itemText {
                return ReviewItem(
                    id: prompt.id, question: item, answer: describe(answer, variable: variable), group: prompt.text)
            }
            return ReviewItem(id: prompt.id, question: prompt.text, answer: describe(answer, variable: variable))
        }
    }

    /// Questions on the route without an answer (after an amendment opened a branch), by step.
    public var questionsOpenedByAmendment: [Int] { engine.unansweredOnRoute }

    /// Asks a step that an amendment at the review opened; once it is answered the interview
    /// returns to the review (or to the next opened question).
    public func ask(step index: Int) {
        reviewReached = true
        engine.jump(to: index)
    }

    /// The number of questions answered so far (a missing answer given counts; routed past does
    /// not).
    public var answeredCount: Int {
        engine.plan.steps.reduce(0) { count, step in
            guard let variable = step.variable, let answer = engine.answers[variable], answer != .notApplicable else {
                return count
            }
            return count + 1
        }
    }
}
