import Instrument
import Interview
import Testing

/// Routing: `ask_if` decides what is asked; answers routed past are "not applicable", also after
/// going back and changing an earlier answer.
struct RoutingTests {
    static let smoking = """
        instrument: smoking
        version: 1
        title: Smoking
        consent:
          text: We would like to ask about smoking.
          statements: [I agree to take part.]
        support:
          text: Samaritans are free on 116 123.
        sections:
          - id: main
            title: Smoking
            questions:
              - id: smokes
                type: single
                text: Do you smoke?
                options:
                  - {code: 1, name: "yes", label: "Yes"}
                  - {code: 2, name: "no", label: "No"}
              - id: per_day
                type: integer
                ask_if: smokes == yes
                text: How many a day?
                range: [1, 100]
              - id: tried_stopping
                type: single
                ask_if: per_day >= 10
                text: Have you tried to stop?
                options:
                  - {code: 1, name: "yes", label: "Yes"}
                  - {code: 2, name: "no", label: "No"}
              - id: mood
                type: integer
                text: From 0 to 10, how are you today?
                range: [0, 10]
        """

    @Test func theOtherAnswerAsksIt() throws {
        var engine = InterviewEngine(instrument: try inline(Self.smoking), today: testDay)
        engine.advance()
        _ = engine.answer(engine.option("smokes", "yes"))
        engine.advance()
        #expect(engine.currentID == "per_day")
        _ = engine.answer(number(4))
        engine.advance()
        // Fewer than 10 a day: the question about stopping is passed by.
        #expect(engine.currentID == "mood")
        #expect(engine.answer(of: "tried_stopping") == .notApplicable)
    }

    @Test func goingBackAndChangingAnAnswerMakesOffRouteAnswersNotApplicable() throws {
        var engine = InterviewEngine(instrument: try inline(Self.smoking), today: testDay)
        engine.advance(
            to: "mood",
            answering: [
                "smokes": engine.option("smokes", "yes"), "per_day": number(20),
                "tried_stopping": engine.option("tried_stopping", "no"),
            ])
        #expect(engine.answer(of: "per_day") == number(20))
        _ = engine.takeEvents()

        #expect(engine.goBack().flatMap { $0.variable } != nil)
        #expect(engine.currentID == "tried_stopping")
        engine.goBack()
        engine.goBack()
        #expect(engine.currentID == "smokes")
        // The earlier answer is shown when going back.
        #expect(engine.prompt?.current == engine.option("smokes", "yes"))
        #expect(engine.answer(engine.option("smokes", "no")) == .accepted(safeguards: []))
        engine.advance()

        #expect(engine.currentID == "mood")
        #expect(engine.answer(of: "per_day") == .notApplicable)
        #expect(engine.answer(of: "tried_stopping") == .notApplicable)
        let events = engine.takeEvents()
        #expect(
            events.contains(.changed(variable: "per_day", from: number(20), to: .notApplicable, reason: .routeChanged)))
        #expect(
            events.contains(
                .changed(
                    variable: "tried_stopping", from: engine.option("tried_stopping", "no"), to: .notApplicable,
                    reason: .routeChanged)))
    }

    @Test func amendingAtTheReviewReroutesImmediately() throws {
        var engine = InterviewEngine(instrument: try inline(Self.smoking), today: testDay)
        engine.finish(answering: [
            "smokes": engine.option("smokes", "yes"), "per_day": number(20),
            "tried_stopping": engine.option("tried_stopping", "yes"), "mood": number(7),
        ])
        #expect(engine.isFinished)
        #expect(engine.amend("per_day", to: number(5)) == .accepted(safeguards: []))
        #expect(engine.answer(of: "tried_stopping") == .notApplicable)
        #expect(engine.answer(of: "mood") == number(7))

        // Opening the branch again leaves the question for the interviewer to ask.
        #expect(engine.amend("per_day", to: number(30)) == .accepted(safeguards: []))
        let reopened = engine.unansweredOnRoute.compactMap { engine.plan.steps[$0].variable }
            .map { engine.instrument.variables.all[$0].id }
        #expect(reopened == ["tried_stopping"])
    }

    @Test func aRefusedAnswerRoutesLikeAFalseCondition() throws {
        // docs/expressions.md: a comparison with a missing value is false.
        var engine = InterviewEngine(instrument: try inline(Self.smoking), today: testDay)
        engine.advance()
        _ = engine.answer(.refused)
        engine.advance()
        #expect(engine.currentID == "mood")
        #expect(engine.answer(of: "smokes") == .refused)
        #expect(engine.answer(of: "per_day") == .notApplicable)
    }

    @Test func aSkippedSectionMakesAllItsQuestionsNotApplicable() throws {
        let instrument = try bundled("recovery-college-outcomes")
        var engine = InterviewEngine(instrument: instrument, today: testDay)
        engine.advance(to: "ha_future", answering: ["courses": engine.option("courses", "none")])
        // `course_experience` is asked only of students who went to a course.
        for id in ["ce_welcome", "ce_hard", "overall_rating", "best_part", "sessions", "finished_course"] {
            #expect(engine.answer(of: id) == .notApplicable, "\(id)")
        }
        #expect(engine.answer(of: "why_none") == .refused)
    }
}
