import Foundation
import Instrument
import Interview
import Testing

/// The repository's root, found from this file's path (Tests/InterviewTests/Support.swift).
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The paths of the bundled instruments in `instruments/`, sorted by name.
let bundledInstrumentPaths: [String] = {
    let folder = repositoryRoot.appendingPathComponent("instruments")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0).path }
}()

/// A fixed day, so that `today()` and date ranges do not depend on when the tests run.
let testDay = Day(year: 2026, month: 3, day: 15)!

/// Loads a bundled instrument by name (`recovery-college-outcomes`), requiring that it has no errors.
func bundled(_ name: String) throws -> Instrument {
    let path = repositoryRoot.appendingPathComponent("instruments/\(name).yaml").path
    let result = try InstrumentLoader.load(path: path)
    return try #require(result.instrument, "\(name) has errors: \(result.diagnostics.map(\.message))")
}

/// Loads an inline instrument, requiring that it has no errors.
func inline(_ yaml: String) throws -> Instrument {
    let result = InstrumentLoader.load(text: yaml, path: "inline.yaml")
    let errors = result.diagnostics.filter { $0.severity == .error }.map { "\($0.location?.line ?? 0): \($0.message)" }
    return try #require(result.instrument, "the inline instrument has errors: \(errors)")
}

extension InterviewEngine {
    /// The id of the variable the current step asks, or `nil` at a note or the end.
    var currentID: String? { currentStep?.variable.map { instrument.variables.all[$0].id } }

    /// The option of a choice variable with this name, as an answer (one option, or a set for a
    /// multiple-choice variable).
    func option(_ id: String, _ names: String...) -> Answer {
        switch instrument.variables[id]?.type {
        case .choice(let list)?:
            return .value(.choice(list.option(named: names[0])!.code))
        case .set(let list)?:
            return .value(.set(names.map { list.option(named: $0)!.code }.sorted()))
        default:
            preconditionFailure("`\(id)` is not a choice variable")
        }
    }

    /// Advances to the step that asks `id`, giving each question on the way the answer in
    /// `answers` (refused when it has none). Records an issue if `id` is never reached.
    mutating func advance(
        to id: String, answering answers: [String: Answer] = [:],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        if currentStep == nil { advance() }
        while let step = currentStep {
            guard let variable = step.variable else {
                advance()
                continue
            }
            let current = instrument.variables.all[variable].id
            if current == id { return }
            let outcome = answer(answers[current] ?? .refused, confirmed: true)
            guard case .accepted = outcome else {
                Issue.record("the answer to `\(current)` was not accepted: \(outcome)", sourceLocation: sourceLocation)
                return
            }
            advance()
        }
        Issue.record("`\(id)` was never reached", sourceLocation: sourceLocation)
    }

    /// Answers every remaining step with `answers` (refused when absent) until the interview ends.
    mutating func finish(
        answering answers: [String: Answer] = [:], sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        if currentStep == nil, !isFinished { advance() }
        while let step = currentStep {
            if let variable = step.variable {
                let current = instrument.variables.all[variable].id
                let outcome = answer(answers[current] ?? .refused, confirmed: true)
                guard case .accepted = outcome else {
                    Issue.record(
                        "the answer to `\(current)` was not accepted: \(outcome)", sourceLocation: sourceLocation)
                    return
                }
            }
            advance()
        }
    }
}

/// A number answer.
func number(_ x: Double) -> Answer { .value(.number(x)) }

/// The number a variable holds, or `nil` when it holds none.
func numberValue(_ engine: InterviewEngine, _ id: String) -> Double? {
    if case .value(.number(let x))? = engine.answer(of: id) { return x }
    return nil
}
