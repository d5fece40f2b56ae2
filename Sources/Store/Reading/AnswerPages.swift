/// The `answer` table read straight from its B-tree pages, in primary-key order, for the
/// interviews whose row id lies in a range: several times faster than stepping SQLite through
/// ten million rows, because nothing is copied into SQLite's registers and no function is
/// called per column.
///
/// `answer` is a WITHOUT ROWID table, so its rows are the keys of an index B-tree whose records
/// start with the primary key: (interview_id, variable_id, status, value, ...). The format is
/// SQLite's documented, stable file format (sqlite.org/fileformat2.html). In an index B-tree an
/// interior cell is itself a row, visited between its left child and the next child. Subtrees
/// wholly outside the range are skipped by their separating keys. A leaf page is decoded in one
/// pass into a batch of rows. Every offset is checked: a damaged page ends the scan with an
/// error, never a crash.
struct AnswerPages: AnswerSource {
    /// One decoded row, packed to 40 bytes. Text values are located in `Batch.bytes`.
    struct Row {
        var interview: Int64 = 0
        var variable: Int64 = 0
        var number = 0.0
        /// The record's serial type of the value (0 null, 1-9 numbers, 13+ text).
        var type: Int32 = 0
        var textStart: Int32 = 0
        var textCount: Int32 = 0
        /// The status code; 255 for one that does not fit (a damaged row, skipped).
        var status: UInt8 = 0
    }

    /// Rows decoded from one page, with the bytes their texts are in.
    struct Batch {
        var rows: [Row] = []
        var bytes: [UInt8] = []
    }

    private struct Frame {
        var page: [UInt8]
        var header: Int
        var cells: Int
        /// The next child to visit.
        var next = 0
        /// An interior cell whose row is due after the child just visited.
        var pending: Int?
    }

    /// The definition of the `answer` table this reader was written for.
    static let tableDefinition = Schema.answerTable

    /// Whether a stored table definition is the one this reader decodes (white space aside).
    static func reads(tableDefinition sql: String) -> Bool {
        func words(_ text: String) -> [Substring] { text.split(whereSeparator: \.isWhitespace) }
        return words(sql) == words(tableDefinition)
    }

    private let file: PageFile
    private let range: ClosedRange<Int64>
    private let path: String
    private var stack: [Frame] = []
    private var visited = 0
    private var batch = Batch()
    private var position = 0
    private var done = false

    init(file: PageFile, root: Int, range: ClosedRange<Int64>, path: String) throws {
        self.file = file
        self.range = range
        self.path = path
        try visit(root)
        // Before the first row: `next()` moves to row 0 of a root that is itself a leaf.
        position = -1
    }

    func damaged(_ detail: String) -> StoreError {
        StoreError.damaged(
            path: path, detail: "the answer table's pages are damaged (\(detail)); run `peersurvey verify`")
    }

    var interview: Int64 {
        @inline(__always) get { batch.rows[position].interview }
    }
    var variable: Int64 {
        @inline(__always) get { batch.rows[position].variable }
    }
    var status: Int {
        @inline(__always) get { Int(batch.rows[position].status) }
    }

    @inline(__always)
    func number() -> Double {
        let row = batch.rows[position]
        if row.type >= 1, row.type <= 9 { return row.number }
        return slowNumber(row)
    }

    private func slowNumber(_ row: Row) -> Double {
        switch Int(row.type) {
        case let type where type >= 13 && type & 1 == 1: return Double(text() ?? "") ?? .nan
        default: return .nan
        }
    }

    func withText<R>(_ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
        let row = batch.rows[position]
        guard row.type >= 12 else {
            guard var text = text() else { return body(nil) }
            return text.withUTF8 { body($0) }
        }
        let start = Int(row.textStart)
        return batch.bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<(start + Int(row.textCount))])) }
    }

    func text() -> String? {
        let row = batch.rows[position]
        switch Int(row.type) {
        case 1...6, 8, 9: return String(Int64(row.number))
        case 7: return String(row.number)
        case let type where type >= 12:
            let start = Int(row.textStart)
            return String(decoding: batch.bytes[start..<(start + Int(row.textCount))], as: UTF8.self)
        default: return nil
        }
    }

    /// Stores rows a batch at a time, straight from the decoded rows.
    mutating func store(into sink: inout AnswerSink, interview: Int64?) throws -> Bool {
        while true {
            // The rows of this batch from the current one, up to the first of another interview.
            var stop = batch.rows.count
            let stopped: Bool = batch.rows.withUnsafeBufferPointer { rows in
                for index in position..<rows.count {
                    let row = rows[index]
                    if let interview, row.interview != interview {
                        stop = index
                        return true
                    }
                    let slot = sink.slot(of: row.variable)
                    guard slot >= 0, let status = StoredStatus(rawValue: Int(row.status)) else { continue }
                    sink.statuses[slot] = status
                    guard status == .answered else { continue }
                    switch sink.needs[slot] {
                    case .status: break
                    case .number: sink.numbers[slot] = row.type >= 1 && row.type <= 9 ? row.number : .nan
                    case .codes, .day, .text:
                        stop = index
                        return false
                    }
                }
                return false
            }
            if stopped {
                position = stop
                return true
            }
            if stop < batch.rows.count {
                // A value stored as text: through the accessors, then on with the rest of the batch.
                position = stop
                sink.storeValue(sink.slot(of: batch.rows[stop].variable), from: self)
                guard try next() else { return false }
                if let interview, self.interview != interview { return true }
                continue
            }
            position = batch.rows.count - 1
            guard try next() else { return false }
            if let interview, self.interview != interview { return true }
        }
    }

    /// Moves to the next row in the range; `false` after the last.
    @inline(__always)
    mutating func next() throws -> Bool {
        position += 1
        if position < batch.rows.count { return true }
        return try nextBatch()
    }

    private mutating func nextBatch() throws -> Bool {
        while position >= batch.rows.count {
            guard !done, !stack.isEmpty else { return false }
            try advance()
        }
        return true
    }

    /// Fills the batch with the next rows: a whole leaf page, or one interior cell's row.
    private mutating func advance() throws {
        batch.rows.removeAll(keepingCapacity: true)
        position = 0
        let top = stack.count - 1
        if let cell = stack[top].pending {
            stack[top].pending = nil
            batch.bytes = stack[top].page
            let row = try decode(
                page: stack[top].page, cellAt: try cellOffset(stack[top], cell, leaf: false), leaf: false)
            if row.interview > range.upperBound {
                done = true
            } else if row.interview >= range.lowerBound {
                batch.rows.append(row)
            }
            return
        }
        let index = stack[top].next
        guard index <= stack[top].cells else {
            stack.removeLast()
            return
        }
        stack[top].next += 1
        let page = stack[top].page
        if index < stack[top].cells {
            // Child `index` holds keys up to this cell's: skip it if this cell is below the range.
            let key = try decode(page: page, cellAt: try cellOffset(stack[top], index, leaf: false), leaf: false)
            if key.interview < range.lowerBound { return }
            stack[top].pending = index
        }
        if index > 0 {
            let key = try decode(page: page, cellAt: try cellOffset(stack[top], index - 1, leaf: false), leaf: false)
            if key.interview > range.upperBound {
                done = true
                return
            }
        }
        let child: Int
        if index < stack[top].cells {
            let offset = try cellOffset(stack[top], index, leaf: false)
            guard offset + 4 <= page.count else { throw damaged("child pointer") }
            child = Self.bigEndian(page, offset, 4)
        } else {
            child = Self.bigEndian(page, stack[top].header + 8, 4)
        }
        try visit(child)
    }

    /// Reads a page: an interior page goes on the stack; a leaf page is decoded into the batch.
    private mutating func visit(_ number: Int) throws {
        visited += 1
        guard stack.count < 40, visited <= file.pageCount, let bytes = file.page(number) else {
            throw damaged("page \(number)")
        }
        let page = Array(bytes)
        let header = number == 1 ? 100 : 0
        guard header + 12 <= page.count else { throw damaged("page \(number) header") }
        let cells = Int(page[header + 3]) << 8 | Int(page[header + 4])
        switch page[header] {
        case 0x02:
            guard header + 12 + 2 * cells <= page.count else { throw damaged("page \(number) cell pointers") }
            stack.append(Frame(page: page, header: header, cells: cells))
        case 0x0A:
            guard header + 8 + 2 * cells <= page.count else { throw damaged("page \(number) cell pointers") }
            batch.bytes = page
            position = 0
            guard cells > 0 else {
                batch.rows.removeAll(keepingCapacity: true)
                return
            }
            // Rows are written in place (a leaf has at most `cells` of them): no checks per row.
            batch.rows = try [Row](unsafeUninitializedCapacity: cells) { buffer, initialized in
                var decoded = 0
                defer { initialized = decoded }
                var cell = 0
                while cell < cells, !done {
                    // Decode cells in one pass over the page until one needs the slow path.
                    let (stopped, ended) = Self.decodeLeaf(
                        page, header: header, cells: cell..<cells, usable: file.usableSize, range: range,
                        into: buffer.baseAddress!,
                        count: &decoded)
                    if ended { done = true }
                    guard stopped < cells, !done else { break }
                    let pointer = header + 8 + 2 * stopped
                    let row = try decodeOverflowing(page: page, start: Int(page[pointer]) << 8 | Int(page[pointer + 1]))
                    if row.interview > range.upperBound {
                        done = true
                    } else if row.interview >= range.lowerBound {
                        (buffer.baseAddress! + decoded).initialize(to: row)
                        decoded += 1
                    }
                    cell = stopped + 1
                }
            }
        default:
            throw damaged("page \(number) is not an index page")
        }
    }

    private func cellOffset(_ frame: Frame, _ cell: Int, leaf: Bool) throws -> Int {
        let pointer = frame.header + (leaf ? 8 : 12) + 2 * cell
        guard cell < frame.cells, pointer + 2 <= frame.page.count else { throw damaged("cell pointer") }
        return Int(frame.page[pointer]) << 8 | Int(frame.page[pointer + 1])
    }

    static func bigEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        var value = 0
        for index in offset..<(offset + count) { value = value << 8 | Int(bytes[index]) }
        return value
    }

    /// Decodes the cell at `offset`: its first four fields, from the page or, when the record
    /// spills onto overflow pages, from a copy of the whole record.
    private mutating func decode(page: [UInt8], cellAt offset: Int, leaf: Bool) throws -> Row {
        let start = offset + (leaf ? 0 : 4)
        let usable = file.usableSize
        let decoded: Row? = page.withUnsafeBufferPointer { bytes -> Row? in
            guard start < bytes.count, let (size, payload) = RecordReader.varint(bytes, start, end: bytes.count) else {
                return nil
            }
            let local = Self.localSize(Int(size), usable: usable)
            guard size >= 0, local == Int(size), payload + local <= bytes.count else { return nil }
            return RecordReader.decode(bytes, start: payload, end: payload + local)
        }
        if let decoded { return decoded }
        return try decodeOverflowing(page: page, start: start)
    }

    /// Decodes the cells of a leaf page whose records lie wholly on the page, writing the rows in
    /// the range at `rows + decoded`; returns the first cell it could not decode
    /// (`cells.upperBound` when none) and whether a row past the range was reached.
    static func decodeLeaf(
        _ page: [UInt8], header: Int, cells: Range<Int>, usable: Int, range: ClosedRange<Int64>,
        into rows: UnsafeMutablePointer<Row>, count decoded: inout Int
    ) -> (stopped: Int, ended: Bool) {
        // Records whose sizes and types all fit in one byte each (nearly all of them) are read
        // directly; any other goes through the general decoder.
        let most = (usable - 12) * 64 / 255 - 23
        return page.withUnsafeBufferPointer { bytes in
            let count = bytes.count
            for cell in cells {
                let pointer = header + 8 + 2 * cell
                let offset = Int(bytes[pointer]) << 8 | Int(bytes[pointer + 1])
                var row: Row
                if offset + 6 <= count, bytes[offset] < 0x80, bytes[offset + 1] < 0x80, bytes[offset + 1] >= 5,
                    Int(bytes[offset]) <= most, offset + 1 + Int(bytes[offset]) <= count,
                    let quick = RecordReader.quick(bytes, start: offset + 1, end: offset + 1 + Int(bytes[offset]))
                {
                    row = quick
                } else {
                    guard let (size, payload) = RecordReader.varint(bytes, offset, end: count), size >= 0,
                        localSize(Int(size), usable: usable) == Int(size),
                        let decoded = RecordReader.decode(bytes, start: payload, end: payload + Int(size))
                    else { return (cell, false) }
                    row = decoded
                }
                if row.interview > range.upperBound { return (cell, true) }
                if row.interview >= range.lowerBound {
                    (rows + decoded).initialize(to: row)
                    decoded += 1
                }
            }
            return (cells.upperBound, false)
        }
    }

    /// The bytes of a payload kept on the page itself (SQLite's rule for index B-trees).
    private func localSize(_ payload: Int) -> Int { Self.localSize(payload, usable: file.usableSize) }

    @inline(__always)
    static func localSize(_ payload: Int, usable: Int) -> Int {
        let most = (usable - 12) * 64 / 255 - 23
        guard payload > most else { return payload }
        let least = (usable - 12) * 32 / 255 - 23
        let candidate = least + (payload - least) % (usable - 4)
        return candidate <= most ? candidate : least
    }

    /// A record that continues on overflow pages (a long text answer): copied whole, then decoded.
    private mutating func decodeOverflowing(page: [UInt8], start: Int) throws -> Row {
        guard let (size, payload) = page.withUnsafeBufferPointer({ RecordReader.varint($0, start, end: $0.count) }),
            size >= 0
        else { throw damaged("payload size") }
        let total = Int(size), local = localSize(total)
        guard local < total, payload + local + 4 <= page.count else { throw damaged("payload") }
        var record = Array(page[payload..<(payload + local)])
        var next = Self.bigEndian(page, payload + local, 4)
        var hops = 0
        while record.count < total {
            hops += 1
            guard next > 0, hops <= file.pageCount, let overflow = file.page(next) else {
                throw damaged("overflow page")
            }
            let content = Array(overflow)
            next = Self.bigEndian(content, 0, 4)
            let take = min(file.usableSize - 4, total - record.count)
            record.append(contentsOf: content[4..<(4 + take)])
        }
        guard var row = record.withUnsafeBufferPointer({ RecordReader.decode($0, start: 0, end: total) }) else {
            throw damaged("record")
        }
        // The text goes after the page in the batch's bytes, where `text()` finds it.
        if row.type >= 12 {
            let start = Int(row.textStart)
            let text = record[start..<(start + Int(row.textCount))]
            row.textStart = Int32(batch.bytes.count)
            batch.bytes.append(contentsOf: text)
        }
        return row
    }
}
