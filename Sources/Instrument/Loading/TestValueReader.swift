/// Reads an answer written in YAML (a test's answers and expected values, a question's default)
/// for a variable of a known type.
enum TestValueReader {
    struct Problem: Error { var message: String }

    /// The value type of a question kind's answers (grids: of their items); `nil` for notes and
    /// calculations, whose types come from elsewhere.
    static func valueType(of kind: Question.Kind) -> ValueType? {
        switch kind {
        case .single(let list), .grid(let list, _): return .choice(list)
        case .multiple(let list): return .set(list)
        case .integer: return .number(integer: true)
        case .decimal: return .number(integer: false)
        case .text: return .text
        case .date: return .date
        case .note, .calculate: return nil
        }
    }

    static func answer(_ node: YAMLNode, for kind: Question.Kind, speller: Speller) -> Result<Answer, Problem> {
        guard let type = valueType(of: kind) else { return .failure(Problem(message: "this question takes no answer")) }
        return answer(node, for: type, speller: speller)
    }

    /// The answer `node` describes for a variable of `type`.
    static func answer(_ node: YAMLNode, for type: ValueType, speller: Speller) -> Result<Answer, Problem> {
        if case .mapping(let entries) = node.kind {
            guard entries.count == 1, entries[0].key.scalar == "missing", let word = entries[0].value.scalar,
                let kind = MissingKind(rawValue: word)
            else {
                return .failure(Problem(message: "write a missing answer as `{missing: refused}` (or `dont_know`, `not_applicable`)"))
            }
            return .success(Answer(missing: kind))
        }
        if let word = node.scalar, type != .text, let kind = MissingKind(rawValue: word) {
            return .success(Answer(missing: kind))
        }
        switch type {
        case .number(let integer):
            guard let text = node.scalar, let number = Double(text.trimmingSpaces), number.isFinite else {
                return .failure(Problem(message: "expected a number, but found \(describe(node))"))
            }
            if integer, number != number.rounded() {
                return .failure(Problem(message: "expected a whole number, but found `\(text)`"))
            }
            return .success(.value(.number(number)))
        case .text:
            guard let text = node.scalar, !node.isNull || node.scalar == "" else {
                return .failure(Problem(message: "expected text, but found \(describe(node))"))
            }
            return .success(.value(.text(text)))
        case .date:
            guard let text = node.scalar, let day = Day(iso: text) else {
                return .failure(Problem(message: "expected a date written YYYY-MM-DD, but found \(describe(node))"))
            }
            return .success(.value(.date(day)))
        case .boolean:
            switch node.scalar {
            case "true"?: return .success(.value(.boolean(true)))
            case "false"?: return .success(.value(.boolean(false)))
            default: return .failure(Problem(message: "expected true or false, but found \(describe(node))"))
            }
        case .choice(let list):
            return option(node, list, speller).map { .value(.choice($0)) }
        case .set(let list):
            let items: [YAMLNode]
            if case .sequence(let list) = node.kind { items = list } else { items = [node] }
            var codes: [Int] = []
            for item in items {
                switch option(item, list, speller) {
                case .success(let code): codes.append(code)
                case .failure(let problem): return .failure(problem)
                }
            }
            guard !codes.isEmpty else { return .failure(Problem(message: "choose at least one option")) }
            return .success(.value(.set(Array(Set(codes)).sorted())))
        }
    }

    private static func option(_ node: YAMLNode, _ list: OptionList, _ speller: Speller) -> Result<Int, Problem> {
        guard let text = node.scalar, !node.isNull else {
            return .failure(Problem(message: "expected an option (a name or a code), but found \(describe(node))"))
        }
        if let option = list.option(named: text) { return .success(option.code) }
        if let code = Int(text), list.option(code: code) != nil { return .success(code) }
        let names = list.options.compactMap(\.name)
        let suggestion = speller.closest(to: text, in: names)
        let choices = names.isEmpty ? list.options.map { String($0.code) } : names
        return .failure(Problem(
            message: "`\(text.sanitizedForMessage)` is not one of the options (\(Suggestions.listed(choices)))"
                + Suggestions.didYouMean(suggestion)))
    }

    private static func describe(_ node: YAMLNode) -> String {
        if let text = node.scalar { return node.isNull ? "nothing" : "`\(text.sanitizedForMessage)`" }
        return node.kindDescription
    }
}
