import Store

extension CommandOutput {
    /// The output for a failed store operation: the message on stderr and its exit status.
    static func failure(_ error: any Error) -> CommandOutput {
        guard let error = error as? StoreError else {
            return CommandOutput(stderr: "peersurvey: internal error: \(type(of: error))\n", status: .software)
        }
        let status: ExitStatus
        switch error {
        case .missing: status = .noInput
        case .io, .diskFull, .unsafeSettings, .interviewInUse, .erasureIncomplete: status = .ioError
        default: status = .dataError
        }
        return CommandOutput(stderr: "error: \(error.description)\n", status: status)
    }
}
