extension InstrumentChecker {
    /// Resolves the `tests:` cases against the variables: names must exist and answers must fit.
    func resolveTests(_ nodes: [YAMLNode]) -> [TestCase] {
        var names: [String: Int] = [:]
        return nodes.compactMap { node in
            guard let map = MappingReader(node, Shapes.test, what: "a test", &diagnostics) else { return nil }
            guard let name = map["name"]?.scalar else {
                if map["name"] != nil { diagnostics.error("a test's `name` must be text", at: map.location(of: "name")) }
                return nil
            }
            if let line = names[name] {
                diagnostics.warning("two tests are named \"\(name.sanitizedForMessage)\" (first at line \(line)); give each its own name", at: node.location)
            }
            names[name] = names[name] ?? node.location.line
            var language: String?
            if let languageNode = map["language"], let code = languageNode.scalar {
                if instrument.languages.contains(code) {
                    language = code
                } else {
                    diagnostics.error("`\(code.sanitizedForMessage)` is not one of the instrument's languages", at: languageNode.location)
                }
            }
            var today: Day?
            if let todayNode = map["today"] {
                today = todayNode.scalar.flatMap(Day.init(iso:))
                if today == nil { diagnostics.error("`today` must be a date written YYYY-MM-DD", at: todayNode.location) }
            }
            let answers = entries(map["answers"], what: "answers") { id, value, keyLocation -> Answer? in
                guard let variable = variable(id, at: keyLocation, askable: true) else { return nil }
                return answer(value, for: variable)
            }
            var asked: [TestCase.Entry<Bool>] = [], skipped: [TestCase.Entry<Bool>] = []
            var values: [TestCase.Entry<Answer>] = [], scores: [TestCase.Entry<Double?>] = []
            var safeguards: [TestCase.Entry<Bool>]?
            if let expectNode = map["expect"], let expect = MappingReader(expectNode, Shapes.expect, what: "`expect`", &diagnostics) {
                asked = idList(expect["asked"], askable: true)
                skipped = idList(expect["skipped"], askable: true)
                values = entries(expect["values"], what: "values") { id, value, keyLocation -> Answer? in
                    guard let variable = variable(id, at: keyLocation, askable: false) else { return nil }
                    return answer(value, for: variable)
                }
                scores = entries(expect["scores"], what: "scores") { id, value, keyLocation -> Double?? in
                    guard instrument.scores.contains(where: { $0.id == id }) else {
                        let suggestion = speller.closest(to: id, in: instrument.scores.map(\.id), set: "scores")
                        diagnostics.error("there is no score `\(id)`" + Suggestions.didYouMean(suggestion), at: keyLocation, suggestion: suggestion)
                        return nil
                    }
                    if value.scalar == "missing" { return .some(nil) }
                    guard let text = value.scalar, let number = Double(text) else {
                        diagnostics.error("an expected score is a number or `missing`", at: value.location)
                        return nil
                    }
                    return .some(number)
                }
                if expect.has("safeguards") {
                    safeguards = []
                    for item in list(expect["safeguards"]) {
                        guard let id = item.scalar else { continue }
                        if instrument.safeguards.contains(where: { $0.id == id }) {
                            safeguards?.append(.init(id: id, value: true, location: item.location))
                        } else {
                            let suggestion = speller.closest(to: id, in: instrument.safeguards.map(\.id), set: "safeguards")
                            diagnostics.error("there is no safeguard `\(id.sanitizedForMessage)`" + Suggestions.didYouMean(suggestion), at: item.location, suggestion: suggestion)
                        }
                    }
                }
            }
            return TestCase(
                name: name, language: language, today: today, answers: answers, asked: asked, skipped: skipped,
                values: values, scores: scores, safeguards: safeguards, location: node.location)
        }
    }

    private func list(_ node: YAMLNode?) -> [YAMLNode] {
        guard let node else { return [] }
        guard case .sequence(let items) = node.kind else {
            diagnostics.error("expected a list of names, such as `[q1, q2]`", at: node.location)
            return []
        }
        return items
    }

    private func idList(_ node: YAMLNode?, askable: Bool) -> [TestCase.Entry<Bool>] {
        list(node).compactMap { item in
            guard let id = item.scalar, variable(id, at: item.location, askable: askable) != nil else { return nil }
            return .init(id: id, value: true, location: item.location)
        }
    }

    private func entries<T>(_ node: YAMLNode?, what: String, _ read: (String, YAMLNode, SourceLocation) -> T?) -> [TestCase.Entry<T>] {
        guard let node else { return [] }
        guard case .mapping(let pairs) = node.kind else {
            diagnostics.error("expected `\(what)` to be a mapping from a name to a value", at: node.location)
            return []
        }
        return pairs.compactMap { key, value in
            guard let id = key.scalar, let result = read(id, value, key.location) else { return nil }
            return .init(id: id, value: result, location: key.location)
        }
    }

    private func variable(_ id: String, at location: SourceLocation, askable: Bool) -> Variable? {
        guard let variable = instrument.variables[id] else {
            if let what = nonVariables[id] {
                diagnostics.error("`\(id)` is \(what), which has no answer of its own", at: location)
            } else {
                let suggestion = suggestVariable(id)
                diagnostics.error("there is no variable `\(id.sanitizedForMessage)`" + Suggestions.didYouMean(suggestion), at: location, suggestion: suggestion)
            }
            return nil
        }
        if askable, variable.step == nil {
            let what = variable.origin == .score ? "a score" : "a calculation"
            diagnostics.error("`\(id)` is \(what), so it is never asked; check its value under `expect: values:` or `scores:`", at: location)
            return nil
        }
        return variable
    }

    private func answer(_ node: YAMLNode, for variable: Variable) -> Answer? {
        switch TestValueReader.answer(node, for: variable.type, speller: speller) {
        case .success(let answer): return answer
        case .failure(let problem):
            diagnostics.error("`\(variable.id)`: \(problem.message)", at: node.location)
            return nil
        }
    }
}
