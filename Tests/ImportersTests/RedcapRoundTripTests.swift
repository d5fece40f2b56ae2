import Foundation
import Instrument
import Interview
import TestSupport
import Testing

/// The way back: `codebook --format redcap` on every bundled instrument, imported again, gives the
/// same questions, the same codes and the same routing. Routing is compared by what it does: the
/// same random interviews, replayed on both instruments, ask the same questions.
@Suite(.serialized)
struct RedcapRoundTripTests {
    static let instruments = ["peer-support-experience", "warmline-follow-up", "recovery-college-outcomes"]

    /// The asked variables of an instrument in order, with their kind and codes.
    static func shape(_ instrument: Instrument) -> [String] {
        instrument.variables.all.compactMap { variable -> String? in
            switch variable.origin {
            case .calculation, .score: return nil
            default: break
            }
            switch variable.type {
            case .choice(let list): return "\(variable.id) single \(list.options.map(\.code))"
            case .set(let list):
                return
                    "\(variable.id) multiple \(list.options.map(\.code)) exclusive \(list.options.filter(\.exclusive).map(\.code))"
            default:
                let question = instrument.allQuestions.first { $0.question.id == variable.id }?.question
                return
                    "\(variable.id) \(question?.kind.type.rawValue ?? "text") identifying \(question?.identifying ?? false)"
            }
        }
    }

    @Test(arguments: instruments)
    func importingTheDictionaryGivesTheSameQuestionsCodesAndRouting(_ name: String) throws {
        let folder = try ImportFixtures.scratch()
        let dictionary = folder.appendingPathComponent("\(name).csv").path
        let source = Program.root.appendingPathComponent("instruments/\(name).yaml").path
        let written = try ImportFixtures.peersurvey(["codebook", source, "--format", "redcap", "--output", dictionary])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stderr.contains("not in the REDCap dictionary: safeguards"))
        let imported = try Imported.run("redcap", dictionary)
        #expect(imported.output.status == 0, "\(imported.output.stderr)")
        let file = try #require(imported.files.first)
        let original = try Imported(directory: folder, output: imported.output).instrument(URL(fileURLWithPath: source))
        let again = try imported.instrument(file)
        #expect(again.id == original.id)
        #expect(Self.shape(again) == Self.shape(original))
        let required = { (i: Instrument) in
            i.allQuestions.filter { $0.question.allow.isEmpty && $0.question.isAsked }.map(\.question.id)
        }
        #expect(required(again) == required(original))
        let defaults = { (i: Instrument) in
            i.allQuestions.compactMap { q in q.question.defaultAnswer.map { "\(q.question.id)=\($0)" } }
        }
        #expect(defaults(again) == defaults(original))
        let test = try ImportFixtures.peersurvey(["test", "--today", "2026-06-01", file.path])
        #expect(test.status == 0, "\(test.stdout)")
        try Self.sameRouting(original, again, interviews: 300)
    }

    /// Replays random interviews of `a` on `b`, expecting the same questions asked.
    static func sameRouting(_ a: Instrument, _ b: Instrument, interviews: Int) throws {
        var random = SplitMix(seed: 18)
        let today = Day(iso: "2026-06-01")!
        for run in 0..<interviews {
            var answers: [String: Answer] = [:]
            var engine = InterviewEngine(instrument: a, language: nil, today: today)
            var askedA: [String] = []
            while let step = engine.advance() {
                guard let variable = step.variable else { continue }
                let id = a.variables.all[variable].id
                askedA.append(id)
                var answer = randomAnswer(a.variables.all[variable], a, &random, today: today)
                if case .rejected = engine.answer(answer, confirmed: true) {
                    answer =
                        engine.allowed(at: step).contains(.refused)
                        ? .refused : (engine.allowed(at: step).first.map(Answer.init(missing:)) ?? .refused)
                    if case .rejected = engine.answer(answer, confirmed: true) { break }
                }
                answers[id] = answer
            }
            var replay = InterviewEngine(instrument: b, language: nil, today: today)
            var askedB: [String] = []
            while let step = replay.advance() {
                guard let variable = step.variable else { continue }
                let id = b.variables.all[variable].id
                askedB.append(id)
                if case .rejected = replay.answer(answers[id] ?? .refused, confirmed: true) { break }
            }
            #expect(askedA == askedB, "interview \(run): \(Set(askedA).symmetricDifference(askedB).sorted())")
            if askedA != askedB { return }
        }
    }

    static func randomAnswer(_ variable: Variable, _ instrument: Instrument, _ random: inout SplitMix, today: Day)
        -> Answer
    {
        if Int.random(in: 0..<8, using: &random) == 0 { return .refused }
        switch variable.type {
        case .choice(let list): return .value(.choice(list.options.randomElement(using: &random)!.code))
        case .set(let list):
            let chosen = list.options.filter { !$0.exclusive && Bool.random(using: &random) }.map(\.code)
            if chosen.isEmpty, let exclusive = list.options.first(where: \.exclusive) {
                return .value(.set([exclusive.code]))
            }
            return .value(.set(chosen.isEmpty ? [list.options[0].code] : chosen.sorted()))
        case .number:
            let bounds = instrument.numericBounds(of: variable.id) ?? 0...100
            return .value(
                .number(Double(Int.random(in: Int(bounds.lowerBound)...Int(bounds.upperBound), using: &random))))
        case .text: return .value(.text("words"))
        case .date: return .value(.date(Day(ordinal: today.ordinal - Int.random(in: 1...3000, using: &random))))
        case .boolean: return .refused
        }
    }

    @Test func theDictionaryHasREDCapsColumnsAndTypes() throws {
        let folder = try ImportFixtures.scratch()
        let path = folder.appendingPathComponent("w.csv").path
        let source = Program.root.appendingPathComponent("instruments/recovery-college-outcomes.yaml").path
        let written = try ImportFixtures.peersurvey(["codebook", source, "--format", "redcap", "--output", path])
        #expect(written.status == 0, "\(written.stderr)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("Variable / Field Name,Form Name,Section Header,Field Type,Field Label,"))
        #expect(text.contains("record_id,recovery_college_outcomes,,text,Record ID,"))
        #expect(text.contains("@NONEOFTHEABOVE='98'"))
        #expect(text.contains("[courses(98)] = '0'"))
        #expect(text.contains(",phq_grid,"), "grid items carry the matrix group name")
        #expect(text.contains("sum([phq1], [phq2]"), "scores become calculated fields")
    }
}
