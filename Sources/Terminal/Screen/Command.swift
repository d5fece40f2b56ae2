/// What the interviewer asks the program to do, as opposed to what they type. Every command is
/// on a Ctrl key (or a function key), which typing cannot produce: a participant's words go into
/// the answer whatever letters they contain, and never trigger a command. docs/interviewing.md
/// has the full key table.
package enum Command: Equatable, Sendable {
    /// Back to the previous question: Ctrl-B, or Shift-Tab.
    case back
    /// Prefer not to say: Ctrl-R.
    case refused
    /// Don't know: Ctrl-K.
    case dontKnow
    /// Does not apply (where allowed): Ctrl-X.
    case notApplicable
    /// An interviewer note: Ctrl-N.
    case note
    /// The distress pause, from any screen: Ctrl-P.
    case pause
    /// Stop: continue later, stop for good, or delete: Ctrl-E.
    case stop
    /// The keys on one screen: Ctrl-G, or F1.
    case help
    /// Finish at the review: Ctrl-F.
    case finish
    /// Suspend now: Ctrl-C.
    case suspend

    /// The command a key gives, if any. tmux takes Ctrl-B as its prefix, so Shift-Tab is back
    /// too (in tmux, Ctrl-B pressed twice also reaches the program). No command uses Ctrl-H
    /// (Backspace on many terminals), Ctrl-I, Ctrl-J or Ctrl-M (Tab and Enter), Ctrl-S or
    /// Ctrl-Q (flow control), Ctrl-Z or Ctrl-Backslash (job control, off in raw mode but expected by
    /// habit), or Ctrl-A (GNU screen's prefix).
    package init?(_ key: Key) {
        switch key {
        case .control("b"), .backTab: self = .back
        case .control("r"): self = .refused
        case .control("k"): self = .dontKnow
        case .control("x"): self = .notApplicable
        case .control("n"): self = .note
        case .control("p"): self = .pause
        case .control("e"): self = .stop
        case .control("g"), .function(1): self = .help
        case .control("f"): self = .finish
        case .interrupt: self = .suspend
        default: return nil
        }
    }
}
