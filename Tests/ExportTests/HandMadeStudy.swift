import Foundation
import Instrument
import Store
import Testing

/// A study whose every answer is known, written through the Store API as the interviewer writes
/// it (one durable save per answer), with a key so that the identifying question can be asked:
/// hostile free text, an identifying marker, an interviewer's note, and a multiple-choice
/// question asked, not asked, refused and not known.
struct HandMadeStudy: Sendable {
    /// The instrument.
    static let yaml = """
        instrument: hostile-text
        version: 1
        title: Hostile text
        languages: [en]
        support:
          text: Samaritans are free on 116 123.
        consent:
          text: You can stop at any time.
          statements:
            - I agree to take part.
        sections:
          - id: main
            title: Main
            questions:
              - id: full_name
                type: text
                identifying: true
                text: What is your name?
                label: Full name
                length: [1, 200]
              - id: services
                type: multiple
                text: Which services have you used?
                label: Services used
                options:
                  - {code: 1, name: gp, label: GP}
                  - {code: 2, name: helpline, label: Helpline}
                  - {code: 97, name: other, label: Something else, specify: "What was it?"}
                  - {code: 98, name: none, label: None of these, exclusive: true}
              - id: mood
                type: single
                text: How are you today?
                label: Mood
                options:
                  - {code: 1, name: good, label: Good}
                  - {code: 2, name: bad, label: Bad}
              - id: visit_date
                type: date
                text: When did you last visit?
                label: Last visit
              - id: story
                type: text
                long: true
                text: Tell us anything.
                label: Their story
                length: [0, 6000]
        """

    /// The answer to the identifying question, in every interview: must never leave the study.
    static let nameMarker = "Zebedee-Quixote-7Q3ZK"
    /// An interviewer's note: never exported.
    static let noteMarker = "NOTE-MARKER-Y8W2"
    /// Contact details in free text, each masked when free text is exported.
    static let contacts = "Write to jo.bloggs@example.org, ring 07700 900123 or visit SW1A 1AA"
    /// A free text exported only with `--include-text`.
    static let textMarker = "STORY-MARKER-K4P9"
    /// 5,000 characters (6,000 bytes): a strL in Stata, a very long string in SPSS.
    static let long = String((0..<5000).map { Array("abcdé")[$0 % 5] })

    /// The free-text answers, one per interview: quotes and commas, line breaks, emoji,
    /// right-to-left text, spreadsheet formulas, text over 255 bytes (404, also the "please say"
    /// text of interview 5) and 5,000 characters.
    static let stories: [String] = [
        "He said \"no\", then \"yes, fine\", then left",
        "line one\nline two\r\nline three",
        "I feel 😀 today 👍🏽 with my family 👨‍👩‍👧",
        "مرحبا بالعالم — שלום עולם",
        "=HYPERLINK(\"http://example.com\",\"click\")",
        String(repeating: "ab", count: 100) + String(repeating: "é", count: 100) + " end",
        "-5 days since",
        "@SUM(A1:A2)",
        "+1 more thing",
        long,
        "The \(textMarker) story",
        contacts,
    ]

    /// How `services` is answered in interview `index`: cycles through asked with choices,
    /// not asked, refused, don't know, and the exclusive "none".
    static func services(_ index: Int) -> Answer {
        switch index % 5 {
        case 0: return .value(.set([1, 97]))
        case 1: return .notApplicable
        case 2: return .refused
        case 3: return .dontKnow
        default: return .value(.set([98]))
        }
    }

    let path: String
    /// The participant codes, in interview order.
    let codes: [String]

    /// Makes the study in a new directory.
    init() throws {
        path = try codebookDirectory().appendingPathComponent("hostile.sqlite").path
        let database = try StudyDatabase.create(at: path)
        let (publicKey, _) = try PrivateKeyFile.generate(passphrase: "correct horse battery", rounds: 1 << 4)
        _ = try database.initStudy(title: "Hostile text", publicKey: publicKey.key)
        let loaded = InstrumentLoader.load(text: Self.yaml)
        let instrument = try #require(loaded.instrument, "\(loaded.diagnostics.map(\.message))")
        let registered = try database.register(instrument, source: Self.yaml)
        var codes: [String] = []
        for (index, story) in Self.stories.enumerated() {
            let recorder = try database.startInterview(registered, interviewer: "PR0\(index % 3 + 1)", language: "en")
            codes.append(recorder.code)
            try recorder.save(.value(.text(Self.nameMarker)), for: "full_name")
            let services = Self.services(index)
            try recorder.save(services, for: "services")
            try recorder.save(
                services == .value(.set([1, 97])) ? .value(.text(story)) : .notApplicable, for: "services_97_text")
            try recorder.save(index % 4 == 2 ? .refused : .value(.choice(index % 2 + 1)), for: "mood")
            try recorder.save(.value(.date(try #require(Day(year: 2026, month: 3, day: 15)))), for: "visit_date")
            try recorder.save(.value(.text(story)), for: "story")
            try recorder.note(Self.noteMarker, about: "story")
            try recorder.complete()
        }
        self.codes = codes
    }

    /// The study, made once per test process.
    static let shared: HandMadeStudy? = try? HandMadeStudy()

    /// The shared study.
    static func get() throws -> HandMadeStudy { try #require(shared, "the hand-made study could not be made") }

    /// Its de-identified export with free text (every format), made once.
    static let withText: MadeExport? = shared.flatMap { try? Exports.make($0.path, ["--include-text"]) }
    /// Its de-identified export without free text, made once.
    static let withoutText: MadeExport? = shared.flatMap { try? Exports.make($0.path) }
}
