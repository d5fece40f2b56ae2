import Instrument
package import Store

extension LayoutBuilder {
    /// The label of a variable, from the newest version that defines it (the catalogue's rule,
    /// the same as the analysis).
    func label(of variable: Variable) -> String {
        for catalogue in catalogues.reversed() where catalogue.source(of: variable.id) != nil {
            return catalogue.label(of: variable.id, in: language)
        }
        return variable.id
    }

    /// The missing codes that can occur in a variable, lowest code first.
    func missingCodes(for variable: Variable) -> [ExportColumn.MissingValue] {
        var kinds: Set<MissingKind> = [.notApplicable, .notReached]
        switch variable.origin {
        case .question:
            kinds.formUnion(questions[variable.id]?.allow ?? [])
        case .gridItem:
            kinds.formUnion(gridOf[variable.id]?.grid.allow ?? [])
        case .specify, .calculation, .score:
            break
        }
        let versions = olderVersions + [instrument]
        if versions.contains(where: { $0.variables[variable.id] == nil }) { kinds.insert(.notInVersion) }
        return allMissing.filter { kinds.contains($0.kind) }
    }

    /// A variable's options with any codes that only older versions offered added after.
    func merged(_ list: OptionList, _ variable: Variable) -> OptionList {
        var merged = list
        for version in olderVersions.reversed() {
            guard let older = version.variables[variable.id] else { continue }
            switch older.type {
            case .choice(let options), .set(let options):
                for option in options.options where merged.option(code: option.code) == nil {
                    merged.options.append(option)
                }
            default:
                break
            }
        }
        return merged
    }

    /// Digits after the point shown for a decimal variable.
    func decimals(of variable: Variable) -> Int {
        if case .decimal(_, let decimals)? = questions[variable.id]?.kind, let decimals { return decimals }
        return 2
    }
}

/// Column names that SPSS and Stata take: unique ignoring case, at most 32 bytes.
struct ColumnNames {
    static let longest = 32
    private var taken = Set<String>()

    mutating func reserve(_ name: String) { taken.insert(name.lowercased()) }

    /// A unique name from `base`, shortened (keeping `suffix`) when too long.
    mutating func claim(_ base: String, keepingSuffix suffix: String = "") -> String {
        var counter = 1
        while true {
            let extra = counter == 1 ? "" : "_\(counter)"
            let keep = suffix + extra
            let stem = String(base.dropLast(suffix.count).utf8.prefix(max(1, Self.longest - keep.utf8.count)))!
            let candidate = stem + keep
            if taken.insert(candidate.lowercased()).inserted { return candidate }
            counter += 1
        }
    }
}

/// The numeric code of each interview status in the `ps_status` column.
package struct ExportStatusCode: Sendable, Equatable {
    /// The status.
    package var status: Store.InterviewStatus
    /// Its code.
    package var code: Int

    /// Every status with its code: completed 1, broken off 2, suspended 3, active 4, no consent 5.
    package static let all: [ExportStatusCode] = [
        .init(status: .completed, code: 1), .init(status: .brokenOff, code: 2), .init(status: .suspended, code: 3),
        .init(status: .active, code: 4), .init(status: .noConsent, code: 5),
    ]

    /// The code of a status.
    package static func code(of status: Store.InterviewStatus) -> Int { all.first { $0.status == status }!.code }
}
