/// One answer a choice question offers.
public struct Option: Sendable, Hashable {
    /// The number stored and exported.
    public var code: Int
    /// The name expressions and tests use (`warmline`), if given.
    public var name: String?
    /// What the participant hears.
    public var label: LocalizedText
    /// The follow-up question of an "other, please say" option.
    public var specify: LocalizedText?
    /// Whether choosing it clears every other option (multiple choice only).
    public var exclusive: Bool
    /// Where the option is written.
    public var location: SourceLocation?

    /// Creates an option.
    public init(
        code: Int, name: String? = nil, label: LocalizedText, specify: LocalizedText? = nil,
        exclusive: Bool = false, location: SourceLocation? = nil
    ) {
        self.code = code
        self.name = name
        self.label = label
        self.specify = specify
        self.exclusive = exclusive
        self.location = location
    }
}

/// The options of a question, inline or from a named option set.
public struct OptionList: Sendable, Hashable {
    /// The options in the order they are offered.
    public var options: [Option]
    /// The option set they came from, if any.
    public var setName: String?

    /// Creates a list.
    public init(_ options: [Option], setName: String? = nil) {
        self.options = options
        self.setName = setName
    }

    /// The option with a code.
    public func option(code: Int) -> Option? { options.first { $0.code == code } }

    /// The option with a name.
    public func option(named name: String) -> Option? { options.first { $0.name == name } }

    /// The smallest and largest code, the bounds used when reverse-scoring.
    public var codeBounds: ClosedRange<Int>? {
        guard let low = options.map(\.code).min(), let high = options.map(\.code).max() else { return nil }
        return low...high
    }
}
