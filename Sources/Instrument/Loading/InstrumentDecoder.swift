/// Decodes a ``YAMLNode`` tree into the model, reporting every problem with its location rather
/// than stopping at the first. Expressions are parsed here; names in them are resolved later by
/// ``InstrumentChecker``.
final class InstrumentDecoder {
    let source: SourceFile
    var diagnostics = DiagnosticList()
    var languages: [String] = ["en"]
    /// Test cases, kept as nodes until the variables are known.
    var rawTests: [YAMLNode] = []
    /// Where each option set is defined, for "undefined option set" suggestions.
    var optionSetNames: [String] = []
    /// "Did you mean" within the file's allowance, shared with the checker.
    let speller: Speller

    init(source: SourceFile, speller: Speller = Speller()) {
        self.source = source
        self.speller = speller
    }

    /// Decodes the top level.
    func decode(_ root: YAMLNode) -> Instrument? {
        guard case .mapping = root.kind else {
            diagnostics.error(
                "the top level of an instrument must be a mapping of keys (`instrument:`, `version:`, `sections:` ...), but this file holds \(root.kindDescription)",
                at: root.location)
            return nil
        }
        guard let map = MappingReader(root, Shapes.instrument, what: "the instrument", &diagnostics) else { return nil }
        decodeLanguages(map["languages"])
        let id = identifier(map["instrument"], "instrument id", pattern: .instrument)
        let version = integer(map["version"], "the version")
        if let version, version < 1, let node = map["version"] {
            diagnostics.error("the version must be 1 or more", at: node.location)
        }
        let title = text(map["title"], "the title")
        let description = text(map["description"], "the description")
        let consent = decodeConsent(map["consent"])
        if !map.has("consent") {
            diagnostics.warning(
                "the instrument has no `consent:`; participants must agree to take part before the first question",
                at: root.location)
        }
        var support: LocalizedText?
        if let node = map["support"], let supportMap = MappingReader(node, Shapes.support, what: "`support`", &diagnostics) {
            support = text(supportMap["text"], "the support text")
        } else if !map.has("support") {
            diagnostics.warning(
                "the instrument has no `support:` text; the pause screen will have no helpline to show", at: root.location)
        }
        let missing = decodeMissing(map["missing"])
        let optionSets = decodeOptionSets(map["option_sets"], missing: missing)
        var sections: [Section] = []
        if let items = list(map["sections"], "the sections") {
            if items.isEmpty, let node = map["sections"] {
                diagnostics.error("an instrument needs at least one section", at: node.location)
            }
            sections = items.compactMap { decodeSection($0, optionSets: optionSets, missing: missing) }
        }
        let scores = (list(map["scores"], "the scores") ?? []).compactMap(decodeScore)
        let safeguards = (list(map["safeguards"], "the safeguards") ?? []).compactMap(decodeSafeguard)
        rawTests = list(map["tests"], "the tests") ?? []
        guard let id, let version, let title else { return nil }
        return Instrument(
            id: id, version: version, title: title, description: description, languages: languages,
            consent: consent, support: support, missing: missing, optionSets: optionSets, sections: sections,
            scores: scores, safeguards: safeguards, tests: [], variables: VariableTable())
    }

    /// The most languages an instrument may declare. Every text holds every language, so a
    /// hostile file declaring 20,000 languages and 30,000 texts made 600 million translations
    /// (`check` ran out of time); real multilingual surveys use a few dozen at most.
    static let maximumLanguages = 50

    func decodeLanguages(_ node: YAMLNode?) {
        guard let node, let items = list(node, "the languages") else { return }
        var seen: [String] = []
        var known = Set<String>()
        for item in items {
            guard let code = identifier(item, "language code", pattern: .language) else { continue }
            if known.contains(code) {
                diagnostics.error("the language `\(code)` is listed twice", at: item.location)
            } else if seen.count == Self.maximumLanguages {
                diagnostics.error(
                    "an instrument may have at most \(Self.maximumLanguages) languages; this is one more",
                    at: item.location)
                break
            } else {
                seen.append(code)
                known.insert(code)
            }
        }
        if items.isEmpty { diagnostics.error("`languages` needs at least one language code", at: node.location) }
        if !seen.isEmpty { languages = seen }
    }

    private func decodeConsent(_ node: YAMLNode?) -> Consent? {
        guard let node, let map = MappingReader(node, Shapes.consent, what: "`consent`", &diagnostics) else { return nil }
        let text = text(map["text"], "the consent text")
        let statementNodes = list(map["statements"], "the consent statements") ?? []
        if statementNodes.isEmpty, map.has("statements") {
            diagnostics.error("consent needs at least one statement to agree to", at: map.location(of: "statements"))
        }
        let statements = statementNodes.enumerated().compactMap { index, item in
            self.text(item, "consent statement \(index + 1)")
        }
        guard let text else { return nil }
        return Consent(text: text, statements: statements)
    }

    private func decodeMissing(_ node: YAMLNode?) -> MissingCodes {
        var codes = MissingCodes.defaults(languages: languages)
        guard let node, let map = MappingReader(node, Shapes.missing, what: "`missing`", &diagnostics) else { return codes }
        for kind in MissingKind.allCases {
            guard let entryNode = map[kind.key],
                let entry = MappingReader(entryNode, Shapes.missingCode, what: "the missing code `\(kind.key)`", &diagnostics)
            else { continue }
            let code = integer(entry["code"], "a code")
            let label = text(entry["label"], "the label of `\(kind.key)`")
            if let code, let label { codes.codes[kind] = MissingCode(code: code, label: label) }
        }
        var byCode: [Int: MissingKind] = [:]
        for kind in MissingKind.allCases {
            let code = codes[kind].code
            if let other = byCode[code] {
                diagnostics.error(
                    "the missing codes `\(other.key)` and `\(kind.key)` are both \(code); each must be distinct",
                    at: map.location(of: kind.key))
            }
            byCode[code] = kind
        }
        return codes
    }

    private func decodeOptionSets(_ node: YAMLNode?, missing: MissingCodes) -> [String: OptionList] {
        guard let node else { return [:] }
        guard case .mapping(let entries) = node.kind else {
            diagnostics.error("expected `option_sets` to be a mapping from a name to a list of options, but found \(node.kindDescription)", at: node.location)
            return [:]
        }
        var sets: [String: OptionList] = [:]
        for (key, value) in entries {
            guard let name = identifier(key, "option set name") else { continue }
            optionSetNames.append(name)
            if let options = decodeOptions(value, owner: "option set `\(name)`", missing: missing) {
                sets[name] = OptionList(options, setName: name)
            }
        }
        return sets
    }

    /// A list of options, checked for duplicate codes and names and for collisions with missing codes.
    func decodeOptions(_ node: YAMLNode, owner: String, missing: MissingCodes) -> [Option]? {
        guard let items = list(node, "the options of \(owner)") else { return nil }
        if items.isEmpty {
            diagnostics.error("\(owner) needs at least one option", at: node.location)
            return nil
        }
        var options: [Option] = []
        var codes: [Int: SourceLocation] = [:], names: [String: SourceLocation] = [:]
        for item in items {
            guard let map = MappingReader(item, Shapes.option, what: "an option", &diagnostics) else { continue }
            let code = integer(map["code"], "an option code")
            let name = identifier(map["name"], "option name", pattern: .option)
            let label = text(map["label"], "the option's label")
            let specify = text(map["specify"], "the follow-up question (`specify`)")
            let exclusive = boolean(map["exclusive"], "`exclusive`") ?? false
            if let code {
                if code < 0 || code > 99_999 {
                    diagnostics.error("option code \(code) is out of bounds; use a code from 0 to 99999 (negative codes are for missing answers)", at: map.location(of: "code"))
                } else if let kind = missing.kind(forCode: code) {
                    diagnostics.error("option code \(code) is also the missing code for `\(kind.key)`; choose another code", at: map.location(of: "code"))
                }
                if let first = codes[code] {
                    diagnostics.error("the code \(code) is used twice in \(owner) (first at line \(first.line))", at: map.location(of: "code"))
                }
                codes[code] = codes[code] ?? map.location(of: "code")
            }
            if let name {
                if MissingKind.givable.map(\.key).contains(name) {
                    diagnostics.error("the option name `\(name)` is reserved for the missing answer of that name; choose another", at: map.location(of: "name"))
                }
                if let first = names[name] {
                    diagnostics.error("the name `\(name)` is used twice in \(owner) (first at line \(first.line))", at: map.location(of: "name"))
                }
                names[name] = names[name] ?? map.location(of: "name")
            }
            if let code, let label {
                options.append(Option(code: code, name: name, label: label, specify: specify, exclusive: exclusive, location: item.location))
            }
        }
        return options
    }

    private func decodeSection(_ node: YAMLNode, optionSets: [String: OptionList], missing: MissingCodes) -> Section? {
        guard let map = MappingReader(node, Shapes.section, what: "a section", &diagnostics) else { return nil }
        let id = identifier(map["id"], "section id")
        let title = text(map["title"], "the section title")
        let intro = text(map["intro"], "the section intro")
        let askIf = expression(map["ask_if"], "`ask_if`")
        let items = list(map["questions"], "the questions") ?? []
        if items.isEmpty, map.has("questions") {
            diagnostics.error("a section needs at least one question", at: map.location(of: "questions"))
        }
        let questions = items.compactMap { decodeQuestion($0, optionSets: optionSets, missing: missing) }
        guard let id, let title else { return nil }
        return Section(id: id, title: title, intro: intro, askIf: askIf, questions: questions, location: node.location)
    }

    private func decodeScore(_ node: YAMLNode) -> Score? {
        guard let map = MappingReader(node, Shapes.score, what: "a score", &diagnostics) else { return nil }
        let id = identifier(map["id"], "score id")
        let label = text(map["label"], "the score's label")
        let items = (list(map["items"], "the score's items") ?? []).compactMap { identifier($0, "item name") }
        if items.count < 2, map.has("items") {
            diagnostics.error("a score needs at least two items", at: map.location(of: "items"))
        }
        var method = Score.Method.mean
        if let methodNode = map["method"], let word = string(methodNode, "the method") {
            if let parsed = Score.Method(rawValue: word) {
                method = parsed
            } else {
                let suggestion = Suggestions.closest(to: word, in: Score.Method.allCases.map(\.rawValue))
                diagnostics.error("the method must be `sum` or `mean`, not `\(word.sanitizedForMessage)`" + Suggestions.didYouMean(suggestion), at: methodNode.location, suggestion: suggestion)
            }
        }
        let reverse = (list(map["reverse"], "the reversed items") ?? []).compactMap { identifier($0, "item name") }
        var minAnswered = items.count
        if let node = map["min_answered"], let value = integer(node, "the fewest answered items") {
            if value < 1 || value > items.count {
                diagnostics.error("`min_answered` must be from 1 to the number of items (\(items.count))", at: node.location)
            } else {
                minAnswered = value
            }
        }
        guard let id else { return nil }
        return Score(id: id, label: label, items: items, method: method, reverse: reverse, minAnswered: minAnswered, location: node.location)
    }

    private func decodeSafeguard(_ node: YAMLNode) -> Safeguard? {
        guard let map = MappingReader(node, Shapes.safeguard, what: "a safeguard", &diagnostics) else { return nil }
        let id = identifier(map["id"], "safeguard id")
        let when = expression(map["when"], "`when`")
        let script = text(map["script"], "the safeguard's script")
        let after = map["after"].flatMap { identifier($0, "`after`") }
        guard let id, let when, let script else { return nil }
        return Safeguard(id: id, when: when, script: script, after: after, location: node.location)
    }
}
