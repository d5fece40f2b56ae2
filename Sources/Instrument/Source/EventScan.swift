// CYaml is Yams's internal module (libyaml's C API). Yams offers no event-level API, and this
// pass must see events before Yams builds its tree (see below); it is pinned with Yams's version.
import CYaml

/// A linear pass over libyaml's event stream, run before Yams builds its tree.
///
/// Yams resolves an alias by sharing the anchored node, and checks a mapping for duplicate keys by
/// hashing each key in full. An alias bomb used as a key (`{*a9: 1}`) therefore takes exponential
/// time inside Yams, before any node can be counted. This pass works on events instead: it knows
/// the expanded size of every anchor, so it refuses an alias bomb, a collection used as a key and
/// nesting too deep in time proportional to the file. Syntax errors are left for Yams to report.
struct EventScan {
    /// Why the file is refused, with the 1-based line and column of the offending node.
    struct Refusal: Error {
        var message: String
        var line: Int
        var column: Int
    }

    private struct Frame {
        var isMapping: Bool
        var anchor: String?
        var size: Int
        var expectsKey: Bool
    }

    let limits: YAMLReader.Limits

    /// Scans `text`; throws a ``Refusal`` for hostile structure, returns quietly otherwise
    /// (including when the text is not valid YAML, which Yams then reports).
    func scan(_ text: String) throws {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        try bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            try run(&parser)
        }
    }

    private func run(_ parser: inout yaml_parser_t) throws {
        var anchors: [String: (size: Int, isScalar: Bool)] = [:]
        var stack: [Frame] = []
        var total = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            func refuse(_ message: String) -> Refusal { Refusal(message: message, line: line, column: column) }

            /// Counts `size` more nodes towards the limit.
            func count(_ size: Int) throws {
                total += size
                if total > limits.maximumNodes {
                    throw refuse(
                        "the file expands to more than \(limits.maximumNodes.formatted) YAML nodes, counting each use of an alias; an alias that repeats a large part of the file (an \"alias bomb\") is refused")
                }
            }
            /// Records a finished node of `size` nodes (expanded) in its parent.
            func finish(size: Int) {
                guard !stack.isEmpty else { return }
                stack[stack.count - 1].size += size
                if stack[stack.count - 1].isMapping { stack[stack.count - 1].expectsKey.toggle() }
            }
            func keyCheck(isScalar: Bool) throws {
                if let top = stack.last, top.isMapping, top.expectsKey, !isScalar {
                    throw refuse("a key must be a single word or text, not a list, a mapping or an alias to one")
                }
            }

            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_SCALAR_EVENT:
                try keyCheck(isScalar: true)
                if let name = Self.name(event.data.scalar.anchor) { anchors[name] = (1, true) }
                try count(1)
                finish(size: 1)
            case YAML_ALIAS_EVENT:
                guard let name = Self.name(event.data.alias.anchor), let target = anchors[name] else { return }
                try keyCheck(isScalar: target.isScalar)
                try count(target.size)
                finish(size: target.size)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                try keyCheck(isScalar: false)
                if stack.count >= limits.maximumDepth {
                    throw refuse("the YAML is nested more than \(limits.maximumDepth) levels deep")
                }
                try count(1)
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                stack.append(Frame(isMapping: isMapping, anchor: Self.name(anchor), size: 1, expectsKey: true))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return }
                if let anchor = frame.anchor { anchors[anchor] = (frame.size, false) }
                finish(size: frame.size)
            default:
                continue
            }
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }
}
