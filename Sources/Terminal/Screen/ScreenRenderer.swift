import Foundation

/// Lays a ``Frame`` out for a terminal of a given size. Pure: the same frame and size always give
/// the same rows, so the layout is tested without a terminal.
///
/// From the top: the banner and title, the status with a progress bar, a rule, the body
/// (wrapped), the list (every entry wrapped in full, scrolled to keep the cursor in view when it
/// does not fit, with "more" marks), the messages, and the keys at the bottom. When the body and
/// the list do not both fit, the list keeps at least a few rows and the body's words are cut
/// with "…"; a typing field is never cut.
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

    private var width: Int { max(size.width, 10) }
    private var height: Int { max(size.height, 6) }

    /// The rows of the screen, at most `size.height`, each at most `size.width` cells wide
    /// (not counting the style's escape sequences).
    package func rows(_ frame: Frame) -> [String] {
        let parts = layout(frame)
        var rows = parts.top + parts.middle
        rows += Array(repeating: "", count: max(height - rows.count - parts.footer.count, 0)) + parts.footer
        return Array(rows.prefix(height))
    }

    /// How the list fits: its rows in full, how many show at once (for a screen that must be
    /// read to its end before going on), and how many rows the cursor's entry takes (an entry
    /// taller than the view is read by scrolling inside it).
    package func listFit(_ frame: Frame) -> (total: Int, visible: Int, cursorRows: Int) {
        let parts = layout(frame)
        let cursorRows = frame.cursor.flatMap { frame.items.indices.contains($0) ? itemRows($0, frame: frame, width: width).count : nil } ?? 0
        return (parts.listTotal, parts.listVisible, cursorRows)
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

    // MARK: - Layout

    private struct Parts {
        var top: [String]
        var middle: [String]
        var footer: [String]
        var listTotal: Int
        var listVisible: Int
    }

    private func layout(_ frame: Frame) -> Parts {
        var top: [String] = []
        if let banner = frame.banner {
            // The banner and the title share the first row when they fit, else each has one.
            let both = "[" + banner + "]  " + frame.title
            if TextLayout.width(of: both) <= width {
                top.append(style.title(both))
            } else {
                top += [style.warning(TextLayout.truncate("[" + banner + "]", to: width)), style.title(TextLayout.truncate(frame.title, to: width))]
            }
        } else {
            top.append(style.title(TextLayout.truncate(frame.title, to: width)))
        }
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
        var blocks = frame.body
        while blocks.last == .gap { blocks.removeLast() }
        let fieldIndex = blocks.firstIndex { if case .field = $0 { return true } else { return false } }
        let fieldRows = fieldIndex.map { bodyRows(blocks[$0], width: width) } ?? []
        var before = blocks[..<(fieldIndex ?? blocks.count)].flatMap { bodyRows($0, width: width) }
        let after = fieldIndex.map { blocks[($0 + 1)...].flatMap { bodyRows($0, width: width) } } ?? []
        let itemRows = frame.items.indices.map { self.itemRows($0, frame: frame, width: width) }
        let listTotal = itemRows.reduce(0) { $0 + $1.count }
        let bodyCount = before.count + fieldRows.count + after.count
        let gap = (bodyCount > 0 && listTotal > 0) ? 1 : 0
        var middle: [String]
        var listSpace: Int
        if bodyCount + gap + listTotal <= space {
            listSpace = listTotal
            middle = before + fieldRows + after
        } else {
            // The list comes first (the options should be in view), keeping a few lines of body;
            // the body is cut before its field, never the field itself.
            let keep = min(bodyCount, 4 + fieldRows.count)
            listSpace = listTotal == 0 ? 0 : min(listTotal, max(3, space - gap - keep))
            let bodySpace = max(space - listSpace - (listSpace > 0 ? gap : 0), 0)
            let room = max(bodySpace - fieldRows.count - after.count, 0)
            // Short of rows, the blank lines between paragraphs go before any words do.
            if before.count > room { before.removeAll { $0.isEmpty } }
            if before.count > room {
                before = Array(before.prefix(max(room - 1, 0))) + (room > 0 ? [style.quiet("…")] : [])
            }
            middle = Array((before + fieldRows + after).prefix(bodySpace))
            listSpace = min(listSpace, max(space - middle.count - gap, 0))
        }
        var listVisible = listTotal
        if listSpace > 0 {
            if !middle.isEmpty { middle += Array(repeating: "", count: gap) }
            let list = window(itemRows, frame: frame, rows: listSpace)
            listVisible = list.visible
            middle += list.rows
        }
        middle += messages
        return Parts(top: top, middle: middle, footer: footer, listTotal: listTotal, listVisible: listVisible)
    }

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
        case .instruction(let text): return TextLayout.wrap(text, width: width).map { style.instruction($0) }
        case .field(let label, let text, let active, let rows):
            let caret = active ? (style.colour ? style.selected(" ") : "_") : ""
            if rows <= 1 {
                let prefix = label + ": "
                let room = max(width - TextLayout.width(of: prefix) - 1, 4)
                return [prefix + TextLayout.tail(text, cells: room) + caret]
            }
            // A long answer: a box of `rows` lines, wrapped, showing the end of what is typed.
            let inner = max(width - 3, 4)
            var lines = TextLayout.wrap(text, width: inner)
            if let last = lines.last, TextLayout.width(of: last) >= inner, active { lines.append("") }
            var shown = Array(lines.suffix(rows))
            let hidden = lines.count - shown.count
            while shown.count < rows { shown.append("") }
            let lastTyped = min(lines.count, rows) - 1
            var out = [TextLayout.truncate(label + (hidden > 0 ? "  (↑ +\(hidden))" : ""), to: width)]
            for (index, line) in shown.enumerated() {
                out.append("│ " + line + (index == max(lastTyped, 0) ? caret : ""))
            }
            return out
        }
    }

    private func messageRows(_ message: Frame.Message, width: Int) -> [String] {
        switch message {
        case .error(let text): return TextLayout.wrap(text, width: width).map { style.error($0) }
        case .warning(let text): return TextLayout.wrap(text, width: width).map { style.warning($0) }
        case .info(let text): return TextLayout.wrap(text, width: width).map { style.info($0) }
        }
    }

    /// One entry of the list, wrapped to the width with the rows after the first indented under
    /// its words.
    private func itemRows(_ index: Int, frame: Frame, width: Int) -> [String] {
        let item = frame.items[index]
        let keyWidth = frame.items.filter { $0.look == .normal }.map { TextLayout.width(of: $0.key) }.max() ?? 0
        switch item.look {
        case .heading:
            return TextLayout.wrap(item.text, width: width).map { style.quiet($0) }
        case .plain:
            return TextLayout.wrap(item.text, width: width)
        case .normal:
            break
        }
        let selected = frame.cursor == index
        let pointer = selected ? "›" : " "
        let key = item.key.isEmpty ? "" : String(repeating: " ", count: keyWidth - TextLayout.width(of: item.key)) + item.key + "."
        let head = [pointer, key, item.mark].filter { !$0.isEmpty }.joined(separator: " ") + " "
        let headWidth = TextLayout.width(of: head)
        let lines = TextLayout.wrap(item.text, width: max(width - headWidth, 4))
        let rows = lines.enumerated().map { offset, line in
            (offset == 0 ? head : String(repeating: " ", count: headWidth)) + line
        }
        return selected ? rows.map { style.selected($0) } : rows
    }

    /// The list's rows that fit in `rows`: scrolled to the cursor's entry (or by the frame's
    /// scroll), with a row saying what is hidden above and below.
    private func window(_ items: [[String]], frame: Frame, rows: Int) -> (rows: [String], visible: Int) {
        let all = items.flatMap { $0 }
        guard rows > 0 else { return ([], 0) }
        if all.count <= rows { return (all, all.count) }
        let visible = max(rows - 2, 1)
        var first: Int
        if let cursor = frame.cursor, items.indices.contains(cursor) {
            let start = items[..<cursor].reduce(0) { $0 + $1.count }
            let end = start + items[cursor].count
            // The cursor's entry in view, a little below the top when there is room; an entry
            // taller than the view is scrolled inside by the frame's scroll.
            if end - start >= visible {
                first = start + min(max(frame.scroll, 0), end - start - visible)
            } else {
                first = max(min(start - (visible - (end - start)) / 2, start), end - visible)
            }
        } else {
            first = frame.scroll
        }
        first = min(max(first, 0), all.count - visible)
        let above = first, below = all.count - first - visible
        var out: [String] = []
        out.append(style.quiet(above > 0 ? "  ↑ +\(above)" : ""))
        out += all[first..<(first + visible)]
        out.append(style.quiet(below > 0 ? "  ↓ +\(below)" : ""))
        return (Array(out.prefix(rows)), visible)
    }
}
