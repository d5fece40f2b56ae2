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
        if let next = engine.unansweredOnRoute.first {
            engine.jump(to: next)
        } else {
            engine.jump(to: engine.plan.steps.count - 1)
        }
        return (InterviewSession(engine: engine, log: log, saved: restored), !saved.consented)
    }
}
