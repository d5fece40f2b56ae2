/// Reads the keys of one YAML mapping against its ``Shape``: reports unknown keys with
/// "did you mean" and missing required keys, each at its place in the file.
struct MappingReader {
    let node: YAMLNode
    let shape: Shape
    private(set) var pairs: [String: (key: YAMLNode, value: YAMLNode)] = [:]

    /// Reads `node` as a mapping of `shape`, or reports why it is not one.
    /// - Parameters:
    ///   - node: The node.
    ///   - shape: The keys it may have.
    ///   - what: How to name it in messages ("a question").
    ///   - diagnostics: Where to report problems.
    init?(_ node: YAMLNode, _ shape: Shape, what: String, _ diagnostics: inout DiagnosticList) {
        self.node = node
        self.shape = shape
        guard case .mapping(let entries) = node.kind else {
            diagnostics.error("expected \(what) (a mapping of keys such as `\(shape.keys[0].name):`), but found \(node.kindDescription)", at: node.location)
            return nil
        }
        for (key, value) in entries {
            let name = key.scalar ?? ""
            guard shape.spec(name) != nil else {
                let suggestion = Suggestions.closest(to: name, in: shape.keyNames)
                let shown = name.isEmpty ? "an empty key" : "unknown key `\(name.sanitizedForMessage)`"
                diagnostics.error("\(shown) in \(what)" + Suggestions.didYouMean(suggestion), at: key.location, suggestion: suggestion)
                continue
            }
            pairs[name] = (key, value)
        }
        for spec in shape.keys where spec.required && pairs[spec.name] == nil {
            diagnostics.error("\(what) needs the key `\(spec.name)` (\(spec.summary.lowercasedFirst))", at: node.location)
        }
    }

    /// The value of a key, unless it is absent or written as null.
    subscript(key: String) -> YAMLNode? {
        guard let value = pairs[key]?.value, !value.isNull else { return nil }
        return value
    }

    /// Whether the key is written (even as null).
    func has(_ key: String) -> Bool { pairs[key] != nil }

    /// The location of a key, or of the mapping when the key is absent.
    func location(of key: String) -> SourceLocation { pairs[key]?.key.location ?? node.location }
}

extension String {
    /// The string with its first letter lowercased, for fitting a sentence into a clause.
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }

    /// At most 60 characters, without control characters: safe to quote in a message.
    var sanitizedForMessage: String {
        let cleaned = String(String.UnicodeScalarView(unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "\u{FFFD}" : $0 }))
        return cleaned.count > 60 ? String(cleaned.prefix(57)) + "..." : cleaned
    }
}
