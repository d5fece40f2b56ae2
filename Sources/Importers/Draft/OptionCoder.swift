/// Turns a source's choices into options: the source's codes where they are whole numbers from
/// 0 to 99999 (REDCap's `1, Yes`, ReproSchema's values), otherwise codes 1, 2, 3... in order with
/// the source's value as the option's name (XLSForm's `apple`), so expressions still read well.
enum OptionCoder {
    /// The options and how the source's values map to them.
    struct Coded: Sendable {
        var options: [DraftOption]
        /// The field information for translating expressions.
        var info: FieldInfo
        /// What changed, for the report.
        var notes: [String]
    }

    /// Codes a list of choices.
    /// - Parameters:
    ///   - choices: The source value and label of each choice, in order.
    ///   - id: The question's variable name.
    ///   - kind: `.choice` or `.set`.
    static func code(_ choices: [(value: String, label: Texts)], id: String, kind: FieldInfo.Kind) -> Coded {
        var notes: [String] = []
        let numeric = choices.allSatisfy { Int($0.value).map { (0...99999).contains($0) } ?? false }
        var options: [DraftOption] = []
        var info = FieldInfo(id: id, kind: kind)
        var usedCodes = Set<Int>(), usedNames = Set<String>()
        var nextCode = 1
        for choice in choices {
            var code: Int
            var name: String?
            if numeric, let value = Int(choice.value), !usedCodes.contains(value) {
                code = value
            } else {
                while usedCodes.contains(nextCode) { nextCode += 1 }
                code = nextCode
                name = Names.option(choice.value)
                if numeric || Int(choice.value) != nil {
                    notes.append(
                        "the choice code `\(choice.value)` is not a whole number from 0 to 99999 (or repeats); it becomes code \(code)"
                    )
                    name = nil
                }
            }
            if let candidate = name {
                var unique = candidate, counter = 2
                while usedNames.contains(unique) {
                    unique = "\(candidate)_\(counter)"
                    counter += 1
                }
                name = unique
                if unique != choice.value, !numeric, Int(choice.value) == nil {
                    notes.append("the choice name `\(choice.value)` is written `\(unique)`, a name expressions can use")
                }
            }
            usedCodes.insert(code)
            if let name { usedNames.insert(name) }
            info.codes[choice.value] = code
            if let name { info.names[code] = name }
            var label = choice.label
            if label.isEmpty {
                label = Texts(choice.value, language: choice.label.byLanguage.keys.sorted().first ?? "en")
                notes.append("the choice `\(choice.value)` has no label; its value is used as the label")
            }
            options.append(DraftOption(code: code, name: name, label: label))
        }
        return Coded(options: options, info: info, notes: notes)
    }
}
