import Analysis
import Instrument
import Store

/// Turns each ``InterviewRow`` of a scan into an ``ExportRow``: codes, missing codes, 0/1 flags,
/// coarsened dates, pseudonyms and masked text, exactly as every format writes them.
struct RowEncoder {
    /// How one column's cell is made.
    enum Program {
        case participant, version, interviewer, status, outcome, month
        case number(slot: Int)
        case date(slot: Int, coarse: Bool)
        case flag(slot: Int, code: Int)
        case text(slot: Int, width: Int, variable: String)
        /// Left blank (a column this pass does not make, or a variable the dataset lacks).
        case skip
    }

    let programs: [Program]
    /// What the pass reads: slot `i` of each row is `columns[i]`.
    let columns: [(variable: DatasetVariable, need: ScanNeed)]
    /// Whether the pass reads each interview's metadata.
    let metadata: Bool
    private let deidentifier: Deidentifier
    private let masker = TextMasker()
    private let versionOf: [Int64: Int]
    /// The missing code of each status (NaN when answered).
    private let missingCode: PerStatus<Double>
    let row: ExportRow
    var tally = RowTally()

    /// Creates an encoder.
    /// - Parameters:
    ///   - layout: The columns.
    ///   - dataset: Where the rows come from.
    ///   - deidentifier: Pseudonyms.
    ///   - textOnly: Make only the text columns (the pass that fits their widths).
    init(layout: ExportLayout, dataset: Dataset, deidentifier: Deidentifier, textOnly: Bool = false) {
        self.deidentifier = deidentifier
        versionOf = Dictionary(
            uniqueKeysWithValues: dataset.versions.map { ($0.registration.rowID, $0.instrument.version) })
        let missing = dataset.instrument.missing
        missingCode = PerStatus { status in status.missingKind.map { Double(missing[$0].code) } ?? .nan }
        var columns: [(variable: DatasetVariable, need: ScanNeed)] = []
        var slotOf: [String: Int] = [:]
        func slot(_ id: String, _ need: ScanNeed) -> Int? {
            if let existing = slotOf[id] { return existing }
            guard let variable = dataset.variable(id) else { return nil }
            slotOf[id] = columns.count
            columns.append((variable, need))
            return columns.count - 1
        }
        let coarse = layout.options.profile == .deidentified
        programs = layout.columns.map { column -> Program in
            let isText = if case .string = column.storage, column.variableID != nil { true } else { false }
            if textOnly && !isText { return .skip }
            switch column.role {
            case .metadata(let kind):
                switch kind {
                case .participant: return .participant
                case .version: return .version
                case .interviewer: return .interviewer
                case .status: return .status
                case .outcome: return .outcome
                case .month: return .month
                }
            case .optionFlag(let code):
                return slot(column.variableID!, .codes).map { .flag(slot: $0, code: code) } ?? .skip
            case .value, .score, .calculation, .specify, .text:
                let id = column.variableID!
                if case .string(let width) = column.storage {
                    return slot(id, .text).map { .text(slot: $0, width: width, variable: id) } ?? .skip
                }
                if dataset.variable(id)?.kind == .date {
                    return slot(id, .day).map { .date(slot: $0, coarse: coarse) } ?? .skip
                }
                return slot(id, .number).map { .number(slot: $0) } ?? .skip
            }
        }
        self.columns = columns
        metadata = !textOnly
        row = ExportRow(count: layout.columns.count)
    }

    /// Encodes one interview into ``row``.
    mutating func encode(_ source: InterviewRow) {
        tally.rows += 1
        if source.simulated { tally.simulated += 1 }
        for index in programs.indices {
            switch programs[index] {
            case .skip:
                row.kindCells[index] = .blank
            case .participant:
                setText(index, deidentifier.participant(source.code))
            case .version:
                setNumber(index, Double(versionOf[source.instrumentRowID] ?? 0), missing: false)
            case .interviewer:
                setText(index, source.interviewer)
            case .status:
                setNumber(index, Double(ExportStatusCode.code(of: source.status)), missing: false)
            case .outcome:
                if let outcome = source.outcome { setText(index, outcome) } else { row.kindCells[index] = .blank }
            case .month:
                setText(index, String(source.startedAt.prefix(7)))
            case .number(let slot):
                let status = source.statuses[slot]
                if status == .answered {
                    let value = source.numbers[slot]
                    if value.isNaN { row.kindCells[index] = .blank } else { setNumber(index, value, missing: false) }
                } else {
                    setNumber(index, missingCode[status], missing: true)
                }
            case .date(let slot, let coarse):
                encodeDate(index, source, slot: slot, coarse: coarse)
            case .flag(let slot, let code):
                encodeFlag(index, source, slot: slot, code: code)
            case .text(let slot, let width, let variable):
                encodeText(index, source, slot: slot, width: width, variable: variable)
            }
        }
    }

    @inline(__always)
    private mutating func setNumber(_ index: Int, _ value: Double, missing: Bool) {
        row.kindCells[index] = .number
        row.numberCells[index] = value
        row.missingCells[index] = missing
    }

    @inline(__always)
    private mutating func setText(_ index: Int, _ text: String) {
        row.kindCells[index] = .text
        row.texts[index] = text
    }

    private mutating func encodeDate(_ index: Int, _ source: InterviewRow, slot: Int, coarse: Bool) {
        let status = source.statuses[slot]
        guard status == .answered else {
            setNumber(index, missingCode[status], missing: true)
            return
        }
        let ordinal = source.numbers[slot]
        guard ordinal.isFinite else {
            row.kindCells[index] = .blank
            return
        }
        let (year, month, date) = Day(ordinal: Int(ordinal)).components
        setNumber(index, Double(coarse ? year * 100 + month : (year * 100 + month) * 100 + date), missing: false)
    }

    private mutating func encodeFlag(_ index: Int, _ source: InterviewRow, slot: Int, code: Int) {
        let status = source.statuses[slot]
        switch status {
        case .answered:
            guard let codes = source.codes(slot) else {
                row.kindCells[index] = .blank
                return
            }
            setNumber(index, codes.contains(code) ? 1 : 0, missing: false)
        case .refused, .dontKnow:
            setNumber(index, missingCode[status], missing: true)
        default:
            row.kindCells[index] = .blank
        }
    }

    private mutating func encodeText(_ index: Int, _ source: InterviewRow, slot: Int, width: Int, variable: String) {
        guard source.statuses[slot] == .answered, let text = source.texts[slot], !text.isEmpty else {
            row.kindCells[index] = .blank
            return
        }
        let (masked, counts) = masker.mask(text)
        for (kind, count) in counts { tally.masked[variable, default: [:]][kind.rawValue, default: 0] += count }
        var value = masked
        if value.utf8.count > width {
            value = Self.cut(value, toBytes: width)
            tally.truncated[variable, default: 0] += 1
        }
        tally.longest[index] = max(tally.longest[index] ?? 0, value.utf8.count)
        if value.utf8.contains(where: { $0 == 10 || $0 == 13 }) { tally.lineBreaks += 1 }
        setText(index, value)
    }

    /// A text cut to at most `count` bytes of UTF-8, on a character boundary.
    static func cut(_ text: String, toBytes count: Int) -> String {
        var used = 0
        var end = text.startIndex
        for character in text {
            let size = character.utf8.count
            if used + size > count { break }
            used += size
            end = text.index(after: end)
        }
        return String(text[..<end])
    }
}

extension StoredStatus {
    /// The missing kind of a status; `nil` when answered.
    var missingKind: MissingKind? {
        switch self {
        case .answered: return nil
        case .refused: return .refused
        case .dontKnow: return .dontKnow
        case .notApplicable: return .notApplicable
        case .notReached: return .notReached
        case .notInVersion: return .notInVersion
        }
    }
}
