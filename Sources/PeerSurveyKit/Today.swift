package import Instrument

/// The day commands judge by: today, or a day given as `YYYY-MM-DD`.
package enum Today {
    /// Today, in UTC (the day interviews are stamped with).
    package static func day() -> Day { Day.current() }

    /// A day written `YYYY-MM-DD`, or `nil`.
    package static func parse(_ text: String) -> Day? { Day(iso: text) }
}
