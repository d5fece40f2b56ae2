/// What a translator needs to know of a field that an expression mentions: its name in the
/// instrument, its kind, and for choices how the source's values map to option codes.
package struct FieldInfo: Sendable {
    /// The kind of answer.
    package enum Kind: Sendable, Equatable {
        case choice, set, number, text, date, none
    }

    /// The variable name in the instrument.
    package var id: String
    /// The kind.
    package var kind: Kind
    /// For choices: the source's value of each option (`"1"`, `"female"`) and its code.
    package var codes: [String: Int] = [:]
    /// For choices: the option name of each code, where there is one.
    package var names: [Int: String] = [:]

    /// Creates a field.
    package init(id: String, kind: Kind, codes: [String: Int] = [:], names: [Int: String] = [:]) {
        self.id = id
        self.kind = kind
        self.codes = codes
        self.names = names
    }
}
