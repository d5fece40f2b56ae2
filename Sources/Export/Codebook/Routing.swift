package import Instrument

/// Who is asked a variable, in plain words: the condition of its section, of its question, and
/// for a "please say" text, the option that asks it. A variable with no condition is asked of
/// everyone who reaches it.
package struct Routing: Sendable, Equatable, Codable {
    /// One condition and where it is written.
    package struct Condition: Sendable, Equatable, Codable {
        /// Where a condition is written.
        package enum Scope: String, Sendable, Equatable, Codable {
            /// The `ask_if` of the section, inherited by every question in it.
            case section
            /// The question's own `ask_if`.
            case question
            /// The option whose choice asks a "please say" text.
            case option
        }

        /// Where it is written.
        package var scope: Scope
        /// For a section, its title.
        package var sectionTitle: String?
        /// The condition in words.
        package var words: PlainCondition
        /// The expression as written in the instrument.
        package var expression: String
    }

    /// The conditions, outermost first; all must hold.
    package var conditions: [Condition]

    /// Whether the variable is asked of everyone who reaches it.
    package var isUnconditional: Bool { conditions.isEmpty }

    /// The routing as one sentence: `Asked if: ...`, or `Asked of everyone who reaches it.`.
    /// - Parameters:
    ///   - text: How to write words taken from the instrument (Markdown and HTML escape them).
    ///   - code: How to write an expression given as written (Markdown: in backticks).
    /// - Returns: The sentence.
    package func sentence(text: (String) -> String = { $0 }, code: (String) -> String = { "`\($0)`" }) -> String {
        guard !conditions.isEmpty else { return "Asked of everyone who reaches it." }
        let parts = conditions.map { condition -> String in
            var part =
                condition.words.isExpressionText ? "the condition \(code(condition.words.text))" : text(condition.words.text)
            if condition.scope == .section, let title = condition.sectionTitle {
                part += " (for the whole section " + text("\"\(title)\"") + ")"
            }
            return part
        }
        return "Asked if: " + parts.joined(separator: "; and ")
    }

    /// The routing of a variable.
    /// - Parameters:
    ///   - id: The variable's name.
    ///   - lookup: The instrument, indexed.
    ///   - words: The describer of conditions.
    /// - Returns: Its routing; unconditional for scores, calculations and unknown names.
    package static func of(_ id: String, lookup: VariableCatalogue, words: PlainWords) -> Routing {
        var conditions: [Condition] = []
        guard let question = lookup.question(of: id), question.isAsked else { return Routing(conditions: []) }
        if let section = lookup.section(of: id), let condition = section.askIf {
            conditions.append(
                Condition(
                    scope: .section, sectionTitle: section.title.text(in: words.language),
                    words: words.describe(condition), expression: condition.source))
        }
        if let condition = question.askIf {
            conditions.append(
                Condition(scope: .question, words: words.describe(condition), expression: condition.source))
        }
        if case .specify(let option, let owner, _)? = lookup.source(of: id),
            let index = lookup.instrument.variables.index(of: owner.id)
        {
            let label = words.quoted(option.label.text(in: words.language))
            let subject = words.noun(.variable(index)) ?? owner.id
            let multiple: Bool
            if case .multiple = owner.kind { multiple = true } else { multiple = false }
            let text = "\(subject) \(multiple ? "includes" : "is") \(label)"
            let expression = "\(owner.id) \(multiple ? "has" : "==") \(option.name ?? String(option.code))"
            conditions.append(
                Condition(
                    scope: .option, words: PlainCondition(text: text, isExpressionText: false), expression: expression))
        }
        return Routing(conditions: conditions)
    }
}
