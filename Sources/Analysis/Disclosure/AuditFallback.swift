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
        var done = Set<String>()
        while audit.unprotected > 0 {
            let names = Set(audit.findings.filter { !$0.isProtected }.map(\.variable)).subtracting(done)
            guard !names.isEmpty else { break }
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
