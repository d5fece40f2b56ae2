/// "Did you mean ...?" for one file, within a fixed allowance of work.
///
/// Finding the closest name compares the misspelt word with every candidate, so a file with n
/// misspelt names among n variables costs n² comparisons: `check` of 8,000 unknown names took
/// 13.8 s and of 16,000, 64.7 s. A speller is made once per load and shared by every stage that
/// suggests; it compares at most ``allowance`` candidates in all (as compilers limit their
/// spell-checking: clang's `-fspell-checking-limit`), remembers its answers, and prepares the
/// variable names once. Past the allowance, errors are still reported, without a suggestion.
final class Speller {
    /// The candidate comparisons one file may spend on suggestions: far more than a real file
    /// needs (a 2,000-variable instrument with 100 different misspellings spends 200,000).
    static let defaultAllowance = 500_000

    /// Names longer than this are neither suggested nor looked up (a legal name has at most 32
    /// characters; a hostile 100,000-character one would make each comparison slow).
    static let longestName = 64

    /// Comparisons left.
    private(set) var remaining: Int
    /// Answers given, by candidate set and word.
    private var cache: [String: [String: String?]] = [:]
    /// Prepared candidate sets, by name.
    private var prepared: [String: [Candidate]] = [:]

    /// A candidate, lowercased and split into scalars once.
    struct Candidate {
        var name: String
        var lowered: [Unicode.Scalar]
        /// Its length in characters, which sets how many edits it allows.
        var length: Int

        init(_ name: String) {
            self.name = name
            lowered = Array(name.lowercased().unicodeScalars)
            length = name.count
        }
    }

    /// Creates a speller.
    /// - Parameter allowance: The candidate comparisons it may make in all.
    init(allowance: Int = Speller.defaultAllowance) { remaining = allowance }

    /// The closest candidate to `word`, as ``Suggestions/closest(to:in:)`` finds it, or `nil`
    /// when none is close or the allowance is spent.
    /// - Parameters:
    ///   - word: What the file says.
    ///   - candidates: The words that would have been accepted.
    ///   - set: A name for `candidates` when the same set is asked about repeatedly (the
    ///     variables), so that it is prepared once and answers are remembered.
    func closest(to word: String, in candidates: @autoclosure () -> [String], set: String? = nil) -> String? {
        if let set, let known = cache[set]?[word] { return known }
        let answer = search(word, set: set, candidates)
        if let set { cache[set, default: [:]][word] = .some(answer) }
        return answer
    }

    private func search(_ word: String, set: String?, _ candidates: () -> [String]) -> String? {
        guard remaining > 0 else { return nil }
        let lowered = Array(word.lowercased().unicodeScalars)
        guard lowered.count <= Self.longestName else { return nil }
        let list: [Candidate]
        if let set, let ready = prepared[set] {
            list = ready
        } else {
            list = candidates().map(Candidate.init)
            if let set { prepared[set] = list }
        }
        remaining -= list.count
        return Suggestions.closest(to: word, lowered: lowered, in: list)
    }
}
