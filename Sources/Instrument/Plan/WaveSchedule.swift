/// Where one participant stands with one wave of a plan on a given day.
public enum WaveStatus: Sendable, Hashable {
    /// Done, on this day.
    case done(Day)
    /// The wave is not for the participant's arm.
    case notInArm
    /// The wave it counts from is not done yet, so it has no date.
    case waiting(for: String)
    /// Its window opens later than a week from now.
    case notYet(opens: Day, due: Day)
    /// Due soon or now: its window is open, or opens within a week, and the due day has not passed.
    case due(due: Day, opens: Day, closes: Day)
    /// The due day has passed; the window is still open.
    case overdue(due: Day, closes: Day)
    /// The window closed without the wave: the participant is lost to it.
    case lost(due: Day, closed: Day)

    /// A word for tables.
    public var word: String {
        switch self {
        case .done: return "done"
        case .notInArm: return "not in arm"
        case .waiting: return "waiting"
        case .notYet: return "not yet"
        case .due: return "due"
        case .overdue: return "overdue"
        case .lost: return "lost"
        }
    }
}

extension StudyPlan {
    /// The day a wave is due for a participant, and its window, from the days of the waves they
    /// did; `nil` for the first wave or while the wave it counts from is not done.
    /// - Parameters:
    ///   - wave: The wave.
    ///   - done: The day of each wave the participant did, by wave id.
    public func window(of wave: Wave, done: [String: Day]) -> (opens: Day, due: Day, closes: Day)? {
        guard let due = wave.due, let anchor = done[due.anchor] else { return nil }
        let day = due.after.added(to: anchor)
        return (wave.windowBefore.added(to: day, sign: -1), day, wave.windowAfter.added(to: day))
    }

    /// Where a participant stands with a wave on a day.
    /// - Parameters:
    ///   - wave: The wave.
    ///   - done: The day of each wave the participant did, by wave id.
    ///   - arm: The participant's arm, if the plan has arms.
    ///   - today: The day.
    /// - Returns: The status.
    public func status(of wave: Wave, done: [String: Day], arm: String?, today: Day) -> WaveStatus {
        if let day = done[wave.id] { return .done(day) }
        if let arms = wave.arms, let arm, !arms.contains(arm) { return .notInArm }
        guard let window = window(of: wave, done: done) else {
            return wave.due.map { .waiting(for: $0.anchor) } ?? .waiting(for: wave.id)
        }
        if today > window.closes { return .lost(due: window.due, closed: window.closes) }
        if today > window.due { return .overdue(due: window.due, closes: window.closes) }
        if window.opens.ordinal > today.ordinal + 7 { return .notYet(opens: window.opens, due: window.due) }
        return .due(due: window.due, opens: window.opens, closes: window.closes)
    }
}
