import Foundation

/// A study with identifying answers, calculations over them, a note and free text, each holding a
/// distinctive marker, for the privacy tests: they run commands through the built binary and
/// search every byte the program wrote for the markers.
struct PrivacyStudy {
    /// The marker typed as the full name (an identifying text answer).
    static let name = "Zebulon Quixotic-Marmaduke"
    /// The marker typed as the email address (an identifying text answer).
    static let email = "xq7.marmaduke@example.org"
    /// The date of birth typed (an identifying date), as typed and as stored.
    static let dobTyped = "17/03/1961"
    static let dob = "1961-03-17"
    /// The interviewer's note, which is sealed.
    static let note = "Zanzibar-kettle note 4471"
    /// The free-text answer, exported only with --include-text (and then masked).
    static let freeText = "Vellichor marmalade 5528"

    /// The instrument: the identifying questions, calculations that copy them, measure them and
    /// do date arithmetic on them, one that only asks whether one was answered, and free text.
    static let instrument = """
        instrument: privacy-markers
        version: 1
        title: Privacy markers
        consent:
          text: This is a test of privacy.
          statements: [I agree to take part.]
        support:
          text: Samaritans are free on 116 123.
        sections:
          - id: main
            title: Main
            questions:
              - id: mood
                type: integer
                text: How is your mood from 1 to 10?
                range: [1, 10]
              - id: full_name
                type: text
                identifying: true
                text: What is your full name?
              - id: email
                type: text
                identifying: true
                text: What is your email address?
              - id: dob
                type: date
                identifying: true
                text: When were you born?
              - id: name_copy
                type: calculate
                expression: full_name
              - id: email_length
                type: calculate
                expression: len(email)
              - id: age_days
                type: calculate
                expression: days_since(dob)
              - id: has_email
                type: calculate
                expression: answered(email)
              - id: comments
                type: text
                text: Is there anything else you would like to tell us?

        """

    /// The calculations that carry an identifying answer's content.
    static let identifyingCalculations = ["name_copy", "email_length", "age_days"]

    /// Line-mode input for one whole interview: consent, mood, a note, the identifying answers,
    /// the free text, and the review.
    static let interviewInput =
        ["yes", "7", "/note", note, name, email, dobTyped, freeText, "done"]
        .joined(separator: "\n") + "\n"

    let directory: URL
    let environment = ["PEERSURVEY_PASSPHRASE": "correct horse battery staple"]

    var instrumentPath: String { directory.appendingPathComponent("privacy.yaml").path }
    var database: String { directory.appendingPathComponent("study.sqlite").path }

    /// A fresh directory with the instrument, a key pair (`custodian.pub`, `custodian.key`) and a
    /// study database recording the public key.
    static func make() throws -> PrivacyStudy {
        let study = PrivacyStudy(directory: try Runner.temporaryDirectory())
        try instrument.write(toFile: study.instrumentPath, atomically: true, encoding: .utf8)
        let keys = try study.run(["keys", "new", "--out", "custodian"])
        guard keys.status == 0 else { throw Failure("keys new: \(keys.stderr)") }
        let created = try study.run([
            "study", "init", "--db", study.database, "--title", "Privacy", "--key", "custodian.pub",
        ])
        guard created.status == 0 else { throw Failure("study init: \(created.stderr)") }
        return study
    }

    /// Runs the binary in the study's directory with the passphrase set.
    func run(_ arguments: [String], input: String = "") throws -> Runner.Output {
        try Runner.run(arguments, input: input, environment: environment, directory: directory)
    }

    /// Runs one whole interview in line mode.
    func interview() throws -> Runner.Output {
        try run(
            ["interview", instrumentPath, "--db", database, "--interviewer", "PR01", "--plain"],
            input: Self.interviewInput)
    }

    /// Every regular file under the directory, by path relative to it.
    func files() throws -> [String: Data] {
        var found: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            found[String(url.path.dropFirst(directory.path.count + 1))] = try Data(contentsOf: url)
        }
        return found
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

extension Data {
    /// Whether these bytes hold `text` as UTF-8 (as written, upper-cased or lower-cased) or as
    /// UTF-16 in either byte order.
    func holds(_ text: String) -> Bool {
        for form in Set([text, text.uppercased(), text.lowercased()]) {
            var encodings = [Data(form.utf8)]
            if let little = form.data(using: .utf16LittleEndian) { encodings.append(little) }
            if let big = form.data(using: .utf16BigEndian) { encodings.append(big) }
            for encoding in encodings where range(of: encoding) != nil { return true }
        }
        return false
    }
}
