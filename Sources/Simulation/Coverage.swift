package import Instrument

/// What the simulated interviews exercised, to show dead routing before fieldwork: questions
/// never reached, options never chosen, checks and warnings that never fired, safeguards that
/// never triggered.
package struct Coverage: Sendable, Equatable {
    /// Variables asked at least once.
    package var reached: Set<String> = []
    /// Options chosen at least once, by variable.
    package var chosen: [String: Set<Int>] = [:]
    /// Checks that fired at least once, as `question#index`.
    package var checksFired: Set<String> = []
    /// Warnings that fired at least once, as `question#index`.
    package var warningsFired: Set<String> = []
    /// Safeguards that fired at least once.
    package var safeguardsFired: Set<String> = []
    /// Interviews generated, and how many broke off.
    package var interviews = 0
    /// How many broke off.
    package var brokenOff = 0

    /// The gaps, as findings for the report.
    package func findings(in instrument: Instrument) -> [Finding] {
        var findings: [Finding] = []
        for (_, question) in instrument.allQuestions {
            switch question.kind {
            case .note, .calculate: continue
            case .grid(let list, let items):
                for item in items {
                    if !reached.contains(item.id) { findings.append(.neverReached(item.id, question.location)) }
                    else { findings += unchosen(item.id, list, question.location) }
                }
            default:
                if !reached.contains(question.id) {
                    findings.append(.neverReached(question.id, question.location))
                    continue
                }
                if let list = question.kind.options { findings += unchosen(question.id, list, question.location) }
            }
            for index in question.checks.indices where !checksFired.contains("\(question.id)#\(index)") {
                findings.append(.checkNeverFired(question.id, index, question.location))
            }
            for index in question.warnings.indices where !warningsFired.contains("\(question.id)#\(index)") {
                findings.append(.warningNeverFired(question.id, index, question.location))
            }
        }
        for safeguard in instrument.safeguards where !safeguardsFired.contains(safeguard.id) {
            findings.append(.safeguardNeverFired(safeguard.id, safeguard.location))
        }
        return findings
    }

    private func unchosen(_ id: String, _ list: OptionList, _ location: SourceLocation) -> [Finding] {
        list.options.filter { !(chosen[id]?.contains($0.code) ?? false) }.map {
            .optionNeverChosen(id, $0.code, $0.name, $0.location ?? location)
        }
    }

    /// One gap in coverage.
    package enum Finding: Sendable, Equatable {
        /// No simulated interview reached the question.
        case neverReached(String, SourceLocation)
        /// No simulated interview chose the option (variable, code, name).
        case optionNeverChosen(String, Int, String?, SourceLocation)
        /// The question's check (by index) never fired.
        case checkNeverFired(String, Int, SourceLocation)
        /// The question's warning (by index) never fired.
        case warningNeverFired(String, Int, SourceLocation)
        /// The safeguard never triggered.
        case safeguardNeverFired(String, SourceLocation)

        /// Where in the instrument.
        package var location: SourceLocation {
            switch self {
            case .neverReached(_, let l), .optionNeverChosen(_, _, _, let l), .checkNeverFired(_, _, let l),
                .warningNeverFired(_, _, let l), .safeguardNeverFired(_, let l):
                return l
            }
        }

        /// A sentence.
        package var message: String {
            switch self {
            case .neverReached(let id, _): return "`\(id)` was never asked: check its routing (ask_if) and the section's"
            case .optionNeverChosen(let id, let code, let name, _):
                return "option \(code)\(name.map { " (\($0))" } ?? "") of `\(id)` was never chosen"
            case .checkNeverFired(let id, let index, _): return "check \(index + 1) of `\(id)` never fired"
            case .warningNeverFired(let id, let index, _): return "warning \(index + 1) of `\(id)` never fired"
            case .safeguardNeverFired(let id, _): return "safeguard `\(id)` never triggered"
            }
        }
    }
}
