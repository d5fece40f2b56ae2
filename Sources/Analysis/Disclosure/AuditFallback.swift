/// The last resort when the audit of a release finds a hidden small count that the tables,
/// each suppressed with its own linked tables, still give away together (two cross-tabs that
/// share a hidden frequency, say): every count of the tables that mention the variable is
/// hidden, and their statistics withheld, until the audit passes or nothing is left to hide.
enum AuditFallback {
    /// Audits the reports and, while a small count is not protected, hides the tables involved.
    /// - Parameter reports: The reports of one run, changed in place.
    /// - Returns: The final audit.
    static func enforce(_ reports: inout [DescribeReport]) -> AuditSummary {
        var audit = ReleaseAudit.audit(reports)
        guard audit.unprotected > 0 else { return audit }
        var hiddenHere: [(report: Int, position: Int, count: Hidden)] = []
        var done = Set<String>(), removed = Set<String>()
        while audit.unprotected > 0 {
            let unprotected = Set(audit.findings.filter { !$0.isProtected }.map(\.variable))
            let names = unprotected.subtracting(done)
            guard !names.isEmpty else {
                // Hiding was not enough: leave the linked tables of those variables out altogether
                // (each `--by` table names every variable it links, so drop them all).
                let linked = unprotected.union(reports.flatMap(\.variables).filter { variable in
                    [variable.crossTab?.by, variable.grouped?.by, variable.groupedResponse?.by].contains { by in
                        by.map(unprotected.contains) ?? false
                    }
                }.map(\.name)).subtracting(removed)
                guard !linked.isEmpty else { break }
                removed.formUnion(linked)
                for index in reports.indices {
                    for position in reports[index].variables.indices
                    where linked.contains(reports[index].variables[position].name) {
                        reports[index].suppression.withheld += removeTables(&reports[index].variables[position])
                    }
                }
                audit = ReleaseAudit.audit(reports)
                continue
            }
            done.formUnion(names)
            for index in reports.indices {
                for position in reports[index].variables.indices where names.contains(reports[index].variables[position].name) {
                    let (hidden, withheld) = hideTables(&reports[index].variables[position])
                    hiddenHere += hidden.map { (index, position, $0) }
                    reports[index].suppression.hidden += hidden.count
                    reports[index].suppression.withheld += withheld
                }
            }
            audit = ReleaseAudit.audit(reports)
        }
        // Show again, one at a time, each count hidden here that is not small, whenever the
        // audit finds no more unprotected counts without it (a count the others fix exactly
        // protects nothing).
        let minCell = reports.first?.suppression.minCell ?? 0
        for entry in hiddenHere.reversed() {
            var variable = reports[entry.report].variables[entry.position]
            guard entry.count.present(variable) else { continue }
            let people = variable[keyPath: entry.count.path].people
            guard !(1..<max(minCell, 1)).contains(people) else { continue }
            variable[keyPath: entry.count.path].visibility = .shown
            let saved = reports[entry.report].variables[entry.position]
            reports[entry.report].variables[entry.position] = variable
            let retried = ReleaseAudit.audit(reports)
            if retried.unprotected <= audit.unprotected {
                audit = retried
                reports[entry.report].suppression.hidden -= 1
            } else {
                reports[entry.report].variables[entry.position] = saved
            }
        }
        return audit
    }

    /// A count the fallback hid: where it is in a variable's result, and whether its table is still there.
    struct Hidden {
        var path: WritableKeyPath<VariableResult, Count>
        var present: (VariableResult) -> Bool
    }

    /// Leaves out a variable's linked tables (cross-tab, groups); returns how many.
    private static func removeTables(_ variable: inout VariableResult) -> Int {
        let count = [variable.crossTab != nil, variable.grouped != nil, variable.groupedResponse != nil].filter { $0 }.count
        variable.crossTab = nil
        variable.grouped = nil
        variable.groupedResponse = nil
        return count
    }

    /// Hides every shown count of a variable's linked tables (cross-tab, groups) and histogram.
    private static func hideTables(_ variable: inout VariableResult) -> (hidden: [Hidden], withheld: Int) {
        var hidden: [Hidden] = [], withheld = 0
        func hide(_ path: WritableKeyPath<VariableResult, Count>, _ present: @escaping (VariableResult) -> Bool) {
            guard variable[keyPath: path].isShown, variable[keyPath: path].people > 0 else { return }
            variable[keyPath: path].visibility = .hidden
            hidden.append(Hidden(path: path, present: present))
        }
        if let table = variable.crossTab {
            let present: (VariableResult) -> Bool = { $0.crossTab != nil }
            for row in table.cells.indices {
                for column in table.cells[row].indices { hide(\.crossTab!.cells[row][column], present) }
            }
            for index in table.rowTotals.indices { hide(\.crossTab!.rowTotals[index], present) }
            for index in table.columnTotals.indices { hide(\.crossTab!.columnTotals[index], present) }
            hide(\.crossTab!.total, present)
            hide(\.crossTab!.leftOut, present)
            if table.chiSquare != nil {
                variable.crossTab!.chiSquare = nil
                variable.crossTab!.chiSquareNote = "not shown: with a hidden count it could reveal that count"
                withheld += 1
            }
        }
        if let grouped = variable.grouped {
            let present: (VariableResult) -> Bool = { $0.grouped != nil }
            for index in grouped.groups.indices {
                hide(\.grouped!.groups[index].count, present)
                if grouped.groups[index].summary != nil {
                    variable.grouped!.groups[index].summary = nil
                    withheld += 1
                }
            }
            hide(\.grouped!.leftOut, present)
        }
        if let grouped = variable.groupedResponse {
            let present: (VariableResult) -> Bool = { $0.groupedResponse != nil }
            for index in grouped.groups.indices {
                hide(\.groupedResponse!.groups[index].base, present)
                for option in grouped.groups[index].counts.indices {
                    hide(\.groupedResponse!.groups[index].counts[option], present)
                }
            }
            hide(\.groupedResponse!.leftOut, present)
        }
        if let bins = variable.histogram, bins.contains(where: { !$0.count.isShown }) {
            let present: (VariableResult) -> Bool = { $0.histogram != nil }
            for index in bins.indices { hide(\.histogram![index].count, present) }
        }
        return (hidden, withheld)
    }
}
