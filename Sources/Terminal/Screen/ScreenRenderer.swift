import Foundation

/// Lays a ``Frame`` out for a terminal of a given size. Pure: the same frame and size always give
/// the same rows, so the layout is tested without a terminal.
///
/// From the top: the title, the status with a progress bar, a rule, the body (wrapped), the list
/// (scrolled to keep the cursor in view when it does not fit), the messages, and the keys at the
/// bottom row. When the body and the list do not both fit, the list keeps at least three rows
/// and the body is cut with "…".
package struct ScreenRenderer: Sendable {
    /// The terminal's size.
    package var size: RawTerminal.Size
    /// Colours or not.
    package var style: ScreenStyle

    /// A renderer for a size and style.
    package init(size: RawTerminal.Size, style: ScreenStyle) {
        self.size = size
        self.style = style
    }

    /// The rows of the screen, at most `size.height`, each at most `size.width` cells wide
    /// (not counting the style's escape sequences).
    package func rows(_ frame: Frame) -> [String] {
        let width = max(size.width, 10)
        let height = max(size.height, 6)
        var top: [String] = [style.title(TextLayout.truncate(frame.title, to: width))]
        if let status = frame.status {
            top.append(statusLine(status, progress: frame.progress, width: width))
        }
        top.append(style.quiet(String(repeating: "─", count: width)))

        let footer = packed(frame.footer, width: width).map { style.footer($0) }
        var messages: [String] = []
        for message in frame.messages {
            messages += messageRows(message, width: width)
        }
        if !messages.isEmpty { messages.insert("", at: 0) }

        // The messages sit under the answer; they and the keys always show, the body and the
        // list share what is left.
        let space = max(height - top.count - footer.count - messages.count, 1)
        var body = frame.body.flatMap { bodyRows($0, width: width) }
        while body.last == "" { body.removeLast() }
        let listRows = frame.items.count
        let gap = (!body.isEmpty && listRows > 0) ? 1 : 0
        var middle: [String]
        if body.count + gap + listRows <= space {
            middle = body + Array(repeating: "", count: gap) + items(frame, rows: listRows, width: width)
        } else {
            // The list comes first (every option should be in view), keeping a few lines of body.
            let listSpace = listRows == 0 ? 0 : min(listRows, max(3, space - gap - min(body.count, 4)))
            let bodySpace = max(space - listSpace - (listSpace > 0 ? gap : 0), 0)
            if body.count > bodySpace {
                body = Array(body.prefix(max(bodySpace - 1, 0))) + (bodySpace > 0 ? [style.quiet("…")] : [])
            }
            middle = body + Array(repeating: "", count: listSpace > 0 && bodySpace > 0 ? gap : 0)
            middle += items(frame, rows: min(listSpace, space - middle.count), width: width)
        }
        middle += messages
        let bottom = footer
        let space2 = height - top.count - bottom.count
        let filler = max(space2 - middle.count, 0)
        var rows = top + middle + Array(repeating: "", count: filler) + bottom
        if rows.count > height { rows = Array(rows.prefix(height)) }
        return rows
    }

    /// The text that draws `rows` over the previous frame: home, each row cleared then written,
    /// then the rest of the screen cleared. One write per frame.
    package func draw(_ rows: [String]) -> String {
        // Each row is cleared before it is written, not after: with the cursor in the last
        // column, clearing to the end of the line would take the last character with it.
        var out = "\u{1B}[H"
        for (index, row) in rows.enumerated() {
            out += "\u{1B}[2K" + row
            if index < rows.count - 1 { out += "\r\n" }
        }
        return out + "\u{1B}[J"
    }

    // MARK: - Parts

    /// The keys, separated by three spaces, packed into as few lines as fit without breaking one.
    private func packed(_ footer: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for part in footer.components(separatedBy: "   ") where !part.isEmpty {
            let candidate = line.isEmpty ? part : line + "   " + part
            if TextLayout.width(of: candidate) <= width || line.isEmpty {
                line = TextLayout.truncate(candidate, to: width)
            } else {
                lines.append(line)
                line = TextLayout.truncate(part, to: width)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    private func statusLine(_ status: String, progress: Double?, width: Int) -> String {
        guard let progress, width >= 40 else { return TextLayout.truncate(status, to: width) }
        let barWidth = min(24, width - TextLayout.width(of: status) - 4)
        guard barWidth >= 6 else { return TextLayout.truncate(status, to: width) }
        let filled = Int((min(max(progress, 0), 1) * Double(barWidth)).rounded())
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled) + "]"
        return status + "  " + style.quiet(bar)
    }

    private func bodyRows(_ block: Frame.Block, width: Int) -> [String] {
        switch block {
        case .gap: return [""]
        case .text(let text): return TextLayout.wrap(text, width: width)
        case .strong(let text): return TextLayout.wrap(text, width: width).map { style.strong($0) }
        case .quiet(let text): return TextLayout.wrap(text, width: width).map { style.quiet($0) }
        case .instruction(let text):
            return TextLayout.wrap("[Interviewer: " + text + "]", width: width).map { style.instruction($0) }
        case .field(let label, let text, let active):
            let prefix = label + ": "
            let room = max(width - TextLayout.width(of: prefix) - 2, 4)
            let shown = TextLayout.tail(text, cells: room)
            let caret = active ? (style.colour ? style.selected(" ") : "_") : ""
            return [prefix + shown + caret]
        }
    }

    private func messageRows(_ message: Frame.Message, width: Int) -> [String] {
        switch message {
        case .error(let text): return TextLayout.wrap("Check: " + text, width: width).map { style.error($0) }
        case .warning(let text): return TextLayout.wrap("Please check: " + text, width: width).map { style.warning($0) }
        case .info(let text): return TextLayout.wrap(text, width: width).map { style.info($0) }
        }
    }

    /// The list, `rows` high, scrolled so the cursor is in view, with "more" marks where cut.
    private func items(_ frame: Frame, rows: Int, width: Int) -> [String] {
        let items = frame.items
        guard rows > 0, !items.isEmpty else { return [] }
        let keyWidth = items.map { TextLayout.width(of: $0.key) }.max() ?? 0
        func row(_ index: Int) -> String {
            let item = items[index]
            let pointer = frame.cursor == index ? "›" : " "
            let key = item.key.isEmpty ? "" : String(repeating: " ", count: keyWidth - TextLayout.width(of: item.key)) + item.key + "."
            let head = [pointer, key, item.mark].filter { !$0.isEmpty }.joined(separator: " ") + " "
            let text = TextLayout.truncate(item.text, to: max(width - TextLayout.width(of: head), 4))
            let line = head + text
            return frame.cursor == index ? style.selected(line) : line
        }
        if items.count <= rows { return items.indices.map(row) }
        // Scrolled: keep the cursor in view; the first and last rows say what is hidden.
        let visible = max(rows - 2, 1)
        let cursor = frame.cursor ?? 0
        let first = min(max(cursor - visible / 2, 0), items.count - visible)
        let above = first, below = items.count - first - visible
        var out: [String] = []
        out.append(style.quiet(above > 0 ? "  ↑ \(above) more" : ""))
        out += (first..<(first + visible)).map(row)
        out.append(style.quiet(below > 0 ? "  ↓ \(below) more" : ""))
        return Array(out.prefix(rows))
    }
}
