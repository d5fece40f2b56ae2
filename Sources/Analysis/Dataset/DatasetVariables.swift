package import Instrument
import Store

/// Builds the variables of a dataset from its versions: kinds, labels and options from the newest
/// version that has each variable, codes that only older versions offered added after.
struct DatasetVariables {
    private(set) var variables: [DatasetVariable] = []

    init(_ versions: [Dataset.Version]) {
        var position: [String: Int] = [:]
        for version in versions.reversed() {
            let instrument = version.instrument
            let identifying = instrument.identifyingVariables
            let labels = VariableCatalogue(instrument)
            for variable in instrument.variables.all {
                guard let rowID = version.registration.variableIDs[variable.id] else { continue }
                let categories = Self.categories(variable.type, language: instrument.defaultLanguage)
                if let existing = position[variable.id] {
                    variables[existing].variableIDs[version.registration.rowID] = rowID
                    variables[existing].versions.insert(instrument.version, at: 0)
                    for category in categories where variables[existing].category(category.code) == nil {
                        variables[existing].categories.append(category)
                    }
                    continue
                }
                position[variable.id] = variables.count
                variables.append(
                    DatasetVariable(
                        name: variable.id, label: labels.label(of: variable.id, in: instrument.defaultLanguage),
                        kind: Self.kind(variable, identifying: identifying),
                        origin: variable.origin, categories: categories, location: variable.location,
                        versions: [instrument.version], variableIDs: [version.registration.rowID: rowID]))
            }
        }
    }

    static func kind(_ variable: Variable, identifying: Set<String>) -> DatasetVariable.Kind {
        if identifying.contains(variable.id) { return .identifying }
        switch variable.type {
        case .choice, .boolean: return .categorical
        case .set: return .multiple
        case .number(let integer): return integer ? .integer : .decimal
        case .text: return .text
        case .date: return .date
        }
    }

    static func categories(_ type: ValueType, language: String) -> [Category] {
        switch type {
        case .choice(let list), .set(let list):
            return list.options.map {
                Category(
                    code: $0.code, label: $0.label.text(in: language), name: $0.name, asksToSpecify: $0.specify != nil,
                    exclusive: $0.exclusive)
            }
        case .boolean:
            return [Category(code: 0, label: "false"), Category(code: 1, label: "true")]
        default:
            return []
        }
    }
}
