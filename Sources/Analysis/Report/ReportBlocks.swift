import Store
import Presentation

/// Lays out a report as blocks: the words, tables and charts every format shares.
struct ReportBlocks {
    let report: DescribeReport
    var minCell: Int { report.suppression.minCell }

    /// The blocks of one report; `section` makes its title a heading inside a longer document.
    func blocks(section: Bool = false) -> [Block] {
        var blocks: [Block] = [
            section ? .section(report.title, anchor: "table-" + Self.anchor(report.title)) : .title(report.title)
        ]
        blocks.append(.paragraph(overview))
        if report.suppression.isOn {
            blocks.append(.paragraph(report.suppression.explanation))
        } else {
            blocks.append(.warning(report.suppression.explanation))
        }
        for note in report.notes {
            blocks.append(note.contains("simulate") ? .warning(note) : .paragraph(note))
        }
        for variable in report.variables { blocks += self.variable(variable) }
        for scale in report.scales { blocks += self.scale(scale) }
        return blocks
    }

    var overview: String {
        let versions =
            report.versions.count == 1
            ? "version \(report.versions[0])" : "versions " + report.versions.map(String.init).joined(separator: ", ")
        let statuses = report.statuses.map(\.label).joined(separator: ", ")
        var text =
            "\(report.instrumentTitle) (\(report.instrument), \(versions)): \(Formatting.plural(report.interviews, "interview")) (\(statuses))"
        if let weight = report.weight { text += ", weighted by \(weight)" }
        if let by = report.by { text += ", by \(by)" }
        let method = report.percentiles == .type7 ? "R type 7" : "SPSS (R type 6)"
        return text + ". Percentiles: \(method)."
    }

    static func anchor(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    func count(_ count: Count) -> String { Formatting.count(count, minCell: minCell) }

    /// A count of people as words: "34 people", or with weights "a weighted total of 77466.49"
    /// (a sum of weights is not a number of people).
    func people(_ count: Count) -> String {
        report.weight == nil ? "\(self.count(count)) people" : "a weighted total of \(self.count(count))"
    }

    func variable(_ variable: VariableResult) -> [Block] {
        var blocks: [Block] = [.heading("\(variable.name): \(variable.label)", anchor: "var-" + variable.name)]
        blocks.append(
            .paragraph(
                "\(variable.kind.description.prefix(1).uppercased() + variable.kind.description.dropFirst()). "
                    + answeredSentence(variable.cases)))
        blocks.append(.chart(.missingness(segments(variable.cases))))
        switch variable.kind {
        case .categorical:
            blocks += frequencies(variable)
        case .integer, .decimal:
            blocks.append(.table(casesTable(variable.cases)))
            blocks += numeric(variable)
        case .multiple:
            blocks.append(.table(casesTable(variable.cases)))
            if let multiple = variable.multiple { blocks += self.multiple(multiple, cases: variable.cases) }
        case .text:
            blocks.append(.table(casesTable(variable.cases)))
            blocks.append(.paragraph("Free text: only the number of answers is shown, never the words."))
        case .identifying:
            blocks.append(.table(casesTable(variable.cases)))
            blocks.append(.paragraph("Identifying: the answers are sealed; only the number of answers is shown."))
        case .date:
            blocks.append(.table(casesTable(variable.cases)))
            if let dates = variable.dates {
                blocks.append(
                    .paragraph(
                        "Dates from \(dates.earliest) to \(dates.latest) (median month \(dates.median)); single days are not shown."
                    ))
            }
        }
        if let table = variable.crossTab { blocks += crossTab(table) }
        if let grouped = variable.grouped { blocks += self.grouped(grouped) }
        if let grouped = variable.groupedResponse, let multiple = variable.multiple {
            blocks += groupedResponse(grouped, multiple)
        }
        if variable.unreadable > 0 {
            blocks.append(
                .warning(
                    "\(Formatting.plural(variable.unreadable, "stored answer")) could not be read and \(variable.unreadable == 1 ? "is" : "are") left out."
                ))
        }
        return blocks
    }

    func answeredSentence(_ cases: CaseCounts) -> String {
        let percent = cases.valid.percent(of: cases.total).map { " (\(Formatting.percent($0))%)" } ?? ""
        return "Answered by \(count(cases.valid)) of \(count(cases.total))\(percent)."
    }

    /// The answered/missing bar: suppressed parts are drawn together as one, whose size can be
    /// worked out from the shown parts anyway.
    func segments(_ cases: CaseCounts) -> [Chart.Segment] {
        let total = cases.total.weight
        guard total > 0 else { return [] }
        var segments: [Chart.Segment] = []
        var suppressed = 0.0
        let parts = [("Answered", cases.valid, false)] + cases.missing.map { ($0.label, $0.count, true) }
        for (label, part, missing) in parts {
            if part.isShown {
                if part.weight > 0 {
                    segments.append(
                        Chart.Segment(label: label, share: part.weight / total, text: count(part), missing: missing))
                }
            } else {
                suppressed += part.weight
            }
        }
        if suppressed > 0 {
            segments.append(
                Chart.Segment(label: "Small counts (hidden)", share: suppressed / total, text: "x", missing: true))
        }
        return segments
    }

    func casesTable(_ cases: CaseCounts) -> TableBlock {
        var rows = [["Answered", count(cases.valid), Formatting.percent(cases.valid.percent(of: cases.total))]]
        for missing in cases.missing {
            rows.append([
                missing.label, count(missing.count), Formatting.percent(missing.count.percent(of: cases.total)),
            ])
        }
        rows.append(["Total", count(cases.total), "100.0"])
        return TableBlock(header: ["", "count", "percent"], rows: rows, numeric: [1, 2], totals: [rows.count - 1])
    }

    func frequencies(_ variable: VariableResult) -> [Block] {
        guard let rows = variable.frequencies else { return [] }
        let cases = variable.cases
        var table = rows.map { row in
            [
                String(row.category.code), row.category.label, count(row.count),
                Formatting.percent(row.count.percent(of: cases.total)),
                Formatting.percent(row.count.percent(of: cases.valid)), Formatting.percent(row.cumulativePercent),
            ]
        }
        table.append([
            "", "Answered", count(cases.valid), Formatting.percent(cases.valid.percent(of: cases.total)),
            cases.valid.isShown ? "100.0" : "", "",
        ])
        for missing in cases.missing {
            table.append([
                "", missing.label, count(missing.count), Formatting.percent(missing.count.percent(of: cases.total)), "",
                "",
            ])
        }
        table.append(["", "Total", count(cases.total), "100.0", "", ""])
        var blocks: [Block] = [
            .table(
                TableBlock(
                    header: ["code", "answer", "count", "percent", "valid %", "cumulative %"], rows: table,
                    numeric: [0, 2, 3, 4, 5],
                    totals: [rows.count, table.count - 1]))
        ]
        blocks.append(
            .chart(
                .bars(
                    caption: "Valid percent",
                    rows.map { row in
                        Chart.Bar(
                            label: row.category.label, percent: row.count.percent(of: cases.valid),
                            text: count(row.count))
                    })))
        if let codes = variable.codeSummary {
            blocks.append(
                .paragraph(
                    "As numbers, the codes have mean \(Formatting.statistic(codes.mean)), SD \(Formatting.statistic(codes.standardDeviation)) and median \(Formatting.number(codes.median))."
                ))
        }
        return blocks
    }

    func numeric(_ variable: VariableResult) -> [Block] {
        guard let summary = variable.summary else {
            switch variable.cases.valid.visibility {
            case .small, .hidden:
                return [.paragraph("Statistics are not shown: the number who answered is hidden.")]
            case .shown: return []
            }
        }
        var rows: [[String]] = [
            ["n", Formatting.number(summary.n, places: 2)],
            ["mean", Formatting.statistic(summary.mean)],
            ["standard deviation", Formatting.statistic(summary.standardDeviation)],
            ["standard error of the mean", Formatting.statistic(summary.standardError, places: 3)],
            ["minimum", Formatting.number(summary.minimum)],
        ]
        for p in NumericSummary.proportions {
            rows.append([p == 0.5 ? "median" : "percentile \(Int(p * 100))", Formatting.number(summary.percentiles[p])])
        }
        rows.append(["maximum", Formatting.number(summary.maximum)])
        rows.append(["mode", Formatting.number(summary.mode)])
        rows.append(["skewness (SE)", Self.withError(summary.skewness, summary.skewnessError)])
        rows.append(["kurtosis (SE)", Self.withError(summary.kurtosis, summary.kurtosisError)])
        var blocks: [Block] = [.table(TableBlock(header: ["statistic", "value"], rows: rows, numeric: [1]))]
        if let bins = variable.histogram, !bins.isEmpty {
            blocks.append(.chart(.histogram(caption: "Histogram of \(variable.name)", bins, minCell: minCell)))
        }
        return blocks
    }

    static func withError(_ value: Double?, _ error: Double?) -> String {
        guard let value else { return "" }
        return Formatting.statistic(value, places: 3)
            + (error.map { " (\(Formatting.statistic($0, places: 3)))" } ?? "")
    }
}
