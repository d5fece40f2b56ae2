package import Instrument

/// How one measure's change is judged: which way is better, how reliable change is decided, and
/// the clinical cut-off.
package struct ChangeMeasure: Sendable, Equatable {
    /// The variable (a score or a numeric item).
    package var variable: String
    /// Which way is better.
    package var direction: Direction
    /// The measure's reliability for the Jacobson-Truax index; Cronbach's alpha at the first
    /// wave when `nil` and the variable is a score.
    package var reliability: Double?
    /// A fixed published threshold for reliable change instead of the index.
    package var threshold: Double?
    /// The clinical cut-off (caseness), for clinically significant change.
    package var cutOff: Double?

    /// Creates a measure.
    package init(
        variable: String, direction: Direction = .higherIsBetter, reliability: Double? = nil, threshold: Double? = nil,
        cutOff: Double? = nil
    ) {
        self.variable = variable
        self.direction = direction
        self.reliability = reliability
        self.threshold = threshold
        self.cutOff = cutOff
    }
}

/// What a change report asks for.
package struct ChangeRequest: Sendable, Equatable {
    /// The title; the plan's when absent.
    package var title: String?
    /// The earlier wave.
    package var from: String
    /// The later wave.
    package var to: String
    /// The variables; every score, numeric item and categorical item both waves ask when empty.
    package var variables: [String]
    /// How each measure is judged, by variable (defaults: higher is better, alpha as reliability).
    package var measures: [String: ChangeMeasure]
    /// The day that decides who is lost (a wave's window closed without an interview).
    package var today: Day

    /// Creates a request.
    package init(
        title: String? = nil, from: String, to: String, variables: [String] = [], measures: [ChangeMeasure] = [],
        today: Day
    ) {
        self.title = title
        self.from = from
        self.to = to
        self.variables = variables
        self.measures = Dictionary(measures.map { ($0.variable, $0) }, uniquingKeysWith: { $1 })
        self.today = today
    }
}
