extension InstrumentChecker {
    /// Score items must exist, be numeric, appear once, and have known bounds when reversed.
    func checkScores() {
        for score in instrument.scores {
            var seen = Set<String>()
            for item in score.items {
                if !seen.insert(item).inserted {
                    diagnostics.error("the item `\(item)` is listed twice in the score `\(score.id)`", at: score.location)
                }
                guard let variable = instrument.variables[item] else {
                    if let what = nonVariables[item] {
                        diagnostics.error("`\(item)` in the score `\(score.id)` is \(what); list variables", at: score.location)
                    } else {
                        let suggestion = suggestVariable(item)
                        diagnostics.error(
                            "the score `\(score.id)` lists `\(item)`, which is not a variable" + Suggestions.didYouMean(suggestion),
                            at: score.location, suggestion: suggestion)
                    }
                    continue
                }
                if item == score.id {
                    diagnostics.error("the score `\(score.id)` cannot be one of its own items", at: score.location)
                } else if variable.identifying {
                    diagnostics.error(
                        "the score `\(score.id)` cannot include \(describeIdentifying(item)): scores are stored and exported in plain text",
                        at: score.location)
                } else if !variable.type.isNumeric {
                    diagnostics.error(
                        "the score `\(score.id)` needs numeric items, but `\(item)` is \(variable.type.description)",
                        at: score.location)
                }
            }
            for item in score.reverse {
                guard score.items.contains(item) else {
                    diagnostics.error("`\(item)` is reversed in the score `\(score.id)` but is not one of its items", at: score.location)
                    continue
                }
                if instrument.numericBounds(of: item) == nil, instrument.variables[item] != nil {
                    diagnostics.error(
                        "`\(item)` cannot be reverse-coded: it has no lowest and highest value (give it options or a `range`)",
                        at: score.location)
                }
            }
        }
    }
}
