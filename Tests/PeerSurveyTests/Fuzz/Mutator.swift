import Foundation

/// SplitMix64: a small, fast, seeded generator, so that a fuzz run is reproduced by its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Makes fuzz inputs for the instrument loader and the expression parser from seed files: byte
/// edits, line edits, splices between seeds, YAML and expression tokens from a dictionary,
/// repetition (for chains and nesting), and whole expressions made up from a grammar that knows
/// the seed's variable names.
struct Mutator {
    var random: SplitMix64
    let seeds: [[UInt8]]
    /// Mutated inputs are cut to this many bytes (the loader refuses 4 MB; the interest is in
    /// structure, and small inputs keep the run fast).
    let maximumSize = 200_000

    init(seed: UInt64, seeds: [[UInt8]]) {
        random = SplitMix64(seed: seed)
        self.seeds = seeds
    }

    /// Tokens that mean something to YAML or to the expression language.
    static let dictionary: [String] = [
        ": ", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "&b [*a, *a, *a]", "? ", "|\n", ">-\n", "\t", "#",
        "!!binary ",
        "!!str ", "!custom ", "%YAML 1.2\n", "---\n", "...\n", "\"", "'", "\\", "\\u0000", "\\x41", "~", "null", ".inf",
        "-.nan", "0x1F", "1e308", "-1e308", "9007199254740993", "99999999999999999999", "-0", "2026-02-30", "yes", "no",
        "\r\n", "\r", "\u{FEFF}", "\u{202E}", "\u{0}", "\u{7}", "\u{1B}[31m", "é", "Ω", "🙂", "𝔸", "\u{FFFD}",
        "(", ")", "not ", " and ", " or ", " + ", " - ", " * ", " / ", " == ", " = ", " != ", " < ", " >= ", " has ",
        " in [", "answered(", "count(", "len(", "if(", "sum(", "mean(", "min(", "max(", "round(", "today()",
        "date(\"2026-01-01\")", "years_since(", "days_since(", "&&", "||", "!", "<>", "=<", "=>", "{x}", "{{", "}}",
        "ask_if: ", "expression: ", "when: ", "check: ", "warn: ", "identifying: true", "type: calculate",
        "type: multiple", "type: grid", "type: single", "type: text", "type: date", "options: ", "items: ",
        "exclusive: true", "specify: Say", "range: [0, 1]", "length: [1, 2]", "allow: [refused]", "default: 1",
        "languages: [en, cy]", "reverse: [", "min_answered: 99", "option_sets: ", "missing: ", "tests: ",
        "answers: ", "expect: ", "scores: ", "safeguards: ",
    ]

    /// Bytes that are not UTF-8 or are control characters.
    static let badBytes: [UInt8] = [0x00, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x7F, 0x80, 0xC0, 0xC1, 0xED, 0xF5, 0xFE, 0xFF]

    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }

    /// A new input: a seed with one to eight mutations.
    mutating func next() -> [UInt8] {
        var bytes = pick(seeds)
        for _ in 0..<int(1..<9) {
            mutate(&bytes)
            if bytes.count > maximumSize { bytes.removeLast(bytes.count - maximumSize) }
        }
        return bytes
    }

    mutating func mutate(_ bytes: inout [UInt8]) {
        let at = bytes.isEmpty ? 0 : int(0..<(bytes.count + 1))
        switch int(0..<12) {
        case 0:  // Flip, set or delete a few bytes.
            for _ in 0..<int(1..<5) where !bytes.isEmpty {
                let i = int(0..<bytes.count)
                switch int(0..<3) {
                case 0: bytes[i] ^= UInt8(1 << int(0..<8))
                case 1: bytes[i] = chance(0.5) ? pick(Self.badBytes) : UInt8(int(0x20..<0x7F))
                default: bytes.remove(at: i)
                }
            }
        case 1, 2:  // A token from the dictionary.
            bytes.insert(contentsOf: Array(pick(Self.dictionary).utf8), at: at)
        case 3:  // Replace an expression with one made up from the grammar.
            replaceExpression(&bytes)
        case 4:  // Delete a run of lines.
            var lines = split(bytes)
            guard lines.count > 1 else { return }
            let start = int(0..<lines.count)
            lines.removeSubrange(start..<min(lines.count, start + int(1..<20)))
            bytes = join(lines)
        case 5:  // Duplicate a run of lines (a question twice, a section twice).
            var lines = split(bytes)
            guard !lines.isEmpty else { return }
            let start = int(0..<lines.count)
            let run = Array(lines[start..<min(lines.count, start + int(1..<30))])
            lines.insert(contentsOf: run, at: int(0..<(lines.count + 1)))
            bytes = join(lines)
        case 6:  // Swap two lines.
            var lines = split(bytes)
            guard lines.count > 1 else { return }
            lines.swapAt(int(0..<lines.count), int(0..<lines.count))
            bytes = join(lines)
        case 7:  // Change a line's indentation.
            var lines = split(bytes)
            guard !lines.isEmpty else { return }
            let i = int(0..<lines.count)
            if chance(0.5) {
                lines[i].insert(contentsOf: Array(repeating: UInt8(ascii: " "), count: int(1..<9)), at: 0)
            } else {
                lines[i].removeFirst(min(lines[i].count, int(1..<9)))
            }
            bytes = join(lines)
        case 8:  // Repeat a short run many times: chains, nesting, long lines.
            guard !bytes.isEmpty else { return }
            let start = int(0..<bytes.count)
            let run = Array(bytes[start..<min(bytes.count, start + int(1..<12))])
            let times = pick([2, 10, 65, 100, 1_000, 5_000])
            bytes.insert(contentsOf: Array(Array(repeating: run, count: times).joined()), at: start)
        case 9:  // Splice a piece of another seed in.
            let other = pick(seeds)
            guard !other.isEmpty else { return }
            let start = int(0..<other.count)
            bytes.insert(contentsOf: other[start..<min(other.count, start + int(1..<400))], at: at)
        case 10:  // Replace a scalar value after a key with a hostile one.
            replaceValue(&bytes)
        default:  // Cut the file short.
            if !bytes.isEmpty { bytes.removeLast(int(0..<min(bytes.count, 200))) }
        }
    }

    private func split(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
    }

    private func join(_ lines: [[UInt8]]) -> [UInt8] { Array(lines.joined(separator: [UInt8(ascii: "\n")])) }

    /// The values after `ask_if:`, `expression:`, `when:` and `if:` in a file.
    private func expressionRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        let keys = ["ask_if: ", "expression: ", "when: ", "if: "].map { Array($0.utf8) }
        var i = 0
        while i < bytes.count {
            for key in keys where bytes.count - i >= key.count && bytes[i..<(i + key.count)].elementsEqual(key) {
                var end = i + key.count
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: ",") { end += 1 }
                ranges.append((i + key.count)..<end)
            }
            i += 1
        }
        return ranges
    }

    private mutating func replaceExpression(_ bytes: inout [UInt8]) {
        let ranges = expressionRanges(bytes)
        guard !ranges.isEmpty else { return }
        let names = variableNames(bytes)
        var expression = self.expression(depth: int(0..<8), names: names)
        if chance(0.1) {  // A long chain, past the depth limit or just under it.
            let op = pick([" + ", " and ", " or ", " * ", " - "])
            expression = Array(repeating: "(\(expression))", count: pick([63, 64, 65, 66, 200])).joined(separator: op)
        }
        bytes.replaceSubrange(pick(ranges), with: Array(expression.utf8))
    }

    private mutating func replaceValue(_ bytes: inout [UInt8]) {
        let values = [
            "", "~", "[]", "{}", "\"\"", "-1", "0", "99999999999999999999", "1e400", "NaN", ".nan", "2026-13-45",
            "[1, 2, 3]", "{en: x}", "*undefined", "&anchor x", "| \n", String(repeating: "x", count: 5_000),
            String(repeating: "[", count: 2_000), "\u{202E}evil", "\u{0}",
        ]
        var lines = split(bytes)
        let candidates = lines.indices.filter { lines[$0].contains(UInt8(ascii: ":")) }
        guard !candidates.isEmpty else { return }
        let i = pick(candidates)
        let colon = lines[i].firstIndex(of: UInt8(ascii: ":"))!
        lines[i] = Array(lines[i][...colon]) + Array((" " + pick(values)).utf8)
        bytes = join(lines)
    }

    /// The ids in a file (`id: name`), to make expressions that mostly bind.
    private func variableNames(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        var names: [String] = []
        for line in text.split(separator: "\n") {
            guard let range = line.range(of: "id: ") else { continue }
            let name = line[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if !name.isEmpty { names.append(String(name)) }
        }
        return names.isEmpty ? ["age"] : names
    }

    /// An expression from the grammar, `depth` levels deep at most.
    mutating func expression(depth: Int, names: [String]) -> String {
        if depth <= 0 || chance(0.25) {
            switch int(0..<6) {
            case 0: return String(int(-5..<1_000))
            case 1:
                return pick([
                    "1.5", "0", "-0", "1e308", "3.", "\"text\"", "'x'", "true", "false", "date(\"2026-05-01\")",
                    "today()",
                ])
            case 2: return pick(["[1, 2, 3]", "[]", "[yes, no]", "[\"a\"]"])
            default: return pick(names)
            }
        }
        let d = depth - 1
        switch int(0..<8) {
        case 0: return "not " + expression(depth: d, names: names)
        case 1: return "-" + expression(depth: d, names: names)
        case 2: return "(" + expression(depth: d, names: names) + ")"
        case 3:
            let function = pick([
                "answered", "count", "if", "sum", "mean", "min", "max", "round", "len", "today", "date", "years_since",
                "days_since", "nope",
            ])
            let arguments = (0..<int(0..<4)).map { _ in expression(depth: d, names: names) }
            return function + "(" + arguments.joined(separator: ", ") + ")"
        default:
            let op = pick(["and", "or", "==", "!=", "<", "<=", ">", ">=", "has", "in", "+", "-", "*", "/"])
            return expression(depth: d, names: names) + " \(op) " + expression(depth: d, names: names)
        }
    }
}
