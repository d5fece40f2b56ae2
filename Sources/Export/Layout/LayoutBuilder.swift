package import Instrument
import Store

/// Builds an ``ExportLayout``: walks the instrument's variables in order and turns each into its
/// columns, or into a dropped entry.
struct LayoutBuilder {
    let instrument: Instrument
    let options: ExportOptions
    let olderVersions: [Instrument]
    let language: String
    private(set) var columns: [ExportColumn] = []
    private(set) var dropped: [DroppedVariable] = []
    private(set) var sets: [MultipleResponseSet] = []
    let allMissing: [ExportColumn.MissingValue]
    var questions: [String: Question] = [:]
    var gridOf: [String: (grid: Question, item: GridItem)] = [:]
    /// The variables of every version, oldest first.
    let catalogues: [VariableCatalogue]
    private var names = ColumnNames()

    /// Strings longer than this are cut (SPSS's longest string); the cut is counted in export.json.
    static let longestString = 32_767

    init(instrument: Instrument, options: ExportOptions, olderVersions: [Instrument]) {
        self.instrument = instrument
        self.options = options
        self.olderVersions = olderVersions
        language = instrument.defaultLanguage
        catalogues = (olderVersions + [instrument]).map(VariableCatalogue.init)
        allMissing = MissingKind.allCases.map { kind in
            let code = instrument.missing[kind]
            return ExportColumn.MissingValue(kind: kind, code: code.code, label: code.label.text(in: instrument.defaultLanguage))
        }.sorted { $0.code < $1.code }
        for version in olderVersions + [instrument] {
            for (_, question) in version.allQuestions {
                questions[question.id] = question
                if case .grid(_, let items) = question.kind {
                    for item in items { gridOf[item.id] = (question, item) }
                }
            }
        }
    }

    mutating func build() {
        addMetadata()
        let identifying = (olderVersions + [instrument]).reduce(into: Set<String>()) { $0.formUnion($1.identifyingVariables) }
        var seen = Set<String>()
        var variables: [(Variable, Instrument)] = []
        for version in [instrument] + olderVersions.reversed() {
            for variable in version.variables.all where seen.insert(variable.id).inserted {
                variables.append((variable, version))
            }
        }
        for (variable, owner) in variables {
            if identifying.contains(variable.id) {
                dropped.append(DroppedVariable(variableID: variable.id, reason: .identifying))
                continue
            }
            add(variable, owner: owner)
        }
    }

    // MARK: Metadata

    private mutating func addMetadata() {
        let custodian = options.profile == .custodian
        let statusLabels = ExportStatusCode.all.map { ExportColumn.CodeLabel(code: $0.code, label: $0.status.label) }
        let metadata: [(ExportColumn.Metadata, String, String, ExportColumn.Storage, ExportColumn.Measure)] = [
            (.participant, custodian ? "ps_code" : "ps_pseudonym",
             custodian ? "Participant code" : "Participant pseudonym (this release only)", .string(width: custodian ? 9 : 14),
             .nominal),
            (.version, "ps_version", "Instrument version", .numeric(decimals: 0), .nominal),
            (.interviewer, "ps_interviewer", "Interviewer code", .string(width: 16), .nominal),
            (.status, "ps_status", "Interview status", .numeric(decimals: 0), .nominal),
            (.outcome, "ps_outcome", "Reason the interview ended early", .string(width: 32), .nominal),
            (.month, "ps_month", "Month the interview started (YYYY-MM)", .string(width: 7), .ordinal),
        ]
        for (kind, name, label, storage, measure) in metadata {
            names.reserve(name)
            columns.append(
                ExportColumn(
                    name: name, label: label, role: .metadata(kind), variableID: nil, storage: storage,
                    valueLabels: kind == .status ? statusLabels : [], measure: measure))
        }
    }

    // MARK: Variables

    private mutating func add(_ variable: Variable, owner: Instrument) {
        let label = self.label(of: variable)
        switch variable.origin {
        case .specify:
            guard options.includeText else {
                dropped.append(DroppedVariable(variableID: variable.id, reason: .freeText))
                return
            }
            addText(variable, label: label, role: variable.originCode.map { .specify(code: $0) } ?? .text, length: 2000)
            return
        case .question, .gridItem, .calculation, .score:
            break
        }
        let missing = missingCodes(for: variable)
        switch variable.type {
        case .set(let list):
            addFlags(variable, list: merged(list, variable), label: label, missing: missing)
        case .choice(let list):
            let ordinal: Bool = if case .gridItem = variable.origin { true } else { false }
            append(
                variable, label: label, role: role(variable), storage: .numeric(decimals: 0),
                labels: merged(list, variable).options.map { ExportColumn.CodeLabel(code: $0.code, label: $0.label.text(in: language)) },
                missing: missing, measure: ordinal ? .ordinal : .nominal)
        case .boolean:
            append(
                variable, label: label, role: role(variable), storage: .numeric(decimals: 0),
                labels: [.init(code: 0, label: "false"), .init(code: 1, label: "true")], missing: missing, measure: .nominal)
        case .number(let integer):
            append(
                variable, label: label, role: role(variable), storage: .numeric(decimals: integer ? 0 : decimals(of: variable)),
                labels: [], missing: missing, measure: .scale, range: instrument.numericBounds(of: variable.id))
        case .date:
            let coarse = options.profile == .deidentified
            append(
                variable, label: label + (coarse ? " (year and month, YYYYMM)" : " (YYYYMMDD)"), role: role(variable),
                storage: .numeric(decimals: 0), labels: [], missing: missing, measure: .ordinal)
        case .text:
            guard options.includeText else {
                dropped.append(DroppedVariable(variableID: variable.id, reason: .freeText))
                return
            }
            var length = 2000
            if case .text(let range, _)? = questions[variable.id]?.kind { length = range.upperBound }
            addText(variable, label: label, role: variable.origin == .question ? .text : role(variable), length: length)
        }
    }

    private func role(_ variable: Variable) -> ExportColumn.Role {
        switch variable.origin {
        case .score: return .score
        case .calculation: return .calculation
        default: return .value
        }
    }

    private mutating func append(
        _ variable: Variable, label: String, role: ExportColumn.Role, storage: ExportColumn.Storage,
        labels: [ExportColumn.CodeLabel], missing: [ExportColumn.MissingValue], measure: ExportColumn.Measure,
        range: ClosedRange<Double>? = nil
    ) {
        columns.append(
            ExportColumn(
                name: names.claim(variable.id), label: label, role: role, variableID: variable.id, storage: storage,
                valueLabels: labels, missingCodes: missing, measure: measure, valueRange: range))
    }

    private mutating func addText(_ variable: Variable, label: String, role: ExportColumn.Role, length: Int) {
        // Characters can take four bytes each; a mask can be a little longer than what it hides.
        let width = max(1, min(Self.longestString, length * 4 + 16))
        columns.append(
            ExportColumn(
                name: names.claim(variable.id), label: label, role: role, variableID: variable.id,
                storage: .string(width: width), measure: .nominal))
    }

    private mutating func addFlags(
        _ variable: Variable, list: OptionList, label: String, missing: [ExportColumn.MissingValue]
    ) {
        // Not asked is blank in a flag; only the answers a participant gives keep their codes.
        let flagMissing = missing.filter { $0.kind == .refused || $0.kind == .dontKnow }
        var flagNames: [String] = []
        for option in list.options {
            let suffix = option.code < 0 ? "m\(-option.code)" : String(option.code)
            let name = names.claim("\(variable.id)_\(suffix)", keepingSuffix: "_\(suffix)")
            flagNames.append(name)
            columns.append(
                ExportColumn(
                    name: name, label: "\(label): \(option.label.text(in: language))", role: .optionFlag(code: option.code),
                    variableID: variable.id, storage: .numeric(decimals: 0),
                    valueLabels: [.init(code: 0, label: "Not chosen"), .init(code: 1, label: "Chosen")],
                    missingCodes: flagMissing, measure: .nominal, multipleResponseSet: variable.id))
        }
        sets.append(MultipleResponseSet(name: variable.id, label: label, columns: flagNames))
    }
}

extension Variable {
    /// The option code of a "please say" variable.
    var originCode: Int? {
        if case .specify(_, let code) = origin { return code }
        return nil
    }
}
