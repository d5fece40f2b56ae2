import Foundation
import GRDB
import Store
import Testing

/// The study the interviewer's end-to-end tests run (issue 14): a small instrument with a
/// multiple choice with a long option and a "please say", a routed question, a text question, a
/// number with a warning and a safeguard, a long answer, a section with an introduction and a
/// grid; and the helpers that drive it in tmux and read the study database.
protocol InterviewerStudy {}

extension InterviewerStudy {
    static var yaml: String {
        """
        instrument: safety-check
        version: 1
        title: Safety check
        consent:
          text: Thank you for talking with me today. I am from the peer research team. We will not put your name on your answers.
          statements: [I agree to take part.]
        support:
          text: >-
            If you would like to talk to someone now, Samaritans are free on 116 123, any time.
            You can call the Sunrise peer line free on 0800 123 4567.
        sections:
          - id: first
            title: About the call
            intro: These questions are about the call. You can skip any of them.
            questions:
              - id: reason
                type: multiple
                text: What did you want to talk about?
                interviewer: Do not read the list. Choose all that match what they say.
                options:
                  - {code: 1, label: Feeling lonely}
                  - {code: 2, label: "Money, housing, benefits, debt, or trouble with the council or a landlord who will not do repairs"}
                  - {code: 97, label: Something else, specify: What did you want to talk about?}
              - id: listened
                type: single
                text: Did you feel listened to?
                options:
                  - {code: 1, label: Completely}
                  - {code: 2, label: Mostly}
                  - {code: 3, label: A little}
                  - {code: 4, label: Not at all}
              - id: follow
                type: single
                ask_if: listened == 1
                text: Would you like us to pass your thanks to the team?
                options:
                  - {code: 1, label: "Yes"}
                  - {code: 2, label: "No"}
              - id: why
                type: text
                text: What made it feel that way?
                length: [0, 2000]
              - id: mood
                type: integer
                text: Today, from 0 to 10, how are you feeling?
                range: [0, 10]
                warn: {if: mood == 0, message: That is the lowest. Check it with them.}
              - id: more
                type: text
                long: true
                text: Is there anything else you would like to tell us?
                length: [0, 2000]
          - id: feelings
            title: How you have been feeling
            intro: The next questions are a standard questionnaire about mood. The wording is fixed.
            questions:
              - id: grid
                type: grid
                text: Over the last 2 weeks, how often have you been bothered by any of the following problems?
                options:
                  - {code: 0, label: Not at all}
                  - {code: 1, label: Several days}
                  - {code: 2, label: More than half the days}
                  - {code: 3, label: Nearly every day}
                items:
                  - {id: g1, text: Little interest or pleasure in doing things}
                  - {id: g2, text: "Feeling down, depressed, or hopeless"}
                  - {id: g3, text: Thoughts that you would be better off dead or of hurting yourself in some way}
        safeguards:
          - id: low_mood
            when: mood <= 2
            script: >-
              Pause before the next question. Say: "Thank you for telling me. It sounds like today is
              really hard." Ask if they would like to pause, stop or carry on.
        """
    }

    /// A folder with the instrument, and the database path in it.
    func study() throws -> (directory: URL, instrument: String, db: String) {
        let directory = try Runner.temporaryDirectory()
        let instrument = directory.appendingPathComponent("safety.yaml").path
        try Self.yaml.write(toFile: instrument, atomically: true, encoding: .utf8)
        return (directory, instrument, directory.appendingPathComponent("study.sqlite").path)
    }

    func interview(_ instrument: String, _ db: String, _ size: (Int, Int), plain: Bool = false) throws -> Tmux {
        try Tmux(
            "'\(Runner.binary.path)' interview '\(instrument)' --db '\(db)' --interviewer PR01\(plain ? " --plain" : "")",
            width: size.0, height: size.1)
    }

    /// Consent, leaving the screen at the first question.
    func begin(_ terminal: Tmux) throws {
        try terminal.wait(for: "Statement 1 of 1")
        try terminal.send("y")
        try terminal.wait(for: "What did you want to talk about?")
    }

    /// The screen's rows joined into one line of words, so that checks do not depend on where a
    /// row wraps.
    func words(_ screen: String) -> String {
        screen.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The participant code of the interview in the database.
    func code(_ db: String) throws -> String {
        try #require(try StudyDatabase.open(at: db, readOnly: true).interviews().first?.code)
    }

    func answers(_ db: String) throws -> [String: StoredAnswer] {
        try StudyDatabase.open(at: db, readOnly: true).allAnswersInOrder().first ?? [:]
    }

    /// The row of a screen that holds `text`.
    func row(of text: String, in screen: String) -> String {
        screen.split(separator: "\n").first { $0.contains(text) }.map(String.init) ?? ""
    }

    func events(_ db: String) throws -> [(kind: String, reason: String?)] {
        try DatabaseQueue(path: db).read { db in
            try Row.fetchAll(db, sql: "SELECT kind, reason FROM event ORDER BY id").map { ($0["kind"], $0["reason"]) }
        }
    }

    /// Sends a command as the old letter key and then as its Ctrl key: on a choice the new
    /// interviewer only says the letter is not an answer, and an older build ignores the Ctrl
    /// key, so the same test runs the same scenario against either (PEERSURVEY_BINARY).
    func command(_ terminal: Tmux, _ letter: String) throws {
        try terminal.send(letter)
        try terminal.send("C-" + letter)
    }
}
