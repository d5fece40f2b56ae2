extension InstrumentChecker {
    /// Where a text is shown, which decides which answers it may pipe.
    struct TextContext {
        /// Variables must be known before this step (nil: any variable).
        var limit: Int?
        /// A variable that may be piped whatever `limit` says.
        var selfID: String?
        /// Why no variable may be piped here, when none may.
        var forbidden: String?
        /// What the text is, for messages.
        var what: String
        /// Whether the text is read to participants (so readability matters).
        var spoken: Bool
    }

    /// Calls `body` for every text of the instrument with its context.
    func forEachText(_ body: (LocalizedText, TextContext) -> Void) {
        let none = TextContext(limit: 0, forbidden: "is shown before any question", what: "", spoken: false)
        func fixed(_ what: String, spoken: Bool = false) -> TextContext {
            var context = none
            context.what = what
            context.spoken = spoken
            return context
        }
        body(instrument.title, fixed("the title"))
        if let text = instrument.description { body(text, fixed("the description")) }
        if let consent = instrument.consent {
            body(consent.text, fixed("the consent text", spoken: true))
            for statement in consent.statements { body(statement, fixed("a consent statement", spoken: true)) }
        }
        if let support = instrument.support { body(support, fixed("the support text", spoken: true)) }
        for (s, section) in instrument.sections.enumerated() {
            let start = sectionStarts.indices.contains(s) ? sectionStarts[s] : 0
            body(section.title, TextContext(limit: start, what: "the section title", spoken: false))
            if let intro = section.intro { body(intro, TextContext(limit: start, what: "the section intro", spoken: true)) }
            for (q, question) in section.questions.enumerated() {
                let step = questionSteps.indices.contains(s) && questionSteps[s].indices.contains(q) ? questionSteps[s][q] : 0
                let here = TextContext(limit: step, what: "the wording of `\(question.id)`", spoken: true)
                if let text = question.text { body(text, here) }
                if let hint = question.hint { body(hint, TextContext(limit: step, what: "the hint of `\(question.id)`", spoken: true)) }
                if let text = question.interviewer {
                    body(text, TextContext(limit: step, what: "the instruction of `\(question.id)`", spoken: false))
                }
                if let label = question.label {
                    body(label, TextContext(limit: 0, forbidden: "is a label for codebooks", what: "the label of `\(question.id)`", spoken: false))
                }
                for option in question.kind.options?.options ?? [] {
                    body(option.label, TextContext(limit: step, what: "an option of `\(question.id)`", spoken: true))
                    if let specify = option.specify {
                        body(specify, TextContext(limit: step + 1, selfID: question.id, what: "a follow-up of `\(question.id)`", spoken: true))
                    }
                }
                if case .grid(_, let items) = question.kind {
                    for item in items { body(item.text, TextContext(limit: step, what: "the grid item `\(item.id)`", spoken: true)) }
                }
                for rule in question.checks + question.warnings {
                    body(rule.message, TextContext(limit: step, selfID: question.id, what: "a message of `\(question.id)`", spoken: true))
                }
            }
        }
        for safeguard in instrument.safeguards {
            body(safeguard.script, TextContext(limit: nil, what: "the script of `\(safeguard.id)`", spoken: false))
        }
    }

    /// `{variable}` in a text must name a variable known when the text is shown.
    func checkPiping() {
        forEachText { text, context in
            for (language, words) in text.translations.sorted(by: { $0.key < $1.key }) {
                let node = text.origins[language]
                func at(_ offset: Int) -> SourceLocation? {
                    guard let node else { return text.location }
                    return ScalarLocator(source: source).location(ofIndex: offset, in: node)
                }
                for reference in Piping.references(in: words) {
                    switch reference {
                    case .unclosed(let offset):
                        diagnostics.error("in \(context.what): this `{` is not closed; write `{{` for a brace", at: at(offset))
                    case .invalid(let name, let offset):
                        diagnostics.error("in \(context.what): `{\(name.sanitizedForMessage)}` is not a variable name; write `{{` for a brace", at: at(offset))
                    case .variable(let name, let offset):
                        if let forbidden = context.forbidden {
                            diagnostics.error("\(context.what) \(forbidden), so it cannot show the answer `{\(name)}`", at: at(offset))
                            continue
                        }
                        guard let variable = instrument.variables[name] else {
                            let suggestion = suggestVariable(name)
                            diagnostics.error(
                                "in \(context.what): there is no variable `\(name)` to show" + Suggestions.didYouMean(suggestion),
                                at: at(offset), suggestion: suggestion)
                            continue
                        }
                        if variable.identifying {
                            diagnostics.error(
                                "in \(context.what): \(describeIdentifying(name)) cannot be shown; it is sealed when it is given, so that it never appears on a screen or in a file again",
                                at: at(offset))
                            continue
                        }
                        if let limit = context.limit, name != context.selfID, variable.available >= limit {
                            diagnostics.error(
                                "in \(context.what): `{\(name)}` is answered later (line \(variable.location.line)), so it cannot be shown here",
                                at: at(offset))
                        }
                    }
                }
            }
        }
    }
}

/// Finds `{variable}` references in a text.
public enum Piping {
    /// One `{...}` found in a text.
    public enum Reference: Equatable {
        /// `{name}` at a scalar offset.
        case variable(String, offset: Int)
        /// `{` without a closing `}`.
        case unclosed(offset: Int)
        /// `{...}` that is not a name.
        case invalid(String, offset: Int)
    }

    /// The references in `text`, skipping `{{` and `}}`.
    public static func references(in text: String) -> [Reference] {
        let s = Array(text.unicodeScalars)
        var found: [Reference] = []
        var i = 0
        while i < s.count {
            if s[i] == "{" {
                if i + 1 < s.count, s[i + 1] == "{" {
                    i += 2
                    continue
                }
                guard let close = s[(i + 1)...].firstIndex(of: "}") else {
                    found.append(.unclosed(offset: i))
                    break
                }
                let name = String(String.UnicodeScalarView(s[(i + 1)..<close]))
                if NamePattern.variable.matches(name) {
                    found.append(.variable(name, offset: i + 1))
                } else {
                    found.append(.invalid(name, offset: i + 1))
                }
                i = close + 1
                continue
            }
            i += 1
        }
        return found
    }
}
