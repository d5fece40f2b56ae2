import Foundation
import Instrument
import Store
import Testing

// Helpers for the export tests (CSV, syntax, native, privacy, reproducibility, the command). They
// run the built binary through `CodebookTool` and reuse `SimulatedStudies` (CodebookSupport.swift).

/// The programs the export is checked with, as users open the files. `scripts/setup.sh` installs
/// them here and in CI; a missing one fails the test with that advice rather than skipping it.
enum ExportTools {
    /// Fails unless a program is on the PATH.
    static func require(_ program: String) throws {
        let found = try CodebookTool.run("/bin/sh", ["-c", "command -v \"$1\"", "sh", program])
        try #require(
            found.status == 0, "`\(program)` is not installed; run scripts/setup.sh, which installs what the export tests use")
    }

    /// Fails unless Python can import a module.
    static func requirePython(_ module: String) throws {
        try require("python3")
        let found = try CodebookTool.run("/usr/bin/env", ["python3", "-c", "import \(module)"])
        try #require(
            found.status == 0,
            "Python cannot import \(module); run scripts/setup.sh, which installs what the export tests use")
    }

    /// Runs a Python script with arguments; its standard output parsed as JSON.
    static func pythonJSON(_ script: String, _ arguments: [String], module: String = "pyreadstat") throws -> Any {
        try requirePython(module)
        let result = try CodebookTool.run("/usr/bin/env", ["python3", "-c", script] + arguments)
        try #require(result.status == 0, "python failed: \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// Runs PSPP on syntax beside an export's files (so that the `.sps` finds its CSV), in a
    /// directory of its own that links to them: the export's directory, which other tests list,
    /// gains no file.
    /// - Parameter output: A file for the tables (PSPP picks the format from its extension);
    ///   without one, the listing is returned with the messages.
    /// - Returns: PSPP's status and messages, and the directory it ran in (holding what it saved).
    static func pspp(
        _ syntax: String, in directory: URL, output: String? = nil
    ) throws -> (status: Int32, output: String, directory: URL) {
        try require("pspp")
        let scratch = try codebookDirectory()
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            try FileManager.default.createSymbolicLink(
                at: scratch.appendingPathComponent(name), withDestinationURL: directory.appendingPathComponent(name))
        }
        try syntax.write(to: scratch.appendingPathComponent("check.sps"), atomically: true, encoding: .utf8)
        let target = output.map { ["-o", $0] } ?? ["-O", "format=txt", "-o", "-"]
        let result = try CodebookTool.run(
            "/bin/sh", ["-c", "cd \"$1\" && shift && exec pspp \"$@\" 2>&1", "sh", scratch.path] + target + ["check.sps"])
        return (result.status, result.stdout + result.stderr, scratch)
    }
}

/// PSPP's tables, from its CSV output: each table's title and rows of cells.
struct PSPPTables {
    var tables: [(title: String, rows: [[String]])] = []
    /// What PSPP said besides the tables (notes, warnings, errors).
    var messages: String

    /// Runs syntax (after `SET TVARS=NAMES TNUMBERS=VALUES`, so that cells show names and codes)
    /// in a directory, and reads the tables PSPP writes as CSV.
    init(_ syntax: String, in directory: URL) throws {
        let run = try ExportTools.pspp("SET TVARS=NAMES TNUMBERS=VALUES.\n" + syntax, in: directory, output: "tables.csv")
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

/// An export made with the built binary.
struct MadeExport: Sendable {
    /// The study database.
    var database: String
    /// The directory written.
    var directory: URL
    /// What the command printed.
    var stdout: String

    /// A file of the export.
    func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// A file's bytes.
    func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

    /// A file's text.
    func text(_ name: String) throws -> String { String(decoding: try data(name), as: UTF8.self) }

    /// `export.json`, parsed.
    func report() throws -> [String: Any] { try jsonObject(try text("export.json")) }

    /// The CSV's cells (parsed by Python's csv module, as a reader would), header first; read
    /// once per file.
    func csvRows(_ name: String) throws -> [[String]] {
        let path = url(name).path
        if let known = csvMemo.value(path) { return known }
        let script = """
            import csv, json, sys
            with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
                print(json.dumps(list(csv.reader(f))))
            """
        let rows = try #require(try ExportTools.pythonJSON(script, [path], module: "csv") as? [[String]])
        csvMemo.store(path, rows)
        return rows
    }

    /// The CSV as dictionaries, one per interview, by column name.
    func csvRecords(_ name: String) throws -> [[String: String]] {
        let rows = try csvRows(name)
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}

/// Exports made with the built binary, and the studies they come from.
enum Exports {
    /// Exports a study into a new directory.
    /// - Parameters:
    ///   - database: The study.
    ///   - arguments: More arguments (`--format`, `--include-text` ...).
    /// - Returns: The export; the command must succeed.
    static func make(_ database: String, _ arguments: [String] = []) throws -> MadeExport {
        let directory = try codebookDirectory().appendingPathComponent("export")
        let result = try CodebookTool.peersurvey(["export", "--db", database, "--to", directory.path] + arguments)
        try #require(result.status == 0, "export failed: \(result.stderr)")
        return MadeExport(database: database, directory: directory, stdout: result.stdout)
    }

    /// Every format of each bundled instrument's simulated study (300 interviews), made once.
    static let bundled: [String: MadeExport] = {
        var made: [String: MadeExport] = [:]
        for id in bundledInstruments {
            guard let database = SimulatedStudies.byInstrument[id] else { continue }
            made[id] = try? make(database)
        }
        return made
    }()

    /// The export of a bundled instrument.
    static func of(_ id: String) throws -> MadeExport {
        try #require(bundled[id], "the study of \(id) could not be made or exported")
    }
}

/// Files already read by a slow reader (Python), by path: exports are not changed once made.
final class FileMemo<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Value] = [:]

    func value(_ path: String) -> Value? { lock.withLock { values[path] } }
    func store(_ path: String, _ value: Value) { lock.withLock { values[path] = value } }
}

/// CSV reads, by path.
let csvMemo = FileMemo<[[String]]>()
/// NativeFile reads, by path.
let nativeMemo = FileMemo<NativeFile>()

extension Data {
    /// Whether the bytes contain the UTF-8 of a text anywhere.
    func contains(text: String) -> Bool { range(of: Data(text.utf8)) != nil }
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
