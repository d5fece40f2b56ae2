import Export
import Foundation
import Testing

/// Masking contact details in free text, and pseudonyms, in process: fast tables of cases.
struct DeidentifierTests {
    static let masked: [(String, String, [TextMasker.Kind: Int])] = [
        ("mail me: jo.bloggs+x@mail.example.co.uk today", "mail me: [email] today", [.email: 1]),
        ("ring 07700 900123 or +44 (0)20 7946 0958", "ring [phone] or [phone]", [.phone: 2]),
        ("0161-496-0000, or 0033 1 23 45 67 89", "[phone], or [phone]", [.phone: 2]),
        ("I live at SW1A 1AA and work near m1 1ae", "I live at [postcode] and work near [postcode]", [.postcode: 2]),
        ("B33 8TH.", "[postcode].", [.postcode: 1]),
        ("GIR 0AA", "[postcode]", [.postcode: 1]),
        (
            "All of it: a@b.org 07700900123 EC1A1BB", "All of it: [email] [phone] [postcode]",
            [.email: 1, .phone: 1, .postcode: 1]
        ),
    ]

    static let kept: [String] = [
        "I went 3 times in 2024, for 45 minutes",  // numbers that are no phone
        "room B12 then AB1 2CDE",  // looks like a postcode but runs on into a word
        "XSW1A 1AA",  // a letter before it
        "score 123456789012345678",  // too many digits for a phone
        "😀 مرحبا \"quoted\", = + - @",
        "",
    ]

    @Test(arguments: 0..<masked.count)
    func contactDetailsAreMaskedAndCounted(_ index: Int) {
        let (text, expected, counts) = Self.masked[index]
        let result = TextMasker().mask(text)
        #expect(result.text == expected)
        #expect(result.counts == counts)
    }

    @Test(arguments: kept)
    func otherTextIsLeftAsItIs(_ text: String) {
        let result = TextMasker().mask(text)
        #expect(result.text == text)
        #expect(result.counts.isEmpty)
    }

    @Test func pseudonymsDependOnTheSecretTheStudyAndTheRelease() {
        let secret = Data(repeating: 7, count: 32)
        let one = Deidentifier(profile: .deidentified, secret: secret, studyID: "study-a", release: "release-1")
        let same = Deidentifier(profile: .deidentified, secret: secret, studyID: "study-a", release: "release-1")
        let release = Deidentifier(profile: .deidentified, secret: secret, studyID: "study-a", release: "release-2")
        let study = Deidentifier(profile: .deidentified, secret: secret, studyID: "study-b", release: "release-1")
        let key = Deidentifier(
            profile: .deidentified, secret: Data(repeating: 8, count: 32), studyID: "study-a", release: "release-1")
        let code = "K7MQ-2P4X"
        let pseudonym = one.participant(code)
        #expect(pseudonym.hasPrefix("p-") && pseudonym.count == 14 && !pseudonym.contains("K7MQ"))
        #expect(same.participant(code) == pseudonym)
        #expect(Set([release, study, key].map { $0.participant(code) }).count == 3)
        #expect(![release, study, key].map { $0.participant(code) }.contains(pseudonym))
        #expect(one.participant("K7MQ-2P4Y") != pseudonym)
        let custodian = Deidentifier(profile: .custodian, secret: secret, studyID: "study-a", release: "release-1")
        #expect(custodian.participant(code) == code)
    }
}

/// Contact details written the many ways people write them: each is masked (the red team found
/// 10 of 33 such variants escaping).
struct MaskingVariantTests {
    static let variants: [(String, TextMasker.Kind)] = [
        // E-mail addresses, and spelt-out ones.
        ("jo@example.org", .email), ("JO.BLOGGS@EXAMPLE.CO.UK", .email), ("jo+peer@mail.example.org", .email),
        ("jo at example dot org", .email), ("jo [at] example [dot] org", .email), ("jo(at)example(dot)org", .email),
        ("jo AT example DOT co DOT uk", .email), ("jo @ example . org", .email), ("jo at example.org", .email),
        // Telephone numbers with every kind of separator.
        ("07700 900123", .phone), ("07700900123", .phone), ("07700-900-123", .phone), ("07700.900.123", .phone),
        ("077 00 90 01 23", .phone), ("0 7 7 0 0 9 0 0 1 2 3", .phone), ("+44 7700 900123", .phone),
        ("+44 (0)7700 900 123", .phone), ("0044 7700 900123", .phone), ("(01632) 960 001", .phone),
        ("0161 496 0000", .phone), ("020 7946 0958", .phone), ("+1 (415) 555-2671", .phone),
        ("07700/900123", .phone), ("+447700900123", .phone), ("07700 900 123", .phone),
        // Postcodes in any case, with or without the space.
        ("SW1A 1AA", .postcode), ("sw1a1aa", .postcode), ("sw1a 1aa", .postcode), ("m11ae", .postcode),
        ("M1 1AE", .postcode), ("SW1A  1AA", .postcode), ("ec1a-1bb", .postcode), ("b338th", .postcode),
    ]

    @Test(arguments: 0..<variants.count)
    func everyVariantIsMasked(_ index: Int) {
        let (detail, kind) = Self.variants[index]
        for text in [detail, "call me on \(detail) please", "(\(detail))"] {
            let result = TextMasker().mask(text)
            #expect(result.counts[kind] == 1, "`\(text)` became `\(result.text)`")
            #expect(!result.text.contains(detail), "`\(text)` became `\(result.text)`")
        }
    }
}
