import Foundation
package import Instrument
import Interview

/// An imported instrument, written and checked: the YAML that passes `check` and its own tests.
package struct SettledInstrument: Sendable {
    /// The file name to write (`<id>.yaml`).
    package var fileName: String
    /// The YAML.
    package var text: String
    /// The number of questions.
    package var questions: Int
    /// The number of generated test cases.
    package var tests: Int
    /// The number of warnings `check` gives.
    package var warnings: Int
}

/// The last stage of every import: fills texts missing a language, writes the draft as YAML,
/// loads it as `check` would, and leaves out (and reports) each construct the checker refuses,
/// until the file checks clean; then adds test cases generated from the routing and keeps those
/// the engine passes.
package enum Settler {
    /// Settles a draft.
    /// - Parameters:
    ///   - draft: The draft.
    ///   - report: Where to add what was left out.
    ///   - today: The day test cases are generated for.
    /// - Returns: The instrument's YAML and counts.
    /// - Throws: ``ImportError`` when the draft cannot be made to check (an importer bug, with the
    ///   checker's messages).
    package static func settle(_ input: DraftInstrument, report: inout ImportReport, today: Day) throws(ImportError)
        -> SettledInstrument
    {
        var draft = input
        fillLanguages(&draft, &report)
        let path = "\(draft.id).yaml"
        var loaded: InstrumentLoader.Result?
        for _ in 0..<50 {
            let written = YAMLWriter.write(draft)
            let result = InstrumentLoader.load(text: written.text, path: path)
            let errors = result.diagnostics.filter { $0.severity == .error }
            if errors.isEmpty {
                loaded = result
                break
            }
            var removals = Set<Construct>()
            var messages: [Construct: String] = [:]
            for error in errors {
                let line = (error.location?.line ?? 0) - 1
                let construct = written.constructs.indices.contains(line) ? written.constructs[line] : .header
                if messages[construct] == nil { messages[construct] = error.message }
                removals.insert(construct)
            }
            try apply(removals, messages: messages, to: &draft, report: &report)
        }
        guard var result = loaded, let instrument = result.instrument else {
            throw .invalid(
                location: path, message: "the imported instrument could not be made to check; please report this")
        }
        let generated: (tests: [DraftTest], exhausted: Bool) = TestGenerator.cases(for: instrument, today: today)
        draft.tests = generated.tests
        if generated.exhausted {
            report.note(
                path,
                "test cases were generated for the first branches only: the search stops after \(TestGenerator.maximumSteps) interview steps so that a large import stays quick")
        }
        if instrument.variables.all.contains(where: { $0.type == .date }) {
            for index in draft.tests.indices { draft.tests[index].today = today.description }
        }
        if !draft.tests.isEmpty {
            let written = YAMLWriter.write(draft)
            let withTests = InstrumentLoader.load(text: written.text, path: path)
            if let checked = withTests.instrument, !withTests.hasErrors {
                let results = TestRunner.run(checked, today: today)
                let failing = Set(results.indices.filter { !results[$0].passed })
                draft.tests = draft.tests.enumerated().filter { !failing.contains($0.offset) }.map(\.element)
            } else {
                draft.tests = []
            }
            result = InstrumentLoader.load(text: YAMLWriter.write(draft).text, path: path)
            if result.hasErrors {
                draft.tests = []
                result = InstrumentLoader.load(text: YAMLWriter.write(draft).text, path: path)
            }
        }
        let text = YAMLWriter.write(draft).text
        return SettledInstrument(
            fileName: path, text: text, questions: draft.questions.count, tests: draft.tests.count,
            warnings: result.diagnostics.count { $0.severity == .warning })
    }

    /// Leaves out what the checker refused, and says so.
    private static func apply(
        _ removals: Set<Construct>, messages: [Construct: String], to draft: inout DraftInstrument,
        report: inout ImportReport
    ) throws(ImportError) {
        var questionsToDrop = Set<[Int]>()
        for construct in removals {
            let message = messages[construct] ?? ""
            switch construct {
            case .askIf(let s, let q):
                let question = draft.sections[s].questions[q]
                if let condition = question.askIf {
                    report.note(
                        condition.location,
                        "the condition `\(condition.original)` of `\(question.id)` (in peersurvey: `\(condition.text)`) is refused by check: \(message); the question is always asked"
                    )
                }
                draft.sections[s].questions[q].askIf = nil
            case .sectionAskIf(let s):
                if let condition = draft.sections[s].askIf {
                    report.note(
                        condition.location,
                        "the condition `\(condition.original)` of the section `\(draft.sections[s].id)` is refused by check: \(message); the section is always asked"
                    )
                }
                draft.sections[s].askIf = nil
            case .check(let s, let q, let index):
                let question = draft.sections[s].questions[q]
                if index < question.checks.count {
                    let check = question.checks[index]
                    report.note(
                        check.condition.location,
                        "the constraint `\(check.condition.original)` of `\(question.id)` is refused by check: \(message); left out"
                    )
                    draft.sections[s].questions[q].checks[index].condition.text = ""
                }
            case .range(let s, let q):
                let question = draft.sections[s].questions[q]
                report.note(
                    question.location, "the range of `\(question.id)` is refused by check: \(message); left out")
                switch question.kind {
                case .integer: draft.sections[s].questions[q].kind = .integer(range: nil)
                case .decimal(_, let decimals):
                    draft.sections[s].questions[q].kind = .decimal(range: nil, decimals: decimals)
                case .date: draft.sections[s].questions[q].kind = .date(range: nil)
                default: break
                }
            case .defaultValue(let s, let q):
                let question = draft.sections[s].questions[q]
                report.note(
                    question.location, "the default of `\(question.id)` is refused by check: \(message); left out")
                draft.sections[s].questions[q].defaultValue = nil
            case .calculation(let s, let q), .question(let s, let q):
                let question = draft.sections[s].questions[q]
                let what =
                    if case .calculate(let e) = question.kind {
                        "the calculation `\(e.original)` of `\(question.id)`"
                    } else { "`\(question.id)`" }
                report.note(question.location, "\(what) is refused by check: \(message); left out")
                questionsToDrop.insert([s, q])
            case .score(let index):
                if index < draft.scores.count {
                    report.note(
                        draft.scores[index].origin ?? draft.id,
                        "the score `\(draft.scores[index].id)` is refused by check: \(message); left out")
                    draft.scores[index].items = []
                }
            case .test(let index):
                if index < draft.tests.count { draft.tests[index].name = "" }
            case .header, .optionSet, .section:
                throw .invalid(
                    location: "\(draft.id).yaml",
                    message: "the imported instrument does not check (\(message)); please report this")
            }
        }
        for s in draft.sections.indices {
            for q in draft.sections[s].questions.indices {
                draft.sections[s].questions[q].checks.removeAll { $0.condition.text.isEmpty }
            }
        }
        for key in questionsToDrop.sorted(by: { ($0[0], $0[1]) > ($1[0], $1[1]) }) {
            draft.sections[key[0]].questions.remove(at: key[1])
        }
        draft.sections.removeAll { $0.questions.isEmpty }
        draft.scores.removeAll { $0.items.isEmpty }
        draft.tests.removeAll { $0.name.isEmpty }
        if draft.sections.isEmpty {
            throw .invalid(location: "\(draft.id).yaml", message: "nothing of the form could be imported")
        }
    }

    /// Gives every text each language of the instrument: a text without a language's version
    /// takes the default language's words, and the report says so once per construct.
    private static func fillLanguages(_ draft: inout DraftInstrument, _ report: inout ImportReport) {
        let languages = draft.languages
        guard languages.count > 1 else { return }
        func fill(_ texts: inout Texts, _ location: String, _ what: String) {
            let missing = languages.filter { texts.byLanguage[$0] == nil }
            guard !missing.isEmpty, let words = texts.first(in: languages) else { return }
            for language in missing { texts.byLanguage[language] = words }
            report.note(
                location,
                "\(what) has no version in \(missing.joined(separator: ", ")); its \(texts.byLanguage.first { !missing.contains($0.key) }?.key ?? languages[0]) words are used for them"
            )
        }
        fill(&draft.title, draft.id, "the title")
        if var description = draft.description {
            fill(&description, draft.id, "the description")
            draft.description = description
        }
        for index in draft.scores.indices {
            if var label = draft.scores[index].label {
                fill(
                    &label, draft.scores[index].origin ?? draft.id, "the label of the score `\(draft.scores[index].id)`"
                )
                draft.scores[index].label = label
            }
        }
        for (index, set) in draft.optionSets.enumerated() {
            var options = set.options
            for o in options.indices { fill(&options[o].label, draft.id, "option \(options[o].code) of `\(set.name)`") }
            draft.optionSets[index].options = options
        }
        for s in draft.sections.indices {
            let origin = draft.sections[s].origin ?? draft.id
            fill(&draft.sections[s].title, origin, "the title of `\(draft.sections[s].id)`")
            if var intro = draft.sections[s].intro {
                fill(&intro, origin, "the introduction of `\(draft.sections[s].id)`")
                draft.sections[s].intro = intro
            }
            for q in draft.sections[s].questions.indices {
                var question = draft.sections[s].questions[q]
                if var text = question.text {
                    fill(&text, question.location, "the wording of `\(question.id)`"); question.text = text
                }
                if var hint = question.hint {
                    fill(&hint, question.location, "the hint of `\(question.id)`"); question.hint = hint
                }
                for c in question.checks.indices {
                    fill(&question.checks[c].message, question.location, "a constraint message of `\(question.id)`")
                }
                switch question.kind {
                case .single(.inline(var options)), .multiple(.inline(var options)):
                    for o in options.indices {
                        fill(&options[o].label, question.location, "option \(options[o].code) of `\(question.id)`")
                    }
                    if case .single = question.kind {
                        question.kind = .single(.inline(options))
                    } else {
                        question.kind = .multiple(.inline(options))
                    }
                case .grid(let list, var items):
                    var list = list
                    if case .inline(var options) = list {
                        for o in options.indices {
                            fill(&options[o].label, question.location, "option \(options[o].code) of `\(question.id)`")
                        }
                        list = .inline(options)
                    }
                    for i in items.indices { fill(&items[i].text, question.location, "the item `\(items[i].id)`") }
                    question.kind = .grid(list, items: items)
                default: break
                }
                draft.sections[s].questions[q] = question
            }
        }
    }
}
