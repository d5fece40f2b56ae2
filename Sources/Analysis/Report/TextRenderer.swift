import Presentation
import Foundation

/// Plain text for a terminal: headings underlined, paragraphs wrapped at 80 columns, tables with
/// aligned columns; no colour and no box drawing, so screen readers read it cleanly.
enum TextRenderer {
    static let width = 80

    static func render(_ blocks: [Block]) -> String {
        var out = ""
        for block in blocks {
            switch block {
            case .title(let text):
                out += text + "\n" + String(repeating: "=", count: min(width, text.count)) + "\n\n"
            case .section(let text, _):
                out += "\n\n" + text.uppercased() + "\n" + String(repeating: "=", count: min(width, text.count)) + "\n"
            case .heading(let text, _):
                out += "\n" + text + "\n" + String(repeating: "-", count: min(width, text.count)) + "\n"
            case .subheading(let text):
                out += "\n" + text + "\n"
            case .paragraph(let text):
                out += wrap(text) + "\n"
            case .warning(let text):
                out += wrap("NOTE: " + text) + "\n"
            case .table(let table):
                out += "\n" + render(table) + "\n"
            case .chart:
                continue
            }
        }
        return out
    }

    static func render(_ table: TableBlock) -> String {
        let columns = table.header.count
        var widths = table.header.map(\.count)
        for row in table.rows {
            for (index, cell) in row.enumerated() where index < columns {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for index in 0..<columns {
                let cell = index < cells.count ? cells[index] : ""
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                parts.append(table.numeric.contains(index) ? pad + cell : cell + pad)
            }
            var text = "  " + parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text + "\n"
        }
        return line(table.header) + line(widths.map { String(repeating: "-", count: $0) })
            + table.rows.map(line).joined()
    }

    /// Wraps at word boundaries to ``width`` columns.
    static func wrap(_ text: String) -> String {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !current.isEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }
}

/// Markdown: headings, paragraphs and pipe tables with numbers aligned right.
enum MarkdownRenderer {
    static func render(_ blocks: [Block]) -> String {
        var out = ""
        // In a report of several tables, variables are one level below the tables.
        let deeper = blocks.contains { if case .section = $0 { return true } else { return false } } ? "#" : ""
        for block in blocks {
            switch block {
            case .title(let text): out += "# \(escape(text))\n\n"
            case .section(let text, _): out += "## \(escape(text))\n\n"
            case .heading(let text, _): out += "\(deeper)## \(escape(text))\n\n"
            case .subheading(let text): out += "\(deeper)### \(escape(text))\n\n"
            case .paragraph(let text): out += escape(text) + "\n\n"
            case .warning(let text): out += "> **Note:** \(escape(text))\n\n"
            case .table(let table): out += render(table) + "\n"
            case .chart: continue
            }
        }
        return out
    }

    static func render(_ table: TableBlock) -> String {
        func row(_ cells: [String]) -> String {
            "| "
                + (0..<table.header.count).map {
                    $0 < cells.count ? cells[$0] : ""
                }
                .joined(separator: " | ") + " |\n"
        }
        let rule =
            "|" + table.header.indices.map { table.numeric.contains($0) ? " ---: " : " --- " }.joined(separator: "|")
            + "|\n"
        // Cells are escaped first, then totals made bold: escaping after would print `\*\*`.
        return row(table.header.map { $0.isEmpty ? " " : escape($0) }) + rule
            + table.rows.enumerated().map { index, cells in
                let escaped = cells.map(escape)
                return row(table.totals.contains(index) ? escaped.map { $0.isEmpty ? $0 : "**\($0)**" } : escaped)
            }.joined()
    }

    /// Escapes the characters Markdown would read as formatting.
    static func escape(_ text: String) -> String { TextEscaping.markdown(text) }
}
