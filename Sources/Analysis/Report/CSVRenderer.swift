import Foundation
import Presentation
import Instrument

/// Long-format CSV: one number per row, `table,variable,group,category,code,statistic,value`.
/// A suppressed count is `<N` or `x`; a percentage that could reveal one is left empty.
enum CSVRenderer {
    static let header = ["table", "variable", "group", "category", "code", "statistic", "value"]

    static func render(_ reports: [DescribeReport]) -> String {
        var lines = [header.joined(separator: ",")]
        for report in reports {
            var writer = Writer(table: report.title, minCell: report.suppression.minCell)
            writer.report(report)
            lines += writer.lines
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    struct Writer {
        let table: String
        let minCell: Int
        var lines: [String] = []

        mutating func add(
            _ variable: String, group: String = "", _ category: String, code: String = "", _ statistic: String,
            _ value: String
        ) {
            lines.append(
                [table, variable, group, category, code, statistic, value].map(CSVRenderer.field).joined(separator: ",")
            )
        }

        mutating func add(
            _ variable: String, group: String = "", _ category: String, code: String = "", _ statistic: String,
            number: Double?
        ) {
            guard let number else { return }
            add(variable, group: group, category, code: code, statistic, Formatting.exact(number))
        }

        func count(_ count: Count) -> String {
            count.isShown ? Formatting.exact(count.weight) : Formatting.count(count, minCell: minCell)
        }

        mutating func report(_ report: DescribeReport) {
            add("", "", "interviews", String(report.interviews))
            add("", "", "simulated", String(report.simulated))
            add("", "", "min_cell", String(report.suppression.minCell))
            for variable in report.variables { self.variable(variable) }
            for scale in report.scales { self.scale(scale) }
        }

        mutating func cases(_ name: String, _ cases: CaseCounts) {
            add(name, "total", "count", count(cases.total))
            add(name, "answered", "count", count(cases.valid))
            add(name, "answered", "percent", number: cases.valid.percent(of: cases.total))
            for missing in cases.missing {
                add(name, missing.label, code: missing.kind.key, "count", count(missing.count))
                add(
                    name, missing.label, code: missing.kind.key, "percent",
                    number: missing.count.percent(of: cases.total))
            }
        }

        mutating func summary(_ name: String, group: String = "", prefix: String = "", _ summary: NumericSummary) {
            let values: [(String, Double?)] = [
                ("n", summary.n), ("mean", summary.mean), ("sd", summary.standardDeviation),
                ("se_mean", summary.standardError),
                ("min", summary.minimum), ("max", summary.maximum), ("mode", summary.mode),
                ("skewness", summary.skewness),
                ("skewness_se", summary.skewnessError), ("kurtosis", summary.kurtosis),
                ("kurtosis_se", summary.kurtosisError),
            ]
            for (statistic, value) in values { add(name, group: group, "", prefix + statistic, number: value) }
            for p in NumericSummary.proportions {
                add(name, group: group, "", prefix + "p\(Int((p * 100).rounded()))", number: summary.percentiles[p])
            }
        }

        mutating func variable(_ variable: VariableResult) {
            let name = variable.name
            cases(name, variable.cases)
            for row in variable.frequencies ?? [] {
                let code = String(row.category.code)
                add(name, row.category.label, code: code, "count", count(row.count))
                add(
                    name, row.category.label, code: code, "percent", number: row.count.percent(of: variable.cases.total)
                )
                add(
                    name, row.category.label, code: code, "valid_percent",
                    number: row.count.percent(of: variable.cases.valid))
                add(name, row.category.label, code: code, "cumulative_percent", number: row.cumulativePercent)
            }
            if let codes = variable.codeSummary { summary(name, prefix: "codes_", codes) }
            if let summary = variable.summary { self.summary(name, summary) }
            for bin in variable.histogram ?? [] {
                add(
                    name, "\(Formatting.exact(bin.lower)) to \(Formatting.exact(bin.upper))", "histogram_count",
                    count(bin.count))
            }
            if let dates = variable.dates {
                add(name, "", "earliest_month", dates.earliest)
                add(name, "", "median_month", dates.median)
                add(name, "", "latest_month", dates.latest)
            }
            if let multiple = variable.multiple { self.multiple(name, multiple) }
            if let table = variable.crossTab { crossTab(name, table) }
            if let grouped = variable.grouped {
                add(name, group: grouped.by, "left out", "count", count(grouped.leftOut))
            }
            if let grouped = variable.groupedResponse {
                add(name, group: grouped.by, "left out", "count", count(grouped.leftOut))
            }
            for group in variable.grouped?.groups ?? [] {
                let label = group.category.label
                add(name, group: label, "", "n", count(group.count))
                if let summary = group.summary { self.summary(name, group: label, summary) }
            }
            if let grouped = variable.groupedResponse, let multiple = variable.multiple {
                for group in grouped.groups {
                    let label = group.category.label
                    add(name, group: label, "base", "count", count(group.base))
                    for (index, option) in multiple.options.enumerated() {
                        let code = String(option.category.code)
                        add(name, group: label, option.category.label, code: code, "count", count(group.counts[index]))
                        add(
                            name, group: label, option.category.label, code: code, "percent_of_cases",
                            number: group.counts[index].percent(of: group.base))
                    }
                }
            }
        }

        mutating func multiple(_ name: String, _ multiple: MultipleResponse) {
            add(name, "selections", "count", count(multiple.responses))
            add(name, "base", "count", count(multiple.base))
            for option in multiple.options {
                let code = String(option.category.code)
                add(name, option.category.label, code: code, "count", count(option.count))
                add(
                    name, option.category.label, code: code, "percent_of_responses",
                    number: option.count.percent(of: multiple.responses))
                add(
                    name, option.category.label, code: code, "percent_of_cases",
                    number: option.count.percent(of: multiple.base))
            }
            for specified in multiple.specified {
                add(
                    name, specified.category.label, code: String(specified.category.code), "specified_count",
                    count(specified.count))
            }
        }

        mutating func crossTab(_ name: String, _ table: CrossTab) {
            for row in table.rows.indices {
                let label = table.rows[row].label, code = String(table.rows[row].code)
                for column in table.columns.indices {
                    let group = table.columns[column].label
                    add(name, group: group, label, code: code, "count", count(table.cells[row][column]))
                    add(name, group: group, label, code: code, "row_percent", number: table.rowPercent(row, column))
                    add(
                        name, group: group, label, code: code, "column_percent",
                        number: table.columnPercent(row, column))
                }
            }
            add(name, group: table.by, "answered both", "count", count(table.total))
            add(name, group: table.by, "left out", "count", count(table.leftOut))
            if let test = table.chiSquare {
                add(name, group: table.by, "", "chi_square", number: test.statistic)
                add(name, group: table.by, "", "df", String(test.degreesOfFreedom))
                add(name, group: table.by, "", "p", number: test.p)
                add(name, group: table.by, "", "cells_expected_under_5", String(test.smallExpected))
            }
        }

        mutating func scale(_ scale: ScaleResult) {
            add(scale.name, "", "complete_cases", count(scale.complete))
            guard let reliability = scale.reliability else { return }
            add(scale.name, "", "alpha", number: reliability.alpha)
            add(scale.name, "", "standardised_alpha", number: reliability.standardisedAlpha)
            add(scale.name, "", "mean_inter_item_r", number: reliability.meanInterItemCorrelation)
            for item in reliability.items {
                add(scale.name, item.name, "item_mean", number: item.mean)
                add(scale.name, item.name, "item_sd", number: item.standardDeviation)
                add(scale.name, item.name, "item_rest_r", number: item.itemRestCorrelation)
                add(scale.name, item.name, "alpha_if_deleted", number: item.alphaIfDeleted)
            }
        }
    }
}
