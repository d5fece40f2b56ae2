import Presentation
import Foundation

/// The human codebook as Markdown: a header, the missing codes, then every variable with its
/// wording in every language, codes, checks, routing in plain words and frequencies. Every text
/// from the instrument or the study is escaped, so a label cannot become formatting or HTML.
package enum MarkdownCodebook {
    /// Renders a codebook.
    /// - Parameter codebook: The codebook.
    /// - Returns: The Markdown text.
    package static func render(_ codebook: Codebook) -> String {
        var out = ""
        let header = codebook.instrument
        let title = header.title.first?.text ?? header.id
        out += "# Codebook: \(escape(title))\n\n"
        for other in header.title.dropFirst() where other.text != title {
            out += "*\(escape(other.text))* (\(escape(other.language)))\n\n"
        }
        out += "Instrument `\(header.id)`, version \(header.version). "
        out += "Languages: \(header.languages.map(escape).joined(separator: ", ")).\n\n"
        for description in header.description {
            out += "\(languageTag(description.language, codebook))\(escape(description.text))\n\n"
        }
        if let study = codebook.study {
            out += "## The study\n\n"
            if let title = study.title { out += "- Study: \(escape(title))\n" }
            out += "- Interviews read: \(study.interviews) (\(study.statuses.joined(separator: ", ")))"
            out += " (instrument version\(study.versions.count == 1 ? "" : "s") "
            out += study.versions.map(String.init).joined(separator: ", ") + ")\n"
            if study.simulated > 0 { out += "- Made by `peersurvey simulate`: \(study.simulated)\n" }
            out += "\n\(escape(study.suppression))\n\n"
        } else {
            out += "Made from the instrument alone: no study was read, so there are no frequencies.\n\n"
        }
        for note in codebook.notes { out += "> \(inline(note))\n\n" }
        out += "## Missing codes\n\n"
        out += "| code | reason | " + header.languages.map { "label (\(escape($0)))" }.joined(separator: " | ") + " |\n"
        out += "| ---: | --- |" + String(repeating: " --- |", count: header.languages.count) + "\n"
        for code in codebook.missingCodes {
            let labels = header.languages.map { language in code.label.first { $0.language == language }?.text ?? "" }
            out += "| \(code.code) | `\(code.kind)` | " + labels.map(cell).joined(separator: " | ") + " |\n"
        }
        out += "\n"
        for part in codebook.parts where !part.variables.isEmpty {
            out += "## \(escape(part.title.first?.text ?? part.id))\n\n"
            for intro in part.intro { out += "\(languageTag(intro.language, codebook))\(escape(intro.text))\n\n" }
            if let condition = part.condition {
                out += "The whole section is asked if: \(words(condition)).\n\n"
            }
            for variable in part.variables { out += self.variable(variable, codebook) }
        }
        return out
    }

    static func variable(_ variable: CodebookVariable, _ codebook: Codebook) -> String {
        var out = "### `\(variable.name)`: \(escape(variable.label))\n\n"
        if variable.export == .sealed {
            out += "**Identifying: sealed, never exported.** Its answers are encrypted in the study database; "
            out += "no file made by `export` or `codebook` holds them or counts of their values.\n\n"
        } else if variable.export == .textOnRequest {
            out += "*Free text: exported only with `--include-text`, and then masked.*\n\n"
        }
        for wording in variable.wording {
            out += "> \(languageTag(wording.language, codebook))\(escape(wording.text))\n"
        }
        if !variable.wording.isEmpty { out += "\n" }
        out += "- Type: \(escape(variable.type))\n"
        if !variable.columns.isEmpty {
            out += "- Columns: " + variable.columns.map { "`\($0.name)` (\(escape($0.storage)))" }.joined(separator: ", ") + "\n"
        }
        for hint in variable.hint { out += "- Hint \(languageTag(hint.language, codebook))\(escape(hint.text))\n" }
        for instruction in variable.interviewer {
            out += "- Interviewer instruction \(languageTag(instruction.language, codebook))\(escape(instruction.text))\n"
        }
        if let range = variable.range { out += "- Range: \(escape(range))\n" }
        if !variable.wording.isEmpty {
            out += "- Routing: \(variable.routing.sentence(text: escape, code: { "`\(code($0))`" }))\n"
        }
        for rule in variable.rules {
            let message = rule.message.map { escape($0.text) }.joined(separator: " / ")
            out += "- \(rule.severity == "check" ? "Check" : "Warning") when \(words(rule.condition)): \(message)\n"
        }
        if let calculation = variable.calculation { out += "- Calculated as: `\(code(calculation))`\n" }
        if let score = variable.score {
            out += "- Score: the \(score.method) of " + score.items.map { "`\($0)`" }.joined(separator: ", ")
            out += "; reversed: " + (score.reversed.isEmpty ? "none" : score.reversed.map { "`\($0)`" }.joined(separator: ", "))
            out += "; computed when at least \(score.minAnswered) items are answered\n"
        }
        if !variable.missingCodes.isEmpty {
            out += "- Missing codes: " + variable.missingCodes.map { "\($0.code) \(escape($0.label))" }.joined(separator: ", ") + "\n"
        }
        out += "\n"
        if !variable.codes.isEmpty { out += codes(variable, codebook) }
        if let frequencies = variable.frequencies { out += self.frequencies(frequencies, variable) }
        return out
    }

    static func codes(_ variable: CodebookVariable, _ codebook: Codebook) -> String {
        let languages = codebook.instrument.languages.filter { language in
            variable.codes.contains { $0.label.contains { $0.language == language } }
        }
        var out = "| code | name | " + languages.map { "label (\(escape($0)))" }.joined(separator: " | ") + " |\n"
        out += "| ---: | --- |" + String(repeating: " --- |", count: languages.count) + "\n"
        for code in variable.codes {
            var labels = languages.map { language in code.label.first { $0.language == language }?.text ?? "" }.map(cell)
            if code.exclusive, !labels.isEmpty { labels[0] += " (clears the others)" }
            if code.asksToSpecify, !labels.isEmpty { labels[0] += " (asks them to say)" }
            out += "| \(code.code) | \(code.name.map { "`\($0)`" } ?? "") | " + labels.joined(separator: " | ") + " |\n"
        }
        return out + "\n"
    }

    static func frequencies(_ frequencies: CodebookFrequencies, _ variable: CodebookVariable) -> String {
        var out = "Frequencies (\(frequencies.total) interviews):\n\n"
        if !frequencies.rows.isEmpty {
            let share = frequencies.base == nil ? "valid %" : "% of cases"
            out += "| code | answer | count | \(share) |\n| ---: | --- | ---: | ---: |\n"
            for row in frequencies.rows {
                out += "| \(row.code) | \(cell(row.label)) | \(row.count.display) | \(percent(row.percent)) |\n"
            }
            out += "\n"
            if let base = frequencies.base {
                out += "Base: \(base.display) cases chose at least one option.\n\n"
            }
        }
        if let summary = frequencies.summary {
            out += "| n | mean | SD | minimum | median | maximum |\n| ---: | ---: | ---: | ---: | ---: | ---: |\n"
            out += "| \(NumberFormat.number(summary.n, places: 2)) | \(fixed(summary.mean)) | \(fixed(summary.standardDeviation)) | "
            out += "\(number(summary.minimum)) | \(number(summary.median)) | \(number(summary.maximum)) |\n\n"
        }
        if let months = frequencies.months, months.count == 2 {
            out += "Dates from \(months[0]) to \(months[1]) (months only).\n\n"
        }
        out += "| status | count |\n| --- | ---: |\n| answered | \(frequencies.answered.display) |\n"
        for missing in frequencies.missing {
            out += "| \(cell(missing.label)) (`\(missing.kind)`) | \(missing.count.display) |\n"
        }
        return out + "\n"
    }

    // MARK: Text

    static func languageTag(_ language: String, _ codebook: Codebook) -> String {
        codebook.instrument.languages.count > 1 ? "(\(escape(language))) " : ""
    }

    static func words(_ condition: PlainCondition) -> String {
        condition.isExpressionText ? "the condition `\(code(condition.text))`" : escape(condition.text)
    }

    /// A sentence we wrote that may hold backticked code: only the words outside backticks are escaped.
    static func inline(_ text: String) -> String {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().map { index, piece in
            index % 2 == 1 ? "`\(code(String(piece)))`" : escape(String(piece))
        }.joined()
    }

    /// Text for inside backticks: a backtick or newline would end or break the span.
    static func code(_ text: String) -> String {
        text.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "\n", with: " ")
    }

    /// A table cell: escaped, with pipes escaped too.
    static func cell(_ text: String) -> String { escape(text) }

    /// Escapes every character Markdown (and the HTML inside Markdown) would read as markup, and
    /// turns line breaks into spaces, so instrument text stays plain text.
    static func escape(_ text: String) -> String { TextEscaping.markdown(text) }

    /// A percentage as reports print it.
    static func percent(_ value: Double?) -> String { NumberFormat.percent(value) }
    /// A mean or SD as reports print it.
    static func fixed(_ value: Double?) -> String { NumberFormat.statistic(value) }
    /// A minimum, median or maximum as reports print it.
    static func number(_ value: Double?) -> String { NumberFormat.number(value) }
}
