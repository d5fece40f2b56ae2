import Foundation
import Instrument
import Interview
import Store
import Terminal
import Testing

/// Hostile answers are stored exactly as given and never reach the screen as control sequences,
/// including when a later question pipes them into its wording.
struct HostileAnswerTests {
    static let yaml = """
        instrument: hostile
        version: 1
        title: Hostile answers
        consent:
          text: Hello.
          statements: [I agree.]
        support:
          text: Help is there.
        sections:
          - id: s
            title: Section
            questions:
              - id: said
                type: text
                length: [0, 1000000]
                text: Say anything.
              - id: echo
                type: single
                text: "You said {said}. Is that right?"
                options:
                  - {code: 1, label: "Yes"}
                  - {code: 2, label: "No"}
        """

    static let hostile: [String] = [
        String(repeating: "Long answer ", count: 83_333) + "end.",  // 1,000,000 characters: 1 MB
        "Emoji 🙂👩🏽‍🦱🏳️‍🌈 and a family 👨‍👩‍👧",
        "Right to left: שלום عليكم \u{202E}reversed\u{202C}",
        "Control characters: \u{1}\u{7}\u{8}\u{1F}\u{7F}\u{85} and a\ttab\nand a newline\r\n",
        "ANSI: \u{1B}[31mred\u{1B}[0m \u{1B}[2J\u{1B}[H \u{1B}]0;pwned\u{7} \u{9B}31m",
        "'; DROP TABLE answer; -- \" OR 1=1 /* x */",
    ]

    @Test(arguments: hostile.indices)
    func storedExactlyAndShownSafely(_ index: Int) throws {
        let text = Self.hostile[index]
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let instrument = try loadInstrument(Self.yaml)
        let (session, database) = try studySession(instrument, yaml: Self.yaml, in: directory)
        try session.consentGiven()
        session.start()
        #expect(try session.submit(.value(.text(text))) == .accepted(safeguards: []))

        // The next question pipes the answer: draw it on a scripted screen, then Ctrl-C.
        let device = ScriptedDevice([.interrupt], colour: false)
        #expect(try ScreenInterviewer(session: session, device: device).run(askConsent: false) == .suspended)
        let drawn = device.written.joined()
        let ours = drawn.replacingOccurrences(of: "\u{1B}[H", with: "").replacingOccurrences(of: "\u{1B}[2K", with: "")
            .replacingOccurrences(of: "\u{1B}[J", with: "")
        #expect(!ours.unicodeScalars.contains { $0.value < 0x20 && $0 != "\r" && $0 != "\n" || (0x7F...0x9F).contains($0.value) },
                "a control character from the answer reached the screen")
        #expect(!ours.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) })
        #expect(device.lastScreen.contains("You said"))

        // Read back from the file by a new connection: exactly what was given.
        let stored = try StudyDatabase.open(at: database.path, readOnly: true).allAnswersInOrder()
        #expect(stored.first?["said"] == .value(.text(text)))
    }

    /// SQLite would cut text at a NUL: such an answer is refused with a message, never cut short.
    @Test func aNulCharacterIsRefusedNotTruncated() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let instrument = try loadInstrument(Self.yaml)
        let (session, _) = try studySession(instrument, yaml: Self.yaml, in: directory)
        try session.consentGiven()
        session.start()
        guard case .rejected(let messages) = try session.submit(.value(.text("before\u{0}after"))) else {
            Issue.record("an answer with NUL was accepted")
            return
        }
        #expect(messages.first?.contains("NUL character") == true)
        #expect(session.prompt?.id == "said")
    }

    @Test func typedEmojiAndRightToLeftTextRoundTripThroughTheScreen() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let instrument = try loadInstrument(Self.yaml)
        let (session, database) = try studySession(instrument, yaml: Self.yaml, in: directory)
        let typed = "Hi 🙂 שלום, \"quoted\"; -- r d b p"
        // Typing goes straight into the answer: the letters r, d, b and p are words, not commands.
        let keys: [Key] = [.character("y")] + typing(typed) + [.enter, .interrupt]
        let device = ScriptedDevice(keys)
        #expect(try ScreenInterviewer(session: session, device: device).run() == .suspended)
        #expect(device.lastScreen.contains("You said Hi 🙂 שלום"))
        let stored = try StudyDatabase.open(at: database.path, readOnly: true).allAnswersInOrder()
        #expect(stored.first?["said"] == .value(.text(typed)))
    }
}
