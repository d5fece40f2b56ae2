/// How serious a diagnostic is.
public enum Severity: String, Sendable, Codable, Hashable {
    /// The instrument cannot be used until this is fixed.
    case error
    /// The instrument works, but a person should look at this.
    case warning
    /// Extra information attached to another diagnostic.
    case note
}

/// One problem found in a file: data, not a thrown error, so that every problem is reported.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// How serious it is.
    public var severity: Severity
    /// A sentence that says what is wrong and, where possible, what to do.
    public var message: String
    /// Where it is; `nil` for problems that belong to no place in a file.
    public var location: SourceLocation?
    /// A replacement the user probably meant ("did you mean ...?"), when there is one.
    public var suggestion: String?

    /// Creates a diagnostic.
    /// - Parameters:
    ///   - severity: How serious it is.
    ///   - message: What is wrong, as a sentence.
    ///   - location: Where it is.
    ///   - suggestion: The likely intended spelling, if any.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, suggestion: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.suggestion = suggestion
    }

    /// Creates an error.
    public static func error(_ message: String, at location: SourceLocation?, suggestion: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, suggestion: suggestion)
    }

    /// Creates a warning.
    public static func warning(_ message: String, at location: SourceLocation?, suggestion: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, suggestion: suggestion)
    }
}

/// A growing list of diagnostics, shared by the stages of loading and checking.
public struct DiagnosticList: Sendable, Hashable {
    /// The diagnostics in the order they were found.
    public private(set) var all: [Diagnostic] = []

    /// Creates an empty list.
    public init() {}

    /// Adds one diagnostic.
    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }

    /// Adds an error.
    public mutating func error(_ message: String, at location: SourceLocation?, suggestion: String? = nil) {
        all.append(.error(message, at: location, suggestion: suggestion))
    }

    /// Adds a warning.
    public mutating func warning(_ message: String, at location: SourceLocation?, suggestion: String? = nil) {
        all.append(.warning(message, at: location, suggestion: suggestion))
    }

    /// Adds every diagnostic of another list.
    public mutating func append(contentsOf other: [Diagnostic]) { all.append(contentsOf: other) }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// The number of errors.
    public var errorCount: Int { all.count { $0.severity == .error } }

    /// The number of warnings.
    public var warningCount: Int { all.count { $0.severity == .warning } }

    /// The diagnostics sorted by location (stable for equal locations), duplicates removed.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        let unique = all.filter { seen.insert($0).inserted }
        return unique.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (x?, y?): return x == y ? a.offset < b.offset : x < y
            case (nil, _?): return true
            case (_?, nil): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }
}
