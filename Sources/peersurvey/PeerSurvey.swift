import ArgumentParser
import Foundation
import PeerSurveyKit

/// The peersurvey command line: a thin layer that parses arguments and calls one library function.
@main
struct PeerSurvey: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peersurvey",
        abstract: "Design, run and analyse participatory peer research surveys.",
        discussion: """
            Study leads write instruments in YAML and check them; peer researchers interview at a \
            terminal; analysts describe and export the study.

            Example:
              peersurvey check instruments/warmline-follow-up.yaml
            """,
        version: PeerSurveyVersion.current,
        groupedSubcommands: [
            CommandGroup(
                name: "Study leads",
                subcommands: [Check.self, Test.self, Schema.self, Preview.self, Simulate.self, Codebook.self, Import.self]),
            CommandGroup(
                name: "Peer researchers",
                subcommands: [Interview.self, Resume.self, Due.self]),
            CommandGroup(
                name: "Custodians",
                subcommands: [
                    Keys.self, Study.self, Status.self, Verify.self, Backup.self, Merge.self, Withdraw.self, Unseal.self,
                ]),
            CommandGroup(
                name: "Analysts",
                subcommands: [Describe.self, Analyse.self, ExportData.self]),
        ]
    )
}

/// Writes a command's output and exits with its status.
func finish(_ output: CommandOutput) throws -> Never {
    if !output.stdout.isEmpty { FileHandle.standardOutput.write(Data(output.stdout.utf8)) }
    if !output.stderr.isEmpty { FileHandle.standardError.write(Data(output.stderr.utf8)) }
    throw ExitCode(output.status.rawValue)
}

/// Whether to colour output: only on a terminal, never with `NO_COLOR` set.
func useColour(_ stream: Int32 = STDOUT_FILENO) -> Bool {
    ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(stream) == 1
        && ProcessInfo.processInfo.environment["TERM"] != "dumb"
}
