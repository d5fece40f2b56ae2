import Foundation
package import Instrument
package import Interview
import Store

/// `peersurvey interview --db PATH --wave WAVE [--participant CODE]`: an interview of a study
/// plan's wave. At the first wave a participant joins and gets their code; at a later wave the
/// code continues them. A mistyped code, an unknown one, a wave already done or a wave outside
/// its window (unless confirmed) is refused before anything is written.
package enum WaveInterviewCommand {
    /// What the interviewer asked for.
    package struct Request: Sendable {
        /// The study database.
        package var databasePath: String
        /// The wave; the participant's next wave when `nil` and a code is given, else the first.
        package var wave: String?
        /// The participant's code, for a later wave.
        package var participant: String?
        /// The participant's arm, at the first wave of a plan with arms.
        package var arm: String?
        /// The peer researcher's code.
        package var interviewer: String
        /// The language.
        package var language: String?
        /// The interviewer confirmed an interview outside the wave's window.
        package var outsideWindow: Bool
        /// The day (today, or fixed by tests).
        package var today: Day

        /// Creates a request.
        package init(
            databasePath: String, wave: String?, participant: String?, arm: String?, interviewer: String,
            language: String?, outsideWindow: Bool, today: Day
        ) {
            self.databasePath = databasePath
            self.wave = wave
            self.participant = participant
            self.arm = arm
            self.interviewer = interviewer
            self.language = language
            self.outsideWindow = outsideWindow
            self.today = today
        }
    }

    /// Runs the interview of a wave.
    /// - Parameters:
    ///   - request: The wave, the participant and the interviewer.
    ///   - run: Runs the session on the screen or in line mode.
    package static func run(_ request: Request, run: InterviewCommand.Runner) -> CommandOutput {
        do {
            let database = try StudyDatabase.open(at: request.databasePath)
            guard let plan = try database.plan() else {
                return usage(
                    "\(request.databasePath) has no study plan, so it has no waves; record one with `peersurvey study plan --db \(request.databasePath) studies/PLAN.yaml`, or give an instrument file to interview outside a plan")
            }
            let participants = try database.participants(of: plan)
            let decided = try decide(request, plan: plan, participants: participants)
            let (wave, code, arm) = decided
            guard StudyDatabase.isValidInterviewer(request.interviewer) else {
                return usage("the interviewer code must be \(StudyDatabase.interviewerPattern)")
            }
            let language = request.language ?? wave.instrument.defaultLanguage
            guard wave.instrument.languages.contains(language) else {
                return usage(
                    "the instrument of wave `\(wave.id)` has no language `\(language)`; it has \(wave.instrument.languages.joined(separator: ", "))")
            }
            guard let registered = try database.planWaves().first(where: { $0.wave == wave.id })?.instrument else {
                return usage("the wave `\(wave.id)` is not recorded in the study")
            }
            let recorder = try database.startInterview(
                registered, interviewer: request.interviewer, language: language, wave: wave.id, code: code, arm: arm)
            let engine = InterviewEngine(instrument: wave.instrument, language: language, today: request.today)
            let session = InterviewSession(engine: engine, log: recorder)
            let ending = try run(session, true)
            var output = InterviewCommand.report(
                ending, code: recorder.code, database: request.databasePath, prefix: "")
            if ending == .completed, code == nil {
                output.stdout += try card(plan: plan, code: recorder.code, today: request.today, databasePath: request.databasePath)
            }
            return output
        } catch let failure as CommandFailure {
            return failure.output
        } catch {
            return .failure(error)
        }
    }

    /// The wave, code and arm of the interview, or a refusal that says why.
    static func decide(_ request: Request, plan: StudyPlan, participants: [PlanParticipant]) throws
        -> (wave: StudyPlan.Wave, code: String?, arm: String?)
    {
        guard let typed = request.participant else {
            // A new participant joins at the first wave.
            let wave = try request.wave.map { try find($0, in: plan) } ?? plan.firstWave
            guard wave.id == plan.firstWave.id else {
                throw CommandFailure(usage(
                    "wave `\(wave.id)` continues a participant: give their code with --participant (participants join at `\(plan.firstWave.id)`)"))
            }
            if !plan.arms.isEmpty {
                guard let arm = request.arm else {
                    throw CommandFailure(usage(
                        "the study has arms; give the participant's with --arm (\(plan.arms.map(\.id).joined(separator: ", ")))"))
                }
                guard plan.arms.contains(where: { $0.id == arm }) else {
                    throw CommandFailure(usage("no arm `\(arm)`; the arms are \(plan.arms.map(\.id).joined(separator: ", "))"))
                }
            } else if request.arm != nil {
                throw CommandFailure(usage("the study has no arms"))
            }
            return (wave, nil, request.arm)
        }
        guard let code = ParticipantCode.normalise(typed) else {
            throw CommandFailure(usage(
                "`\(typed.prefix(20))` is not a participant code (eight letters and digits, such as K7MQ-2P4X); check it with the participant"))
        }
        guard let participant = participants.first(where: { $0.code == code }) else {
            if !ParticipantCode.hasValidCheck(code) {
                throw CommandFailure(usage(
                    "\(code) has a typing mistake (its last character does not match the others); check the code with the participant or their card"))
            }
            throw CommandFailure(usage(
                "no participant has the code \(code) in this study (they join at `\(plan.firstWave.id)`); check the code, or the database"))
        }
        if request.arm != nil {
            throw CommandFailure(usage("--arm is for the first wave; \(code) is in arm \(participant.arm ?? "none")"))
        }
        let wave: StudyPlan.Wave
        if let id = request.wave {
            wave = try find(id, in: plan)
        } else if let next = plan.waves.dropFirst().first(where: { participant.done[$0.id] == nil }) {
            wave = next
        } else {
            throw CommandFailure(usage("\(code) has done every wave of the plan"))
        }
        guard wave.id != plan.firstWave.id else {
            throw CommandFailure(usage("\(code) already joined at `\(wave.id)`; choose a later wave with --wave"))
        }
        if participant.inProgress.contains(wave.id) {
            throw CommandFailure(usage(
                "\(code) has an unfinished interview of wave `\(wave.id)`; continue it with `peersurvey resume --db \(request.databasePath) \(code)`"))
        }
        switch plan.status(of: wave, done: participant.done, arm: participant.arm, today: request.today) {
        case .done(let day):
            throw CommandFailure(usage("\(code) already did wave `\(wave.id)` on \(day)"))
        case .notInArm:
            throw CommandFailure(usage("wave `\(wave.id)` is not for \(code)'s arm (\(participant.arm ?? "none"))"))
        case .waiting(let anchor):
            throw CommandFailure(usage("wave `\(wave.id)` counts from `\(anchor)`, which \(code) has not done yet"))
        case .due, .overdue:
            break
        case .notYet(let opens, let due):
            if !request.outsideWindow {
                throw CommandFailure(usage(
                    "wave `\(wave.id)` for \(code) is due \(due); its window opens \(opens). To interview now anyway, add --outside-window"))
            }
        case .lost(let due, let closed):
            if !request.outsideWindow {
                throw CommandFailure(usage(
                    "wave `\(wave.id)` for \(code) was due \(due) and its window closed \(closed). To interview now anyway, add --outside-window"))
            }
        }
        return (wave, code, nil)
    }

    static func find(_ id: String, in plan: StudyPlan) throws -> StudyPlan.Wave {
        guard let wave = plan.wave(id) else {
            let suggestion = Suggestions.closest(to: id, in: plan.waves.map(\.id))
            throw CommandFailure(usage(
                "the plan has no wave `\(id)`" + (suggestion.map { "; did you mean `\($0)`?" } ?? "")
                    + " Its waves are \(plan.waves.map(\.id).joined(separator: ", "))."))
        }
        return wave
    }

    static func usage(_ message: String) -> CommandOutput { CommandOutput(stderr: "error: \(message)\n", status: .usage) }

    /// The participant card: their code, when the next wave is due, and the support text; written
    /// next to the database (private to the user) for printing.
    static func card(plan: StudyPlan, code: String, today: Day, databasePath: String) throws -> String {
        let wave = plan.firstWave
        let language = wave.instrument.defaultLanguage
        var lines = [
            plan.title.text(in: language), "",
            "Your participant code: \(code)",
            "Please bring this card, or tell us this code, when we meet again. It is not your name: only this",
            "code links your answers.",
        ]
        if let next = plan.waves.dropFirst().first, let window = plan.window(of: next, done: [wave.id: today]) {
            lines += [
                "", "Next interview (\(next.label?.text(in: language) ?? next.id)): around \(window.due),",
                "between \(window.opens) and \(window.closes).",
            ]
        }
        if let support = wave.instrument.support?.text(in: language) { lines += ["", "Support: \(support)"] }
        let folder = URL(fileURLWithPath: databasePath).deletingLastPathComponent().appendingPathComponent("cards")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let file = folder.appendingPathComponent("\(code).txt")
        let text = lines.joined(separator: "\n") + "\n"
        let temporary = folder.appendingPathComponent(".\(code).txt.partial")
        FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        _ = try? FileManager.default.removeItem(at: file)
        try FileManager.default.moveItem(at: temporary, to: file)
        return "A participant card is in \(file.path): print it for the participant (their code, when the next interview is due, and where to find support).\n"
    }
}
