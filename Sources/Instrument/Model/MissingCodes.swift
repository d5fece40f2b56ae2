/// The reasons a variable can lack an answer: a closed set, so never a magic number in the program.
public enum MissingKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// The participant preferred not to say.
    case refused
    /// The participant did not know.
    case dontKnow = "dont_know"
    /// Routed past: the question's condition was false (or the participant said it does not apply).
    case notApplicable = "not_applicable"
    /// The interview stopped before the question.
    case notReached = "not_reached"
    /// The interview's instrument version does not have the variable.
    case notInVersion = "not_in_version"

    /// The word used in YAML (`dont_know`).
    public var key: String { rawValue }

    /// The kinds a participant may give (the others are set by the engine or the analysis).
    public static let givable: [MissingKind] = [.refused, .dontKnow, .notApplicable]
}

/// A missing kind's code and label in exports.
public struct MissingCode: Sendable, Hashable {
    /// The number exported in place of an answer.
    public var code: Int
    /// The label, for codebooks and value labels.
    public var label: LocalizedText

    /// Creates a missing code.
    public init(code: Int, label: LocalizedText) {
        self.code = code
        self.label = label
    }
}

/// The missing codes of an instrument: the defaults, with any overrides applied.
public struct MissingCodes: Sendable, Hashable {
    /// The code for each kind.
    public var codes: [MissingKind: MissingCode]

    /// The defaults: refused -7, don't know -8, not applicable -9, not reached -6, not in version -5.
    public static func defaults(languages: [String]) -> MissingCodes {
        func label(_ text: String) -> LocalizedText {
            LocalizedText(Dictionary(uniqueKeysWithValues: languages.map { ($0, text) }))
        }
        return MissingCodes(codes: [
            .refused: MissingCode(code: -7, label: label("Prefer not to say")),
            .dontKnow: MissingCode(code: -8, label: label("Don't know")),
            .notApplicable: MissingCode(code: -9, label: label("Not asked")),
            .notReached: MissingCode(code: -6, label: label("Not reached")),
            .notInVersion: MissingCode(code: -5, label: label("Not in this version")),
        ])
    }

    /// The code for a kind.
    public subscript(kind: MissingKind) -> MissingCode { codes[kind]! }

    /// The kind whose code is `code`, if any.
    public func kind(forCode code: Int) -> MissingKind? {
        codes.first { $0.value.code == code }?.key
    }
}
