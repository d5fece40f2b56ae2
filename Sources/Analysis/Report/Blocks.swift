/// The content of a report, independent of format: the text and Markdown renderers print it,
/// the HTML renderer adds charts from it. Every number in it has already been suppressed.
enum Block: Equatable {
    /// The report's title.
    case title(String)
    /// A table's title in a report of several tables (an analysis plan's).
    case section(String, anchor: String)
    /// A variable's or scale's heading, with an anchor for links.
    case heading(String, anchor: String)
    /// A smaller heading inside a variable.
    case subheading(String)
    /// A sentence or two.
    case paragraph(String)
    /// A sentence the reader must not miss (suppression off, simulated data).
    case warning(String)
    /// A table.
    case table(TableBlock)
    /// A chart (HTML only).
    case chart(Chart)
}

/// A table of text cells.
struct TableBlock: Equatable {
    var header: [String]
    var rows: [[String]]
    /// Columns aligned right (numbers).
    var numeric: Set<Int>
    /// Rows shown as totals (bold in HTML).
    var totals: Set<Int> = []
}

/// A chart for the HTML report.
enum Chart: Equatable {
    /// One bar.
    struct Bar: Equatable {
        var label: String
        /// The bar's length as a percentage; `nil` when the count is suppressed (no bar drawn).
        var percent: Double?
        /// The text at the end of the bar.
        var text: String
    }

    /// One part of the answered/missing bar.
    struct Segment: Equatable {
        var label: String
        var share: Double
        var text: String
        var missing: Bool
    }

    /// Horizontal bars (categories, options).
    case bars(caption: String, [Bar])
    /// Vertical bars over a number line.
    case histogram(caption: String, [HistogramBin], minCell: Int)
    /// One stacked bar: answered and each reason for no answer.
    case missingness([Segment])
}
