import Foundation
import Instrument

/// How `check` prints diagnostics.
package enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `file:line:col: error: message`, the source line and a caret.
    case text
    /// One JSON document with every diagnostic.
    case json
}

/// `peersurvey check FILE...`: every diagnostic of every file.
package enum CheckCommand {
    /// Loads and checks each file.
    /// - Parameters:
    ///   - paths: The instrument files.
    ///   - format: Text or JSON.
    ///   - colour: Whether to colour severities.
    /// - Returns: The diagnostics; exit 65 if any error, 66 if a file cannot be read, else 0.
    package static func run(paths: [String], format: DiagnosticFormat, colour: Bool = false) -> CommandOutput {
        var all: [Diagnostic] = []
        var sources: [String: SourceFile] = [:]
        var unreadable: [String] = []
        var errorFiles = 0
        for path in paths {
            if let text = try? String(contentsOfFile: path, encoding: .utf8), StudyPlanLoader.isPlan(text) {
                do {
                    let result = try StudyPlanLoader.load(path: path)
                    if let source = result.source { sources[path] = source }
                    all += result.diagnostics
                    if result.hasErrors { errorFiles += 1 }
                } catch {
                    unreadable.append(error.description)
                }
                continue
            }
            if let plan = AnalyseCommand.checkIfPlan(path: path) {
                if let source = plan.source { sources[path] = source }
                all += plan.diagnostics
                if plan.diagnostics.contains(where: { $0.severity == .error }) { errorFiles += 1 }
                continue
            }
            do {
                let result = try InstrumentLoader.load(path: path)
                if let source = result.source { sources[path] = source }
                all += result.diagnostics
                if result.hasErrors { errorFiles += 1 }
            } catch {
                unreadable.append(error.description)
            }
        }
        let errors = all.count { $0.severity == .error }, warnings = all.count { $0.severity == .warning }
        var out = CommandOutput()
        switch format {
        case .json:
            out.stdout = DiagnosticRenderer.json(all)
        case .text:
            out.stdout = DiagnosticRenderer(sources: sources, colour: colour).render(all)
            let files = paths.count == 1 ? paths[0] : "\(paths.count) files"
            if errors == 0 && warnings == 0 && unreadable.isEmpty {
                out.stdout += "\(files): no problems found\n"
            } else {
                out.stdout += "\(files): \(count(errors, "error")), \(count(warnings, "warning"))\n"
            }
        }
        out.stderr = unreadable.map { $0 + "\n" }.joined()
        out.status = !unreadable.isEmpty ? .noInput : errorFiles > 0 ? .dataError : .success
        return out
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
