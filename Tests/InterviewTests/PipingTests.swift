import Instrument
import Interview
import Testing

/// `{variable}` in a text shows that variable's answer, as docs/instrument-format.md describes:
/// an option's label, labels joined for a multiple choice, numbers and dates as written, `...`
/// when unanswered, `{{` and `}}` for literal braces, in the interview's language.
struct PipingTests {
    static let walks = """
        instrument: walks
        version: 1
        title: Walks
        consent: {text: Hello., statements: [I agree.]}
        support: {text: Samaritans are free on 116 123.}
        sections:
          - id: main
            title: Walks
            questions:
              - id: pet
                type: single
                text: Which pet do you have?
                options:
                  - {code: 1, name: dog, label: a dog}
                  - {code: 2, name: cat, label: a cat}
              - id: places
                type: multiple
                text: Where do you walk with {pet}?
                options:
                  - {code: 1, name: park, label: the park}
                  - {code: 2, name: beach, label: the beach}
                  - {code: 3, name: woods, label: the woods}
                  - {code: 98, name: nowhere, label: nowhere, exclusive: true}
              - id: hours
                type: decimal
                text: How many hours a day?
                range: [0, 24]
                decimals: 1
              - id: since
                type: date
                text: Since when?
              - id: more
                type: text
                text: Tell me more about walking {pet} to {places}.
                hint: "{hours} hours a day since {since}. Type {{braces}} as they are."
        """

    private func engine(at id: String, _ answers: (InterviewEngine) -> [String: Answer]) throws -> InterviewEngine {
        var engine = InterviewEngine(instrument: try inline(Self.walks), today: testDay)
        engine.advance(to: id, answering: answers(engine))
        return engine
    }

    @Test func answersArePipedIntoTheWording() throws {
        let engine = try engine(at: "more") { engine in
            [
                "pet": engine.option("pet", "dog"), "places": engine.option("places", "park", "beach", "woods"),
                "hours": number(1.5), "since": .value(.date(Day(iso: "2020-02-29")!)),
            ]
        }
        let prompt = try #require(engine.prompt)
        #expect(prompt.text == "Tell me more about walking a dog to the park, the beach and the woods.")
        #expect(prompt.hint == "1.5 hours a day since 2020-02-29. Type {braces} as they are.")
    }

    @Test func twoOptionsAreJoinedWithAnd() throws {
        let engine = try engine(at: "more") { engine in
            [
                "pet": engine.option("pet", "cat"), "places": engine.option("places", "park", "woods"),
                "hours": number(2),
            ]
        }
        #expect(engine.prompt?.text == "Tell me more about walking a cat to the park and the woods.")
        #expect(engine.prompt?.hint == "2 hours a day since .... Type {braces} as they are.")
    }

    @Test func anUnansweredVariableShowsThreeDots() throws {
        var engine = InterviewEngine(instrument: try inline(Self.walks), today: testDay)
        engine.advance()
        _ = engine.answer(.refused)
        engine.advance()
        #expect(engine.prompt?.text == "Where do you walk with ...?")
    }

    @Test func changingAnAnswerChangesTheWordingThatShowsIt() throws {
        var engine = try engine(at: "places") { engine in ["pet": engine.option("pet", "dog")] }
        #expect(engine.prompt?.text == "Where do you walk with a dog?")
        engine.goBack()
        _ = engine.answer(engine.option("pet", "cat"))
        engine.advance()
        #expect(engine.prompt?.text == "Where do you walk with a cat?")
    }

    @Test func aBilingualInterviewPipesIntoTheWelshWording() throws {
        let instrument = try bundled("peer-support-experience")
        var welsh = InterviewEngine(instrument: instrument, language: "cy", today: testDay)
        welsh.advance(
            to: "main_reason",
            answering: [
                "how_long": welsh.option("how_long", "years_1_3"), "visits_month": number(12),
            ])
        let prompt = try #require(welsh.prompt)
        #expect(prompt.text.hasPrefix("Dywedoch chi eich bod wedi dod yma 12 o weithiau"))
        #expect(prompt.options.first?.label == "I fod gyda phobl eraill")

        var english = InterviewEngine(instrument: instrument, today: testDay)
        english.advance(
            to: "main_reason",
            answering: [
                "how_long": english.option("how_long", "years_1_3"), "visits_month": number(12),
            ])
        #expect(
            english.prompt?.text
                == "You said you came here 12 times in the last four weeks. What is the main reason you come?")
    }
}
