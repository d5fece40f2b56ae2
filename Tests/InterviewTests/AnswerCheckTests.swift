import Instrument
import Interview
import Testing

/// What the engine accepts at a question: ranges, hard checks (rejected), soft warnings
/// (confirmed), exclusive options and the missing answers a question allows. Uses the bundled
/// warmline follow-up, whose checks are written in its YAML.
struct AnswerCheckTests {
    private func engine(at id: String, answering answers: [String: Answer] = [:]) throws -> InterviewEngine {
        var engine = InterviewEngine(instrument: try bundled("warmline-follow-up"), today: testDay)
        engine.advance(to: id, answering: answers)
        return engine
    }

    private func day(_ text: String) -> Answer { .value(.date(Day(iso: text)!)) }

    @Test func aHardCheckRejectsTheAnswerWithItsMessageAndAnswersPipedIn() throws {
        var engine = try engine(at: "calls_week", answering: ["calls_3m": number(3)])
        let outcome = engine.answer(number(5), confirmed: true)
        #expect(
            outcome
                == .rejected([
                    "This cannot be more than the 3 calls in the last 3 months. Please check both numbers."
                ]))
        #expect(engine.answer(of: "calls_week") == nil, "a rejected answer must not be recorded")
        #expect(engine.currentID == "calls_week")
        #expect(engine.answer(number(3)) == .accepted(safeguards: []))
        #expect(engine.answer(of: "calls_week") == number(3))
    }

    @Test func aWarningNeedsConfirmation() throws {
        var engine = try engine(at: "calls_3m")
        let message = "That is more than twice a day. Please check the number with them."
        #expect(engine.answer(number(200)) == .needsConfirmation([message]))
        #expect(engine.answer(of: "calls_3m") == nil)
        #expect(engine.answer(number(200), confirmed: true) == .accepted(safeguards: []))
        #expect(engine.answer(of: "calls_3m") == number(200))
    }

    @Test func anAnswerBelowTheWarningIsAcceptedAtOnce() throws {
        var engine = try engine(at: "calls_3m")
        #expect(engine.answer(number(180)) == .accepted(safeguards: []))
    }

    @Test func aNumberOutsideTheRangeIsRejected() throws {
        var engine = try engine(at: "calls_3m")
        #expect(engine.answer(number(0)) == .rejected(["Please give a number from 1 to 500."]))
        #expect(engine.answer(number(2.5)) == .rejected(["Please give a whole number."]))
    }

    @Test func tooManyDecimalsAreRejected() throws {
        var engine = try engine(at: "sleep_hours")
        #expect(engine.answer(number(6.25)) == .rejected(["Please give at most 1 digit after the point."]))
        #expect(engine.answer(number(6.5)) == .accepted(safeguards: []))
    }

    @Test func aDateOutsideItsRangeOrItsCheckIsRejected() throws {
        var engine = try engine(at: "call_date", answering: ["interview_date": day("2026-03-15")])
        // `range: [2024-01-01, today]`, and today is 2026-03-15.
        #expect(engine.answer(day("2023-12-31")) == .rejected(["Please give a date on or after 2024-01-01."]))
        #expect(engine.answer(day("2026-03-16")) == .rejected(["Please give a date on or before 2026-03-15."]))
        // `check: days_since(call_date) > 90`.
        #expect(
            engine.answer(day("2025-12-14"))
                == .rejected([
                    "We only follow up calls from the last 90 days. Please check the date with them."
                ]))
        #expect(engine.answer(day("2025-12-15")) == .accepted(safeguards: []))
        #expect(numberValue(engine, "days_since_call") == 90)
    }

    @Test func anExclusiveOptionIsRejectedWithOthers() throws {
        var engine = try engine(at: "other_support")
        let both = engine.option("other_support", "helpline", "none")
        #expect(engine.answer(both) == .rejected(["\"None of these\" cannot be chosen with other answers."]))
        #expect(engine.answer(of: "other_support") == nil)
        #expect(engine.answer(engine.option("other_support", "none")) == .accepted(safeguards: []))
        engine.advance()
        #expect(engine.answer(of: "suggested_by_line") == .notApplicable)
        #expect(numberValue(engine, "support_count") == 0)
    }

    @Test func choosingOtherOptionsAfterNoneReplacesIt() throws {
        var engine = try engine(at: "other_support")
        _ = engine.answer(engine.option("other_support", "none"))
        engine.advance()
        engine.goBack()
        #expect(engine.currentID == "other_support")
        #expect(engine.answer(engine.option("other_support", "gp", "dropin")) == .accepted(safeguards: []))
        #expect(engine.answer(of: "other_support") == .value(.set([1, 4])))
        engine.advance()
        #expect(engine.currentID == "suggested_by_line")
        #expect(numberValue(engine, "support_count") == 2)
    }

    @Test func anOptionThatIsNotOfferedIsRejected() throws {
        var engine = try engine(at: "felt_listened")
        #expect(engine.answer(.value(.choice(9))) == .rejected(["Please choose one of the options."]))
    }

    @Test func onlyTheAllowedMissingAnswersAreAccepted() throws {
        let instrument = try inline(
            """
            instrument: allow
            version: 1
            title: Allow
            consent: {text: Hello., statements: [I agree.]}
            support: {text: Samaritans are free on 116 123.}
            sections:
              - id: main
                title: Main
                questions:
                  - id: nickname
                    type: text
                    text: What should we call you?
                    allow: []
                  - id: pets
                    type: integer
                    text: How many pets do you have?
                    range: [0, 50]
            """)
        var engine = InterviewEngine(instrument: instrument, today: testDay)
        engine.advance()
        #expect(engine.answer(.refused) == .rejected(["This question needs an answer."]))
        #expect(engine.answer(.value(.text("Sam"))) == .accepted(safeguards: []))
        engine.advance()
        // The default `allow` is refused and don't know, not "does not apply".
        #expect(engine.answer(.notApplicable) == .rejected(["That is not one of the answers this question allows."]))
        #expect(engine.answer(.dontKnow) == .accepted(safeguards: []))
    }
}
