extension InstrumentDecoder {

    func decodeQuestion(_ node: YAMLNode, optionSets: [String: OptionList], missing: MissingCodes) -> Question? {
        guard let map = MappingReader(node, Shapes.question, what: "a question", &diagnostics) else { return nil }
        let id = identifier(map["id"], "question id")
        let typeName = string(map["type"], "the question type")
        if let typeName, QuestionType(rawValue: typeName) == nil, let typeNode = map["type"] {
            let suggestion = Suggestions.closest(to: typeName, in: Shapes.questionTypes)
            diagnostics.error(
                "`\(typeName.sanitizedForMessage)` is not a question type; use one of \(Shapes.questionTypes.joined(separator: ", "))"
                    + Suggestions.didYouMean(suggestion),
                at: typeNode.location, suggestion: suggestion)
        }
        let owner = id.map { "`\($0)`" } ?? "this question"
        if let typeName, let type = QuestionType(rawValue: typeName) {
            for key in QuestionType.specificKeys.subtracting(type.keys).sorted() where map.has(key) {
                diagnostics.error("a \(typeName) question does not take `\(key)`", at: map.location(of: key))
            }
            if !type.isAsked {
                for key in ["text", "allow", "check", "warn", "default", "identifying", "hint", "interviewer"] where map.has(key) {
                    diagnostics.error("a calculation is not asked, so it does not take `\(key)`", at: map.location(of: key))
                }
            } else if map["text"] == nil, map.has("type") {
                diagnostics.error("\(owner) needs `text:` (the wording read aloud)", at: node.location)
            }
            if type.isAsked, !type.takesAnswerKeys {
                for key in ["check", "warn", "default", "allow"] where map.has(key) {
                    diagnostics.error("a \(typeName) does not take `\(key)`", at: map.location(of: key))
                }
            }
        }
        let kind = typeName.flatMap { decodeKind($0, map, owner: owner, optionSets: optionSets, missing: missing) }
        let text = self.text(map["text"], "the wording of \(owner)")
        let label = self.text(map["label"], "the label of \(owner)")
        if let label, label.translations.values.contains(where: { $0.count > 120 }) {
            diagnostics.error("the label of \(owner) is longer than 120 characters; a label is a short name for codebooks", at: map.location(of: "label"))
        }
        let hint = self.text(map["hint"], "the hint of \(owner)")
        let interviewer = self.text(map["interviewer"], "the interviewer instruction of \(owner)")
        let askIf = expression(map["ask_if"], "`ask_if`")
        let allow = decodeAllow(map)
        let checks = decodeRules(map["check"], "`check`")
        let warnings = decodeRules(map["warn"], "`warn`")
        let identifying = boolean(map["identifying"], "`identifying`") ?? false
        if identifying, let typeName, typeName != "text", typeName != "date" {
            diagnostics.error("only text and date questions can be identifying; \(owner) is a \(typeName) question", at: map.location(of: "identifying"))
        }
        let defaultAnswer = kind.flatMap { decodeDefault(map["default"], kind: $0, owner: owner) }
        guard let id, let kind else { return nil }
        return Question(
            id: id, kind: kind, text: text, label: label, hint: hint, interviewer: interviewer, askIf: askIf,
            allow: allow, checks: checks, warnings: warnings, defaultAnswer: defaultAnswer, identifying: identifying,
            location: node.location)
    }

    private func decodeKind(
        _ type: String, _ map: MappingReader, owner: String, optionSets: [String: OptionList], missing: MissingCodes
    ) -> Question.Kind? {
        switch type {
        case "single", "multiple", "grid":
            guard let optionsNode = map["options"] else {
                if map.has("type") { diagnostics.error("\(owner) needs `options:` (a list, or the name of an option set)", at: map.node.location) }
                return nil
            }
            guard let list = decodeOptionList(optionsNode, owner: owner, optionSets: optionSets, missing: missing) else { return nil }
            for option in list.options where type != "multiple" && option.exclusive {
                diagnostics.error("`exclusive` is only for multiple-choice questions", at: option.location)
            }
            if type == "grid" {
                for option in list.options where option.specify != nil {
                    diagnostics.error("a grid's options cannot ask to `specify`", at: option.location)
                }
                let items = (self.list(map["items"], "the grid items") ?? []).compactMap(decodeGridItem)
                if items.isEmpty, !map.has("items") {
                    diagnostics.error("a grid needs `items:`, each with an `id` and `text`", at: map.node.location)
                }
                return .grid(list, items: items)
            }
            if type == "multiple", list.options.count > 1, !list.options.contains(where: \.exclusive) {
                diagnostics.warning(
                    "multiple-choice \(owner) has no exclusive option (such as \"None of these\" with `exclusive: true`)",
                    at: map.location(of: "options"))
            }
            return type == "single" ? .single(list) : .multiple(list)
        case "integer":
            let range = numericRange(map["range"], integer: true, missing: missing, owner: owner)
            if !map.has("range") {
                diagnostics.warning("integer \(owner) has no `range`; a mistyped answer (such as 400 for 40) would be accepted", at: map.node.location)
            }
            return .integer(range: range)
        case "decimal":
            let range = numericRange(map["range"], integer: false, missing: missing, owner: owner)
            var decimals: Int?
            if let node = map["decimals"], let value = integer(node, "the number of decimals") {
                if (0...10).contains(value) { decimals = value } else {
                    diagnostics.error("`decimals` must be from 0 to 10", at: node.location)
                }
            }
            return .decimal(range: range, decimals: decimals)
        case "text":
            var length = 0...2000
            if let (low, high) = pair(map["length"], "`length`") {
                if let a = integer(low, "the shortest length"), let b = integer(high, "the longest length") {
                    if a < 0 || b < a || b > 1_000_000 {
                        diagnostics.error("`length` must be `[shortest, longest]` with 0 <= shortest <= longest <= 1000000", at: map.location(of: "length"))
                    } else {
                        length = a...b
                    }
                }
            }
            return .text(length: length, long: boolean(map["long"], "`long`") ?? false)
        case "date":
            var from: DateBound?, to: DateBound?
            if let (low, high) = pair(map["range"], "`range`") {
                from = dateBound(low)
                to = dateBound(high)
                if case .day(let a)? = from, case .day(let b)? = to, b < a {
                    diagnostics.error("the date range ends before it starts", at: map.location(of: "range"))
                }
            }
            return .date(from: from, to: to)
        case "note":
            return .note
        case "calculate":
            guard let node = map["expression"] else {
                diagnostics.error("a calculation needs `expression:`", at: map.node.location)
                return nil
            }
            return expression(node, "the calculation").map { .calculate($0) }
        default:
            return nil
        }
    }

    private func decodeOptionList(_ node: YAMLNode, owner: String, optionSets: [String: OptionList], missing: MissingCodes) -> OptionList? {
        if case .scalar(let name, _) = node.kind {
            if let set = optionSets[name] { return set }
            let suggestion = speller.closest(to: name, in: optionSetNames, set: "option sets")
            let known = optionSetNames.isEmpty ? " (the instrument has no `option_sets:`)" : ""
            diagnostics.error("there is no option set `\(name.sanitizedForMessage)`\(known)" + Suggestions.didYouMean(suggestion), at: node.location, suggestion: suggestion)
            return nil
        }
        return decodeOptions(node, owner: owner, missing: missing).map { OptionList($0) }
    }

    private func decodeGridItem(_ node: YAMLNode) -> GridItem? {
        guard let map = MappingReader(node, Shapes.item, what: "a grid item", &diagnostics) else { return nil }
        let id = identifier(map["id"], "item id")
        let text = text(map["text"], "the item's wording")
        let label = self.text(map["label"], "the item's label")
        guard let id, let text else { return nil }
        return GridItem(id: id, text: text, label: label, location: node.location)
    }

    private func numericRange(_ node: YAMLNode?, integer: Bool, missing: MissingCodes, owner: String) -> ClosedRange<Double>? {
        guard let node, let (low, high) = pair(node, "`range`") else { return nil }
        guard let a = number(low, "the lowest value"), let b = number(high, "the highest value") else { return nil }
        if integer, a != a.rounded() || b != b.rounded() {
            diagnostics.error("the range of an integer question must be whole numbers", at: node.location)
            return nil
        }
        if integer, max(abs(a), abs(b)) > Value.largestExactInteger {
            diagnostics.error(
                "the range of an integer question must lie within -9007199254740991 to 9007199254740991 (2^53 - 1): larger whole numbers cannot be stored exactly; use a decimal question for larger quantities",
                at: node.location)
            return nil
        }
        guard a <= b else {
            diagnostics.error("the range `[\(a.formattedNumber), \(b.formattedNumber)]` ends before it starts", at: node.location)
            return nil
        }
        for kind in MissingKind.allCases where (a...b).contains(Double(missing[kind].code)) {
            diagnostics.error(
                "the range of \(owner) includes \(missing[kind].code), the missing code for `\(kind.key)`; an answer of \(missing[kind].code) could not be told apart from it in exports",
                at: node.location)
            break
        }
        return a...b
    }

    private func dateBound(_ node: YAMLNode) -> DateBound? {
        guard let text = string(node, "a date") else { return nil }
        if text == "today" { return .today }
        guard let day = Day(iso: text) else {
            diagnostics.error("`\(text.sanitizedForMessage)` is not a date; write YYYY-MM-DD or `today`", at: node.location)
            return nil
        }
        return .day(day)
    }

    private func decodeAllow(_ map: MappingReader) -> [MissingKind] {
        guard let node = map["allow"] else {
            if map.has("allow") { return [] }
            return [.refused, .dontKnow]
        }
        var kinds: [MissingKind] = []
        for item in list(node, "`allow`") ?? [] {
            guard let word = string(item, "a missing answer") else { continue }
            guard let kind = MissingKind(rawValue: word), MissingKind.givable.contains(kind) else {
                let suggestion = Suggestions.closest(to: word, in: MissingKind.givable.map(\.key))
                diagnostics.error(
                    "`\(word.sanitizedForMessage)` cannot be allowed; a participant may give `refused`, `dont_know` or `not_applicable`"
                        + Suggestions.didYouMean(suggestion),
                    at: item.location, suggestion: suggestion)
                continue
            }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        return kinds
    }

    private func decodeRules(_ node: YAMLNode?, _ what: String) -> [Rule] {
        guard let node else { return [] }
        let items: [YAMLNode]
        if case .sequence(let list) = node.kind { items = list } else { items = [node] }
        return items.compactMap { item in
            guard let map = MappingReader(item, Shapes.rule, what: what, &diagnostics) else { return nil }
            let condition = expression(map["if"], "the condition of \(what)")
            let message = text(map["message"], "the message of \(what)")
            guard let condition, let message else { return nil }
            return Rule(condition: condition, message: message)
        }
    }

    private func decodeDefault(_ node: YAMLNode?, kind: Question.Kind, owner: String) -> DefaultAnswer? {
        guard let node else { return nil }
        if case .date = kind, node.scalar == "today" { return .today }
        switch TestValueReader.answer(node, for: kind, speller: speller) {
        case .success(.value(let value)):
            return .value(value)
        case .success:
            diagnostics.error("a default must be an answer, not a missing code", at: node.location)
        case .failure(let problem):
            diagnostics.error("the default of \(owner): \(problem.message)", at: node.location)
        }
        return nil
    }
}
