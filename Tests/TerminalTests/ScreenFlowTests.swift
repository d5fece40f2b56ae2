import Foundation
import Instrument
import Interview
import Store
import Terminal
import Testing

/// The full-screen interviewer's flow on a scripted screen with a real study database: consent,
/// keys on each question type, warnings, safeguards, the pause, the review, stopping.
struct ScreenFlowTests {
    static let yaml = """
        instrument: flow
        version: 1
        title: Flow
        consent:
          text: Hello.
          statements: [I agree., I understand.]
        support:
          text: "Support line: 0800 000 000."
        sections:
          - id: one
            title: Part one
            questions:
              - id: mood
                type: single
                text: How are you?
                options:
                  - {code: 1, label: Good}
                  - {code: 2, label: Fair}
                  - {code: 3, label: Low}
              - id: uses
                type: multiple
                text: Which do you use?
                options:
                  - {code: 1, label: Phone}
                  - {code: 2, label: Group}
                  - {code: 98, label: None, exclusive: true}
              - id: calls
                type: integer
                text: How many calls?
                range: [0, 100]
                warn: {if: calls > 50, message: That is a lot of calls.}
          - id: two
            title: Part two
            questions:
              - id: age
                type: integer
                text: How old are you?
                range: [16, 110]
        safeguards:
          - id: low_mood
            when: mood == 3
            script: Ask if they would like a break.
        """

    private func run(_ keys: [Key]) throws -> (Ending, ScriptedDevice, [String: StoredAnswer], StudyDatabase) {
        let directory = try temporaryDirectory()
        let instrument = try loadInstrument(Self.yaml)
        let (session, database) = try studySession(instrument, yaml: Self.yaml, in: directory)
        let device = ScriptedDevice(keys)
        let ending = try ScreenInterviewer(session: session, device: device).run()
        let answers = try StudyDatabase.open(at: database.path, readOnly: true).allAnswersInOrder().first ?? [:]
        return (ending, device, answers, database)
    }

    @Test func aWholeInterviewWithAWarningASafeguardAndAnAmendment() throws {
        let keys: [Key] =
            [.character("y"), .character("y")]
            + [.character("3"), .enter]  // Low: the safeguard fires
            + [.enter, .character("x"), .character("a")]  // Enter and x do not acknowledge it; a does
            + [.character("1"), .character("2"), .character("3"), .enter]  // None clears Phone and Group
            + typing("60") + [.enter, .enter]  // a warning, confirmed by Enter again
            + typing("42") + [.enter]
            + [.down, .enter, .character("2"), .enter]  // review: change `uses` to Group
            + [.control("f"), .enter, .character("y")]  // finish: Enter does not confirm it, y does
        let (ending, device, answers, _) = try run(keys)
        #expect(ending == .completed)
        #expect(answers["mood"] == .value(.integer(3)))
        #expect(answers["calls"] == .value(.integer(60)))
        #expect(answers["age"] == .value(.integer(42)))
        #expect(answers["uses"] == .value(.text("2")))
        let screens = device.written.joined()
        #expect(screens.contains("Ask if they would like a break."))
        #expect(screens.contains("Please confirm: That is a lot of calls."))
        #expect(screens.contains("Read the answers back with the participant"))
    }

    @Test func aStatementNotAgreedEndsWithNoAnswers() throws {
        // `n` asks to make sure, with going back as the default; choosing to end, then any key.
        let (ending, device, answers, _) = try run([.character("y"), .character("n"), .character("2"), .enter, .enter])
        #expect(ending == .noConsent)
        #expect(answers.isEmpty)
        #expect(device.lastScreen.contains("No answers are kept"))
    }

    @Test func aHardCheckKeepsTheQuestion() throws {
        let keys: [Key] = [.character("y"), .character("y"), .character("1"), .enter, .character("1"), .enter]
            + typing("500") + [.enter, .interrupt]
        let (ending, device, answers, _) = try run(keys)
        #expect(ending == .suspended)
        #expect(device.lastScreen.contains("How many calls?") && device.lastScreen.contains("Not accepted: Please give a number"))
        #expect(answers["calls"] == nil)
    }

    @Test func pauseCanSkipTheRestOfTheSection() throws {
        let keys: [Key] = [.character("y"), .character("y"), .character("1"), .enter, .control("p")]
            + [.character("2"), .enter]  // skip the rest of this section
            + [.interrupt]
        let (ending, device, answers, _) = try run(keys)
        #expect(ending == .suspended)
        #expect(device.written.joined().contains("Support line: 0800 000 000."))
        #expect(device.lastScreen.contains("How old are you?"))
        #expect(answers["uses"] == .missing(.refused) && answers["calls"] == .missing(.refused))
    }

    @Test func stopForGoodWithAReason() throws {
        let keys: [Key] = [.character("y"), .character("y"), .character("1"), .enter, .control("e"), .character("3"), .enter]
        let (ending, _, answers, _) = try run(keys)
        #expect(ending == .stopped(reason: StopReason.distress))
        #expect(answers["mood"] == .value(.integer(1)))
        #expect(answers["age"] == .missing(.notReached))
    }

    @Test func deletingNeedsASecondYes() throws {
        let keys: [Key] = [.character("y"), .character("y"), .character("1"), .enter, .control("p"), .character("4"), .enter]
            + [.enter]  // "No, keep them": back to the pause menu
            + [.character("4"), .enter, .character("2"), .enter]
        let (ending, _, answers, _) = try run(keys)
        #expect(ending == .discarded)
        #expect(answers.isEmpty)
    }

    @Test func backFromTheFirstQuestionSaysSo() throws {
        let (_, device, _, _) = try run([.character("y"), .character("y"), .control("b"), .interrupt])
        #expect(device.lastScreen.contains("This is the first question."))
    }
}
