import Analysis
import Foundation
import Instrument
import Store

/// `peersurvey analyse PLAN --db study.sqlite --out report/`: the tables an analysis plan names,
/// in the formats it names; and the plan half of `peersurvey check`.
package enum AnalyseCommand {
    /// Produces a plan's report.
    /// - Parameters:
    ///   - planPath: The plan (`analysis/NAME.yaml`).
    ///   - databasePath: The study database.
    ///   - outputDirectory: Where to write `PLAN.html` and the other formats (created if missing).
    /// - Returns: The files written; exit 65 for a plan with errors (located), 66 for a missing
    ///   file, 74 when the report cannot be written.
    package static func run(
        planPath: String, databasePath: String, outputDirectory: String, colour: Bool = false, audit: Bool = false
    ) -> CommandOutput {
        let read: PlanReader.Result
        do {
            read = try PlanReader.read(path: planPath)
        } catch {
            return CommandOutput(stderr: "error: \(error.description)\n", status: .noInput)
        }
        let renderer = DiagnosticRenderer(sources: read.source.map { [planPath: $0] } ?? [:], colour: colour)
        guard let plan = read.plan, !read.hasErrors else {
            return CommandOutput(stderr: renderer.render(read.diagnostics), status: .dataError)
        }
        let reports: [DescribeReport]
        var warnings = ""
        do {
            let database = try StudyDatabase.open(at: databasePath, readOnly: true)
            let dataset = try Dataset.open(database, instrument: plan.instrument.name, statuses: plan.statuses)
            let diagnostics = PlanChecker.check(plan, against: PlanChecker.Catalogue(dataset))
            if diagnostics.contains(where: { $0.severity == .error }) {
                return CommandOutput(stderr: renderer.render(diagnostics), status: .dataError)
            }
            warnings = renderer.render(diagnostics)
            reports = try Describer.describe(dataset, plan.requests, settings: plan.settings)
        } catch let error as AnalysisError {
            if case .unknownInstrument = error {
                let located = Diagnostic.error(error.description, at: plan.instrument.location)
                return CommandOutput(stderr: renderer.render(located), status: .dataError)
            }
            return .failure(analysis: error)
        } catch {
            return .failure(error)
        }
        let summary = reports.first?.suppression.audit
        if audit, let summary {
            return CommandOutput(
                stdout: summary.listing, stderr: warnings + (plan.minCell > 1 ? "" : DescribeCommand.suppressionOffWarning))
        }
        do {
            try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        } catch {
            return CommandOutput(stderr: "error: the folder \(outputDirectory) cannot be created\n", status: .ioError)
        }
        var written: [String] = []
        for format in plan.formats {
            let path = URL(fileURLWithPath: outputDirectory).appendingPathComponent(
                "\(plan.id).\(format.fileExtension)"
            ).path
            if let failure = DescribeCommand.write(
                ReportRenderer.render(reports, format: format, title: plan.title), to: path)
            {
                return failure
            }
            written.append(path)
        }
        var out = CommandOutput(stdout: written.map { "Wrote \($0).\n" }.joined(), stderr: warnings)
        out.stdout += "\(plan.tables.count) tables. " + (summary?.line ?? "") + "\n"
        if plan.minCell <= 1 { out.stderr += DescribeCommand.suppressionOffWarning }
        return out
    }

    /// Checks a plan file against its instrument file, for `peersurvey check`.
    /// - Parameter path: A file given to `check`.
    /// - Returns: The plan's text and every diagnostic; `nil` if the file is not a plan (a YAML
    ///   file whose first key is `plan:`) or cannot be read.
    static func checkIfPlan(path: String) -> (source: SourceFile?, diagnostics: [Diagnostic])? {
        guard PlanReader.isPlan(path: path), let read = try? PlanReader.read(path: path) else { return nil }
        guard let plan = read.plan else { return (read.source, read.diagnostics) }
        let sorted = { (all: [Diagnostic]) in
            all.sorted {
                ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0)
            }
        }
        return (read.source, sorted(read.diagnostics + checkAgainstInstrumentFile(plan, planPath: path)))
    }

    /// The plan checked against its instrument file: `instrument_file:` relative to the plan, or
    /// `../instruments/ID.yaml` beside it, or `instruments/ID.yaml` here.
    static func checkAgainstInstrumentFile(_ plan: AnalysisPlan, planPath: String) -> [Diagnostic] {
        let folder = URL(fileURLWithPath: planPath).absoluteURL.deletingLastPathComponent()
        var candidates: [String] = []
        if let file = plan.instrumentFile {
            candidates = [
                file.name.hasPrefix("/") ? file.name : folder.appendingPathComponent(file.name).standardized.path
            ]
        } else {
            candidates = [
                folder.appendingPathComponent("../instruments/\(plan.instrument.name).yaml").standardized.path,
                folder.appendingPathComponent("\(plan.instrument.name).yaml").path,
                "instruments/\(plan.instrument.name).yaml",
            ]
        }
        let location = plan.instrumentFile?.location ?? plan.instrument.location
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            let message =
                "the instrument file \(candidates[0]) cannot be found to check the plan against"
                + (plan.instrumentFile == nil ? "; name it with `instrument_file:`" : "")
            return [.error(message, at: location)]
        }
        guard let loaded = try? InstrumentLoader.load(path: found), let instrument = loaded.instrument else {
            return [.error("the instrument file \(found) has errors; run `peersurvey check \(found)`", at: location)]
        }
        return PlanChecker.check(plan, against: PlanChecker.Catalogue(instrument))
    }
}
