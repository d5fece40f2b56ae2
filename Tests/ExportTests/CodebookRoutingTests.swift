import Foundation
import Export
import Instrument
import Testing

/// Routing in plain words: every conditional question of the bundled instruments, golden
/// sentences for a few, and each kind of condition on small inline instruments.
struct CodebookRoutingTests {
    static func routing(_ id: String, in instrument: Instrument) -> Routing {
        let lookup = VariableCatalogue(instrument)
        return Routing.of(id, lookup: lookup, words: PlainWords(lookup))
    }

    @Test(arguments: bundledInstruments)
    func everyConditionalQuestionIsPutIntoWords(instrument id: String) throws {
        let instrument = try bundled(id)
        let lookup = VariableCatalogue(instrument)
        var conditional = 0
        for (index, question) in instrument.allQuestions where question.isAsked {
            let section = instrument.sections[index]
            guard question.askIf != nil || section.askIf != nil else { continue }
            let ids: [String]
            if case .grid(_, let items) = question.kind { ids = items.map(\.id) } else { ids = [question.id] }
            for variable in ids {
                conditional += 1
                let routing = Self.routing(variable, in: instrument)
                #expect(!routing.isUnconditional, "\(variable) is conditional")
                for condition in routing.conditions {
                    #expect(!condition.words.isExpressionText, "\(variable): \(condition.expression) fell back to its text")
                    #expect(!condition.words.text.contains("=="), "\(variable): \(condition.words.text)")
                }
                let sentence = routing.sentence()
                #expect(sentence.hasPrefix("Asked if: "))
                // Every question the condition names is named by its label.
                for expression in [question.askIf, section.askIf].compactMap({ $0 }) {
                    for (name, _) in expression.syntax?.names ?? [] where instrument.variables[name] != nil {
                        #expect(sentence.contains("\"\(lookup.label(of: name, in: "en"))\" (\(name))"), "\(sentence)")
                    }
                }
            }
        }
        #expect(conditional > 0)
    }

    @Test(arguments: [
        (
            "peer-support-experience", "warmline_calls",
            "Asked if: \"Services used in the last 12 months\" (services_used) includes \"The warmline (a phone line run by peers)\""
        ),
        (
            "peer-support-experience", "visits_month",
            "Asked if: \"Time coming to the drop-in\" (how_long) is not \"This is my first visit\" (or has no answer)"
        ),
        (
            "peer-support-experience", "main_reason",
            "Asked if: \"Visits in the last 4 weeks\" (visits_month) is 1 or more"
        ),
        (
            "peer-support-experience", "group_size_ok",
            "Asked if: \"Services used in the last 12 months\" (services_used) includes \"Peer support groups at the drop-in\" (for the whole section \"Peer support groups\")"
        ),
        (
            "peer-support-experience", "how_heard_97_text",
            "Asked if: \"How first heard about the drop-in\" (how_heard) is \"In another way\""
        ),
        (
            "recovery-college-outcomes", "sessions",
            "Asked if: \"Courses attended this term\" (courses) has an answer and does not include \"I did not go to any courses this term\""
        ),
        (
            "recovery-college-outcomes", "why_not_finished_97_text",
            "Asked if: \"Finished at least one course\" (finished_course) is \"No\"; and \"Reasons for not finishing\" (why_not_finished) includes \"Something else\""
        ),
        (
            "warmline-follow-up", "why_not_again",
            "Asked if: \"Would call the warmline again\" (call_again) is \"No\" or \"Not sure\""
        ),
        (
            "warmline-follow-up", "why_worse",
            "Asked if: \"Feeling after the call\" (feel_after) is \"Much worse\" or \"A bit worse\""
        ),
    ])
    func goldenSentences(instrument id: String, variable: String, expected: String) throws {
        #expect(Self.routing(variable, in: try bundled(id)).sentence() == expected)
    }

    @Test func unconditionalQuestionsAreAskedOfEveryone() throws {
        let routing = Self.routing("how_long", in: try bundled("peer-support-experience"))
        #expect(routing.isUnconditional)
        #expect(routing.sentence() == "Asked of everyone who reaches it.")
    }

    static let fixture = """
        instrument: words
        version: 1
        title: Words
        sections:
          - id: main
            title: Main
            questions:
              - {id: age, type: integer, text: How old are you?, label: Age, range: [16, 99]}
              - {id: visits, type: integer, text: How many visits?, range: [0, 50]}
              - id: mood
                type: single
                text: How is your mood?
                label: Mood
                options:
                  - {code: 1, name: low, label: Low}
                  - {code: 2, name: ok, label: OK}
                  - {code: 3, name: good, label: Good}
              - id: used
                type: multiple
                text: Which did you use?
                label: Services used
                options:
                  - {code: 1, name: warmline, label: Warmline}
                  - {code: 2, name: dropin, label: Drop-in}
              - {id: start, type: date, text: When did you start?, label: Start date}
              - {id: regular, type: calculate, label: Regular visitor, expression: visits >= 4}
              - {id: q, type: text, text: Anything?, ask_if: '%@'}
        """

    @Test(arguments: [
        ("age < 18", "\"Age\" (age) is less than 18"),
        ("age <= 17", "\"Age\" (age) is 17 or less"),
        ("age > 64", "\"Age\" (age) is more than 64"),
        ("age >= 65", "\"Age\" (age) is 65 or more"),
        ("age == 30", "\"Age\" (age) is 30"),
        ("age != 30", "\"Age\" (age) is not 30"),
        ("18 <= age", "\"Age\" (age) is 18 or more"),
        ("visits > age", "\"How many visits?\" (visits) is more than \"Age\" (age)"),
        ("mood == good", "\"Mood\" (mood) is \"Good\""),
        ("mood >= 2", "\"Mood\" (mood) is \"OK\" or \"Good\""),
        ("mood in [low, ok]", "\"Mood\" (mood) is \"Low\" or \"OK\""),
        ("not (mood in [low, ok])", "\"Mood\" (mood) is neither \"Low\" nor \"OK\" (or has no answer)"),
        ("used has warmline", "\"Services used\" (used) includes \"Warmline\""),
        ("not (used has warmline)", "\"Services used\" (used) does not include \"Warmline\" (or has no answer)"),
        ("answered(age)", "\"Age\" (age) has an answer"),
        ("not answered(age)", "\"Age\" (age) has no answer"),
        ("count(used) >= 2", "the number of options chosen at \"Services used\" (used) is 2 or more"),
        ("regular", "\"Regular visitor\" (regular) is true"),
        ("not regular", "\"Regular visitor\" (regular) is false (or has no answer)"),
        ("start < date(\"2025-01-01\")", "\"Start date\" (start) is before 2025-01-01"),
        ("start >= today()", "\"Start date\" (start) is on or after the date of the interview"),
        ("age >= 18 and used has warmline", "\"Age\" (age) is 18 or more and \"Services used\" (used) includes \"Warmline\""),
        ("age < 18 or age > 64", "\"Age\" (age) is less than 18 or is more than 64"),
        (
            "not (age >= 18 and used has warmline)",
            "\"Age\" (age) is less than 18 (or has no answer) or \"Services used\" (used) does not include \"Warmline\" (or has no answer)"
        ),
        (
            "(mood == low or mood == ok) and age >= 18",
            "(\"Mood\" (mood) is \"Low\" or \"OK\") and \"Age\" (age) is 18 or more"
        ),
    ])
    func conditionsInWords(condition: String, expected: String) throws {
        let instrument = try inlineInstrument(Self.fixture.replacingOccurrences(of: "%@", with: condition))
        let words = PlainWords(VariableCatalogue(instrument))
        let question = try #require(instrument.allQuestions.first { $0.question.id == "q" }?.question)
        let described = words.describe(try #require(question.askIf))
        #expect(!described.isExpressionText)
        #expect(described.text == expected)
    }

    @Test(arguments: ["visits * 2 > age", "if(regular, 1, 0) == 1", "sum(age, visits) > 10"])
    func exoticConditionsFallBackToTheirText(condition: String) throws {
        let instrument = try inlineInstrument(Self.fixture.replacingOccurrences(of: "%@", with: condition))
        let words = PlainWords(VariableCatalogue(instrument))
        let question = try #require(instrument.allQuestions.first { $0.question.id == "q" }?.question)
        let described = words.describe(try #require(question.askIf))
        #expect(described.isExpressionText)
        #expect(described.text == condition)
        #expect(Self.routing("q", in: instrument).sentence() == "Asked if: the condition `\(condition)`")
    }
}
