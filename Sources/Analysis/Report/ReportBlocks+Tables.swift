import Foundation
import Presentation

/// Cross-tabulations, groups, multiple response and scales as blocks.
extension ReportBlocks {
    func crossTab(_ table: CrossTab) -> [Block] {
        let names = table.columns.map(\.label)
        var counts = table.rows.indices.map { row in
            [table.rows[row].label] + table.cells[row].map(count) + [count(table.rowTotals[row])]
        }
        counts.append(["Total"] + table.columnTotals.map(count) + [count(table.total)])
        let numeric = Set(1...(names.count + 1))
        var blocks: [Block] = [
            .subheading("By \(table.by): \(table.byLabel)"),
            .table(
                TableBlock(
                    header: ["counts"] + names + ["total"], rows: counts, numeric: numeric, totals: [counts.count - 1])),
        ]
        for title in ["row %", "column %"] {
            let rows = table.rows.indices.map { row in
                [table.rows[row].label]
                    + table.columns.indices.map {
                        Formatting.percent(title == "row %" ? table.rowPercent(row, $0) : table.columnPercent(row, $0))
                    }
            }
            let word = title == "row %" ? "row" : "column"
            if rows.allSatisfy({ $0.dropFirst().allSatisfy(\.isEmpty) }) {
                blocks.append(
                    .paragraph(
                        "No \(word) percentages are shown: every \(word) has a hidden count, whose share they would reveal."
                    ))
            } else {
                blocks.append(
                    .table(TableBlock(header: [title] + names, rows: rows, numeric: Set(1...max(1, names.count)))))
            }
        }
        var text = "People who answered both questions: \(count(table.total))"
        if !table.leftOut.isShown {
            text += "; people who did not answer one of them are left out (their number is hidden: x)."
        } else if table.leftOut.people > 0 {
            text +=
                "; \(Formatting.plural(table.leftOut.people, "person")) who did not answer one of them \(table.leftOut.people == 1 ? "is" : "are") left out."
        } else {
            text += "."
        }
        blocks.append(.paragraph(text.replacingOccurrences(of: "persons", with: "people")))
        if let test = table.chiSquare {
            var text =
                "Pearson chi-square \(Formatting.statistic(test.statistic, places: 3)), df \(test.degreesOfFreedom), p \(Formatting.p(test.p))"
            text += " (\(test.smallExpected) of \(test.cells) cells have an expected count under 5"
            text += test.smallExpected * 5 > test.cells ? ", more than 1 in 5, so the p-value is unreliable)." : ")."
            blocks.append(.paragraph(text))
        } else if let note = table.chiSquareNote {
            blocks.append(.paragraph("Chi-square \(note)."))
        }
        return blocks
    }

    func grouped(_ grouped: GroupedSummary) -> [Block] {
        let rows = grouped.groups.map { group -> [String] in
            let summary = group.summary
            return [
                group.category.label, count(group.count), Formatting.statistic(summary?.mean),
                Formatting.statistic(summary?.standardDeviation), Formatting.number(summary?.minimum),
                Formatting.number(summary?.median), Formatting.number(summary?.maximum),
            ]
        }
        var blocks: [Block] = [
            .subheading("By \(grouped.by): \(grouped.byLabel)"),
            .table(
                TableBlock(
                    header: [grouped.by, "n", "mean", "SD", "min", "median", "max"], rows: rows, numeric: Set(1...6))),
        ]
        if !grouped.leftOut.isShown {
            blocks.append(
                .paragraph("Answers from people who did not answer \(grouped.by) are left out (their number is hidden: x)."))
        } else if grouped.leftOut.people > 0 {
            blocks.append(
                .paragraph(
                    "\(Formatting.plural(grouped.leftOut.people, "answer")) from people who did not answer \(grouped.by) \(grouped.leftOut.people == 1 ? "is" : "are") left out."
                ))
        }
        return blocks
    }

    func multiple(_ multiple: MultipleResponse, cases: CaseCounts) -> [Block] {
        var rows = multiple.options.map { option in
            [
                String(option.category.code), option.category.label, count(option.count),
                Formatting.percent(option.count.percent(of: multiple.responses)),
                Formatting.percent(option.count.percent(of: multiple.base)),
            ]
        }
        rows.append(["", "Selections", count(multiple.responses), multiple.responses.isShown ? "100.0" : "", ""])
        var blocks: [Block] = [
            .table(
                TableBlock(
                    header: ["code", "option", "count", "% of responses", "% of cases"], rows: rows,
                    numeric: [0, 2, 3, 4],
                    totals: [rows.count - 1])),
            .paragraph(
                "Base for % of cases: \(count(multiple.base)) cases that chose at least one option (of \(count(cases.valid)) who answered)."
            ),
            .chart(
                .bars(
                    caption: "% of cases",
                    multiple.options.map {
                        Chart.Bar(
                            label: $0.category.label, percent: $0.count.percent(of: multiple.base),
                            text: count($0.count))
                    })),
        ]
        for specified in multiple.specified {
            blocks.append(
                .paragraph(
                    "\(specified.category.label) (code \(specified.category.code)): \(count(specified.count)) wrote what it was, in \(specified.variable) (the words are not shown)."
                ))
        }
        return blocks
    }

    func groupedResponse(_ grouped: GroupedResponse, _ multiple: MultipleResponse) -> [Block] {
        let names = grouped.groups.map(\.category.label)
        var rows = multiple.options.indices.map { option in
            [multiple.options[option].category.label]
                + grouped.groups.map {
                    Formatting.percent($0.counts[option].percent(of: $0.base))
                }
        }
        rows.append(["Base (cases)"] + grouped.groups.map { count($0.base) })
        return [
            .subheading("% of cases by \(grouped.by): \(grouped.byLabel)"),
            .table(
                TableBlock(
                    header: ["option"] + names, rows: rows, numeric: Set(1...max(1, names.count)),
                    totals: [rows.count - 1])),
        ]
    }

    func scale(_ scale: ScaleResult) -> [Block] {
        var blocks: [Block] = [.heading("Scale \(scale.name): \(scale.label)", anchor: "scale-" + scale.name)]
        let reversed = scale.reversed.isEmpty ? "" : "; reversed first: \(scale.reversed.joined(separator: ", "))"
        blocks.append(
            .paragraph(
                "\(scale.items.count) items (\(scale.items.joined(separator: ", "))\(reversed)); \(people(scale.complete)) answered every item (listwise)."
            ))
        if let reliability = scale.reliability {
            var text =
                "Cronbach's alpha \(Formatting.statistic(reliability.alpha, places: 3)), standardised \(Formatting.statistic(reliability.standardisedAlpha, places: 3))"
            if let r = reliability.meanInterItemCorrelation {
                text += "; mean inter-item correlation \(Formatting.statistic(r, places: 3))"
            }
            blocks.append(.paragraph(text + "."))
            let rows = reliability.items.map { item in
                [
                    item.name + (item.reversed ? " (reversed)" : ""), Formatting.statistic(item.mean),
                    Formatting.statistic(item.standardDeviation),
                    Formatting.statistic(item.itemRestCorrelation, places: 3),
                    Formatting.statistic(item.alphaIfDeleted, places: 3),
                ]
            }
            blocks.append(
                .table(
                    TableBlock(
                        header: ["item", "mean", "SD", "item-rest r", "alpha if deleted"], rows: rows,
                        numeric: [1, 2, 3, 4])))
        }
        if let note = scale.note { blocks.append(.paragraph("Alpha \(note).")) }
        return blocks
    }
}
