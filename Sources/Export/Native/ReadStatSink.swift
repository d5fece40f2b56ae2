import CReadStat
import Foundation
import Instrument

/// Which native file a ``ReadStatSink`` writes.
enum NativeKind {
    case sav, dta

    /// The longest variable label each format keeps, in bytes.
    var labelBytes: Int { self == .sav ? 255 : 320 }
    /// The longest value label.
    var valueLabelBytes: Int { self == .sav ? 120 : 32_000 }
    /// The longest fixed-width string (longer ones are Stata strL).
    var stringBytes: Int { self == .sav ? 32_767 : 2_045 }
}

/// Writes rows through ReadStat's writer: variables with labels, value labels, missing codes
/// (SPSS missing ranges; Stata extended missing `.a`, `.b`, ...) and measurement levels, then
/// each row. Bytes go through ``OutputFile``, buffered and hashed.
final class ReadStatSink: RowSink {
    let kind: NativeKind
    let file: OutputFile
    private let writer: OpaquePointer
    private var variables: [OpaquePointer] = []
    private let columns: [ExportColumn]
    /// The Stata extended-missing letter of each missing code.
    private let tags: [Int: CChar]
    /// For strL columns: the references to insert, row by row.
    private var strls: [Int: [OpaquePointer?]] = [:]
    private var row = 0
    private let output: NativeOutput
    private var context: Unmanaged<NativeOutput>
    /// The multiple-response sets to add to a `.sav` dictionary.
    private let sets: [MultipleResponseSet]

    init(kind: NativeKind, bundle: ExportBundle, url: URL, rowCount: Int) throws {
        self.kind = kind
        file = try OutputFile(url)
        columns = bundle.layout.columns
        tags = Dictionary(
            uniqueKeysWithValues: bundle.layout.missingCodes.enumerated().map {
                ($1.code, CChar(UInt8(ascii: "a") + UInt8($0)))
            })
        sets = kind == .sav ? bundle.layout.multipleResponseSets : []
        output = NativeOutput(file: file, capture: !sets.isEmpty)
        writer = OpaquePointer(readstat_writer_init())
        context = Unmanaged.passRetained(output)
        readstat_set_data_writer(
            UnsafeMutablePointer(writer),
            { data, count, context in
                guard let data, let context else { return -1 }
                let output = Unmanaged<NativeOutput>.fromOpaque(context).takeUnretainedValue()
                do {
                    try output.append(UnsafeRawBufferPointer(start: data, count: count))
                    return count
                } catch {
                    return -1
                }
            })
        readstat_writer_set_file_label(
            UnsafeMutablePointer(writer),
            Self.cut(bundle.instrument.title.text(in: bundle.instrument.defaultLanguage), 80))
        readstat_writer_set_file_timestamp(UnsafeMutablePointer(writer), time_t(bundle.fileDate.timeIntervalSince1970))
        if kind == .dta { readstat_writer_set_file_format_version(UnsafeMutablePointer(writer), 118) }
        try defineVariables()
        if kind == .dta {
            // Stata has no multiple-response sets: each is described in a note, as the .do does.
            for set in bundle.layout.multipleResponseSets {
                readstat_add_note(raw, SyntaxText.oneLine(set.note, bytes: 8000))
            }
            try addStrls(bundle)
        }
        let status: readstat_error_t
        switch kind {
        case .sav: status = readstat_begin_writing_sav(UnsafeMutablePointer(writer), context.toOpaque(), rowCount)
        case .dta: status = readstat_begin_writing_dta(UnsafeMutablePointer(writer), context.toOpaque(), rowCount)
        }
        try check(status)
    }

    deinit {
        readstat_writer_free(UnsafeMutablePointer(writer))
        context.release()
    }

    private var raw: UnsafeMutablePointer<readstat_writer_t> { UnsafeMutablePointer(writer) }

    private func check(_ status: readstat_error_t) throws {
        guard status != READSTAT_OK else { return }
        throw ExportError.readStat(
            file: file.url.lastPathComponent, detail: String(cString: readstat_error_message(status)))
    }

    // MARK: Rows

    func write(_ exportRow: ExportRow) throws {
        try check(readstat_begin_row(raw))
        // ReadStat writes the whole dictionary when the first row begins.
        if row == 0 { try completeDictionary() }
        for index in columns.indices {
            let variable = UnsafeMutablePointer<readstat_variable_t>(variables[index])
            switch exportRow.kinds[index] {
            case .blank:
                if let refs = strls[index] {
                    try check(readstat_insert_string_ref(raw, variable, UnsafeMutablePointer(refs[row])))
                } else {
                    try check(readstat_insert_missing_value(raw, variable))
                }
            case .number:
                let value = exportRow.numbers[index]
                if kind == .dta, exportRow.isMissing[index], let tag = tags[Int(value)] {
                    try check(readstat_insert_tagged_missing_value(raw, variable, tag))
                } else {
                    try check(readstat_insert_double_value(raw, variable, value))
                }
            case .text:
                if let refs = strls[index] {
                    try check(readstat_insert_string_ref(raw, variable, UnsafeMutablePointer(refs[row])))
                } else {
                    try exportRow.texts[index].withCString {
                        try check(readstat_insert_string_value(raw, variable, $0))
                    }
                }
            }
        }
        try check(readstat_end_row(raw))
        row += 1
    }

    func finish() throws -> [String] {
        try check(readstat_end_writing(raw))
        try completeDictionary()
        try file.close()
        return [file.url.lastPathComponent]
    }

    // MARK: Dictionary

    /// Adds the multiple-response sets to the `.sav` dictionary kept so far, and writes it.
    private func completeDictionary() throws {
        guard let dictionary = output.captured else { return }
        output.captured = nil
        do {
            try file.append(try SAVMultipleResponse.insert(sets, into: dictionary))
        } catch let error as SAVMultipleResponse.Malformed {
            throw ExportError.readStat(file: file.url.lastPathComponent, detail: error.description)
        }
    }

    private func defineVariables() throws {
        for column in columns {
            let variable: UnsafeMutablePointer<readstat_variable_t>
            switch column.storage {
            case .numeric(let decimals):
                variable = readstat_add_variable(raw, column.name, READSTAT_TYPE_DOUBLE, 0)
                if kind == .sav { readstat_variable_set_format(variable, "F\(max(8, decimals + 6)).\(decimals)") }
                try declareMissing(column, variable)
            case .string(let width):
                if width > kind.stringBytes {
                    variable = readstat_add_variable(raw, column.name, READSTAT_TYPE_STRING_REF, 0)
                } else {
                    variable = readstat_add_variable(raw, column.name, READSTAT_TYPE_STRING, max(1, width))
                    // Stata shows a string in its display format's width: the whole string, as
                    // `import delimited` would set it (ReadStat's default is %-9s).
                    if kind == .dta { readstat_variable_set_format(variable, "%-\(max(1, width))s") }
                }
            }
            readstat_variable_set_label(variable, Self.cut(column.label, kind.labelBytes))
            readstat_variable_set_measure(variable, Self.measure(column.measure))
            if column.storage.isNumeric, !column.allLabels.isEmpty {
                let set = readstat_add_label_set(raw, READSTAT_TYPE_DOUBLE, Self.cut(column.name, 32))!
                for label in column.valueLabels {
                    readstat_label_double_value(set, Double(label.code), Self.cut(label.label, kind.valueLabelBytes))
                }
                for missing in column.missingCodes {
                    let text = Self.cut(missing.label, kind.valueLabelBytes)
                    if kind == .dta, let tag = tags[missing.code] {
                        readstat_label_tagged_value(set, tag, text)
                    } else {
                        readstat_label_double_value(set, Double(missing.code), text)
                    }
                }
                readstat_variable_set_label_set(variable, set)
            }
            variables.append(OpaquePointer(variable))
        }
    }

    private func declareMissing(_ column: ExportColumn, _ variable: UnsafeMutablePointer<readstat_variable_t>) throws {
        guard kind == .sav else { return }
        switch MissingDeclaration.of(column) {
        case .none:
            break
        case .range(let low, let high):
            try check(readstat_variable_add_missing_double_range(variable, Double(low), Double(high)))
        case .values(let codes):
            for code in codes { try check(readstat_variable_add_missing_double_value(variable, Double(code))) }
        case .rangeAndValue(let low, let high, let code):
            try check(readstat_variable_add_missing_double_range(variable, Double(low), Double(high)))
            try check(readstat_variable_add_missing_double_value(variable, Double(code)))
        }
    }

    /// Stata's strL values are written after the data but measured before it, so every one is
    /// added first: a second read of the text columns.
    private func addStrls(_ bundle: ExportBundle) throws {
        let long = columns.indices.filter {
            if case .string(let width) = columns[$0].storage { return width > kind.stringBytes }
            return false
        }
        guard !long.isEmpty else { return }
        let texts = try RowPass.texts(bundle, columns: long)
        for (position, column) in long.enumerated() {
            strls[column] = texts[position].map { OpaquePointer(readstat_add_string_ref(raw, $0)) }
        }
    }

    static func measure(_ measure: ExportColumn.Measure) -> readstat_measure_t {
        switch measure {
        case .nominal: return READSTAT_MEASURE_NOMINAL
        case .ordinal: return READSTAT_MEASURE_ORDINAL
        case .scale: return READSTAT_MEASURE_SCALE
        }
    }

    /// A text cut to at most `bytes` bytes of UTF-8 on a character boundary.
    static func cut(_ text: String, _ bytes: Int) -> String { RowEncoder.cut(text, toBytes: bytes) }
}

/// Where ReadStat's bytes go: to the file, or, while ``captured`` is set, kept in memory (the
/// `.sav` dictionary, to which the sink adds what ReadStat cannot write).
final class NativeOutput {
    let file: OutputFile
    var captured: [UInt8]?

    init(file: OutputFile, capture: Bool) {
        self.file = file
        captured = capture ? [] : nil
    }

    func append(_ bytes: UnsafeRawBufferPointer) throws {
        if captured != nil {
            captured!.append(contentsOf: bytes)
        } else {
            try file.append(bytes)
        }
    }
}
