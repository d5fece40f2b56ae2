extension InstrumentChecker {
    /// A safeguard's `after:` must name a question, grid or score; a safeguard on a score that
    /// exists before its last item is answered (`min_answered` below the number of items) and
    /// that does not wait for it is a warning: the script would interrupt the scale part-way.
    func checkSafeguards() {
        let candidates = instrument.variables.ids + instrument.scores.map(\.id) + nonVariables.keys.sorted()
        for safeguard in instrument.safeguards {
            if let after = safeguard.after {
                if instrument.variablesAwaited(by: after).isEmpty {
                    let suggestion = Suggestions.closest(to: after, in: candidates)
                    diagnostics.error(
                        "the safeguard `\(safeguard.id)` waits for `\(after.sanitizedForMessage)`, which is not a question, grid or score"
                            + Suggestions.didYouMean(suggestion),
                        at: safeguard.location, suggestion: suggestion)
                }
                continue
            }
            guard let used = safeguard.when.bound?.variableIndices else { continue }
            for score in instrument.scores where score.minAnswered < score.items.count {
                guard let index = instrument.variables.index(of: score.id), used.contains(index),
                    let last = score.items.last
                else { continue }
                diagnostics.warning(
                    "the safeguard `\(safeguard.id)` can fire before `\(last)`, the last item of the score `\(score.id)`, is asked (the score exists from \(score.minAnswered) of \(score.items.count) items); add `after: \(score.id)` so it waits for the whole scale",
                    at: safeguard.location)
            }
        }
    }
}
