import Presentation
import Analysis
/// The human codebook as one self-contained HTML page: inline CSS, no scripts, nothing fetched.
/// Tables have captions and header cells with scopes; texts in other languages carry their
/// `lang`; every text from the instrument or the study is escaped.
package enum HTMLCodebook {
    /// Renders a codebook.
    /// - Parameter codebook: The codebook.
    /// - Returns: The page.
    package static func render(_ codebook: Codebook) -> String {
        let header = codebook.instrument
        let title = header.title.first?.text ?? header.id
        var body = "<header>\n<h1>Codebook: \(escape(title))</h1>\n"
        for other in header.title.dropFirst() where other.text != title {
            body += "<p class=\"alt\"\(lang(other.language))>\(escape(other.text))</p>\n"
        }
        body += "<p>Instrument <code>\(escape(header.id))</code>, version \(header.version). "
        body += "Languages: \(escape(header.languages.joined(separator: ", "))).</p>\n"
        for description in header.description {
            body += "<p\(lang(description.language))>\(escape(description.text))</p>\n"
        }
        body += "</header>\n"
        if let study = codebook.study {
            body += "<section id=\"study\">\n<h2>The study</h2>\n<ul>\n"
            if let title = study.title { body += "<li>Study: \(escape(title))</li>\n" }
            body += "<li>Interviews read: \(study.interviews) (\(escape(study.statuses.joined(separator: ", ")))) (instrument version"
            body += "\(study.versions.count == 1 ? "" : "s") \(study.versions.map(String.init).joined(separator: ", ")))</li>\n"
            if study.simulated > 0 { body += "<li>Made by <code>peersurvey simulate</code>: \(study.simulated)</li>\n" }
            body += "</ul>\n<p class=\"note\">\(escape(study.suppression))</p>\n</section>\n"
        } else {
            body += "<p class=\"note\">Made from the instrument alone: no study was read, so there are no frequencies.</p>\n"
        }
        for note in codebook.notes { body += "<p class=\"note\">\(codeSpans(note))</p>\n" }
        body += missingCodes(codebook)
        body += contents(codebook)
        for part in codebook.parts where !part.variables.isEmpty {
            body += "<section id=\"section-\(escape(part.id))\">\n<h2>\(escape(part.title.first?.text ?? part.id))</h2>\n"
            for intro in part.intro { body += "<p\(lang(intro.language))>\(escape(intro.text))</p>\n" }
            if let condition = part.condition {
                body += "<p class=\"routing\">The whole section is asked if: \(words(condition)).</p>\n"
            }
            for variable in part.variables { body += self.variable(variable, codebook) }
            body += "</section>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(escape(header.languages.first ?? "en"))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="peersurvey">
            <title>Codebook: \(escape(title))</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            <main>
            \(body)</main>
            </body>
            </html>

            """
    }

    static func missingCodes(_ codebook: Codebook) -> String {
        let languages = codebook.instrument.languages
        var out = "<section id=\"missing-codes\">\n<h2>Missing codes</h2>\n<div class=\"scroll\"><table>\n"
        out += "<caption>The codes written in place of an answer</caption>\n<thead><tr><th scope=\"col\" class=\"num\">code</th>"
        out += "<th scope=\"col\">reason</th>"
        out += languages.map { "<th scope=\"col\">label (\(escape($0)))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for code in codebook.missingCodes {
            out += "<tr><th scope=\"row\" class=\"num\">\(code.code)</th><td><code>\(escape(code.kind))</code></td>"
            for language in languages {
                let text = code.label.first { $0.language == language }?.text ?? ""
                out += "<td\(lang(language))>\(escape(text))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table></div>\n</section>\n"
    }

    static func contents(_ codebook: Codebook) -> String {
        var out = "<nav aria-label=\"Contents\"><details class=\"contents\"><summary>Contents (\(codebook.variables.count))</summary><ol>\n"
        for variable in codebook.variables {
            out += "<li><a href=\"#var-\(escape(variable.name))\"><code>\(escape(variable.name))</code></a> "
            out += "\(escape(variable.label))</li>\n"
        }
        return out + "</ol></details></nav>\n"
    }

    static func variable(_ variable: CodebookVariable, _ codebook: Codebook) -> String {
        var out = "<article class=\"variable\" id=\"var-\(escape(variable.name))\">\n"
        out += "<h3><code>\(escape(variable.name))</code>: \(escape(variable.label))</h3>\n"
        switch variable.export {
        case .sealed:
            out += "<p class=\"sealed\"><strong>Identifying: sealed, never exported.</strong> Its answers are encrypted "
            out += "in the study database; no file made by <code>export</code> or <code>codebook</code> holds them or "
            out += "counts of their values.</p>\n"
        case .textOnRequest:
            out += "<p class=\"note\">Free text: exported only with <code>--include-text</code>, and then masked.</p>\n"
        case .exported, .readOut:
            break
        }
        for wording in variable.wording {
            out += "<blockquote class=\"wording\"\(lang(wording.language))>\(tag(wording.language, codebook))"
            out += "\(escape(wording.text))</blockquote>\n"
        }
        out += "<dl>\n<dt>Type</dt><dd>\(escape(variable.type))</dd>\n"
        if !variable.columns.isEmpty {
            out += "<dt>Columns</dt><dd>"
            out += variable.columns.map { "<code>\(escape($0.name))</code> (\(escape($0.storage)))" }.joined(separator: ", ")
            out += "</dd>\n"
        }
        for hint in variable.hint {
            out += "<dt>Hint</dt><dd\(lang(hint.language))>\(tag(hint.language, codebook))\(escape(hint.text))</dd>\n"
        }
        for instruction in variable.interviewer {
            out += "<dt>Interviewer instruction</dt><dd\(lang(instruction.language))>"
            out += "\(tag(instruction.language, codebook))\(escape(instruction.text))</dd>\n"
        }
        if let range = variable.range { out += "<dt>Range</dt><dd>\(escape(range))</dd>\n" }
        if !variable.wording.isEmpty {
            let routing = variable.routing.sentence(text: escape, code: { "<code>\(escape($0))</code>" })
            out += "<dt>Routing</dt><dd class=\"routing\">\(routing)</dd>\n"
        }
        for rule in variable.rules {
            out += "<dt>\(rule.severity == "check" ? "Check" : "Warning")</dt><dd>When \(words(rule.condition)): "
            out += rule.message.map { "<span\(lang($0.language))>\(escape($0.text))</span>" }.joined(separator: " / ")
            out += "</dd>\n"
        }
        if let calculation = variable.calculation {
            out += "<dt>Calculated as</dt><dd><code>\(escape(calculation))</code></dd>\n"
        }
        if let score = variable.score {
            out += "<dt>Score</dt><dd>The \(escape(score.method)) of "
            out += score.items.map { "<code>\(escape($0))</code>" }.joined(separator: ", ") + "; reversed: "
            out += score.reversed.isEmpty ? "none" : score.reversed.map { "<code>\(escape($0))</code>" }.joined(separator: ", ")
            out += "; computed when at least \(score.minAnswered) items are answered.</dd>\n"
        }
        if !variable.missingCodes.isEmpty {
            out += "<dt>Missing codes</dt><dd>"
            out += variable.missingCodes.map { "\($0.code) \(escape($0.label))" }.joined(separator: ", ") + "</dd>\n"
        }
        out += "</dl>\n"
        if !variable.codes.isEmpty { out += codes(variable, codebook) }
        if let frequencies = variable.frequencies { out += HTMLCodebook.frequencies(frequencies, variable) }
        return out + "</article>\n"
    }

    static func codes(_ variable: CodebookVariable, _ codebook: Codebook) -> String {
        let languages = codebook.instrument.languages.filter { language in
            variable.codes.contains { $0.label.contains { $0.language == language } }
        }
        var out = "<div class=\"scroll\"><table>\n<caption>Codes of <code>\(escape(variable.name))</code></caption>\n"
        out += "<thead><tr><th scope=\"col\" class=\"num\">code</th><th scope=\"col\">name</th>"
        out += languages.map { "<th scope=\"col\">label (\(escape($0)))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for code in variable.codes {
            out += "<tr><th scope=\"row\" class=\"num\">\(code.code)</th><td>"
            out += code.name.map { "<code>\(escape($0))</code>" } ?? ""
            out += "</td>"
            for (index, language) in languages.enumerated() {
                var text = escape(code.label.first { $0.language == language }?.text ?? "")
                if index == 0 && code.exclusive { text += " <em>(clears the others)</em>" }
                if index == 0 && code.asksToSpecify { text += " <em>(asks them to say)</em>" }
                out += "<td\(lang(language))>\(text)</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }

    static func frequencies(_ frequencies: CodebookFrequencies, _ variable: CodebookVariable) -> String {
        let name = "<code>\(escape(variable.name))</code>"
        var out = ""
        if !frequencies.rows.isEmpty {
            let share = frequencies.base == nil ? "valid %" : "% of cases"
            out += "<div class=\"scroll\"><table>\n<caption>Frequencies of \(name) (\(frequencies.total) interviews)</caption>\n"
            out += "<thead><tr><th scope=\"col\" class=\"num\">code</th><th scope=\"col\">answer</th>"
            out += "<th scope=\"col\" class=\"num\">count</th><th scope=\"col\" class=\"num\">\(share)</th></tr></thead>\n<tbody>\n"
            for row in frequencies.rows {
                out += "<tr><th scope=\"row\" class=\"num\">\(row.code)</th><td>\(escape(row.label))</td>"
                out += count(row.count) + "<td class=\"num\">\(MarkdownCodebook.percent(row.percent))</td></tr>\n"
            }
            out += "</tbody></table></div>\n"
            if let base = frequencies.base {
                out += "<p>Base: \(escape(base.display)) cases chose at least one option.</p>\n"
            }
        }
        if let summary = frequencies.summary {
            out += "<div class=\"scroll\"><table>\n<caption>Statistics of \(name)</caption>\n<thead><tr>"
            for heading in ["n", "mean", "SD", "minimum", "median", "maximum"] {
                out += "<th scope=\"col\" class=\"num\">\(heading)</th>"
            }
            out += "</tr></thead>\n<tbody><tr>"
            let values = [
                NumberFormat.number(summary.n, places: 2), MarkdownCodebook.fixed(summary.mean),
                MarkdownCodebook.fixed(summary.standardDeviation), MarkdownCodebook.number(summary.minimum),
                MarkdownCodebook.number(summary.median), MarkdownCodebook.number(summary.maximum),
            ]
            out += values.map { "<td class=\"num\">\($0)</td>" }.joined() + "</tr></tbody></table></div>\n"
        }
        if let months = frequencies.months, months.count == 2 {
            out += "<p>Dates from \(escape(months[0])) to \(escape(months[1])) (months only).</p>\n"
        }
        out += "<div class=\"scroll\"><table>\n<caption>Answered and reasons for no answer: \(name)</caption>\n"
        out += "<thead><tr><th scope=\"col\">status</th><th scope=\"col\" class=\"num\">count</th></tr></thead>\n<tbody>\n"
        out += "<tr><th scope=\"row\">answered</th>\(count(frequencies.answered))</tr>\n"
        for missing in frequencies.missing {
            out += "<tr><th scope=\"row\">\(escape(missing.label)) (<code>\(escape(missing.kind))</code>)</th>"
            out += count(missing.count) + "</tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }

    static func count(_ count: PublishedCount) -> String {
        count.isShown
            ? "<td class=\"num\">\(escape(count.display))</td>"
            : "<td class=\"num suppressed\">\(escape(count.display))</td>"
    }

    // MARK: Text

    static func lang(_ language: String) -> String { " lang=\"\(escape(language))\"" }

    static func tag(_ language: String, _ codebook: Codebook) -> String {
        codebook.instrument.languages.count > 1 ? "<span class=\"lang\">(\(escape(language)))</span> " : ""
    }

    static func words(_ condition: PlainCondition) -> String {
        condition.isExpressionText ? "the condition <code>\(escape(condition.text))</code>" : escape(condition.text)
    }

    /// A sentence we wrote with backticked variable names: the names become `<code>`.
    static func codeSpans(_ text: String) -> String {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().map { index, piece in
            index % 2 == 1 ? "<code>\(escape(String(piece)))</code>" : escape(String(piece))
        }.joined()
    }

    /// Escapes text for HTML content and attribute values.
    static func escape(_ text: String) -> String { TextEscaping.html(text) }

    static let style = """
        :root { color-scheme: light; --ink: #1a1a1a; --muted: #5a5a5a; --rule: #d0d0d0; --accent: #2f6690;
          --sealed: #fbe9e7; --sealed-edge: #b23c17; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        main { max-width: 56rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.6rem; line-height: 1.25; }
        h2 { font-size: 1.35rem; margin: 3rem 0 0.5rem; padding-top: 0.5rem; border-top: 4px solid var(--accent); }
        h3 { font-size: 1.15rem; margin: 2.5rem 0 0.5rem; padding-top: 0.5rem; border-top: 2px solid var(--rule); overflow-wrap: anywhere; }
        p, dd { max-width: 42rem; }
        .alt, .lang, .note { color: var(--muted); }
        blockquote.wording { margin: 0.5rem 0; padding: 0.25rem 0.75rem; border-left: 4px solid var(--accent); }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
        dt { font-weight: 600; }
        dd { margin: 0; }
        .sealed { background: var(--sealed); border-left: 4px solid var(--sealed-edge); padding: 0.5rem 0.75rem; }
        .scroll { overflow-x: auto; margin: 0.75rem 0; }
        table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.95rem; }
        caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
        th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid var(--ink); }
        tbody th { font-weight: normal; }
        .num { text-align: right; white-space: nowrap; }
        td.suppressed { color: var(--muted); font-style: italic; }
        code { font-size: 0.95em; overflow-wrap: anywhere; }
        a { color: var(--accent); }
        @media (max-width: 34rem) { dl { grid-template-columns: 1fr; } main { padding: 0.75rem; } }
        """
}
