/// A YAML node with its place in the file: the loader's own tree, so that Yams' types stay inside
/// ``YAMLReader`` and the rest of the loader is plain, `Sendable` Swift.
public struct YAMLNode: Sendable {
    /// How a scalar was written, which decides how a column inside it maps back to the file.
    public enum ScalarStyle: Sendable, Hashable {
        /// Unquoted.
        case plain
        /// `'...'`
        case singleQuoted
        /// `"..."`
        case doubleQuoted
        /// `|` block.
        case literal
        /// `>` block.
        case folded
    }

    /// The shape of the node.
    public enum Kind: Sendable {
        /// A string of text, as written (no type resolution).
        case scalar(String, ScalarStyle)
        /// A list.
        case sequence([YAMLNode])
        /// Key-value pairs in file order; keys are scalars.
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    /// The node's shape and contents.
    public var kind: Kind
    /// Where the node starts (for a quoted or block scalar: its quote or indicator).
    public var location: SourceLocation

    /// The scalar's text, or `nil` for a collection.
    public var scalar: String? {
        if case .scalar(let string, _) = kind { return string }
        return nil
    }

    /// Whether this is a plain scalar that YAML reads as null (`~`, `null`, or nothing at all).
    public var isNull: Bool {
        if case .scalar(let string, .plain) = kind {
            return string.isEmpty || string == "~" || string == "null" || string == "Null" || string == "NULL"
        }
        return false
    }

    /// A short description of the kind, for messages ("a list", "a mapping", "text").
    public var kindDescription: String {
        switch kind {
        case .scalar: return isNull ? "nothing" : "a single value"
        case .sequence: return "a list"
        case .mapping: return "a mapping of keys"
        }
    }
}
