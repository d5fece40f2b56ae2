/// Decodes SQLite records (sqlite.org/fileformat2.html, "Record Format") from raw bytes.
enum RecordReader {
    /// A varint at `offset` (big-endian, 7 bits a byte, the ninth byte whole): the value and the
    /// offset after it, or `nil` if it runs past `end`.
    @inline(__always)
    static func varint(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, end: Int) -> (Int64, Int)? {
        var value: UInt64 = 0
        var position = offset
        for index in 0..<9 {
            guard position < end else { return nil }
            let byte = bytes[position]
            position += 1
            if index == 8 { return (Int64(bitPattern: value << 8 | UInt64(byte)), position) }
            value = value << 7 | UInt64(byte & 0x7F)
            if byte & 0x80 == 0 { return (Int64(bitPattern: value), position) }
        }
        return nil
    }

    /// The first four fields of the record in `start..<end` as an `answer` row: interview,
    /// variable and status must be whole numbers; the value may be anything. `nil` if the record
    /// does not fit.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> AnswerPages.Row? {
        guard end <= bytes.count, let (headerSize, first) = varint(bytes, start, end: end), headerSize > 0,
            headerSize <= end - start
        else { return nil }
        let headerEnd = start + Int(headerSize)
        guard let (t0, p1) = varint(bytes, first, end: headerEnd), let (t1, p2) = varint(bytes, p1, end: headerEnd),
            let (t2, p3) = varint(bytes, p2, end: headerEnd), let (t3, _) = varint(bytes, p3, end: headerEnd)
        else { return nil }
        var body = headerEnd
        var row = AnswerPages.Row()
        guard let interview = integer(bytes, Int(t0), &body, end), let variable = integer(bytes, Int(t1), &body, end),
            let status = integer(bytes, Int(t2), &body, end)
        else { return nil }
        row.interview = interview
        row.variable = variable
        row.status = status >= 0 && status < 255 ? UInt8(status) : 255
        guard t3 < Int64(Int32.max) else { return nil }
        row.type = Int32(t3)
        switch Int(t3) {
        case 1...6, 8, 9:
            guard let value = integer(bytes, Int(t3), &body, end) else { return nil }
            row.number = Double(value)
        case 7:
            guard body + 8 <= end else { return nil }
            var bits: UInt64 = 0
            for index in 0..<8 { bits = bits << 8 | UInt64(bytes[body + index]) }
            row.number = Double(bitPattern: bits)
        case 12...:
            let count = (Int(t3) - 12) / 2
            guard body + count <= end else { return nil }
            row.textCount = Int32(count)
            row.textStart = Int32(body)
        default:
            break
        }
        return row
    }

    /// A whole number of serial type 1-6, 8 or 9, advancing `body`; `nil` for any other type.
    @inline(__always)
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ type: Int, _ body: inout Int, _ end: Int) -> Int64? {
        let width: Int
        switch type {
        case 8: return 0
        case 9: return 1
        case 1, 2, 3, 4: width = type
        case 5: width = 6
        case 6: width = 8
        default: return nil
        }
        guard body + width <= end else { return nil }
        var value = Int64(Int8(bitPattern: bytes[body]))
        for index in 1..<width { value = value << 8 | Int64(bytes[body + index]) }
        body += width
        return value
    }

    /// A record whose header is at most 127 bytes of one-byte serial types: decoded without
    /// varint loops. `nil` sends the record to the general decoder.
    @inline(__always)
    static func quick(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> AnswerPages.Row? {
        let headerSize = Int(bytes[start])
        guard headerSize >= 5, start + headerSize <= end else { return nil }
        let t0 = Int(bytes[start + 1]), t1 = Int(bytes[start + 2]), t2 = Int(bytes[start + 3]),
            t3 = Int(bytes[start + 4])
        guard t0 | t1 | t2 | t3 < 0x80 else { return nil }
        var body = start + headerSize
        guard let interview = integer(bytes, t0, &body, end),
            let variable = integer(bytes, t1, &body, end),
            let status = integer(bytes, t2, &body, end)
        else { return nil }
        var row = AnswerPages.Row(
            interview: interview, variable: variable, type: Int32(t3),
            status: status >= 0 && status < 255 ? UInt8(status) : 255)
        switch t3 {
        case 0: break
        case 1...6, 8, 9:
            guard let value = integer(bytes, t3, &body, end) else { return nil }
            row.number = Double(value)
        case 7:
            guard body + 8 <= end else { return nil }
            var bits: UInt64 = 0
            for index in 0..<8 { bits = bits << 8 | UInt64(bytes[body + index]) }
            row.number = Double(bitPattern: bits)
        case 12...:
            let count = (t3 - 12) / 2
            guard body + count <= end else { return nil }
            row.textCount = Int32(count)
            row.textStart = Int32(body)
        default:
            return nil
        }
        return row
    }
}
