/// The formats a report can be written in.
package enum ReportFormat: String, Sendable, CaseIterable, Codable {
    /// Aligned plain-text tables for a terminal (readable by screen readers).
    case text
    /// Markdown with pipe tables, to paste into a report.
    case markdown
    /// One row per number (long format), for spreadsheets and scripts.
    case csv
    /// One JSON document, for scripts.
    case json
    /// One self-contained HTML page with SVG charts, readable on a phone.
    case html

    /// The usual file extension.
    package var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .markdown: return "md"
        case .csv: return "csv"
        case .json: return "json"
        case .html: return "html"
        }
    }
}

/// Writes reports in any ``ReportFormat``. Every format prints the same suppressed numbers:
/// a hidden count never reaches a renderer as a number.
package enum ReportRenderer {
    /// Renders one or more tables as one document.
    /// - Parameters:
    ///   - reports: The tables, in order.
    ///   - format: The format.
    ///   - title: The document's title when there are several tables (an analysis plan's title).
    /// - Returns: The document; byte-identical for the same reports.
    package static func render(_ reports: [DescribeReport], format: ReportFormat, title: String? = nil) -> String {
        switch format {
        case .text: return TextRenderer.render(documentBlocks(reports, title: title))
        case .markdown: return MarkdownRenderer.render(documentBlocks(reports, title: title))
        case .csv: return CSVRenderer.render(reports)
        case .json: return JSONRenderer.render(reports, title: title)
        case .html:
            return HTMLRenderer.render(
                documentBlocks(reports, title: title), title: title ?? reports.first?.title ?? "Report")
        }
    }

    static func documentBlocks(_ reports: [DescribeReport], title: String?) -> [Block] {
        if reports.count == 1, title == nil { return ReportBlocks(report: reports[0]).blocks() }
        var blocks: [Block] = [.title(title ?? "Report")]
        for report in reports { blocks += ReportBlocks(report: report).blocks(section: true) }
        return blocks
    }
}
