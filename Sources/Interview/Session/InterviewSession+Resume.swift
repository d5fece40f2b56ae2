public import Instrument

extension InterviewSession {
    /// A session that continues a stopped interview exactly where it stood: its saved answers
    /// restored in asking order, then the first question on the route without an answer (or the
    /// review, when every one has an answer).
    /// - Parameters:
    ///   - instrument: The instrument version the interview was started with.
    ///   - saved: What the log holds of the interview.
    ///   - log: The log that goes on recording it.
    ///   - language: The interview's language.
    ///   - today: The day the interview continues.
    /// - Returns: The session, and whether consent must be asked again (it was not given in full
    ///   before the interview stopped).
    public static func resuming(
        _ instrument: Instrument, saved: SavedInterview, log: any InterviewLog, language: String, today: Day
    ) -> (session: InterviewSession, askConsent: Bool) {
        var engine = InterviewEngine(instrument: instrument, language: language, today: today)
        var restored: [String: Answer] = [:]
        // In the instrument's order, so that the route and going back follow the questions as
        // they were asked, whatever order the log returns them in.
        for variable in instrument.variables.all {
            guard let entry = saved.answers[variable.id] else { continue }
            let answer: Answer
            switch entry {
            case .answer(let given): answer = given
            case .sealed: answer = .value(.sealed)
            }
            engine.restore(variable.id, answer)
            restored[variable.id] = answer
        }
        for id in saved.firedSafeguards { engine.restoreFiredSafeguard(id) }
        for id in saved.acknowledgedSafeguards { engine.restoreFiredSafeguard(id) }
        let next = engine.unansweredOnRoute.first
        if let next {
            engine.jump(to: next)
        } else {
            engine.jump(to: engine.plan.steps.count - 1)
        }
        let session = InterviewSession(engine: engine, log: log, saved: restored)
        session.isResumed = true
        // Safeguards that fired but were never acknowledged (the interview stopped while one was
        // on the screen) are shown again before anything else.
        session.pendingSafeguards = saved.firedSafeguards.filter { !saved.acknowledgedSafeguards.contains($0) }
            .compactMap { id in instrument.safeguards.first { $0.id == id } }
        // Answers after the first open question mean the interview had gone further (to the
        // review, where an amendment opened it): answering it returns there.
        if let next, let last = engine.plan.steps.indices.last(where: { index in
            engine.plan.steps[index].variable.map { engine.answers[$0] != nil && engine.answers[$0] != .notApplicable } ?? false
        }), last > next {
            session.reviewReached = true
        }
        return (session, !saved.consented)
    }
}
