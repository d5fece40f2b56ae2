import Foundation
package import Instrument
import Store

/// Reads analysis plans from YAML (through the Instrument module's ``YAMLReader``, so that only
/// that module touches Yams), reporting every problem at its place in the file.
package enum PlanReader {
    /// The outcome of reading a plan.
    package struct Result: Sendable {
        /// The file's text, for quoting lines in diagnostics.
        package var source: SourceFile?
        /// The plan as far as it could be read (check ``hasErrors`` before running it).
        package var plan: AnalysisPlan?
        /// Every problem found.
        package var diagnostics: [Diagnostic]

        /// Whether any diagnostic is an error.
        package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    static let keys = [
        "plan", "instrument", "instrument_file", "title", "include", "min_cell", "percentiles", "weight", "formats",
        "tables",
    ]
    static let tableKeys = ["title", "variables", "scores", "by", "weight"]
    static let included: [String: InterviewStatus] = [
        "completed": .completed, "suspended": .suspended, "broken_off": .brokenOff,
    ]

    /// Whether a file is an analysis plan (a YAML mapping whose first key is `plan:`), so that
    /// `check` can tell plans from instruments.
    /// - Parameter path: A file.
    /// - Returns: `true` for a plan.
    package static func isPlan(path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path), data.count < 1 << 20 else { return false }
        let text = String(decoding: data, as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed == "---" { continue }
            return trimmed.hasPrefix("plan:")
        }
        return false
    }

    /// Reads a plan file.
    /// - Parameter path: The file.
    /// - Returns: The plan and every diagnostic.
    /// - Throws: ``LoadError`` when the file cannot be read at all.
    package static func read(path: String) throws(LoadError) -> Result {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "no such file, or it cannot be read")
        }
        return read(bytes: [UInt8](data), path: path)
    }

    /// Reads a plan from bytes.
    /// - Parameters:
    ///   - bytes: The YAML.
    ///   - path: The path to name in diagnostics.
    /// - Returns: The plan and every diagnostic.
    package static func read(bytes: [UInt8], path: String) -> Result {
        let yaml = YAMLReader.read(bytes, path: path)
        guard let root = yaml.root else { return Result(source: yaml.source, diagnostics: yaml.diagnostics) }
        var reader = NodeReader(path: path)
        let plan = reader.plan(root)
        return Result(source: yaml.source, plan: plan, diagnostics: reader.diagnostics.sorted)
    }
}

/// Walks a plan's node tree.
private struct NodeReader {
    let path: String
    var diagnostics = DiagnosticList()

    /// The pairs of a mapping, after reporting unknown keys and missing required ones.
    mutating func mapping(_ node: YAMLNode, keys: [String], required: [String], what: String) -> [String: (
        key: YAMLNode, value: YAMLNode
    )]? {
        guard case .mapping(let entries) = node.kind else {
            diagnostics.error(
                "expected \(what) (a mapping of keys such as `\(keys[0]):`), but found \(node.kindDescription)",
                at: node.location)
            return nil
        }
        var pairs: [String: (key: YAMLNode, value: YAMLNode)] = [:]
        for (key, value) in entries {
            let name = key.scalar ?? ""
            guard keys.contains(name) else {
                let suggestion = Suggestions.closest(to: name, in: keys)
                diagnostics.error(
                    "unknown key `\(name)` in \(what)" + (suggestion.map { "; did you mean `\($0)`?" } ?? ""),
                    at: key.location, suggestion: suggestion)
                continue
            }
            pairs[name] = (key, value)
        }
        for key in required where pairs[key] == nil {
            diagnostics.error("\(what) needs the key `\(key)`", at: node.location)
        }
        return pairs
    }

    mutating func text(_ node: YAMLNode?, _ what: String) -> String? {
        guard let node else { return nil }
        guard let text = node.scalar, !node.isNull else {
            diagnostics.error("\(what) must be a single value, not \(node.kindDescription)", at: node.location)
            return nil
        }
        return text
    }

    mutating func name(_ node: YAMLNode?, _ what: String) -> AnalysisPlan.Name? {
        guard let node, let text = text(node, what) else { return nil }
        return AnalysisPlan.Name(name: text, location: node.location)
    }

    mutating func names(_ node: YAMLNode?, _ what: String) -> [AnalysisPlan.Name] {
        guard let node else { return [] }
        guard case .sequence(let items) = node.kind else {
            diagnostics.error("\(what) must be a list such as [a, b], not \(node.kindDescription)", at: node.location)
            return []
        }
        return items.compactMap { name($0, "each of \(what)") }
    }

    mutating func plan(_ root: YAMLNode) -> AnalysisPlan? {
        guard
            let pairs = mapping(
                root, keys: PlanReader.keys, required: ["plan", "instrument", "tables"], what: "an analysis plan")
        else { return nil }
        let id = text(pairs["plan"]?.value, "`plan`") ?? ""
        if let node = pairs["plan"]?.value, !id.isEmpty,
            id.range(of: "^[a-z][a-z0-9-]{0,63}$", options: .regularExpression) == nil
        {
            diagnostics.error(
                "the plan's id must be lowercase letters, digits and `-`, starting with a letter (it names the report files)",
                at: node.location)
        }
        let instrument = name(pairs["instrument"]?.value, "`instrument`")
        var statuses: Set<InterviewStatus> = [.completed]
        if let node = pairs["include"]?.value {
            statuses = []
            for item in names(node, "`include`") {
                guard let status = PlanReader.included[item.name] else {
                    let suggestion = Suggestions.closest(to: item.name, in: PlanReader.included.keys.sorted())
                    diagnostics.error(
                        "`include` takes completed, suspended and broken_off, not `\(item.name)`"
                            + (suggestion.map { "; did you mean `\($0)`?" } ?? ""), at: item.location,
                        suggestion: suggestion)
                    continue
                }
                statuses.insert(status)
            }
        }
        var minCell = 10
        if let node = pairs["min_cell"]?.value, let text = text(node, "`min_cell`") {
            if let value = Int(text), value >= 0 {
                minCell = value
            } else {
                diagnostics.error("`min_cell` must be 0 (no suppression) or a positive whole number", at: node.location)
            }
        }
        var percentiles = PercentileMethod.type7
        if let node = pairs["percentiles"]?.value, let text = text(node, "`percentiles`") {
            if let method = PercentileMethod(rawValue: text) {
                percentiles = method
            } else {
                diagnostics.error("`percentiles` must be type7 or spss", at: node.location)
            }
        }
        var formats: [ReportFormat] = [.html]
        if let node = pairs["formats"]?.value {
            formats = []
            for item in names(node, "`formats`") {
                guard let format = ReportFormat(rawValue: item.name) else {
                    let suggestion = Suggestions.closest(to: item.name, in: ReportFormat.allCases.map(\.rawValue))
                    diagnostics.error(
                        "`formats` takes text, markdown, csv, json and html, not `\(item.name)`"
                            + (suggestion.map { "; did you mean `\($0)`?" } ?? ""), at: item.location,
                        suggestion: suggestion)
                    continue
                }
                if !formats.contains(format) { formats.append(format) }
            }
        }
        var tables: [AnalysisPlan.Table] = []
        if let node = pairs["tables"]?.value {
            if case .sequence(let items) = node.kind, !items.isEmpty {
                for item in items { if let table = table(item) { tables.append(table) } }
            } else {
                diagnostics.error(
                    "`tables` must be a list of tables, each with `variables:` or `scores:`", at: node.location)
            }
        }
        guard let instrument else { return nil }
        return AnalysisPlan(
            id: id, instrument: instrument, instrumentFile: name(pairs["instrument_file"]?.value, "`instrument_file`"),
            title: text(pairs["title"]?.value, "`title`") ?? id, statuses: statuses, minCell: minCell,
            minCellLocation: pairs["min_cell"]?.key.location, percentiles: percentiles,
            weight: name(pairs["weight"]?.value, "`weight`"), formats: formats, tables: tables)
    }

    mutating func table(_ node: YAMLNode) -> AnalysisPlan.Table? {
        guard let pairs = mapping(node, keys: PlanReader.tableKeys, required: ["title"], what: "a table") else {
            return nil
        }
        let table = AnalysisPlan.Table(
            title: text(pairs["title"]?.value, "a table's `title`") ?? "",
            variables: names(pairs["variables"]?.value, "`variables`"),
            scores: names(pairs["scores"]?.value, "`scores`"), by: name(pairs["by"]?.value, "`by`"),
            weight: name(pairs["weight"]?.value, "`weight`"), location: node.location)
        return table
    }
}
