import Instrument
import Interview
import Testing

/// The program's words come from one table per language, and a resumed session is exactly the
/// interview that stopped: its progress, its waiting safeguards, and no safeguard fired twice.
struct WordsAndResumeTests {
    @Test func everyWelshTextIsWelsh() {
        let english = Dictionary(
            uniqueKeysWithValues: Mirror(reflecting: InterviewerWords.english).children.compactMap { child in
                (child.value as? String).map { (child.label ?? "", $0) }
            })
        let sameOnPurpose: Set<String> = ["lineFinishWord"]  // a command word, the same in every language
        var checked = 0
        for child in Mirror(reflecting: InterviewerWords.welsh).children {
            guard let label = child.label, let welsh = child.value as? String else { continue }
            checked += 1
            if sameOnPurpose.contains(label) { continue }
            #expect(welsh != english[label], "`\(label)` is English in the Welsh table")
        }
        #expect(checked > 80)
        let welsh = InterviewerWords.welsh
        #expect(welsh.questionOf(3, 20) == "Cwestiwn 3 o tua 20")
        #expect(welsh.joinList(["te", "coffi", "dŵr"]) == "te, coffi a dŵr")
        #expect(welsh.joinList(["te", "afalau"]) == "te ac afalau")
        #expect(InterviewerWords.english.joinList(["a", "b", "c"]) == "a, b and c")
        #expect(welsh.missing(.refused) == "Gwell gen i beidio â dweud")
        #expect(InterviewerWords.forLanguage("cy").questionOf(1, 2) == welsh.questionOf(1, 2))
        #expect(InterviewerWords.forLanguage("gd").questionOf(1, 2) == "Question 1 of about 2")
    }

    @Test func theEngineChecksInTheInterviewsLanguage() throws {
        let instrument = try bundled("peer-support-experience")
        var engine = InterviewEngine(instrument: instrument, language: "cy", today: testDay)
        engine.advance(to: "visits_month")
        guard case .rejected(let messages) = engine.answer(.value(.number(2.5))) else {
            Issue.record("2.5 visits was accepted")
            return
        }
        #expect(messages.contains("Rhowch rif cyfan."), "\(messages)")
    }

    /// The saved answers of an engine, as the store returns them: what was asked, never the
    /// statuses of questions routed past (they are settled only at the end).
    private func saved(_ engine: InterviewEngine) -> SavedInterview {
        var answers: [String: SavedInterview.Saved] = [:]
        for (index, variable) in engine.instrument.variables.all.enumerated() {
            guard case .question = variable.origin, let answer = engine.answers[index], answer != .notApplicable else {
                continue
            }
            answers[variable.id] = .answer(answer)
        }
        return SavedInterview(answers: answers, consented: true)
    }

    @Test func progressIsTheSameAfterResuming() throws {
        let instrument = try bundled("warmline-follow-up")
        var engine = InterviewEngine(instrument: instrument, today: testDay)
        engine.advance(to: "mood_now")
        let before = engine.progress
        let (session, _) = InterviewSession.resuming(
            instrument, saved: saved(engine), log: PreviewLog(), language: "en", today: testDay)
        #expect(session.prompt?.id == "mood_now")
        #expect(session.progress == before, "\(session.progress) after resuming, \(before) before")
    }

    @Test func aWaitingSafeguardComesBackAndNoneFiresTwice() throws {
        let instrument = try bundled("warmline-follow-up")
        var engine = InterviewEngine(instrument: instrument, today: testDay)
        engine.advance(to: "sleep_hours")
        var state = saved(engine)
        state.answers["mood_now"] = .answer(.value(.number(1)))
        state.firedSafeguards = ["low_mood_now", "much_worse_after"]
        state.acknowledgedSafeguards = ["much_worse_after"]
        let (session, _) = InterviewSession.resuming(
            instrument, saved: state, log: PreviewLog(), language: "en", today: testDay)
        #expect(session.isResumed)
        #expect(session.pendingSafeguards.map(\.id) == ["low_mood_now"])
        try session.acknowledge(session.pendingSafeguards[0])
        #expect(session.pendingSafeguards.isEmpty)
        // Answering on does not fire either safeguard again.
        #expect(try session.give(.value(.number(7)), to: .current) == .accepted(safeguards: []))
    }
}
