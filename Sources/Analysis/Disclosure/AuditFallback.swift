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
                    reports[index].suppression.hidden += hidden
                    reports[index].suppression.withheld += withheld
                }
            }
            audit = ReleaseAudit.audit(reports)
        }
        return audit
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
    private static func hideTables(_ variable: inout VariableResult) -> (hidden: Int, withheld: Int) {
        var hidden = 0, withheld = 0
        func hide(_ count: inout Count) {
            guard count.isShown, count.people > 0 else { return }
            count.visibility = .hidden
            hidden += 1
        }
        if var table = variable.crossTab {
            for row in table.cells.indices { for column in table.cells[row].indices { hide(&table.cells[row][column]) } }
            for index in table.rowTotals.indices { hide(&table.rowTotals[index]) }
            for index in table.columnTotals.indices { hide(&table.columnTotals[index]) }
            hide(&table.total)
            hide(&table.leftOut)
            if table.chiSquare != nil {
                table.chiSquare = nil
                table.chiSquareNote = "not shown: with a hidden count it could reveal that count"
                withheld += 1
            }
            variable.crossTab = table
        }
        if var grouped = variable.grouped {
            for index in grouped.groups.indices {
                hide(&grouped.groups[index].count)
                if grouped.groups[index].summary != nil {
                    grouped.groups[index].summary = nil
                    withheld += 1
                }
            }
            hide(&grouped.leftOut)
            variable.grouped = grouped
        }
        if var grouped = variable.groupedResponse {
            for index in grouped.groups.indices {
                hide(&grouped.groups[index].base)
                for option in grouped.groups[index].counts.indices { hide(&grouped.groups[index].counts[option]) }
            }
            hide(&grouped.leftOut)
            variable.groupedResponse = grouped
        }
        if var bins = variable.histogram, bins.contains(where: { !$0.count.isShown }) {
            for index in bins.indices { hide(&bins[index].count) }
            variable.histogram = bins
        }
        return (hidden, withheld)
    }
}
