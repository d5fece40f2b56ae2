public import Instrument

/// Runs an instrument's `tests:` cases through the interview engine: answers in, expected routing,
/// values, scores and safeguards out.
public enum TestRunner {
    /// The outcome of one case.
    public struct CaseResult: Sendable, Hashable {
        /// The case's name.
        public var name: String
        /// Where the case is written.
        public var location: SourceLocation
        /// Each difference between what was expected and what happened; empty when it passed.
        public var failures: [String]

        /// Whether the case passed.
        public var passed: Bool { failures.isEmpty }
    }

    /// Runs every case of an instrument.
    /// - Parameters:
    ///   - instrument: A checked instrument.
    ///   - today: The day to use for cases that do not set `today`.
    /// - Returns: One result per case, in order.
    public static func run(_ instrument: Instrument, today: Day) -> [CaseResult] {
        instrument.tests.map { run($0, in: instrument, today: today) }
    }

    /// Runs one case.
    public static func run(_ testCase: TestCase, in instrument: Instrument, today: Day) -> CaseResult {
        var engine = InterviewEngine(instrument: instrument, language: testCase.language, today: testCase.today ?? today)
        var failures: [String] = []
        let given = Dictionary(testCase.answers.map { ($0.id, $0.value) }, uniquingKeysWith: { _, last in last })
        var asked = Set<String>()
        var firedOrder: [String] = []
        while let step = engine.advance() {
            guard let variable = step.variable else { continue }  // A note: nothing to answer.
            let id = instrument.variables.all[variable].id
            asked.insert(id)
            var answer = given[id] ?? .refused
            if given[id] == nil, !engine.allowed(at: step).contains(.refused) {
                if let fallback = engine.allowed(at: step).first {
                    answer = Answer(missing: fallback)
                } else {
                    failures.append("`\(id)` is asked and needs an answer, but the case gives none")
                    engine.breakOff()
                    break
                }
            }
            switch engine.answer(answer, confirmed: true) {
            case .accepted(let safeguards):
                firedOrder += safeguards.map(\.id)
            case .rejected(let messages), .needsConfirmation(let messages):
                failures.append("the answer to `\(id)` (\(describe(answer, id, engine))) is not accepted: \(messages.joined(separator: " "))")
                engine.breakOff()
            }
            if !failures.isEmpty { break }
        }
        for entry in testCase.answers where !asked.contains(entry.id) {
            failures.append("the case answers `\(entry.id)` (line \(entry.location.line)), but `\(entry.id)` is never asked on this route")
        }
        for entry in testCase.asked where !asked.contains(entry.id) {
            failures.append("expected `\(entry.id)` to be asked, but it was \(status(entry.id, engine))")
        }
        for entry in testCase.skipped where asked.contains(entry.id) || engine.answer(of: entry.id) != .notApplicable {
            failures.append("expected `\(entry.id)` to be skipped, but it was asked (answer: \(describe(engine.answer(of: entry.id), entry.id, engine)))")
        }
        for entry in testCase.values {
            let actual = engine.answer(of: entry.id) ?? .notReached
            if !same(actual, entry.value) {
                failures.append("`\(entry.id)`: expected \(describe(entry.value, entry.id, engine)), got \(describe(actual, entry.id, engine))")
            }
        }
        for entry in testCase.scores {
            let actual = engine.answer(of: entry.id)?.value
            let actualNumber: Double? = if case .number(let x)? = actual { x } else { nil }
            let matches: Bool
            switch (entry.value, actualNumber) {
            case (nil, nil): matches = true
            case (let expected?, let got?): matches = abs(expected - got) <= 1e-9 * max(1, abs(expected))
            default: matches = false
            }
            if !matches {
                let expected = entry.value.map { $0.formattedNumber } ?? "missing"
                let got = actualNumber.map { $0.formattedNumber } ?? "missing"
                failures.append("score `\(entry.id)`: expected \(expected), got \(got)")
            }
        }
        if let expected = testCase.safeguards {
            let expectedSet = Set(expected.map(\.id)), firedSet = Set(firedOrder)
            if expectedSet != firedSet {
                let list: (Set<String>) -> String = { $0.isEmpty ? "none" : $0.sorted().map { "`\($0)`" }.joined(separator: ", ") }
                failures.append("safeguards: expected \(list(expectedSet)), fired \(list(firedSet))")
            }
        }
        return CaseResult(name: testCase.name, location: testCase.location, failures: failures)
    }

    private static func same(_ a: Answer, _ b: Answer) -> Bool {
        switch (a, b) {
        case (.value(.number(let x)), .value(.number(let y))): return abs(x - y) <= 1e-9 * max(1, abs(y))
        case (.value(.number(let x)), .value(.choice(let y))), (.value(.choice(let y)), .value(.number(let x))): return x == Double(y)
        default: return a == b
        }
    }

    private static func status(_ id: String, _ engine: InterviewEngine) -> String {
        switch engine.answer(of: id) {
        case .notApplicable?: return "skipped (its condition was false)"
        case .notReached?, nil: return "not reached"
        default: return "not asked"
        }
    }

    /// An answer in the words a test case uses: option names where there are some.
    static func describe(_ answer: Answer?, _ id: String, _ engine: InterviewEngine) -> String {
        guard let answer else { return "nothing" }
        guard case .value(let value) = answer else { return answer.missingKind?.key ?? "missing" }
        let type = engine.instrument.variables[id]?.type
        switch (value, type) {
        case (.choice(let code), .choice(let list)?):
            return list.option(code: code)?.name ?? String(code)
        case (.set(let codes), .set(let list)?):
            return "[" + codes.map { list.option(code: $0)?.name ?? String($0) }.joined(separator: ", ") + "]"
        case (.text(let text), _):
            let shown = text.count > 40 ? String(text.prefix(37)) + "..." : text
            return "\"" + shown.unicodeScalars.map { $0.value < 0x20 ? "?" : String($0) }.joined() + "\""
        default:
            return InterviewEngine.plain(value)
        }
    }
}
