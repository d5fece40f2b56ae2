package import Foundation
package import Instrument

/// The version of peersurvey.
package enum PeerSurveyVersion {
    /// The version string `--version` prints.
    package static let current = "0.1.0"
}

extension Day {
    /// Today's date in the machine's time zone.
    package static func current(_ date: Date = Date()) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
