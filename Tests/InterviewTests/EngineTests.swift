import Foundation
import Instrument
import Testing
@testable import Interview

/// The interview engine on a small instrument that has one of everything.
struct EngineTests {
    static let yaml = """
        instrument: engine
        version: 1
        title: Engine
        sections:
          - id: main
            title: Main
            questions:
              - id: name_used
                type: text
                text: What name shall I use?
              - id: visits
                type: integer
                text: "{name_used}, how many visits this month?"
                range: [0, 60]
                check:
                  - if: visits == 13
                    message: Thirteen is not allowed in this test.
                warn:
                  - if: visits > 30
                    message: That is more than one a day.
              - id: why_none
                type: text
                text: Why not?
                ask_if: visits == 0
              - id: services
                type: multiple
                text: Which services?
                options:
                  - {code: 1, name: dropin, label: Drop-in}
                  - {code: 2, name: groups, label: Groups}
                  - {code: 99, name: none, label: None of these, exclusive: true}
              - id: m1
                type: single
                text: Mood one
                options: &five
                  - {code: 1, label: One}
                  - {code: 2, label: Two}
                  - {code: 3, label: Three}
                  - {code: 4, label: Four}
                  - {code: 5, label: Five}
              - id: m2
                type: single
                text: Mood two
                options: *five
              - id: m3
                type: single
                text: Mood three
                options: *five
        scores:
          - id: mood
            items: [m1, m2, m3]
            method: sum
            reverse: [m3]
            min_answered: 2
        safeguards:
          - id: low
            when: m1 == 1
            script: Check in with them.
        """

    private func engine() throws -> InterviewEngine {
        let result = InstrumentLoader.load(text: Self.yaml, path: "engine.yaml")
        #expect(!result.hasErrors, "\(result.diagnostics.filter { $0.severity == .error })")
        return InterviewEngine(instrument: try #require(result.instrument), today: Day(year: 2026, month: 11, day: 23)!)
    }

    @Test func routingSkipsAQuestionWhoseConditionIsFalse() throws {
        var engine = try engine()
        engine.advance()
        #expect(engine.answer(.value(.text("Sam"))) == .accepted(safeguards: []))
        engine.advance()
        #expect(engine.prompt?.text == "Sam, how many visits this month?")  // piping
        #expect(engine.answer(.value(.number(4))) == .accepted(safeguards: []))
        engine.advance()
        #expect(engine.prompt?.id == "services")
        #expect(engine.answer(of: "why_none") == .notApplicable)
    }

    @Test func goingBackAndChangingAnAnswerReRoutes() throws {
        var engine = try engine()
        engine.advance()
        _ = engine.answer(.value(.text("Sam")))
        engine.advance()
        _ = engine.answer(.value(.number(0)))
        engine.advance()
        #expect(engine.prompt?.id == "why_none")
        _ = engine.answer(.value(.text("Too far")))
        engine.advance()
        _ = engine.takeEvents()
        // Back to visits, now 5: why_none falls off the route and becomes not applicable.
        engine.goBack()
        engine.goBack()
        #expect(engine.prompt?.id == "visits")
        _ = engine.answer(.value(.number(5)))
        engine.advance()
        #expect(engine.prompt?.id == "services")
        #expect(engine.answer(of: "why_none") == .notApplicable)
        let events = engine.takeEvents()
        #expect(events.contains(.changed(variable: "why_none", from: .value(.text("Too far")), to: .notApplicable, reason: .routeChanged)))
        #expect(events.contains(.back(from: "services", to: "why_none")))
    }

    @Test func hardChecksRejectAndWarningsNeedConfirmation() throws {
        var engine = try engine()
        engine.advance()
        _ = engine.answer(.value(.text("Sam")))
        engine.advance()
        #expect(engine.answer(.value(.number(13))) == .rejected(["Thirteen is not allowed in this test."]))
        #expect(engine.answer(.value(.number(61))) == .rejected(["Please give a number from 0 to 60."]) || {
            if case .rejected = engine.answer(.value(.number(61))) { return true } else { return false }
        }())
        #expect(engine.answer(.value(.number(31))) == .needsConfirmation(["That is more than one a day."]))
        #expect(engine.answer(.value(.number(31)), confirmed: true) == .accepted(safeguards: []))
    }

    @Test func anExclusiveOptionCannotBeChosenWithOthers() throws {
        var engine = try engine()
        engine.advance()
        _ = engine.answer(.value(.text("Sam")))
        engine.advance()
        _ = engine.answer(.value(.number(2)))
        engine.advance()
        #expect(engine.prompt?.id == "services")
        guard case .rejected(let messages) = engine.answer(.value(.set([1, 99]))) else {
            Issue.record("an exclusive option with another was accepted")
            return
        }
        #expect(messages.first?.contains("None of these") == true)
        #expect(engine.answer(.value(.set([99]))) == .accepted(safeguards: []))
    }

    @Test func scoresReverseItemsAndNeedTheMinimumAnswered() throws {
        var engine = try engine()
        let mood = try #require(engine.instrument.variables.index(of: "mood"))
        engine.restore("m1", .value(.choice(2)))
        engine.restore("m3", .value(.choice(5)))  // reversed: 1 + 5 - 5 = 1
        // Two of three items: a prorated sum, the mean (2 + 1) / 2 times 3 items.
        #expect(engine.value(mood) == .number(4.5))
        engine.restore("m2", .value(.choice(3)))
        #expect(engine.value(mood) == .number(6))
        engine.restore("m2", .refused)
        engine.restore("m3", .refused)
        #expect(engine.value(mood) == nil)  // only one item answered, two needed
    }

    @Test func aSafeguardFiresWhenItsConditionBecomesTrue() throws {
        var engine = try engine()
        engine.advance()
        _ = engine.answer(.value(.text("Sam")))
        engine.advance()
        _ = engine.answer(.value(.number(2)))
        engine.advance()
        _ = engine.answer(.value(.set([1])))
        engine.advance()
        guard case .accepted(let fired) = engine.answer(.value(.choice(1))) else {
            Issue.record("m1 was not accepted")
            return
        }
        #expect(fired.map(\.id) == ["low"])
        // It fires once per interview.
        engine.advance()
        guard case .accepted(let again) = engine.answer(.value(.choice(1))) else { return }
        #expect(again.isEmpty)
    }

    @Test func aFailingTestCaseSaysWhatDiffers() throws {
        let yaml = Self.yaml + """

            tests:
              - name: wrong expectation
                answers: {name_used: Sam, visits: 4, services: [dropin], m1: 2, m2: 2, m3: 2}
                expect:
                  values: {visits: 5}
                  scores: {mood: 7}
            """
        let result = InstrumentLoader.load(text: yaml, path: "engine.yaml")
        let instrument = try #require(result.instrument)
        let outcome = try #require(TestRunner.run(instrument, today: Day(year: 2026, month: 11, day: 23)!).first)
        #expect(!outcome.passed)
        #expect(outcome.failures.contains { $0.contains("visits") && $0.contains("5") && $0.contains("4") })
        #expect(outcome.failures.contains { $0.contains("mood") && $0.contains("7") && $0.contains("8") })
    }
}
