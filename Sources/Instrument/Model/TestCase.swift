/// One executable example of an instrument: answers in, expected routing and values out.
public struct TestCase: Sendable, Hashable {
    /// A value the case names, with where it is written.
    public struct Entry<T: Sendable & Hashable>: Sendable, Hashable {
        /// The variable, score or safeguard id.
        public var id: String
        /// The answer or expected value.
        public var value: T
        /// Where it is written.
        public var location: SourceLocation
    }

    /// Printed with pass or fail.
    public var name: String
    /// The language the case runs in.
    public var language: String?
    /// The date `today()` returns.
    public var today: Day?
    /// The answers given when each question is asked.
    public var answers: [Entry<Answer>]
    /// Variables that must be asked.
    public var asked: [Entry<Bool>]
    /// Variables that must be routed past.
    public var skipped: [Entry<Bool>]
    /// Final values of variables.
    public var values: [Entry<Answer>]
    /// Final values of scores (`nil` for missing).
    public var scores: [Entry<Double?>]
    /// Exactly the safeguards that must fire, when given.
    public var safeguards: [Entry<Bool>]?
    /// Where the case starts.
    public var location: SourceLocation
}
