import Presentation
import Analysis
import Instrument

extension DDIWriter {
    /// One `var` element: label, question, universe, statistics, categories, format.
    func variable(_ column: ExportColumn, id: String, into xml: inout XMLBuilder) {
        var attributes = [("ID", id), ("name", column.name), ("files", "F1")]
        attributes.append(("intrvl", column.measure == .scale ? "contin" : "discrete"))
        if case .numeric(let decimals) = column.storage { attributes.append(("dcml", String(decimals))) }
        xml.start("var", attributes)
        xml.element("labl", column.label)
        let frequencies = self.frequencies(of: column)
        if let variableID = column.variableID {
            question(variableID, into: &xml)
            let routing = Routing.of(variableID, lookup: lookup, words: words)
            if !routing.isUnconditional { xml.element("universe", routing.sentence() + ".", [("clusion", "I")]) }
        }
        if let frequencies { summary(frequencies, column: column, into: &xml) }
        categories(column, frequencies, into: &xml)
        xml.empty("varFormat", [("type", column.storage.isNumeric ? "numeric" : "character")])
        if case .optionFlag = column.role {
            xml.element("notes", "1 if chosen, 0 if asked and not chosen, blank if not asked.")
        }
        xml.end()
    }

    /// The describe result of the column's variable, as the codebooks show it.
    func frequencies(of column: ExportColumn) -> CodebookFrequencies? {
        guard let statistics, let variableID = column.variableID,
            let result = statistics.variables.first(where: { $0.name == variableID })
        else { return nil }
        return CodebookFrequencies(result, minCell: statistics.suppression.minCell)
    }

    /// The wording in every language, with the interviewer's instruction.
    private func question(_ variableID: String, into xml: inout XMLBuilder) {
        let wording = lookup.wording(of: variableID)
        let question = lookup.question(of: variableID)
        let own: Bool
        switch lookup.source(of: variableID) {
        case .question?, .gridItem?: own = true
        default: own = false
        }
        for (language, text) in wording {
            xml.start("qstn", [("xml:lang", language)])
            xml.element("qstnLit", text)
            if own, let instruction = question?.interviewer?.text(in: language) {
                xml.element("ivuInstr", instruction)
            }
            xml.end()
        }
    }

    /// Valid and invalid counts and, for numbers, the statistics `describe` may show.
    private func summary(_ frequencies: CodebookFrequencies, column: ExportColumn, into xml: inout XMLBuilder) {
        if let answered = frequencies.answered.value {
            xml.element("sumStat", NumberFormat.exact(answered), [("type", "vald")])
            xml.element("sumStat", NumberFormat.exact(Double(frequencies.total) - answered), [("type", "invd")])
        }
        guard column.measure == .scale, let summary = frequencies.summary else { return }
        let values: [(String, Double?)] = [
            ("mean", summary.mean), ("medn", summary.median), ("stdev", summary.standardDeviation),
            ("min", summary.minimum), ("max", summary.maximum),
        ]
        for (type, value) in values {
            guard let value, value.isFinite else { continue }
            xml.element("sumStat", NumberFormat.exact(value), [("type", type)])
        }
    }

    /// Each code with its label and frequency, then each missing code (`missing="Y"`).
    private func categories(_ column: ExportColumn, _ frequencies: CodebookFrequencies?, into xml: inout XMLBuilder) {
        var rows = frequencies?.rows ?? []
        if case .optionFlag(let code) = column.role {
            // A flag's "chosen" count is the option's count; "not chosen" is not a table of
            // describe's, so it gets no frequency of its own.
            let chosen = rows.first { $0.code == code }?.count
            category(0, "Not chosen", count: nil, missing: false, into: &xml)
            category(1, "Chosen", count: chosen, missing: false, into: &xml)
            rows = []
        } else {
            for label in column.valueLabels {
                let count = rows.first { $0.code == label.code }?.count
                category(label.code, label.label, count: count, missing: false, into: &xml)
            }
            // Codes the study holds that the instrument no longer lists.
            for row in rows where !column.valueLabels.contains(where: { $0.code == row.code }) {
                category(row.code, row.label, count: row.count, missing: false, into: &xml)
            }
        }
        for missing in column.missingCodes {
            var count: PublishedCount?
            if let frequencies {
                // describe lists the reasons somebody gave; a reason it leaves out was given by nobody.
                count = frequencies.missing.first { $0.kind == missing.kind.key }?.count ?? PublishedCount(Count(0), minCell: 0)
            }
            category(missing.code, missing.label, count: count, missing: true, into: &xml)
        }
    }

    private func category(_ code: Int, _ label: String, count: PublishedCount?, missing: Bool, into xml: inout XMLBuilder) {
        xml.start("catgry", missing ? [("missing", "Y")] : [])
        xml.element("catValu", String(code))
        xml.element("labl", label)
        if let count {
            if let value = count.value {
                xml.element("catStat", NumberFormat.exact(value), [("type", "freq")])
            } else {
                xml.element("catStat", count.display, [("type", "other"), ("otherType", "suppressed")])
            }
        }
        xml.end()
    }
}
