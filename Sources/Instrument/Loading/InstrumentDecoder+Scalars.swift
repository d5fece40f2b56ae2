extension InstrumentDecoder {
    /// A string scalar, or an error that names what was expected.
    func string(_ node: YAMLNode?, _ what: String) -> String? {
        guard let node else { return nil }
        guard let value = node.scalar, !node.isNull else {
            diagnostics.error("expected \(what), but found \(node.kindDescription)", at: node.location)
            return nil
        }
        return value
    }

    /// A name matching `pattern`, or an error that shows the rule.
    func identifier(_ node: YAMLNode?, _ what: String, pattern: NamePattern = .variable) -> String? {
        guard let value = string(node, what), let node else { return nil }
        guard pattern.matches(value) else {
            diagnostics.error("`\(value.sanitizedForMessage)` is not a valid \(what): \(pattern.rule)", at: node.location)
            return nil
        }
        return value
    }

    /// A whole number.
    func integer(_ node: YAMLNode?, _ what: String) -> Int? {
        guard let value = string(node, what), let node else { return nil }
        let trimmed = value.trimmingSpaces
        guard let number = Int(trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed) else {
            diagnostics.error("expected \(what) (a whole number), but found `\(value.sanitizedForMessage)`", at: node.location)
            return nil
        }
        return number
    }

    /// A number.
    func number(_ node: YAMLNode?, _ what: String) -> Double? {
        guard let value = string(node, what), let node else { return nil }
        guard let number = Double(value.trimmingSpaces), number.isFinite else {
            diagnostics.error("expected \(what) (a number), but found `\(value.sanitizedForMessage)`", at: node.location)
            return nil
        }
        return number
    }

    /// `true` or `false`.
    func boolean(_ node: YAMLNode?, _ what: String) -> Bool? {
        guard let value = string(node, what), let node else { return nil }
        switch value {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            diagnostics.error("expected true or false for \(what), but found `\(value.sanitizedForMessage)`", at: node.location)
            return nil
        }
    }

    /// A list, or an error.
    func list(_ node: YAMLNode?, _ what: String) -> [YAMLNode]? {
        guard let node else { return nil }
        guard case .sequence(let items) = node.kind else {
            diagnostics.error("expected \(what) (a list), but found \(node.kindDescription)", at: node.location)
            return nil
        }
        return items
    }

    /// `[low, high]`: a two-item list.
    func pair(_ node: YAMLNode?, _ what: String) -> (YAMLNode, YAMLNode)? {
        guard let items = list(node, what), let node else { return nil }
        guard items.count == 2 else {
            diagnostics.error("\(what) must be two values, `[lowest, highest]`, but has \(items.count)", at: node.location)
            return nil
        }
        return (items[0], items[1])
    }

    /// A text in every declared language: a string (one language) or a mapping by language.
    func text(_ node: YAMLNode?, _ what: String) -> LocalizedText? {
        guard let node else { return nil }
        switch node.kind {
        case .scalar(let value, _):
            guard !node.isNull, !value.trimmingSpaces.isEmpty else {
                diagnostics.error("\(what) is empty", at: node.location)
                return nil
            }
            if languages.count > 1 {
                let others = Suggestions.listed(languages.dropFirst().map { "`\($0)`" })
                diagnostics.error(
                    "\(what) is written in one language only; the instrument declares \(languages.count), so write `{\(Suggestions.listed(languages.map { "\($0): ..." }))}` (missing: \(others))",
                    at: node.location)
            }
            var result = LocalizedText(Dictionary(uniqueKeysWithValues: languages.map { ($0, value) }), location: node.location)
            result.origins = Dictionary(uniqueKeysWithValues: languages.map { ($0, node) })
            return result
        case .mapping(let entries):
            var translations: [String: String] = [:]
            var origins: [String: YAMLNode] = [:]
            for (key, value) in entries {
                let language = key.scalar ?? ""
                guard languages.contains(language) else {
                    let suggestion = speller.closest(to: language, in: languages, set: "languages")
                    diagnostics.error(
                        "`\(language.sanitizedForMessage)` is not one of the instrument's languages (\(Suggestions.listed(languages)))"
                            + Suggestions.didYouMean(suggestion),
                        at: key.location, suggestion: suggestion)
                    continue
                }
                guard let string = value.scalar, !value.isNull, !string.trimmingSpaces.isEmpty else {
                    diagnostics.error("the `\(language)` version of \(what) is empty", at: value.location)
                    continue
                }
                translations[language] = string
                origins[language] = value
            }
            for language in languages where translations[language] == nil && !entries.contains(where: { $0.key.scalar == language }) {
                diagnostics.error("\(what) has no version in `\(language)`; every text needs each declared language", at: node.location)
            }
            guard !translations.isEmpty else { return nil }
            var result = LocalizedText(translations, location: entries.first?.value.location ?? node.location)
            result.origins = origins
            return result
        case .sequence:
            diagnostics.error("expected \(what) (text), but found a list", at: node.location)
            return nil
        }
    }

    /// An expression, parsed; a syntax error is reported at its column inside the YAML value.
    func expression(_ node: YAMLNode?, _ what: String) -> Expression? {
        guard let node else { return nil }
        guard let value = node.scalar else {
            diagnostics.error("expected \(what) (an expression such as `age >= 18`), but found \(node.kindDescription)", at: node.location)
            return nil
        }
        var expression = Expression(source: value, node: node)
        do {
            expression.syntax = try ExpressionParser.parse(value)
        } catch {
            diagnostics.error("in \(what): \(error.message)", at: locate(error.span.start, in: node))
        }
        return expression
    }

    /// The file location of a scalar offset inside a node's value.
    func locate(_ offset: Int, in node: YAMLNode) -> SourceLocation {
        ScalarLocator(source: source).location(ofIndex: offset, in: node)
    }
}

/// The patterns names must follow.
enum NamePattern {
    case instrument, variable, option, language

    func matches(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        guard let first = scalars.first, first.isASCII else { return false }
        func lower(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) }
        func letter(_ c: Unicode.Scalar) -> Bool { lower(c) || ("A"..."Z").contains(c) }
        func digit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
        switch self {
        case .instrument:
            return scalars.count <= 64 && lower(first) && scalars.allSatisfy { lower($0) || digit($0) || $0 == "-" }
        case .variable:
            return letter(first) && scalars.allSatisfy { letter($0) || digit($0) || $0 == "_" }
        case .option:
            return lower(first) && scalars.allSatisfy { lower($0) || digit($0) || $0 == "_" }
        case .language:
            return (2...3).contains(scalars.count) && scalars.allSatisfy(lower)
        }
    }

    var rule: String {
        switch self {
        case .instrument: return "use lowercase letters, digits and hyphens, starting with a letter (at most 64)"
        case .variable: return "use letters, digits and underscores, starting with a letter"
        case .option: return "use lowercase letters, digits and underscores, starting with a letter"
        case .language: return "use a 2- or 3-letter lowercase language code such as `en` or `cy`"
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
            let end = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[start...end])
    }
}
