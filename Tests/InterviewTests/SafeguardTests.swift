import Instrument
import Interview
import Testing

/// Safeguards fire after the answer that makes their condition true, once per interview, and are
/// logged. Uses the bundled recovery college survey (PHQ-9 item 9 and a severe PHQ-9 total) and
/// the warmline follow-up.
struct SafeguardTests {
    private func fired(_ outcome: AnswerOutcome) -> [String]? {
        if case .accepted(let safeguards) = outcome { return safeguards.map(\.id) }
        return nil
    }

    @Test func itemNineFiresOnAnyAnswerButNotAtAll() throws {
        var engine = InterviewEngine(instrument: try bundled("recovery-college-outcomes"), today: testDay)
        engine.advance(to: "phq9")
        _ = engine.takeEvents()
        #expect(fired(engine.answer(engine.option("phq9", "several_days"))) == ["phq9_item9"])
        #expect(engine.takeEvents().contains(.safeguardFired(id: "phq9_item9")))
    }

    @Test func itFiresWhenAnEarlierAnswerIsChanged() throws {
        var engine = InterviewEngine(instrument: try bundled("recovery-college-outcomes"), today: testDay)
        engine.advance(to: "phq9")
        #expect(fired(engine.answer(engine.option("phq9", "not_at_all"))) == [])
        engine.advance()
        engine.goBack()
        #expect(engine.currentID == "phq9")
        #expect(fired(engine.answer(engine.option("phq9", "nearly_every_day"))) == ["phq9_item9"])
        // Once fired, it does not fire again in the same interview.
        #expect(fired(engine.answer(engine.option("phq9", "several_days"))) == [])
    }

    /// `phq_severe` (`phq_total >= 20`, `after: phq_total`) waits for the whole PHQ-9: the
    /// total exists from 7 answered items (prorated, 21 / 7 * 9 = 27 after seven answers of 3),
    /// and it used to fire after item 7, before item 9 (self-harm) was asked.
    @Test func aSafeguardOnAScoreWaitsForTheLastItem() throws {
        var engine = InterviewEngine(instrument: try bundled("recovery-college-outcomes"), today: testDay)
        engine.advance(to: "phq1")
        for item in (1...8).map({ "phq\($0)" }) {
            #expect(engine.currentID == item)
            #expect(fired(engine.answer(engine.option(item, "nearly_every_day"))) == [], "\(item)")
            engine.advance()
        }
        #expect(numberValue(engine, "phq_total") == 27)
        #expect(fired(engine.answer(engine.option("phq9", "nearly_every_day"))) == ["phq9_item9", "phq_severe"])
    }

    /// A refused last item still ends the wait: `after:` waits for an answer or a missing status.
    @Test func aRefusedLastItemEndsTheWait() throws {
        var engine = InterviewEngine(instrument: try bundled("recovery-college-outcomes"), today: testDay)
        engine.advance(to: "phq1")
        for item in (1...8).map({ "phq\($0)" }) {
            _ = engine.answer(engine.option(item, "nearly_every_day"))
            engine.advance()
        }
        #expect(fired(engine.answer(.refused)) == ["phq_severe"])
    }

    @Test func lowTotalsDoNotFire() throws {
        var engine = InterviewEngine(instrument: try bundled("recovery-college-outcomes"), today: testDay)
        var answers: [String: Answer] = [:]
        for item in (1...9).map({ "phq\($0)" }) { answers[item] = engine.option(item, "several_days") }
        answers["phq9"] = engine.option("phq9", "not_at_all")
        engine.finish(answering: answers)
        #expect(numberValue(engine, "phq_total") == 8)
        #expect(engine.firedSafeguards.isEmpty)
    }

    @Test func notFeelingSafeFiresItsScript() throws {
        let instrument = try bundled("warmline-follow-up")
        var engine = InterviewEngine(instrument: instrument, today: testDay)
        engine.advance(to: "safe_now")
        guard case .accepted(let safeguards) = engine.answer(engine.option("safe_now", "no")) else {
            Issue.record("the answer was not accepted")
            return
        }
        #expect(safeguards.map(\.id) == ["not_safe"])
        #expect(safeguards.first?.script.text(in: "en").hasPrefix("Stay calm and stay on the line.") == true)
    }
}
