/// Finds the likely intended word for a misspelt one ("did you mean ...?").
public enum Suggestions {
    /// The closest candidate to `word`, if it is close enough to be a plausible misspelling.
    /// - Parameters:
    ///   - word: What the user wrote.
    ///   - candidates: The words that would have been accepted.
    /// - Returns: The best candidate, or `nil` when none is close.
    public static func closest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        let lowered = Array(word.lowercased().unicodeScalars)
        return closest(
            to: word, lowered: lowered,
            in: candidates.lazy.map(Speller.Candidate.init))
    }

    /// The closest of prepared candidates (``Speller`` prepares a large set once).
    static func closest<S: Sequence>(to word: String, lowered: [Unicode.Scalar], in candidates: S) -> String?
    where S.Element == Speller.Candidate {
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate.name != word {
            if candidate.lowered == lowered { return candidate.name }
            // Only a distance within the candidate's allowance and below the best so far counts,
            // so the comparison can stop as soon as it passes that bound.
            let allowed = max(1, min(3, candidate.length / 3))
            let bound = min(allowed, (best?.distance ?? 4) - 1)
            guard bound >= 1, abs(lowered.count - candidate.lowered.count) <= bound else { continue }
            let distance = editDistance(lowered, candidate.lowered, limit: bound)
            if distance <= bound { best = (candidate.name, distance) }
        }
        return best?.name
    }

    /// `a, b, c` for a message, cut after `limit` items with how many more there are, so that a
    /// message about one of 10,000 options is not 10,000 options long (and a file with many such
    /// mistakes does not make output quadratic in its size).
    static func listed<C: Collection>(_ items: C, limit: Int = 12) -> String where C.Element == String {
        guard items.count > limit else { return items.joined(separator: ", ") }
        return items.prefix(limit).joined(separator: ", ") + ", and \(items.count - limit) more"
    }

    /// " (did you mean `x`?)"-style suffix, or an empty string.
    static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean `\($0)`?" } ?? ""
    }

    /// Damerau-Levenshtein distance (adjacent transpositions count 1), stopping early past `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit)
    }

    /// Damerau-Levenshtein distance of two scalar arrays, stopping early past `limit` (the
    /// result is then `limit + 1`). Three rows of one scratch buffer, so that a file's many
    /// comparisons allocate once each.
    static func editDistance(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar], limit: Int) -> Int {
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        let width = y.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
            // Rows i-2, i-1 and i start at these offsets, rotated after each row.
            var (previous2, previous, current) = (0, width, 2 * width)
            for j in 0..<width {
                rows[previous2 + j] = 0
                rows[previous + j] = j
            }
            for i in 1...x.count {
                rows[current] = i
                var rowMinimum = i
                for j in 1...y.count {
                    let cost = x[i - 1] == y[j - 1] ? 0 : 1
                    var value = min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
                    if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                        value = min(value, rows[previous2 + j - 2] + 1)
                    }
                    rows[current + j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit { return limit + 1 }
                (previous2, previous, current) = (previous, current, previous2)
            }
            return rows[previous + y.count]
        }
    }
}
