/// A longitudinal study: its waves, each with the instrument it asks and when it is due, and
/// optional arms. Made by ``StudyPlanLoader`` from a `studies/*.yaml` file (docs/studies.md).
public struct StudyPlan: Sendable, Hashable {
    /// An arm of a study (a course and its waiting list): participants are allocated to one at
    /// the first wave.
    public struct Arm: Sendable, Hashable {
        /// The arm's id.
        public var id: String
        /// Its label.
        public var label: LocalizedText
    }

    /// When a wave is due: an interval after an earlier wave of the same participant.
    public struct Due: Sendable, Hashable {
        /// The interval.
        public var after: PlanDuration
        /// The earlier wave it counts from (usually the first).
        public var anchor: String
    }

    /// One wave: an interview of every participant (in its arms) with one instrument.
    public struct Wave: Sendable, Hashable {
        /// The wave's id (`baseline`, `end_of_term`), used on the command line and in expressions
        /// that read its answers in a later wave.
        public var id: String
        /// A label for reports.
        public var label: LocalizedText?
        /// The instrument file, as written in the plan (relative to the plan).
        public var instrumentPath: String
        /// The instrument, loaded.
        public var instrument: Instrument
        /// The instrument's YAML source, as read.
        public var instrumentSource: String
        /// When it is due; `nil` for the first wave (any time).
        public var due: Due?
        /// How long before the due day the wave may be done.
        public var windowBefore: PlanDuration
        /// How long after the due day it may still be done; after that the participant is lost
        /// to this wave.
        public var windowAfter: PlanDuration
        /// The arms it is for; all when `nil`.
        public var arms: [String]?
        /// Where the wave is written.
        public var location: SourceLocation
    }

    /// The plan's id (`recovery-college-term`).
    public var id: String
    /// Its title.
    public var title: LocalizedText
    /// The arms (empty when the study has none).
    public var arms: [Arm]
    /// The waves in order; the first is where participants join.
    public var waves: [Wave]

    /// The wave with an id.
    public func wave(_ id: String) -> Wave? { waves.first { $0.id == id } }

    /// The first wave.
    public var firstWave: Wave { waves[0] }
}

/// A length of time in a plan: days, weeks or calendar months (`12 weeks`, `6 months`).
public struct PlanDuration: Sendable, Hashable, CustomStringConvertible {
    /// The unit.
    public enum Unit: String, Sendable, Hashable, CaseIterable {
        case days, weeks, months
    }

    /// How many units.
    public var count: Int
    /// The unit.
    public var unit: Unit

    /// Creates a duration.
    public init(_ count: Int, _ unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// No time at all.
    public static let zero = PlanDuration(0, .days)

    /// Parses `12 weeks`, `1 week`, `3 months`, `10 days`.
    public init?(_ text: String) {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count == 2, let count = Int(words[0]), count >= 0 else { return nil }
        var word = words[1].lowercased()
        if !word.hasSuffix("s") { word += "s" }
        guard let unit = Unit(rawValue: word) else { return nil }
        self.init(count, unit)
    }

    /// The day this long after (or before, with `sign` -1) a day.
    public func added(to day: Day, sign: Int = 1) -> Day {
        switch unit {
        case .days: return Day(ordinal: day.ordinal + sign * count)
        case .weeks: return Day(ordinal: day.ordinal + sign * 7 * count)
        case .months:
            let (year, month, date) = day.components
            let total = year * 12 + (month - 1) + sign * count
            let newYear = total / 12, newMonth = total % 12 + 1
            let last = Day.daysIn(month: newMonth, year: newYear)
            return Day(year: newYear, month: newMonth, day: min(date, last)) ?? day
        }
    }

    /// `12 weeks`.
    public var description: String { "\(count) \(count == 1 ? String(unit.rawValue.dropLast()) : unit.rawValue)" }
}
