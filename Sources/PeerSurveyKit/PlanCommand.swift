import Foundation
package import Instrument
import Store

/// `study init --plan`, `study plan` and `due`: a study's plan and who is due for which wave.
package enum PlanCommand {
    /// Loads a plan file, or the located errors that say why it cannot be used.
    static func load(_ planPath: String) -> Result<(StudyPlan, String), CommandFailure> {
        do {
            let result = try StudyPlanLoader.load(path: planPath)
            guard let plan = result.plan, let source = result.source else {
                let errors = result.diagnostics.filter { $0.severity == .error }
                let text = DiagnosticRenderer(sources: result.source.map { [planPath: $0] } ?? [:], colour: false).render(errors)
                return .failure(
                    CommandFailure(CommandOutput(stderr: text + "\(planPath): fix these errors (see `peersurvey check`) first\n", status: .dataError)))
            }
            return .success((plan, source.text))
        } catch {
            return .failure(CommandFailure(CommandOutput(stderr: error.description + "\n", status: .noInput)))
        }
    }

    /// Records a plan in an existing study (a new plan, or waves added to the recorded one).
    /// - Parameters:
    ///   - databasePath: The study database.
    ///   - planPath: The plan file.
    package static func record(databasePath: String, planPath: String) -> CommandOutput {
        let loaded: (StudyPlan, String)
        switch load(planPath) {
        case .failure(let failure): return failure.output
        case .success(let value): loaded = value
        }
        do {
            let database = try StudyDatabase.open(at: databasePath)
            try database.recordPlan(loaded.0, source: loaded.1)
            return CommandOutput(stdout: summary(loaded.0, databasePath: databasePath))
        } catch {
            return .failure(error)
        }
    }

    /// What was recorded, for the user.
    static func summary(_ plan: StudyPlan, databasePath: String) -> String {
        var text = "Recorded the study plan \(plan.id) with \(plan.waves.count) wave\(plan.waves.count == 1 ? "" : "s"):\n"
        for wave in plan.waves {
            let due = wave.due.map { ", due \($0.after) after \($0.anchor) (from \(wave.windowBefore) before to \(wave.windowAfter) after)" } ?? " (participants join here)"
            text += "  \(wave.id): \(wave.instrument.id) version \(wave.instrument.version)\(due)\n"
        }
        text += "Start a participant with `peersurvey interview --db \(databasePath) --wave \(plan.firstWave.id) --interviewer CODE`.\n"
        return text
    }

    /// Who is due for which wave: due this week, overdue and lost, by participant code.
    /// - Parameters:
    ///   - databasePath: The study database.
    ///   - today: The day to judge by.
    ///   - all: List every participant's every wave, not only those needing action.
    ///   - contacts: Sealed contact details to show beside each code (the custodian's, by code).
    package static func due(databasePath: String, today: Day, all: Bool = false, contacts: [String: String] = [:]) -> CommandOutput {
        do {
            let database = try StudyDatabase.open(at: databasePath, readOnly: true)
            guard let plan = try database.plan() else {
                return CommandOutput(
                    stderr: "error: \(databasePath) has no study plan; record one with `peersurvey study plan --db \(databasePath) studies/PLAN.yaml`\n",
                    status: .usage)
            }
            let participants = try database.participants(of: plan)
            var rows: [[String]] = []
            var counts: [String: [String: Int]] = [:]
            for participant in participants {
                for wave in plan.waves.dropFirst() {
                    let status = plan.status(of: wave, done: participant.done, arm: participant.arm, today: today)
                    counts[wave.id, default: [:]][status.word, default: 0] += 1
                    let detail: String
                    switch status {
                    case .due(let due, let opens, let closes): detail = "due \(due) (window \(opens) to \(closes))"
                    case .overdue(let due, let closes): detail = "was due \(due); window closes \(closes)"
                    case .lost(let due, let closed): detail = "was due \(due); window closed \(closed)"
                    case .notYet(let opens, let due): detail = "due \(due); window opens \(opens)"
                    case .done(let day): detail = "done \(day)"
                    case .waiting(let anchor): detail = "after \(anchor)"
                    case .notInArm: detail = "not in their arm"
                    }
                    let inProgress = participant.inProgress.contains(wave.id) ? " (started, not finished)" : ""
                    let needsAction: Bool
                    switch status {
                    case .due, .overdue, .lost: needsAction = true
                    case .done, .notYet, .waiting, .notInArm: needsAction = false
                    }
                    guard all || needsAction else { continue }
                    var row = [participant.code, wave.id, status.word + inProgress, detail]
                    if !contacts.isEmpty { row.append(contacts[participant.code] ?? "") }
                    rows.append(row)
                }
            }
            let order = ["overdue": 0, "due": 1, "lost": 2]
            rows.sort { (order[$0[2]] ?? 3, $0[1], $0[0]) < (order[$1[2]] ?? 3, $1[1], $1[0]) }
            var text = "\(plan.title.text(in: plan.waves[0].instrument.defaultLanguage)): \(participants.count) participant\(participants.count == 1 ? "" : "s"), on \(today).\n"
            for wave in plan.waves.dropFirst() {
                let tally = counts[wave.id] ?? [:]
                let parts = ["done", "due", "overdue", "lost", "not yet", "waiting", "not in arm"].compactMap { word in
                    tally[word].map { "\($0) \(word)" }
                }
                text += "  \(wave.id): " + (parts.isEmpty ? "nobody yet" : parts.joined(separator: ", ")) + "\n"
            }
            if rows.isEmpty {
                text += "Nobody is due, overdue or lost today.\n"
            } else {
                var header = ["code", "wave", "status", "when"]
                if !contacts.isEmpty { header.append("contact (sealed; shown with the key)") }
                text += "\n" + Table.render(header: header, rows: rows)
            }
            return CommandOutput(stdout: text)
        } catch {
            return .failure(error)
        }
    }
}

/// A command's output as an error, to return early from a helper.
struct CommandFailure: Error {
    var output: CommandOutput
    init(_ output: CommandOutput) { self.output = output }
}
