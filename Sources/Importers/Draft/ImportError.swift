/// Why an import produced nothing: the input is not the format it claims, is hostile, or cannot
/// be read. Each case names the place in the input.
package enum ImportError: Error, Sendable, CustomStringConvertible {
    /// The file or folder cannot be read at all (exit 66).
    case unreadable(path: String, reason: String)
    /// The input is not the format it claims, or breaks a limit (exit 65).
    case invalid(location: String, message: String)
    /// The input is the format it claims, but none of it could be imported (exit 65).
    case nothingImported(ImportReport)

    /// `location: error: message`, the form compilers print.
    package var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): error: cannot read it: \(reason)"
        case .invalid(let location, let message): return "\(location): error: \(message)"
        case .nothingImported(let report):
            return report.notices.map(\.description).joined(separator: "\n") + "\nerror: nothing could be imported"
        }
    }
}
