public import Instrument

/// One interview as the interviewer runs it, independent of the screen: it drives the pure
/// ``InterviewEngine`` and writes every change to an ``InterviewLog`` at once, so that both the
/// full-screen and the line interviewer behave the same and a crash loses nothing confirmed.
public final class InterviewSession {
    /// The engine: routing, validation, calculations, piping.
    public internal(set) var engine: InterviewEngine
    /// Where answers and events go.
    public let log: any InterviewLog
    /// What has been written to the log, by variable, to save only changes.
    private var saved: [String: Answer] = [:]
    /// The identifying variables, by index: their answers are never shown back.
    private let identifying: Set<Int>
    /// The calculations over identifying answers, by index: saved (and so sealed) as soon as they
    /// change, in the sitting in which their inputs are typed, because a resumed sitting cannot
    /// read a sealed answer to compute them again.
    private let identifyingCalculations: [Int]

    /// Whether a variable (by index) is identifying.
    public func isIdentifying(_ variable: Int) -> Bool { identifying.contains(variable) }

    /// How an identifying answer that was given is shown (in English; ``words`` has it in the
    /// interview's language).
    public static let privateWords = InterviewerWords.english.givenPrivately

    /// The program's words in the interview's language.
    public var words: InterviewerWords { engine.words }

    /// Safeguards that fired and wait to be acknowledged, in the order they fired: the
    /// interviewer shows each until ``acknowledge(_:)``; after a suspension they are here again.
    public internal(set) var pendingSafeguards: [Safeguard] = []

    /// Whether this session continues an interview that stopped earlier.
    public internal(set) var isResumed = false

    /// Whether the interview has reached the review once: a question answered after that (one
    /// an amendment opened) returns to the review instead of walking on through later questions.
    public internal(set) var reviewReached = false

    /// Whether the log keeps what is given (false in a preview).
    public var keepsAnswers: Bool { log.keepsAnswers }

    /// The result of giving an answer.
    public enum Outcome: Equatable {
        /// Saved; show these safeguard scripts (each needs acknowledging) before going on.
        case accepted(safeguards: [Safeguard])
        /// A hard check refused it.
        case rejected([String])
        /// Soft warnings: confirm or change.
        case needsConfirmation([String])
    }

    /// A session on an engine.
    /// - Parameters:
    ///   - engine: A fresh engine, or one restored from the store.
    ///   - log: The study database's recorder, or ``PreviewLog``.
    ///   - saved: Answers already in the store (when resuming).
    public init(engine: InterviewEngine, log: any InterviewLog, saved: [String: Answer] = [:]) {
        self.engine = engine
        self.log = log
        self.saved = saved
        identifying = Set(engine.instrument.identifyingVariables.compactMap { engine.instrument.variables.index(of: $0) })
        identifyingCalculations = engine.instrument.variables.all.indices.filter {
            let variable = engine.instrument.variables.all[$0]
            return variable.identifying && variable.origin == .calculation
        }
    }

    /// The instrument.
    public var instrument: Instrument { engine.instrument }

    /// The current prompt, or `nil` at the end.
    public var prompt: Prompt? { engine.prompt }

    /// "Question 7 of about 24".
    public var progress: (current: Int, total: Int) { engine.progress }

    // MARK: - Consent

    /// The consent text and the statements, in the interview's language.
    public var consent: (text: String, statements: [String])? {
        instrument.consent.map { consent in
            (engine.pipe(consent.text), consent.statements.map { engine.pipe($0) })
        }
    }

    /// Every statement was agreed: the interview may begin.
    public func consentGiven() throws {
        try log.record(.consented)
    }

    /// A statement was not agreed: the interview ends with no answers.
    public func consentRefused() throws {
        try log.noConsent()
    }

    // MARK: - Asking

    /// Moves to the first question (after consent).
    @discardableResult
    public func start() -> Prompt? {
        if engine.position == nil, !engine.isFinished { engine.advance() }
        return engine.prompt
    }

    /// Gives an answer to the current question; when accepted, it is saved before this returns
    /// and the session moves to the next question.
    /// - Parameters:
    ///   - answer: The answer or missing status.
    ///   - confirmed: Whether the interviewer confirmed the soft warnings.
    public func submit(_ answer: Answer, confirmed: Bool = false) throws -> Outcome {
        let variable = engine.prompt?.id
        switch engine.answer(answer, confirmed: confirmed) {
        case .rejected(let messages): return .rejected(messages)
        case .needsConfirmation(let messages): return .needsConfirmation(messages)
        case .accepted(let safeguards):
            pendingSafeguards += safeguards
            try flush()
            if let variable, saved[variable] == nil {
                // An unchanged answer (Enter on the current value) produces no engine event.
                try write(answer, for: variable, reason: nil)
            }
            if reviewReached {
                // A question an amendment opened: back to the review, not on through every
                // later question.
                engine.returnToReview()
            } else {
                engine.advance()
            }
            try flush()
            return .accepted(safeguards: safeguards)
        }
    }

    /// Moves past a note.
    public func continuePastNote() throws {
        if let id = engine.prompt?.id { try log.record(.noteShown(id)) }
        engine.advance()
        try flush()
    }

    /// Goes back to the previous question asked.
    /// - Returns: Whether there was one.
    @discardableResult
    public func back() throws -> Bool {
        guard engine.goBack() != nil else { return false }
        try flush()
        return true
    }

    /// Logs that a safeguard's script was shown and acknowledged; it is no longer pending.
    public func acknowledge(_ safeguard: Safeguard) throws {
        try log.record(.safeguardShown(safeguard.id))
        pendingSafeguards.removeAll { $0.id == safeguard.id }
    }

    /// Saves an interviewer note about the current question.
    public func note(_ text: String) throws {
        let variable = engine.prompt?.step.variable.map { instrument.variables.all[$0].id }
        try log.note(text, about: variable)
    }

    // MARK: - Pause

    /// The distress pause began (logged without free text).
    public func pause() throws { try log.record(.paused) }

    /// The interview resumes after a pause.
    public func resume() throws { try log.record(.resumed) }

    /// Skips the rest of the current section (its unanswered questions become refused).
    public func skipSection() throws {
        if let prompt = engine.prompt { try log.record(.skippedSection(instrument.sections[prompt.step.section].id)) }
        _ = engine.skipRestOfSection()
        try flush()
    }

    // MARK: - The end

    /// An answer in plain words.
    /// An identifying answer is never shown again once given (it may be on a shared screen or in
    /// a captured transcript): it reads "given (kept private)", and a new one can be typed.
    public func describe(_ answer: Answer, variable: Int) -> String {
        switch answer {
        case .value(.sealed): return words.sealedAnswer
        case .value where identifying.contains(variable): return words.givenPrivately
        case .value(let value): return engine.describe(value, of: variable)
        case .refused: return words.missing(.refused)
        case .dontKnow: return words.missing(.dontKnow)
        case .notApplicable: return words.missing(.notApplicable)
        case .notReached: return words.missing(.notReached)
        case .notInVersion: return words.missing(.notInVersion)
        }
    }

    /// Changes an answer at the review, with the participant (logged as a member check).
    /// - Returns: The outcome; when accepted, ``questionsOpenedByAmendment`` lists questions the
    ///   change brought onto the route, to ask now.
    public func amend(_ id: String, to answer: Answer, confirmed: Bool = false) throws -> Outcome {
        switch engine.amend(id, to: answer, confirmed: confirmed) {
        case .rejected(let messages): return .rejected(messages)
        case .needsConfirmation(let messages): return .needsConfirmation(messages)
        case .accepted(let safeguards):
            pendingSafeguards += safeguards
            try flush()
            return .accepted(safeguards: safeguards)
        }
    }

    /// Which answer an interviewer's answer is for.
    public enum Target: Sendable, Hashable {
        /// The current question.
        case current
        /// An earlier answer, changed at the review with the participant (the member check).
        case review(String)
    }

    /// Gives an answer to the current question or, at the review, to an earlier one: the one
    /// path both interviewers take, so that checks, warnings and safeguards behave the same.
    /// - Parameters:
    ///   - answer: The answer or missing status.
    ///   - target: Which answer it is.
    ///   - confirmed: Whether the interviewer confirmed the soft warnings.
    /// - Returns: The outcome; when accepted, the answer is saved.
    public func give(_ answer: Answer, to target: Target, confirmed: Bool = false) throws -> Outcome {
        switch target {
        case .current: return try submit(answer, confirmed: confirmed)
        case .review(let id): return try amend(id, to: answer, confirmed: confirmed)
        }
    }

    /// Completes the interview: final statuses of every variable (not applicable, calculations,
    /// scores) are saved, then the interview is marked completed.
    public func complete() throws {
        try settle()
        try log.complete()
    }

    /// Suspends the interview to continue later (its answers are already saved).
    public func suspend() throws { try log.suspend() }

    /// Stops for good, keeping the answers; what was not reached is saved as not reached.
    public func stop(reason: StopReason) throws {
        engine.breakOff()
        try settle()
        try log.breakOff(reason: reason)
    }

    /// Stops and deletes the answers, at the participant's request.
    public func discard() throws { try log.discard() }

    // MARK: - Writing

    /// Writes the engine's pending events: answers first-given or changed, going back,
    /// safeguards (logged when acknowledged), skipped sections (logged by ``skipSection()``).
    private func flush() throws {
        for event in engine.takeEvents() {
            switch event {
            case .answered(let variable, let answer):
                try write(answer, for: variable, reason: nil)
            case .changed(let variable, _, let answer, let reason):
                try write(answer, for: variable, reason: reason)
            case .back(_, let to):
                try log.record(.back(to: to))
            case .safeguardFired(let id):
                try log.record(.safeguardFired(id))
            case .sectionSkipped:
                break
            }
        }
        for index in identifyingCalculations {
            guard let answer = engine.answers[index], answer.value != nil else { continue }
            try write(answer, for: instrument.variables.all[index].id, reason: nil)
        }
    }

    private func write(_ answer: Answer, for variable: String, reason: ChangeReason?) throws {
        guard saved[variable] != answer else { return }
        // A sealed answer's placeholder stands for the value already stored; it is never written.
        if case .value(.sealed) = answer { return }
        try log.save(answer, for: variable, reason: saved[variable] == nil ? nil : (reason ?? .amended))
        saved[variable] = answer
    }

    /// Saves every variable's final status that differs from what was saved.
    private func settle() throws {
        for (variable, answer) in engine.finalAnswers where saved[variable.id] != answer {
            try write(answer, for: variable.id, reason: .final)
        }
    }
}
