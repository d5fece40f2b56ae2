import Testing

@testable import Instrument

/// The per-file allowance of "did you mean" work (issue 13, item 15): the same answers as
/// ``Suggestions/closest(to:in:)`` while it lasts, none after, and repeated words for free.
struct SpellerTests {
    static let variables = ["age", "gender", "services_used", "warmline_calls", "contact_email", "hopeless"]

    @Test(arguments: ["agee", "Age", "gendre", "services_use", "warmline_cals", "contact_emial", "hopless", "zzz", "a"])
    func givesTheSameAnswerAsTheUnboundedSearch(word: String) {
        let speller = Speller()
        #expect(
            speller.closest(to: word, in: Self.variables, set: "variables")
                == Suggestions.closest(to: word, in: Self.variables))
        #expect(speller.closest(to: word, in: Self.variables) == Suggestions.closest(to: word, in: Self.variables))
    }

    @Test func stopsSuggestingWhenTheAllowanceIsSpent() {
        let candidates = (0..<50).map { "item\($0)" }
        let speller = Speller(allowance: 100)
        #expect(speller.closest(to: "itme1", in: candidates) == "item1")
        #expect(speller.closest(to: "itme2", in: candidates) == "item2")
        #expect(speller.remaining == 0)
        #expect(speller.closest(to: "itme3", in: candidates) == nil)
    }

    @Test func aRepeatedWordCostsNothing() {
        let candidates = (0..<50).map { "item\($0)" }
        let speller = Speller(allowance: 50)
        #expect(speller.closest(to: "itme1", in: candidates, set: "items") == "item1")
        #expect(speller.remaining == 0)
        for _ in 0..<1_000 { #expect(speller.closest(to: "itme1", in: candidates, set: "items") == "item1") }
    }

    @Test func aVeryLongWordIsNotLookedUp() {
        let speller = Speller()
        let long = String(repeating: "a", count: 100_000)
        #expect(speller.closest(to: long, in: [long + "b"]) == nil)
        #expect(speller.remaining == Speller.defaultAllowance)
    }

    @Test func theEditDistanceStopsAtItsBound() {
        #expect(Suggestions.editDistance("kitten", "sitting", limit: 3) == 3)
        #expect(Suggestions.editDistance("kitten", "sitting", limit: 2) == 3)
        #expect(Suggestions.editDistance("ab", "ba", limit: 3) == 1)
        #expect(Suggestions.editDistance("", "abc", limit: 3) == 3)
    }

    @Test func aLongListInAMessageIsCut() {
        #expect(Suggestions.listed(["1", "2", "3"]) == "1, 2, 3")
        #expect(Suggestions.listed((1...100).map(String.init)) == "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, and 88 more")
    }
}
