import Instrument
package import Store

/// Why an analysis cannot run. Messages name variables and instruments, never answers.
package enum AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database has no instrument registered (no interview was ever started).
    case noInstruments(path: String)
    /// The database has several instruments and none was chosen.
    case chooseInstrument(available: [String])
    /// No instrument has this id.
    case unknownInstrument(String, available: [String])
    /// A stored version of the instrument does not load with this build.
    case unloadableVersion(instrument: String, version: Int, detail: String)
    /// No variable has this name; `option` names where it was given (`--by`), if not a list.
    case unknownVariable(String, instrument: String, option: String?, suggestion: String?)
    /// The variable exists but cannot be used this way.
    case unsuitableVariable(String, option: String, needs: String, found: String)
    /// Reading the database failed.
    case store(StoreError)
    /// The study has no plan, so it has no waves.
    case noPlan(path: String)
    /// The plan has no wave with this id.
    case unknownWave(String, available: [String])

    /// A sentence for the user that says what to do.
    package var description: String {
        switch self {
        case .noInstruments(let path):
            return "\(path) holds no instrument yet; interview or simulate first, then describe"
        case .chooseInstrument(let available):
            return
                "the database holds several instruments (\(available.joined(separator: ", "))); choose one with --instrument"
        case .unknownInstrument(let name, let available):
            let suggestion = Suggestions.closest(to: name, in: available).map { "; did you mean `\($0)`?" } ?? ""
            return
                "no instrument `\(name)` in the database (it holds \(available.joined(separator: ", ")))\(suggestion)"
        case .unloadableVersion(let instrument, let version, let detail):
            return
                "version \(version) of \(instrument) stored in the database does not load with this peersurvey: \(detail)"
        case .unknownVariable(let name, let instrument, let option, let suggestion):
            let place = option.map { " (given to \($0))" } ?? ""
            let hint =
                suggestion.map { "; did you mean `\($0)`?" } ?? "; `peersurvey describe --db FILE` lists every variable"
            return "\(instrument) has no variable `\(name)`\(place)\(hint)"
        case .unsuitableVariable(let name, let option, let needs, let found):
            return "\(option) needs \(needs), but `\(name)` is \(found)"
        case .store(let error):
            return error.description
        case .noPlan(let path):
            return "\(path) has no study plan, so it has no waves to compare; record one with `peersurvey study plan --db \(path) studies/PLAN.yaml`"
        case .unknownWave(let name, let available):
            let suggestion = Suggestions.closest(to: name, in: available).map { "; did you mean `\($0)`?" } ?? ""
            return "the study plan has no wave `\(name)` (its waves are \(available.joined(separator: ", ")))\(suggestion)"
        }
    }

    /// Whether the mistake is in how the command was used (exit 64) rather than in the data.
    package var isUsageError: Bool {
        switch self {
        case .chooseInstrument, .unknownInstrument, .unknownVariable, .unsuitableVariable, .noPlan, .unknownWave:
            return true
        case .noInstruments, .unloadableVersion, .store: return false
        }
    }
}
