/// Exit statuses, the BSD sysexits numbers argument-parser documents, used the same way by every command.
package enum ExitStatus: Int32, Sendable {
    /// Everything worked.
    case success = 0
    /// A test case failed.
    case testFailure = 1
    /// The command was used wrongly.
    case usage = 64
    /// The input data (an instrument, a plan) has errors.
    case dataError = 65
    /// An input file does not exist or cannot be read.
    case noInput = 66
    /// Something inside peersurvey went wrong.
    case software = 70
    /// Reading or writing a file failed.
    case ioError = 74
}

/// What a command prints and how it exits: library functions return this and the executable
/// only writes it out, so every command can be tested without a process.
package struct CommandOutput: Sendable, Equatable {
    /// Text for standard output.
    package var stdout: String
    /// Text for standard error.
    package var stderr: String
    /// The exit status.
    package var status: ExitStatus

    /// Creates an output.
    package init(stdout: String = "", stderr: String = "", status: ExitStatus = .success) {
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
    }
}
