import Instrument
import Interview
import Testing

/// Scale scores of the bundled recovery college survey, computed by the engine as answers come
/// in: the hope and agency mean (one item reverse-coded, at least 4 of 6 answered), and the PHQ-9
/// and GAD-7 sums (prorated when a few items are unanswered).
struct ScoreTests {
    private static let hopeItems = ["ha_future", "ha_goals", "ha_steps", "ha_choices", "ha_stuck", "ha_help"]
    private static let phqItems = (1...9).map { "phq\($0)" }
    private static let gadItems = (1...7).map { "gad\($0)" }

    /// A finished interview in which `items` take the option `name` and everything else is refused.
    private func interview(_ answers: [(items: [String], option: String)]) throws -> InterviewEngine {
        var engine = InterviewEngine(instrument: try bundled("recovery-college-outcomes"), today: testDay)
        var given: [String: Answer] = [:]
        for (items, option) in answers {
            for item in items { given[item] = engine.option(item, option) }
        }
        engine.finish(answering: given)
        #expect(engine.isFinished)
        return engine
    }

    @Test func aMeanReverseCodesItsReversedItem() throws {
        // Five items at 5 and `ha_stuck` at 5, reversed to 1 + 5 - 5 = 1: (25 + 1) / 6.
        let engine = try interview([(Self.hopeItems, "strongly_agree")])
        #expect(numberValue(engine, "hope_agency") == 26.0 / 6.0)
    }

    @Test func aMeanNeedsItsMinimumOfAnsweredItems() throws {
        let four = try interview([(Array(Self.hopeItems.prefix(4)), "agree")])
        #expect(numberValue(four, "hope_agency") == 4)
        let three = try interview([(Array(Self.hopeItems.prefix(3)), "agree")])
        #expect(three.answer(of: "hope_agency") == .notApplicable)
    }

    @Test func aSumAddsEveryItem() throws {
        let engine = try interview([(Self.phqItems, "nearly_every_day"), (Self.gadItems, "several_days")])
        #expect(numberValue(engine, "phq_total") == 27)
        #expect(numberValue(engine, "gad_total") == 7)
    }

    @Test func aSumOfZerosIsZeroNotMissing() throws {
        let engine = try interview([(Self.gadItems, "not_at_all")])
        #expect(numberValue(engine, "gad_total") == 0)
    }

    @Test func aSumWithSomeItemsUnansweredIsProratedAboveTheMinimum() throws {
        // 7 of 9 PHQ-9 items at 2: the mean 2 times 9 items.
        let seven = try interview([(Array(Self.phqItems.prefix(7)), "more_than_half")])
        #expect(numberValue(seven, "phq_total") == 18)
        // 6 of 9 is below `min_answered: 7`.
        let six = try interview([(Array(Self.phqItems.prefix(6)), "more_than_half")])
        #expect(six.answer(of: "phq_total") == .notApplicable)
    }

    @Test func aScoreFollowsAnAmendedAnswer() throws {
        var engine = try interview([(Self.phqItems, "nearly_every_day")])
        #expect(engine.amend("phq1", to: engine.option("phq1", "not_at_all")) == .accepted(safeguards: []))
        #expect(numberValue(engine, "phq_total") == 24)
        #expect(engine.amend("phq2", to: .refused) == .accepted(safeguards: []))
        // Eight items answered: 0 + 7 x 3 = 21, prorated to 21 / 8 x 9.
        #expect(numberValue(engine, "phq_total") == 21.0 / 8.0 * 9.0)
    }
}
