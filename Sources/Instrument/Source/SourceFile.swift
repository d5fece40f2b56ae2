/// The text of one instrument file, with fast lookup from a Unicode-scalar offset to a line and
/// column and back.
public struct SourceFile: Sendable {
    /// The path as the user named it; used in every diagnostic.
    public let path: String
    /// The whole text.
    public let text: String
    /// The text as Unicode scalars, so that columns count what libyaml counts.
    let scalars: [Unicode.Scalar]
    /// The scalar offset at which each line starts.
    let lineStarts: [Int]

    /// Creates a source file from already-decoded text.
    /// - Parameters:
    ///   - path: The path to show in diagnostics.
    ///   - text: The text.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
        let scalars = Array(text.unicodeScalars)
        var starts = [0]
        for (index, scalar) in scalars.enumerated() where scalar == "\n" {
            starts.append(index + 1)
        }
        self.scalars = scalars
        self.lineStarts = starts
    }

    /// The location of a scalar offset.
    /// - Parameter offset: An offset into `scalars`, clamped to the text.
    /// - Returns: Its 1-based line and column.
    public func location(ofOffset offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, scalars.count))
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        return SourceLocation(file: path, line: low + 1, column: clamped - lineStarts[low] + 1)
    }

    /// The scalar offset of a 1-based line and column, clamped to the text.
    public func offset(line: Int, column: Int) -> Int {
        guard line >= 1 else { return 0 }
        guard line <= lineStarts.count else { return scalars.count }
        return min(scalars.count, lineStarts[line - 1] + max(0, column - 1))
    }

    /// Part of a 1-based line, without its line break: at most `width` scalars from the 0-based
    /// column offset `start`, or `nil` past the end. Quoting a window rather than the line keeps
    /// the cost of a diagnostic bounded when a hostile file puts 100,000 characters on one line.
    /// - Returns: The text, and whether the line goes on past it.
    func line(_ number: Int, from start: Int, width: Int) -> (text: String, more: Bool)? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let lineStart = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : scalars.count
        if end > lineStart, scalars[end - 1] == "\r" { end -= 1 }
        let from = min(end, lineStart + max(0, start))
        let to = min(end, from + max(0, width))
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[from..<to])
        return (String(text), to < end)
    }

    /// The text of a 1-based line, without its line break, or `nil` past the end.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : scalars.count
        if end > start, scalars[end - 1] == "\r" { end -= 1 }
        var line = String.UnicodeScalarView()
        line.append(contentsOf: scalars[start..<max(start, end)])
        return String(line)
    }
}
