import Presentation
import Foundation
package import Instrument

/// Writes `datapackage.json`: a Frictionless Data Package (v2) with one tabular resource, the
/// coded CSV. Each column becomes a field with its title (the label), description (the wording
/// and who is asked), type, `categories` for coded values, labelled `missingValues` for the
/// missing codes, and an `enum` constraint listing every valid and missing code; the participant
/// column is the primary key. It holds no counts, so nothing small-cell suppression hides can
/// leak through it.
package enum DataPackageWriter {
    /// The profiles of Data Package v2.
    static let packageProfile = "https://datapackage.org/profiles/2.0/datapackage.json"
    static let resourceProfile = "https://datapackage.org/profiles/2.0/dataresource.json"
    static let schemaProfile = "https://datapackage.org/profiles/2.0/tableschema.json"
    static let dialectProfile = "https://datapackage.org/profiles/2.0/tabledialect.json"

    /// Renders the descriptor.
    /// - Parameters:
    ///   - layout: The columns of the coded CSV.
    ///   - instrument: The instrument (for wording and routing).
    ///   - csvFileName: The CSV's file name, relative to the descriptor.
    /// - Returns: The JSON text, ending with a newline.
    package static func render(layout: ExportLayout, instrument: Instrument, csvFileName: String) -> String {
        let lookup = VariableCatalogue(instrument)
        let words = PlainWords(lookup)
        let language = instrument.defaultLanguage
        let fields = layout.columns.map { field($0, lookup: lookup, words: words) }
        var schema: [(String, JSON)] = [("$schema", .string(schemaProfile)), ("fields", .array(fields))]
        if let key = layout.columns.first(where: { $0.role == .metadata(.participant) }) {
            schema.append(("primaryKey", .array([.string(key.name)])))
        }
        schema.append(("missingValues", .array([.string("")])))
        let resource: [(String, JSON)] = [
            ("$schema", .string(resourceProfile)),
            ("name", .string(resourceName(layout.instrument))),
            ("type", .string("table")),
            ("path", .string(csvFileName)),
            ("format", .string("csv")),
            ("mediatype", .string("text/csv")),
            ("encoding", .string("utf-8")),
            ("title", .string(instrument.title.text(in: language))),
            (
                "dialect",
                .object([
                    ("$schema", .string(dialectProfile)), ("header", .bool(true)), ("delimiter", .string(",")),
                    ("quoteChar", .string("\"")), ("doubleQuote", .bool(true)),
                ])
            ),
            ("schema", .object(schema)),
        ]
        var description = instrument.description?.text(in: language) ?? ""
        if !description.isEmpty { description += "\n\n" }
        description +=
            "Coded interviews of the instrument `\(instrument.id)` (version \(layout.version)), exported by peersurvey: "
            + "one row per interview; each reason for no answer has its own code, listed in each field's `missingValues`."
        let package: [(String, JSON)] = [
            ("$schema", .string(packageProfile)),
            ("name", .string(resourceName(layout.instrument))),
            ("title", .string(instrument.title.text(in: language))),
            ("description", .string(description)),
            ("resources", .array([.object(resource)])),
        ]
        return JSON.object(package).rendered(.descriptor) + "\n"
    }

    /// A name as Data Package names should be: lower case letters, digits, `-`, `_` and `.`.
    static func resourceName(_ id: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_.")
        let name = String(id.lowercased().map { allowed.contains($0) ? $0 : "-" })
        return name.isEmpty ? "data" : name
    }

    /// One field of the table schema.
    static func field(_ column: ExportColumn, lookup: VariableCatalogue, words: PlainWords) -> JSON {
        var members: [(String, JSON)] = [("name", .string(column.name)), ("title", .string(column.label))]
        let description = self.description(column, lookup: lookup, words: words)
        if !description.isEmpty { members.append(("description", .string(description))) }
        let type: String
        switch column.storage {
        case .numeric(let decimals): type = decimals == 0 ? "integer" : "number"
        case .string: type = column.role == .metadata(.month) ? "yearmonth" : "string"
        }
        members.append(("type", .string(type)))
        let labelled = type == "integer" && !column.valueLabels.isEmpty
        if labelled {
            members.append(
                (
                    "categories",
                    .array(
                        column.valueLabels.map { .object([("value", .integer($0.code)), ("label", .string($0.label))]) })
                ))
            if column.measure == .ordinal { members.append(("categoriesOrdered", .bool(true))) }
        }
        if column.storage.isNumeric {
            members.append(("missingValues", .array(missingValues(column))))
        }
        var constraints: [(String, JSON)] = []
        if column.role == .metadata(.participant) { constraints.append(("required", .bool(true))) }
        if labelled {
            let codes = column.valueLabels.map(\.code) + column.missingCodes.map(\.code)
            var seen = Set<Int>()
            constraints.append(("enum", .array(codes.filter { seen.insert($0).inserted }.map(JSON.integer))))
        }
        if !constraints.isEmpty { members.append(("constraints", .object(constraints))) }
        return .object(members)
    }

    /// The blank cell and each missing code, with labels (which must be unique).
    static func missingValues(_ column: ExportColumn) -> [JSON] {
        var labels = Set<String>()
        var out: [JSON] = []
        func add(_ value: String, _ label: String) {
            var label = label
            if !labels.insert(label).inserted {
                label += " (\(value))"
                labels.insert(label)
            }
            out.append(.object([("value", .string(value)), ("label", .string(label))]))
        }
        add("", "Blank (no value)")
        for missing in column.missingCodes { add(String(missing.code), missing.label) }
        return out
    }

    /// The wording in every language and who is asked, or what a metadata column holds.
    static func description(_ column: ExportColumn, lookup: VariableCatalogue, words: PlainWords) -> String {
        switch column.role {
        case .metadata(let kind): return metadataDescription(kind)
        default: break
        }
        guard let id = column.variableID else { return "" }
        var parts: [String] = []
        let wording = lookup.wording(of: id)
        let many = lookup.instrument.languages.count > 1
        for (language, text) in wording where !text.isEmpty {
            parts.append(many ? "(\(language)) \(text)" : text)
        }
        switch column.role {
        case .optionFlag: parts.append("1 if chosen, 0 if asked and not chosen, blank if not asked.")
        case .specify: parts.append("Their words after choosing this option (masked).")
        default: break
        }
        if case .calculate(let expression)? = lookup.question(of: id)?.kind, lookup.question(of: id)?.id == id {
            parts.append("Calculated as: \(expression.source)")
        }
        if case .score(let score)? = lookup.source(of: id) {
            var text = "The \(score.method.rawValue) of \(score.items.joined(separator: ", "))"
            if !score.reverse.isEmpty { text += ", with \(score.reverse.joined(separator: ", ")) reversed" }
            parts.append(text + "; computed when at least \(score.minAnswered) items are answered.")
        }
        let routing = Routing.of(id, lookup: lookup, words: words)
        if !routing.isUnconditional { parts.append(routing.sentence() + ".") }
        return parts.joined(separator: "\n\n")
    }

    static func metadataDescription(_ kind: ExportColumn.Metadata) -> String {
        switch kind {
        case .participant:
            return "Identifies the participant in this file: a pseudonym made for this release only (or, in a "
                + "custodian export, the participant code)."
        case .version: return "The version of the instrument the interview used."
        case .interviewer: return "The code of the peer researcher who did the interview (not their name)."
        case .status: return "Where the interview stands."
        case .outcome: return "The coded reason an interview stopped early; blank when it did not."
        case .month: return "The month the interview started, as YYYY-MM (the day is left out)."
        }
    }
}

/// The `datapackage` format of `export`: writes `datapackage.json` beside the coded CSV.
struct DataPackageFormat: ExportFormat {
    let id = ExportFormatID.datapackage

    func write(_ bundle: ExportBundle, to directory: URL) throws -> [String] {
        let text = DataPackageWriter.render(
            layout: bundle.layout, instrument: bundle.instrument, csvFileName: bundle.csvFileName)
        let name = "datapackage.json"
        try TextFile.write(text, to: directory.appendingPathComponent(name))
        return [name]
    }
}
