import Foundation
import Instrument
import Interview

/// One simulated respondent: answers each question the engine asks with a value that fits its
/// type, range and options (or a missing answer at the configured rates), retries when a check
/// refuses, and confirms or changes an answer that raises a warning.
struct Respondent {
    var generator: SeededGenerator
    let settings: SimulationSettings
    let today: Day
    /// Variables simulated people refuse: they have no names or addresses to seal.
    let identifying: Set<String>
    /// A fresh engine, copied for each interview (building the plan once, not per interview).
    let template: InterviewEngine

    init(instrument: Instrument, settings: SimulationSettings, today: Day) {
        generator = SeededGenerator(seed: settings.seed)
        self.settings = settings
        self.today = today
        identifying = instrument.identifyingVariables
        template = InterviewEngine(instrument: instrument, today: today)
    }

    /// What a respondent needs to know about the current step: its variable, kind, options and
    /// allowed missing answers, without piping texts (which `simulate` never shows).
    struct Ask {
        var id: String
        var question: String
        var input: AnswerInput
        var options: [Option]
        var allowed: [MissingKind]
    }

    static func ask(_ engine: InterviewEngine) -> Ask? {
        guard let step = engine.currentStep else { return nil }
        let question = engine.question(of: step)
        var input = question.kind.input ?? .readOut
        var options = input.options?.options ?? []
        var id = question.id
        switch step.kind {
        case .note: return Ask(id: id, question: id, input: .readOut, options: [], allowed: [])
        case .gridItem(let item):
            if case .grid(_, let items) = question.kind { id = items[item].id }
        case .specify(let code):
            id = Variable.specifyName(question: question.id, code: code)
            input = .text(length: 1...2000, long: false)
            options = []
        case .question: break
        }
        return Ask(id: id, question: question.id, input: input, options: options, allowed: engine.allowed(at: step))
    }

    /// Runs one interview through the engine.
    /// - Returns: The final answers and whether it broke off.
    mutating func interview(_ instrument: Instrument, coverage: inout Coverage) -> (InterviewEngine, Bool) {
        var engine = template
        let breaksOff = generator.chance(settings.breakOffRate)
        let stopAt = breaksOff ? Int.random(in: 0..<max(1, engine.plan.steps.count), using: &generator) : Int.max
        var asked = 0
        engine.advance()
        while let prompt = Self.ask(engine) {
            if asked >= stopAt {
                engine.breakOff()
                return (engine, true)
            }
            asked += 1
            if case .readOut = prompt.input {
                engine.advance()
                continue
            }
            coverage.reached.insert(prompt.id)
            if identifying.contains(prompt.id) {
                _ = engine.answer(.refused, confirmed: true)
            } else {
                answer(&engine, prompt, coverage: &coverage)
            }
            engine.advance()
        }
        return (engine, false)
    }

    private mutating func answer(_ engine: inout InterviewEngine, _ prompt: Ask, coverage: inout Coverage) {
        let questionID = prompt.question
        for _ in 0..<20 {
            let candidate = draw(prompt)
            let fired = engine.firingRules(with: candidate)
            for index in fired.checks { coverage.checksFired.insert("\(questionID)#\(index)") }
            for index in fired.warnings { coverage.warningsFired.insert("\(questionID)#\(index)") }
            switch engine.answer(candidate, confirmed: false) {
            case .rejected:
                continue
            case .needsConfirmation:
                guard generator.chance(settings.confirmWarningRate) else { continue }
                guard case .accepted(let safeguards) = engine.answer(candidate, confirmed: true) else { continue }
                record(candidate, prompt, safeguards, &coverage)
                return
            case .accepted(let safeguards):
                record(candidate, prompt, safeguards, &coverage)
                return
            }
        }
        // Nothing drawn passed the checks: give a missing answer the question allows.
        for missing in [Answer.refused, .dontKnow, .notApplicable] {
            if case .accepted(let safeguards) = engine.answer(missing, confirmed: true) {
                record(missing, prompt, safeguards, &coverage)
                return
            }
        }
    }

    private func record(_ answer: Answer, _ prompt: Ask, _ safeguards: [Safeguard], _ coverage: inout Coverage) {
        for safeguard in safeguards { coverage.safeguardsFired.insert(safeguard.id) }
        switch answer {
        case .value(.choice(let code)): coverage.chosen[prompt.id, default: []].insert(code)
        case .value(.set(let codes)): coverage.chosen[prompt.id, default: []].formUnion(codes)
        default: break
        }
    }

    /// A random answer for the prompt.
    private mutating func draw(_ prompt: Ask) -> Answer {
        if prompt.allowed.contains(.refused), generator.chance(settings.refusedRate) { return .refused }
        if prompt.allowed.contains(.dontKnow), generator.chance(settings.dontKnowRate) { return .dontKnow }
        switch prompt.input {
        case .oneOption:
            guard let option = prompt.options.randomElement(using: &generator) else { return .refused }
            return .value(.choice(option.code))
        case .options:
            let exclusive = prompt.options.filter(\.exclusive)
            if !exclusive.isEmpty, generator.chance(0.1) {
                return .value(.set([exclusive.randomElement(using: &generator)!.code]))
            }
            let ordinary = prompt.options.filter { !$0.exclusive }
            var codes = ordinary.filter { _ in generator.chance(0.35) }.map(\.code)
            if codes.isEmpty, let one = ordinary.randomElement(using: &generator) { codes = [one.code] }
            return .value(.set(codes.sorted()))
        case .wholeNumber(let range):
            let range = range ?? 0...100
            let low = Int(range.lowerBound.rounded(.up)), high = max(low, Int(min(range.upperBound, 1e9).rounded(.down)))
            return .value(.number(Double(Int.random(in: low...high, using: &generator))))
        case .number(let range, let decimals):
            let range = range ?? 0...100
            let scale = pow(10, Double(decimals ?? 2))
            let x = Double.random(in: range, using: &generator)
            return .value(.number(min(max((x * scale).rounded() / scale, range.lowerBound), range.upperBound)))
        case .text:
            return .value(.text("Simulated answer"))
        case .date(let from, let to):
            let low = from.map(resolve(today)) ?? Day(ordinal: today.ordinal - 3650)
            let high = to.map(resolve(today)) ?? today
            guard low <= high else { return .value(.date(low)) }
            return .value(.date(Day(ordinal: Int.random(in: low.ordinal...high.ordinal, using: &generator))))
        case .readOut:
            return .refused
        }
    }

    private func resolve(_ today: Day) -> (DateBound) -> Day {
        { bound in
            switch bound {
            case .day(let day): return day
            case .today: return today
            }
        }
    }
}
