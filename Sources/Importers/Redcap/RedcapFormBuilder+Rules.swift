import Foundation

/// A REDCap field's rules: branching logic, action tags, validation minimum and maximum.
extension RedcapFormBuilder {
    func translator(_ field: RedcapField) -> LogicTranslator {
        let infos = self.infos, planned = self.planned
        return LogicTranslator(dialect: .redcap) { name in infos[name] ?? planned[name] }
    }

    mutating func reportEvents(_ field: RedcapField, _ events: [String]) {
        for event in Set(events).sorted() {
            note(
                field,
                "the logic of `\(field.name)` names the event `\(event)`; waves are not yet in the instrument language, so it reads this interview's answer"
            )
        }
    }

    mutating func branching(_ field: RedcapField) -> DraftExpression? {
        guard !field.branching.isEmpty else { return nil }
        do {
            let translated = try translator(field).translate(field.branching)
            reportEvents(field, translated.events)
            return DraftExpression(translated.text, original: field.branching, location: location(field))
        } catch {
            var reason = error.message
            if let other = referencedOtherForm(field.branching) {
                reason = "it refers to `\(other.field)` on the form `\(other.form)`, another instrument"
            }
            note(
                field,
                "the branching logic `\(field.branching)` of `\(field.name)` could not be translated (\(reason)); the question is always asked"
            )
            return nil
        }
    }

    func referencedOtherForm(_ logic: String) -> (field: String, form: String)? {
        var rest = Substring(logic)
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            let name = String(rest[rest.index(after: open)..<close].prefix { $0 != "(" })
            if let form = formOf[name], form != self.form { return (name, form) }
            rest = rest[rest.index(after: close)...]
        }
        return nil
    }

    /// REDCap's `@NONEOFTHEABOVE='98'` makes those options exclusive; other action tags and notes
    /// have no equivalent.
    /// Takes an action tag out of an annotation: `@TAG='value'` (or `"value"`, or unquoted up to a
    /// space); the value, or `nil` when the tag is absent.
    static func actionTag(_ tag: String, in annotation: inout String) -> String? {
        guard let range = annotation.range(of: tag) else { return nil }
        var value = annotation[range.upperBound...]
        if value.hasPrefix("=") { value = value.dropFirst() }
        let quote: Character? = value.first == "'" || value.first == "\"" ? value.first : nil
        if quote != nil { value = value.dropFirst() }
        let end =
            value.firstIndex { character in
                if let quote { return character == quote }
                return character == " " || character == "\n"
            } ?? value.endIndex
        let text = String(value[..<end])
        let upper = quote != nil && end < value.endIndex ? value.index(after: end) : end
        annotation.removeSubrange(range.lowerBound..<upper)
        return text
    }

    /// REDCap's `@NONEOFTHEABOVE='98'` makes those options exclusive and `@DEFAULT='...'` is the
    /// question's default; other action tags and notes have no equivalent.
    mutating func annotation(_ field: RedcapField, _ question: inout DraftQuestion) {
        guard !field.annotation.isEmpty else { return }
        var rest = field.annotation
        if let value = Self.actionTag("@NONEOFTHEABOVE", in: &rest) {
            let codes = Set(value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            if case .multiple(.inline(var options)) = question.kind, let info = infos[field.name] {
                for index in options.indices where codes.contains(where: { info.codes[$0] == options[index].code }) {
                    options[index].exclusive = true
                }
                question.kind = .multiple(.inline(options))
            } else {
                note(
                    field,
                    "`@NONEOFTHEABOVE` of `\(field.name)` applies only to a checkbox with its own choices; left out")
            }
        }
        if let value = Self.actionTag("@DEFAULT", in: &rest) {
            if let written = defaultValue(value, field: field, kind: question.kind) {
                question.defaultValue = written
            } else {
                note(field, "the default `\(value)` of `\(field.name)` does not fit the question; left out")
            }
        }
        let left = rest.trimmingCharacters(in: .whitespacesAndNewlines)
        if !left.isEmpty {
            note(field, "the field annotation `\(left)` of `\(field.name)` has no equivalent; left out")
        }
    }

    /// A REDCap default as the instrument writes it.
    private func defaultValue(_ value: String, field: RedcapField, kind: DraftKind) -> String? {
        let info = infos[field.name]
        func option(_ code: String) -> String? {
            guard let number = info?.codes[code.trimmingCharacters(in: .whitespaces)] else { return nil }
            return info?.names[number].map { YAMLScalar.string($0, flow: true) } ?? String(number)
        }
        switch kind {
        case .single: return option(value)
        case .multiple:
            let chosen = value.split(separator: ",").map { option(String($0)) }
            return chosen.isEmpty || chosen.contains(where: { $0 == nil })
                ? nil : "[" + chosen.compactMap { $0 }.joined(separator: ", ") + "]"
        case .integer: return Int(value) != nil ? value : nil
        case .decimal: return Double(value) != nil ? value : nil
        case .date:
            if ["[date-ymd]", "today"].contains(value.lowercased()) { return "today" }
            return LogicTranslator.isoDate(value).map { "\"\($0)\"" }
        case .text: return value.contains("[") ? nil : YAMLScalar.quoted(value)
        default: return nil
        }
    }

    /// REDCap's validation minimum and maximum: a range when both are given, a check when one is.
    mutating func bounds(_ field: RedcapField, _ question: inout DraftQuestion) {
        guard !field.minimum.isEmpty || !field.maximum.isEmpty, field.type != "slider" else { return }
        switch question.kind {
        case .integer(nil), .decimal(nil, _):
            let minimum = Double(field.minimum), maximum = Double(field.maximum)
            if (!field.minimum.isEmpty && minimum == nil) || (!field.maximum.isEmpty && maximum == nil) {
                note(field, "the minimum or maximum of `\(field.name)` is not a number; left out")
                return
            }
            if let minimum, let maximum {
                let range = (LogicTranslator.format(minimum), LogicTranslator.format(maximum))
                if case .decimal(_, let decimals) = question.kind {
                    question.kind = .decimal(range: range, decimals: decimals)
                } else {
                    question.kind = .integer(range: range)
                }
            } else if let minimum {
                question.checks.append(
                    DraftCheck(
                        condition: DraftExpression(
                            "\(question.id) < \(LogicTranslator.format(minimum))", original: field.minimum,
                            location: location(field)),
                        message: Texts(
                            "The answer must be at least \(LogicTranslator.format(minimum)).", language: "en")))
            } else if let maximum {
                question.checks.append(
                    DraftCheck(
                        condition: DraftExpression(
                            "\(question.id) > \(LogicTranslator.format(maximum))", original: field.maximum,
                            location: location(field)),
                        message: Texts("The answer must be at most \(LogicTranslator.format(maximum)).", language: "en")
                    ))
            }
        case .date(nil):
            let order = field.validation.split(separator: "_").dropFirst().first.map(String.init) ?? "ymd"
            func day(_ text: String) -> String? {
                if text.isEmpty { return nil }
                if text.lowercased() == "today" { return "today" }
                if let iso = LogicTranslator.isoDate(String(text.prefix(10))) { return iso }
                return Self.reorder(text, order: order)
            }
            let low = day(field.minimum), high = day(field.maximum)
            if (!field.minimum.isEmpty && low == nil) || (!field.maximum.isEmpty && high == nil) {
                note(field, "the minimum or maximum of `\(field.name)` is not a date; left out")
                return
            }
            if let low, let high {
                question.kind = .date(range: (low, high))
            } else if let low {
                let bound = low == "today" ? "today()" : "date(\"\(low)\")"
                question.checks.append(
                    DraftCheck(
                        condition: DraftExpression(
                            "\(question.id) < \(bound)", original: field.minimum, location: location(field)),
                        message: Texts("The date must be \(low == "today" ? "today" : low) or later.", language: "en")))
            } else if let high {
                let bound = high == "today" ? "today()" : "date(\"\(high)\")"
                question.checks.append(
                    DraftCheck(
                        condition: DraftExpression(
                            "\(question.id) > \(bound)", original: field.maximum, location: location(field)),
                        message: Texts(
                            "The date must be \(high == "today" ? "today" : high) or earlier.", language: "en")))
            }
        default:
            note(field, "the minimum and maximum of `\(field.name)` apply only to numbers and dates; left out")
        }
    }

    /// A date written in the order of a REDCap validation (`mdy`, `dmy`) as `YYYY-MM-DD`.
    static func reorder(_ text: String, order: String) -> String? {
        let parts = text.prefix(10).split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
        guard parts.count == 3 else { return nil }
        let (d, m, y): (String, String, String)
        switch order {
        case "mdy": (m, d, y) = (parts[0], parts[1], parts[2])
        case "dmy": (d, m, y) = (parts[0], parts[1], parts[2])
        default: (y, m, d) = (parts[0], parts[1], parts[2])
        }
        return LogicTranslator.isoDate("\(y)-\(m)-\(d)")
    }
}
