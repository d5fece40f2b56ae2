/// Maps a position inside a scalar's value back to the file, whatever the scalar's style: plain,
/// quoted with escapes, or a literal or folded block. This is what puts the caret of an
/// expression error under the right character.
struct ScalarLocator {
    let source: SourceFile

    /// The location of the scalar at `index` (counted in Unicode scalars of the value).
    /// - Parameters:
    ///   - index: An offset into the value; clamped to the value.
    ///   - node: A scalar node of `source`.
    /// - Returns: The location in the file, or the node's own location if the value cannot be
    ///   followed through the source.
    func location(ofIndex index: Int, in node: YAMLNode) -> SourceLocation {
        guard case .scalar(let value, let style) = node.kind else { return node.location }
        let valueScalars = Array(value.unicodeScalars)
        let target = max(0, min(index, valueScalars.count))
        let s = source.scalars
        var j = source.offset(line: node.location.line, column: node.location.column)
        switch style {
        case .plain:
            break
        case .singleQuoted, .doubleQuoted:
            j += 1
        case .literal, .folded:
            // The content starts on the line after the block header (`|`, `>-`, `|2` ...).
            while j < s.count, s[j] != "\n" { j += 1 }
            j += 1
        }
        let begin = j
        let isBlock = style == .literal || style == .folded
        var indent = 0
        if isBlock {
            // The block's indentation is that of its first non-empty line.
            var k = j
            while k < s.count {
                var spaces = 0
                while k + spaces < s.count, s[k + spaces] == " " { spaces += 1 }
                if k + spaces < s.count, s[k + spaces] != "\n" {
                    indent = spaces
                    break
                }
                k += spaces + 1
            }
        }
        var i = 0
        var handledLineStart = -1
        while i < target, j < s.count {
            if j > begin, s[j - 1] == "\n", handledLineStart != j {
                j = Self.skipIndentation(s, from: j, block: isBlock, indent: indent)
                handledLineStart = j
                continue
            }
            let want = valueScalars[i]
            if style == .doubleQuoted, s[j] == "\\" {
                j += Self.escapeLength(s, j)
                i += 1
                continue
            }
            if style == .singleQuoted, s[j] == "'", j + 1 < s.count, s[j + 1] == "'" {
                j += 2
                i += 1
                continue
            }
            if s[j] == want {
                j += 1
                i += 1
                continue
            }
            if s[j] == "\n", want == " " || want == "\n" {
                j += 1  // A line break folded into a space.
                i += 1
                continue
            }
            // Trailing spaces before a fold, an empty line, or a carriage return: skip them.
            if s[j] == " " || s[j] == "\t" || s[j] == "\r" || s[j] == "\n" {
                j += 1
                continue
            }
            return node.location  // The value cannot be followed; fall back to the start.
        }
        // The target may start a line (for a block, also the first one): its indentation is not
        // part of the value either.
        let atLineStart = j < s.count && (j > begin ? s[j - 1] == "\n" : isBlock)
        if atLineStart, handledLineStart != j {
            j = Self.skipIndentation(s, from: j, block: isBlock, indent: indent)
        }
        return source.location(ofOffset: j)
    }

    /// Skips a line's indentation, which is not part of the value: a block strips its own
    /// indent, other styles fold all leading white space.
    private static func skipIndentation(_ s: [Unicode.Scalar], from start: Int, block: Bool, indent: Int) -> Int {
        var j = start
        if block {
            while j - start < indent, j < s.count, s[j] == " " { j += 1 }
        } else {
            while j < s.count, s[j] == " " || s[j] == "\t" { j += 1 }
        }
        return j
    }

    /// How many source scalars a double-quoted escape at `j` spans.
    private static func escapeLength(_ s: [Unicode.Scalar], _ j: Int) -> Int {
        guard j + 1 < s.count else { return 1 }
        switch s[j + 1] {
        case "x": return 4
        case "u": return 6
        case "U": return 10
        case "\n":
            var k = j + 2
            while k < s.count, s[k] == " " || s[k] == "\t" { k += 1 }
            return k - j
        default: return 2
        }
    }
}
