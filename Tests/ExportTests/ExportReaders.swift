import Foundation
import Testing

// What PSPP and pyreadstat make of the exported files, for the export tests.

/// PSPP's tables, from its CSV output: each table's title and rows of cells.
struct PSPPTables {
    var tables: [(title: String, rows: [[String]])] = []
    /// What PSPP said besides the tables (notes, warnings, errors).
    var messages: String

    /// Runs syntax (after `SET TVARS=NAMES TNUMBERS=VALUES`, so that cells show names and codes)
    /// in a directory, and reads the tables PSPP writes as CSV.
    init(_ syntax: String, in directory: URL) throws {
        let run = try ExportTools.pspp(
            "SET TVARS=NAMES TNUMBERS=VALUES.\n" + syntax, in: directory, output: "tables.csv")
        try #require(run.status == 0, "PSPP failed: \(run.output)")
        let text = (try? String(contentsOf: run.directory.appendingPathComponent("tables.csv"), encoding: .utf8)) ?? ""
        messages = run.output
        var current: (title: String, rows: [[String]])?
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("Table: ") {
                if let current { tables.append(current) }
                current = (String(line.dropFirst(7)), [])
            } else if line.isEmpty {
                if let done = current { tables.append(done) }
                current = nil
            } else if current != nil {
                current!.rows.append(line.components(separatedBy: ","))
            } else {
                messages += line + "\n"
            }
        }
        if let current { tables.append(current) }
    }

    /// A frequency table's counts by value (`.` for system-missing).
    func frequencies(_ variable: String) -> [String: Int]? {
        guard let table = tables.first(where: { $0.title == variable }) else { return nil }
        var counts: [String: Int] = [:]
        for row in table.rows.dropFirst() where row.count > 2 && row[0] != "Total" {
            if let count = Int(row[2]) { counts[row[1]] = count }
        }
        return counts
    }

    /// The valid N and the mean of each variable in the Statistics tables.
    func statistics() -> [String: (valid: Int, mean: String)] {
        var result: [String: (valid: Int, mean: String)] = [:]
        for table in tables where table.title == "Statistics" {
            guard let header = table.rows.first else { continue }
            let valid = table.rows.first { $0.first == "N" && $0.dropFirst().first == "Valid" }
            let mean = table.rows.first { $0.first == "Mean" }
            for index in header.indices.dropFirst(2) {
                result[header[index]] = (Int(valid?[index] ?? "") ?? -1, mean?[index] ?? "")
            }
        }
        return result
    }
}

/// A `.sav` or `.dta` file as pyreadstat reads it (with user-missing values kept).
struct NativeFile {
    /// A cell: a number, a text, a Stata extended missing letter (as text), or nothing.
    enum Cell: Equatable, CustomStringConvertible {
        case number(Double)
        case text(String)
        case none

        init(_ value: Any) {
            switch value {
            case let number as [String: String]: self = number["n"].flatMap(Double.init).map(Cell.number) ?? .none
            case let text as String: self = .text(text)
            default: self = .none
            }
        }

        var description: String {
            switch self {
            case .number(let value): return String(value)
            case .text(let text): return "\"\(text.prefix(40))\""
            case .none: return "(none)"
            }
        }
    }

    let columns: [String]
    let labels: [String]
    /// Value labels by column, then by code (`-7`, `1`, or a Stata letter `c`).
    let valueLabels: [String: [String: String]]
    /// SPSS missing ranges by column: `[low, high]` pairs.
    let missingRanges: [String: [[Double]]]
    /// Stata's extended missing letters used by each column.
    let missingLetters: [String: [String]]
    let measures: [String: String]
    /// Formats by column as the file declares them (`F8.0`, `A300`, `%10.0g`, `%-14s`).
    let types: [String: String]
    /// Storage by column: the SPSS format, or for Stata `number`, `str300` or `strL`.
    let storage: [String: String]
    /// Multiple-response sets: name to (label, counted value, member columns).
    let sets: [String: (label: String, countedValue: Double, columns: [String])]
    let notes: [String]
    let rows: [[Cell]]

    /// A column's cells.
    func column(_ name: String) throws -> [Cell] {
        let index = try #require(columns.firstIndex(of: name), "no column \(name)")
        return rows.map { $0[index] }
    }

    static let script = """
        import json, math, sys
        import pyreadstat
        path = sys.argv[1]
        read = pyreadstat.read_sav if path.endswith('.sav') else pyreadstat.read_dta
        df, meta = read(path, user_missing=True)
        def key(k):
            return str(int(k)) if isinstance(k, float) and k.is_integer() else str(k)
        def cell(v):
            if v is None or (isinstance(v, float) and math.isnan(v)):
                return None
            # Numbers as their shortest text: Foundation's JSON reader rounds some doubles.
            return {'n': repr(float(v))} if isinstance(v, (float, int)) else str(v)
        storage = dict(meta.original_variable_types)
        if path.endswith('.dta'):
            raw = open(path, 'rb').read()
            start = raw.index(b'<variable_types>') + len(b'<variable_types>')
            codes = [int.from_bytes(raw[i:i + 2], 'little') for i in range(start, raw.index(b'</variable_types>'), 2)]
            storage = {name: 'strL' if code == 32768 else 'str%d' % code if code <= 2045 else 'number'
                       for name, code in zip(meta.column_names, codes)}
        sets = {name: {'label': s['label'], 'counted': s['counted_value'], 'columns': s['variable_list']}
                for name, s in (getattr(meta, 'mr_sets', None) or {}).items()}
        print(json.dumps({
            'columns': meta.column_names,
            'labels': meta.column_labels,
            'value_labels': {v: {key(k): l for k, l in labels.items()} for v, labels in meta.variable_value_labels.items()},
            'missing_ranges': {v: [[r['lo'], r['hi']] for r in rs] for v, rs in (meta.missing_ranges or {}).items()},
            'missing_letters': meta.missing_user_values or {},
            'measures': meta.variable_measure,
            'types': meta.original_variable_types,
            'storage': storage,
            'sets': sets,
            'notes': getattr(meta, 'notes', []) or [],
            'rows': [[cell(v) for v in row] for row in df.astype(object).values.tolist()],
        }))
        """

    /// Reads a file with pyreadstat (once per file).
    init(_ url: URL) throws {
        if let known = nativeMemo.value(url.path) {
            self = known
            return
        }
        try self.init(reading: url)
        nativeMemo.store(url.path, self)
    }

    private init(reading url: URL) throws {
        let object = try #require(try ExportTools.pythonJSON(Self.script, [url.path]) as? [String: Any])
        columns = object["columns"] as? [String] ?? []
        labels = (object["labels"] as? [Any] ?? []).map { $0 as? String ?? "" }
        valueLabels = object["value_labels"] as? [String: [String: String]] ?? [:]
        missingRanges = (object["missing_ranges"] as? [String: [[Any]]] ?? [:]).mapValues { ranges in
            ranges.map { $0.map { ($0 as? NSNumber)?.doubleValue ?? .nan } }
        }
        missingLetters = object["missing_letters"] as? [String: [String]] ?? [:]
        measures = object["measures"] as? [String: String] ?? [:]
        types = object["types"] as? [String: String] ?? [:]
        storage = object["storage"] as? [String: String] ?? [:]
        var sets: [String: (label: String, countedValue: Double, columns: [String])] = [:]
        for (name, value) in object["sets"] as? [String: [String: Any]] ?? [:] {
            sets[name] = (
                value["label"] as? String ?? "", (value["counted"] as? NSNumber)?.doubleValue ?? .nan,
                value["columns"] as? [String] ?? []
            )
        }
        self.sets = sets
        notes = object["notes"] as? [String] ?? []
        rows = (object["rows"] as? [[Any]] ?? []).map { $0.map(Cell.init) }
    }
}
