/// The multiple-response sets of a `.sav` file: the record (type 7, subtype 7) that SPSS, PSPP
/// and pyreadstat read as `MRSETS`, which ReadStat's writer cannot make.
///
/// The sink keeps the dictionary ReadStat writes (everything before the first case) in memory,
/// and this type inserts the record just before the dictionary's end (record type 999). Each set
/// is a line `$name=D1 1 <label bytes> <label> <members>`: a dichotomy counting the value 1,
/// whose members are named by their lower-case short names, as PSPP writes them.
enum SAVMultipleResponse {
    /// What can go wrong reading ReadStat's dictionary (a bug, not a user's mistake).
    struct Malformed: Error, CustomStringConvertible {
        var detail: String
        var description: String { "the .sav dictionary could not be read to add the multiple-response sets: \(detail)" }
    }

    /// The dictionary with the sets' record inserted before its end.
    /// - Parameters:
    ///   - sets: The multiple-response sets.
    ///   - dictionary: The bytes ReadStat wrote before the first case (possibly with cases after).
    /// - Returns: The bytes to write instead.
    /// - Throws: ``Malformed`` when the dictionary is not as expected.
    static func insert(_ sets: [MultipleResponseSet], into dictionary: [UInt8]) throws -> [UInt8] {
        guard !sets.isEmpty else { return dictionary }
        let (end, shortNames) = try scan(dictionary)
        var text: [UInt8] = []
        for set in sets {
            let label = Array(SyntaxText.oneLine(set.label, bytes: 255).utf8)
            text += Array("$\(set.name)=D1 1 \(label.count) ".utf8) + label
            for column in set.columns {
                guard let short = shortNames[column] else { throw Malformed(detail: "no short name for \(column)") }
                text += Array(" \(short.lowercased())".utf8)
            }
            text.append(10)
        }
        var record: [UInt8] = []
        for value in [Int32(7), 7, 1, Int32(text.count)] { record += bytes(value) }
        record += text
        return Array(dictionary[..<end]) + record + Array(dictionary[end...])
    }

    /// Walks the dictionary's records: the offset of the termination record, and the short name
    /// of each variable from the long-names record (subtype 13, `SHORT=long` separated by tabs).
    private static func scan(_ bytes: [UInt8]) throws -> (end: Int, shortNames: [String: String]) {
        guard bytes.count >= 176, bytes[0..<4].elementsEqual("$FL2".utf8), (try? int(bytes, 64)) == 2 else {
            throw Malformed(detail: "not a little-endian system file")
        }
        var offset = 176
        var names: [String: String] = [:]
        while true {
            let type = try int(bytes, offset)
            switch type {
            case 2:
                let hasLabel = try int(bytes, offset + 8)
                let missing = try int(bytes, offset + 12)
                offset += 32
                if hasLabel != 0 { offset += 4 + (Int(try int(bytes, offset)) + 3) / 4 * 4 }
                offset += Int(abs(missing)) * 8
            case 3:
                let count = try int(bytes, offset + 4)
                offset += 8
                for _ in 0..<max(0, count) {
                    guard offset + 8 < bytes.count else { throw Malformed(detail: "a value label runs past the end") }
                    offset += 8 + (1 + Int(bytes[offset + 8]) + 7) / 8 * 8
                }
            case 4:
                offset += 8 + 4 * Int(try int(bytes, offset + 4))
            case 6:
                offset += 8 + 80 * Int(try int(bytes, offset + 4))
            case 7:
                let subtype = try int(bytes, offset + 4)
                let length = Int(try int(bytes, offset + 8)) * Int(try int(bytes, offset + 12))
                let start = offset + 16
                guard length >= 0, start + length <= bytes.count else {
                    throw Malformed(detail: "a record runs past the end")
                }
                if subtype == 13 {
                    for pair in String(decoding: bytes[start..<start + length], as: UTF8.self).split(separator: "\t") {
                        let parts = pair.split(separator: "=", maxSplits: 1)
                        if parts.count == 2 { names[String(parts[1])] = String(parts[0]) }
                    }
                }
                offset = start + length
            case 999:
                return (offset, names)
            default:
                throw Malformed(detail: "record type \(type) at byte \(offset)")
            }
        }
    }

    private static func int(_ bytes: [UInt8], _ offset: Int) throws -> Int32 {
        guard offset >= 0, offset + 4 <= bytes.count else { throw Malformed(detail: "it ends at byte \(bytes.count)") }
        return Int32(
            bitPattern: UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
                | UInt32(bytes[offset + 3]) << 24)
    }

    private static func bytes(_ value: Int32) -> [UInt8] {
        let bits = UInt32(bitPattern: value)
        return [UInt8(bits & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits >> 16 & 0xFF), UInt8(bits >> 24)]
    }
}
