public import Instrument

extension InterviewEngine {
    /// Which of the current question's hard checks and soft warnings an answer would fire, by
    /// their index in `checks:` and `warn:`. `simulate` uses this for its coverage report.
    /// - Parameter answer: A candidate answer to the current step.
    public func firingRules(with answer: Answer) -> (checks: [Int], warnings: [Int]) {
        guard let position, let variable = plan.steps[position].variable else { return ([], []) }
        let step = plan.steps[position]
        guard case .question = step.kind else { return ([], []) }
        let question = question(of: step)
        func firing(_ rules: [Rule]) -> [Int] {
            rules.indices.filter { index in
                guard let bound = rules[index].condition.bound else { return false }
                return evaluator.isTrue(bound) { $0 == variable ? answer.value : self.answers[$0]?.value }
            }
        }
        return (firing(question.checks), firing(question.warnings))
    }
}
