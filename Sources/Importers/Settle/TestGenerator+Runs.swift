import Instrument
import Interview

/// The interviews the generator runs to find and confirm each case.
extension TestGenerator {
    /// An interview in progress: the engine, the answers given and the variables asked so far.
    struct Progress {
        var engine: InterviewEngine
        var given: [(id: String, value: String)] = []
        var asked = Set<String>()
    }

    /// Snapshots of the interview that answers nothing it need not, every few steps: a run whose
    /// answers all come after a snapshot starts there instead of at the first question, which
    /// makes the search linear in the distance between a condition and its inputs rather than in
    /// the length of the instrument.
    struct Baseline {
        var snapshots: [(position: Int, progress: Progress)] = []
        /// The last step that needs an answer (required), or -1.
        var lastRequiredStep = -1

        /// The latest snapshot taken before `step`.
        func start(before step: Int) -> Progress? {
            var low = 0, high = snapshots.count - 1, found: Progress?
            while low <= high {
                let middle = (low + high) / 2
                if snapshots[middle].position < step {
                    found = snapshots[middle].progress
                    low = middle + 1
                } else {
                    high = middle - 1
                }
            }
            return found
        }
    }

    /// Takes the baseline run of an instrument.
    static func baseline(_ fresh: InterviewEngine, today: Day) -> Baseline {
        var baseline = Baseline()
        for (index, step) in fresh.plan.steps.enumerated() where step.variable != nil {
            let question = fresh.instrument.sections[step.section].questions[step.question]
            if case .specify = step.kind { continue }
            if question.isAsked, !question.allow.contains(.refused) { baseline.lastRequiredStep = index }
        }
        var progress = Progress(engine: fresh)
        var steps = 0
        while let step = progress.engine.advance() {
            guard advance(&progress, step: step, assignment: [:], today: today) else { break }
            steps += 1
            if steps % 32 == 0, let position = progress.engine.position {
                baseline.snapshots.append((position, progress))
            }
        }
        return baseline
    }

    /// Answers one step as a run does: the assignment's value, a plain answer where one is
    /// required, no answer otherwise. Returns `false` when the engine refuses.
    static func advance(_ progress: inout Progress, step: Step, assignment: [Int: Value], today: Day) -> Bool {
        guard let variable = step.variable else { return true }
        let instrument = progress.engine.instrument
        let id = instrument.variables.all[variable].id
        progress.asked.insert(id)
        let value = assignment[variable]
        if value == nil, !progress.engine.allowed(at: step).contains(.refused) {
            for candidate in fillers(variable, instrument, today: today) {
                if case .accepted = progress.engine.answer(.value(candidate), confirmed: true) {
                    progress.given.append((id, written(candidate, variable, instrument)))
                    return true
                }
            }
            return false
        } else if let value {
            guard case .accepted = progress.engine.answer(.value(value), confirmed: true) else { return false }
            progress.given.append((id, written(value, variable, instrument)))
            return true
        }
        if case .accepted = progress.engine.answer(.refused, confirmed: true) { return true }
        return false
    }

    /// Runs one interview with an assignment, from the latest baseline snapshot before its first
    /// answer. Returns the answers given when `target` is asked (`open`) or skipped, as wanted;
    /// the run stops at the target unless a later question needs an answer.
    static func run(
        _ fresh: InterviewEngine, _ baseline: Baseline, assignment: [Int: Value], target: String, open: Bool,
        today: Day,
        budget: inout Int, whole: Bool = false
    ) -> [(id: String, value: String)]? {
        let instrument = fresh.instrument
        let targetIndex = instrument.variables.index(of: target)
        let targetStep = targetIndex.flatMap { fresh.plan.stepOfVariable[$0] } ?? Int.max
        let firstAnswer = assignment.keys.compactMap { fresh.plan.stepOfVariable[$0] }.min() ?? targetStep
        var progress = baseline.start(before: min(firstAnswer, targetStep)) ?? Progress(engine: fresh)
        let stopAtTarget = !whole && targetStep > baseline.lastRequiredStep
        while let step = progress.engine.advance() {
            budget -= 1
            if budget < 0 { return nil }
            if stopAtTarget, let position = progress.engine.position, position >= targetStep {
                return (step.variable == targetIndex) == open ? progress.given : nil
            }
            guard advance(&progress, step: step, assignment: assignment, today: today) else { return nil }
        }
        if stopAtTarget { return open ? nil : progress.given }
        if open != progress.asked.contains(target) { return nil }
        if !open, progress.engine.answer(of: target) != .notApplicable { return nil }
        for (index, _) in assignment where !progress.asked.contains(instrument.variables.all[index].id) { return nil }
        return progress.given
    }
}
