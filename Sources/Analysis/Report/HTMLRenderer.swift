import Foundation
import Presentation

/// One self-contained HTML page: inline CSS, inline SVG, no scripts, nothing fetched. Labels are
/// HTML text (they reflow on a phone); bars and histograms are SVG shapes; wide tables scroll
/// sideways on their own.
enum HTMLRenderer {
    static func render(_ blocks: [Block], title: String) -> String {
        var body = ""
        var contents: [(String, String)] = []
        var open = false
        // With several tables, the tables are the sections (h2) and variables sit inside (h3).
        let sections = blocks.contains { if case .section = $0 { return true } else { return false } }
        let (variableLevel, subLevel) = sections ? (3, 4) : (2, 3)
        for block in blocks {
            switch block {
            case .title(let text):
                body += "<h1>\(escape(text))</h1>\n"
            case .section(let text, let anchor):
                if open { body += "</section>\n" }
                body += "<section id=\"\(escape(anchor))\">\n<h2 class=\"table-title\">\(escape(text))</h2>\n"
                open = true
                contents.append((anchor, text))
            case .heading(let text, let anchor):
                if !sections {
                    if open { body += "</section>\n" }
                    body += "<section id=\"\(escape(anchor))\">\n"
                    open = true
                    contents.append((anchor, text))
                }
                body += "<h\(variableLevel) class=\"variable\">\(escape(text))</h\(variableLevel)>\n"
            case .subheading(let text):
                body += "<h\(subLevel) class=\"sub\">\(escape(text))</h\(subLevel)>\n"
            case .paragraph(let text):
                body += "<p>\(escape(text))</p>\n"
            case .warning(let text):
                body += "<p class=\"warning\"><strong>Note:</strong> \(escape(text))</p>\n"
            case .table(let table):
                body += self.table(table)
            case .chart(let chart):
                body += SVGCharts.render(chart)
            }
        }
        if open { body += "</section>\n" }
        var toc = ""
        if contents.count > 1 {
            toc = "<details class=\"contents\"><summary>Contents (\(contents.count))</summary><ol>\n"
            toc += contents.map { "<li><a href=\"#\(escape($0.0))\">\(escape($0.1))</a></li>" }.joined(separator: "\n")
            toc += "\n</ol></details>\n"
        }
        // The contents go after the first heading and the paragraphs that introduce the report.
        let marker = body.range(of: "<section") ?? body.endIndex..<body.endIndex
        body.insert(contentsOf: toc, at: marker.lowerBound)
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="peersurvey">
            <title>\(escape(title))</title>
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

    static func table(_ table: TableBlock) -> String {
        var out = "<div class=\"scroll\"><table>\n<thead><tr>"
        for (index, cell) in table.header.enumerated() {
            out += table.numeric.contains(index) ? "<th class=\"num\" scope=\"col\">" : "<th scope=\"col\">"
            out += escape(cell) + "</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for (number, row) in table.rows.enumerated() {
            out += table.totals.contains(number) ? "<tr class=\"total\">" : "<tr>"
            for index in table.header.indices {
                let cell = index < row.count ? row[index] : ""
                if index == 0 && !table.numeric.contains(0) {
                    out += "<th scope=\"row\">\(escape(cell))</th>"
                } else {
                    let suppressed = cell == "x" || cell.hasPrefix("<")
                    let classes = (table.numeric.contains(index) ? ["num"] : []) + (suppressed ? ["suppressed"] : [])
                    out += classes.isEmpty ? "<td>" : "<td class=\"\(classes.joined(separator: " "))\">"
                    out += escape(cell) + "</td>"
                }
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }

    static func escape(_ text: String) -> String { TextEscaping.html(text) }

    static let style = """
        :root { color-scheme: light; --ink: #1a1a1a; --muted: #5a5a5a; --rule: #d0d0d0; --bar: #2f6690;
          --missing: #c8553d; --hidden: #9a9a9a; --warn: #fff4d6; --warn-edge: #b7791f; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        main { max-width: 56rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
        h2, h3, h4 { line-height: 1.3; overflow-wrap: anywhere; }
        .table-title { font-size: 1.35rem; margin: 3rem 0 0.5rem; padding-top: 0.5rem; border-top: 4px solid var(--bar); }
        .variable { font-size: 1.15rem; margin: 2.5rem 0 0.5rem; padding-top: 0.5rem; border-top: 2px solid var(--rule); }
        .sub { font-size: 1rem; margin: 1.5rem 0 0.5rem; }
        p { margin: 0.5rem 0; max-width: 42rem; }
        .warning { background: var(--warn); border-left: 4px solid var(--warn-edge); padding: 0.5rem 0.75rem; }
        .scroll { overflow-x: auto; margin: 0.75rem 0; -webkit-overflow-scrolling: touch; }
        table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.95rem; }
        th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid var(--ink); font-weight: 600; }
        tbody th { font-weight: normal; }
        .num { text-align: right; white-space: nowrap; }
        tr.total th, tr.total td { font-weight: 600; }
        td.suppressed { color: var(--muted); font-style: italic; }
        .bars { margin: 0.75rem 0; }
        .bar-row { display: grid; grid-template-columns: minmax(7rem, 38%) 1fr 6.5rem; gap: 0.5rem; align-items: center; margin: 0.2rem 0; }
        .bar-label { overflow-wrap: anywhere; font-size: 0.95rem; }
        .bar-row svg { width: 100%; height: 1.1rem; display: block; }
        .bar-value { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; font-size: 0.9rem; }
        .caption { color: var(--muted); font-size: 0.85rem; margin: 0.25rem 0; }
        .stack svg { width: 100%; height: 1.25rem; display: block; }
        .legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.9rem; margin: 0.3rem 0 0.75rem; padding: 0; list-style: none; }
        .legend span.key { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.35rem; vertical-align: -0.05rem; }
        .histogram svg { width: 100%; max-width: 36rem; height: auto; display: block; }
        details.contents { margin: 1rem 0; }
        details.contents ol { columns: 2 14rem; font-size: 0.95rem; }
        a { color: var(--bar); }
        @media (max-width: 34rem) {
          main { padding: 0.75rem; }
          .bar-row { grid-template-columns: 1fr 6rem; }
          .bar-label { grid-column: 1 / -1; margin-bottom: -0.2rem; }
        }
        @media print { .warning { border: 1px solid var(--warn-edge); } details.contents { display: none; } }
        """
}
