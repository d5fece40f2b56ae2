import Foundation

extension RedcapFormBuilder {
    /// A matrix group of single-choice fields sharing their choices and routing becomes a grid;
    /// otherwise its fields are separate questions (said in the report).
    mutating func matrix(_ fields: [RedcapField]) {
        let first = fields[0]
        if fields.contains(where: \.matrixRanking) {
            note(
                first,
                "the matrix group `\(first.matrixGroup)` is ranked (each choice once) in REDCap; the ranking is not carried over"
            )
        }
        let sameChoices = Set(fields.map { Self.canonical($0.choices) }).count == 1
        let allSingle = fields.allSatisfy { $0.type == "radio" || $0.type == "dropdown" }
        let sameRouting = Set(fields.map(\.branching)).count == 1
        guard fields.count > 1, sameChoices, allSingle, sameRouting else {
            let why =
                !allSingle
                ? "its fields are not all single choices"
                : !sameChoices
                    ? "its fields have different choices"
                    : !sameRouting ? "its fields have their own branching logic" : "it has one field"
            note(first, "the matrix group `\(first.matrixGroup)` is imported as separate questions, because \(why)")
            for field in fields {
                if let question = question(field) { append(question) }
            }
            return
        }
        let gridID = names.variable(first.matrixGroup)
        guard case .single(let options)? = kind(first, id: gridID) else { return }
        var items: [DraftItem] = []
        for field in fields {
            let id = names.variable(field.name)
            renamed[field.name] = id
            if var info = infos[first.name] {
                info.id = id
                infos[field.name] = info
            }
            items.append(DraftItem(id: id, text: texts(field.label), origin: "\(file) row \(field.line)"))
            if field.required {
                note(
                    field,
                    "`Required Field?` of the grid item `\(field.name)` is left out: grid items cannot be required")
            }
            if field.identifier {
                note(
                    field, "`\(field.name)` is marked as an identifier, but a grid item cannot be sealed; left unsealed"
                )
            }
            if !field.note.isEmpty { note(field, "the field note of the grid item `\(field.name)` is left out") }
            if !field.annotation.isEmpty {
                note(field, "the field annotation of `\(field.name)` has no equivalent; left out")
            }
        }
        let wording = first.sectionHeader.isEmpty ? Self.humanised(first.matrixGroup) : first.sectionHeader
        var question = DraftQuestion(
            id: gridID, kind: .grid(options, items: items), text: texts(wording),
            origin: "\(file) rows \(first.line)-\(fields.last!.line), matrix group `\(first.matrixGroup)`",
            location: location(first))
        question.askIf = branching(first)
        append(question)
    }
}
