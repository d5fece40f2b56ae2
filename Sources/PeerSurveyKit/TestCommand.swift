package import Instrument
package import Interview

/// `peersurvey test FILE...`: runs each instrument's own test cases.
package enum TestCommand {
    /// Runs the cases of each file.
    /// - Parameters:
    ///   - paths: The instrument files.
    ///   - today: The day for cases that do not set one.
    ///   - colour: Whether to colour PASS and FAIL.
    /// - Returns: Pass or fail per case with the differences; exit 1 if a case fails, 65 if an
    ///   instrument has errors, 66 if a file cannot be read.
    package static func run(paths: [String], today: String?, colour: Bool = false) -> CommandOutput {
        run(paths: paths, today: today.flatMap(Day.init(iso:)) ?? Day.current(), colour: colour)
    }

    /// Whether `text` is a date written YYYY-MM-DD.
    package static func isDate(_ text: String) -> Bool { Day(iso: text) != nil }

    /// Runs the cases of each file with a given day for `today()`.
    package static func run(paths: [String], today: Day, colour: Bool = false) -> CommandOutput {
        var out = CommandOutput()
        var passed = 0, failed = 0, broken = 0
        for path in paths {
            let result: InstrumentLoader.Result
            do {
                result = try InstrumentLoader.load(path: path)
            } catch {
                out.stderr += error.description + "\n"
                out.status = .noInput
                continue
            }
            guard let instrument = result.instrument else {
                let errors = result.diagnostics.filter { $0.severity == .error }
                out.stdout += DiagnosticRenderer(sources: result.source.map { [path: $0] } ?? [:], colour: colour).render(errors)
                out.stdout += "\(path): not tested, because it has \(CheckCommand.count(errors.count, "error"))\n"
                broken += 1
                continue
            }
            out.stdout += "\(path)\n"
            if instrument.tests.isEmpty {
                out.stdout += "  no test cases (add `tests:` to the instrument)\n"
            }
            for result in TestRunner.run(instrument, today: today) {
                if result.passed {
                    passed += 1
                    out.stdout += "  \(paint("PASS", "32", colour))  \(result.name)\n"
                } else {
                    failed += 1
                    out.stdout += "  \(paint("FAIL", "31", colour))  \(result.name) (line \(result.location.line))\n"
                    for failure in result.failures { out.stdout += "        - \(failure)\n" }
                }
            }
        }
        out.stdout += "\(CheckCommand.count(passed, "case")) passed, \(failed) failed"
        out.stdout += broken > 0 ? ", \(CheckCommand.count(broken, "instrument")) with errors\n" : "\n"
        if out.status == .success {
            out.status = broken > 0 ? .dataError : failed > 0 ? .testFailure : .success
        }
        return out
    }

    static func paint(_ text: String, _ code: String, _ colour: Bool) -> String {
        colour ? "\u{1B}[1;\(code)m\(text)\u{1B}[0m" : text
    }
}
