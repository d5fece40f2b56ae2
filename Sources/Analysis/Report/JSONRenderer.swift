import Instrument
import Presentation
import Store

/// One JSON document. A count is a number when shown and the string `<N` or `x` when suppressed;
/// a statistic or percentage that may not be shown is `null`.
enum JSONRenderer {
    static func render(_ reports: [DescribeReport], title: String?) -> String {
        let document: JSON
        if reports.count == 1, title == nil {
            document = report(reports[0])
        } else {
            document = .object([("title", .string(title ?? "Report")), ("tables", .array(reports.map(report)))])
        }
        return document.rendered(.report) + "\n"
    }

    static func count(_ count: Count, _ minCell: Int) -> JSON {
        count.isShown ? .number(count.weight) : .string(Formatting.count(count, minCell: minCell))
    }

    static func category(_ category: Category?) -> [(String, JSON)] {
        guard let category else { return [("code", .null), ("label", .string("No answer"))] }
        return [("code", .number(Double(category.code))), ("label", .string(category.label))]
    }

    static func report(_ report: DescribeReport) -> JSON {
        let suppression = report.suppression
        return .object([
            ("title", .string(report.title)),
            ("instrument", .string(report.instrument)),
            ("instrument_title", .string(report.instrumentTitle)),
            ("versions", .array(report.versions.map { .number(Double($0)) })),
            ("statuses", .array(report.statuses.map { .string($0.rawValue) })),
            ("interviews", .number(Double(report.interviews))),
            ("simulated", .number(Double(report.simulated))),
            ("by", report.by.map(JSON.string) ?? .null),
            ("weight", report.weight.map(JSON.string) ?? .null),
            ("left_out_for_weight", .number(Double(report.unweighted))),
            ("percentiles", .string(report.percentiles.rawValue)),
            (
                "suppression",
                .object([
                    ("min_cell", .number(Double(suppression.minCell))),
                    ("hidden", .number(Double(suppression.small + suppression.hidden))),
                    ("merged", .number(Double(suppression.merged))),
                    ("withheld", .number(Double(suppression.withheld))),
                    ("explanation", .string(suppression.explanation)),
                ])
            ),
            ("notes", .array(report.notes.map(JSON.string))),
            ("variables", .array(report.variables.map { variable($0, suppression.minCell) })),
            ("scales", .array(report.scales.map { scale($0, suppression.minCell) })),
        ])
    }

    static func summary(_ summary: NumericSummary?) -> JSON {
        guard let summary else { return .null }
        return .object([
            ("n", .number(summary.n)), ("mean", .optional(summary.mean)), ("sd", .optional(summary.standardDeviation)),
            ("variance", .optional(summary.variance)), ("se_mean", .optional(summary.standardError)),
            ("min", .optional(summary.minimum)),
            (
                "percentiles",
                .object(
                    NumericSummary.proportions.map {
                        ("p\(Int(($0 * 100).rounded()))", .optional(summary.percentiles[$0]))
                    })
            ),
            ("max", .optional(summary.maximum)), ("mode", .optional(summary.mode)),
            ("skewness", .optional(summary.skewness)), ("skewness_se", .optional(summary.skewnessError)),
            ("kurtosis", .optional(summary.kurtosis)), ("kurtosis_se", .optional(summary.kurtosisError)),
        ])
    }

    static func variable(_ variable: VariableResult, _ minCell: Int) -> JSON {
        let cases = variable.cases
        var pairs: [(String, JSON)] = [
            ("name", .string(variable.name)), ("label", .string(variable.label)),
            ("kind", .string(variable.kind.rawValue)),
            (
                "cases",
                .object([
                    ("total", count(cases.total, minCell)), ("answered", count(cases.valid, minCell)),
                    ("missing", .object(cases.missing.map { ($0.kind.key, count($0.count, minCell)) })),
                ])
            ),
        ]
        if let rows = variable.frequencies {
            pairs.append(
                (
                    "frequencies",
                    .array(
                        rows.map { row in
                            .object(
                                category(row.category) + [
                                    ("count", count(row.count, minCell)),
                                    ("percent", .optional(row.count.percent(of: cases.total))),
                                    ("valid_percent", .optional(row.count.percent(of: cases.valid))),
                                    ("cumulative_percent", .optional(row.cumulativePercent)),
                                ])
                        })
                ))
            pairs.append(("codes", summary(variable.codeSummary)))
        }
        if variable.kind == .integer || variable.kind == .decimal {
            pairs.append(("summary", summary(variable.summary)))
            pairs.append(
                (
                    "histogram",
                    .array(
                        (variable.histogram ?? []).map { bin in
                            .object([
                                ("lower", .number(bin.lower)), ("upper", .number(bin.upper)),
                                ("count", count(bin.count, minCell)),
                            ])
                        })
                ))
        }
        if let dates = variable.dates {
            pairs.append(
                (
                    "dates",
                    .object([
                        ("earliest_month", .string(dates.earliest)), ("median_month", .string(dates.median)),
                        ("latest_month", .string(dates.latest)),
                    ])
                ))
        }
        if let multiple = variable.multiple {
            pairs.append(
                (
                    "multiple",
                    .object([
                        ("selections", count(multiple.responses, minCell)), ("base", count(multiple.base, minCell)),
                        (
                            "options",
                            .array(
                                multiple.options.map { option in
                                    .object(
                                        category(option.category) + [
                                            ("count", count(option.count, minCell)),
                                            (
                                                "percent_of_responses",
                                                .optional(option.count.percent(of: multiple.responses))
                                            ),
                                            ("percent_of_cases", .optional(option.count.percent(of: multiple.base))),
                                        ])
                                })
                        ),
                        (
                            "specified",
                            .array(
                                multiple.specified.map {
                                    .object(
                                        category($0.category) + [
                                            ("variable", .string($0.variable)), ("count", count($0.count, minCell)),
                                        ])
                                })
                        ),
                    ])
                ))
        }
        if let table = variable.crossTab { pairs.append(("crosstab", crossTab(table, minCell))) }
        if let grouped = variable.grouped {
            pairs.append(
                (
                    "by",
                    .object([
                        ("variable", .string(grouped.by)), ("left_out", count(grouped.leftOut, minCell)),
                        (
                            "groups",
                            .array(
                                grouped.groups.map { group in
                                    .object(
                                        category(group.category) + [
                                            ("n", count(group.count, minCell)), ("summary", summary(group.summary)),
                                        ])
                                })
                        ),
                    ])
                ))
        }
        if let grouped = variable.groupedResponse {
            pairs.append(
                (
                    "by",
                    .object([
                        ("variable", .string(grouped.by)), ("left_out", count(grouped.leftOut, minCell)),
                        (
                            "groups",
                            .array(
                                grouped.groups.map { group in
                                    .object(
                                        category(group.category) + [
                                            ("base", count(group.base, minCell)),
                                            ("counts", .array(group.counts.map { count($0, minCell) })),
                                            (
                                                "percent_of_cases",
                                                .array(group.counts.map { .optional($0.percent(of: group.base)) })
                                            ),
                                        ])
                                })
                        ),
                    ])
                ))
        }
        if variable.unreadable > 0 { pairs.append(("unreadable", .number(Double(variable.unreadable)))) }
        return .object(pairs)
    }

    static func crossTab(_ table: CrossTab, _ minCell: Int) -> JSON {
        var pairs: [(String, JSON)] = [
            ("by", .string(table.by)),
            ("rows", .array(table.rows.map { .object(category($0)) })),
            ("columns", .array(table.columns.map { .object(category($0)) })),
            ("counts", .array(table.cells.map { .array($0.map { count($0, minCell) }) })),
            ("row_totals", .array(table.rowTotals.map { count($0, minCell) })),
            ("column_totals", .array(table.columnTotals.map { count($0, minCell) })),
            ("total", count(table.total, minCell)),
            ("left_out", count(table.leftOut, minCell)),
            (
                "row_percents",
                .array(
                    table.rows.indices.map { row in
                        .array(table.columns.indices.map { .optional(table.rowPercent(row, $0)) })
                    })
            ),
            (
                "column_percents",
                .array(
                    table.rows.indices.map { row in
                        .array(table.columns.indices.map { .optional(table.columnPercent(row, $0)) })
                    })
            ),
        ]
        if let test = table.chiSquare {
            pairs.append(
                (
                    "chi_square",
                    .object([
                        ("statistic", .number(test.statistic)), ("df", .number(Double(test.degreesOfFreedom))),
                        ("p", .number(test.p)),
                        ("cells_expected_under_5", .number(Double(test.smallExpected))),
                        ("cells", .number(Double(test.cells))),
                    ])
                ))
        } else {
            pairs.append(("chi_square", .null))
            pairs.append(("chi_square_note", .string(table.chiSquareNote ?? "")))
        }
        return .object(pairs)
    }

    static func scale(_ scale: ScaleResult, _ minCell: Int) -> JSON {
        var pairs: [(String, JSON)] = [
            ("name", .string(scale.name)), ("label", .string(scale.label)),
            ("items", .array(scale.items.map(JSON.string))),
            ("reversed", .array(scale.reversed.map(JSON.string))),
            ("complete_cases", count(scale.complete, minCell)),
        ]
        if let reliability = scale.reliability {
            pairs += [
                ("alpha", .optional(reliability.alpha)),
                ("standardised_alpha", .optional(reliability.standardisedAlpha)),
                ("mean_inter_item_r", .optional(reliability.meanInterItemCorrelation)),
                (
                    "item_statistics",
                    .array(
                        reliability.items.map { item in
                            .object([
                                ("item", .string(item.name)), ("reversed", .bool(item.reversed)),
                                ("mean", .number(item.mean)),
                                ("sd", .number(item.standardDeviation)),
                                ("item_rest_r", .optional(item.itemRestCorrelation)),
                                ("alpha_if_deleted", .optional(item.alphaIfDeleted)),
                            ])
                        })
                ),
            ]
        }
        if let note = scale.note { pairs.append(("note", .string(note))) }
        return .object(pairs)
    }
}
