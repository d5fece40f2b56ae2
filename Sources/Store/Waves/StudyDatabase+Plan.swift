import Crypto
package import Foundation
import GRDB
package import Instrument

/// One participant of a study with a plan: their code, arm, and the waves they did.
package struct PlanParticipant: Sendable, Equatable {
    /// The participant code.
    package var code: String
    /// Their arm, if the plan has arms.
    package var arm: String?
    /// The day of each wave they did (completed or broken off), by wave id.
    package var done: [String: Day]
    /// Waves they started and did not finish (active or suspended), by wave id.
    package var inProgress: Set<String>
}

extension StudyDatabase {
    /// Records a study plan: each wave's instrument is registered, and the plan's source and the
    /// instrument of each wave are kept, so that every later command works from the database
    /// alone. A plan may be recorded again with waves added after the existing ones (a running
    /// study gaining a follow-up); changing or removing a recorded wave is refused.
    /// - Parameters:
    ///   - plan: The loaded plan (without errors).
    ///   - source: The plan file's text.
    /// - Throws: ``StoreError`` when the database cannot be written or the change is refused.
    package func recordPlan(_ plan: StudyPlan, source: String) throws {
        let existing = try planWaves()
        for (position, wave) in existing.enumerated() {
            guard position < plan.waves.count, plan.waves[position].id == wave.wave else {
                throw StoreError.io(
                    path: path,
                    detail: "the study already has the plan's wave `\(wave.wave)` in position \(position + 1); a plan can only gain waves after the recorded ones")
            }
        }
        var registered: [RegisteredInstrument] = []
        for wave in plan.waves { registered.append(try register(wave.instrument, source: wave.instrumentSource)) }
        let hash = SHA256.hash(data: Data(source.utf8)).map { String(format: "%02x", $0) }.joined()
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO study_plan (id, name, source, content_hash, recorded_at) VALUES (1, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name, source = excluded.source,
                        content_hash = excluded.content_hash, recorded_at = excluded.recorded_at
                    """, arguments: [plan.id, source, hash, Timestamp.now()])
            for (position, wave) in plan.waves.enumerated() where position >= existing.count {
                try db.execute(
                    sql: "INSERT INTO plan_wave (position, wave, instrument_id) VALUES (?, ?, ?)",
                    arguments: [position, wave.id, registered[position].rowID])
            }
        }
    }

    /// The waves recorded, in order, with the instrument version each asks.
    package func planWaves() throws -> [(wave: String, instrument: RegisteredInstrument)] {
        try read { db in
            guard try db.tableExists("plan_wave") else { return [] }
            return try Row.fetchAll(db, sql: "SELECT wave, instrument_id FROM plan_wave ORDER BY position").map { row in
                guard let record = try InstrumentRecord.fetchOne(db, key: row["instrument_id"] as Int64) else {
                    throw StoreError.damaged(path: path, detail: "the plan names an instrument that is not stored")
                }
                return (row["wave"], try Self.registration(record, db))
            }
        }
    }

    /// The study plan recorded in the database, loaded with each wave's stored instrument.
    /// - Returns: The plan, or `nil` when the study has none.
    /// - Throws: ``StoreError`` when it cannot be read or no longer loads.
    package func plan() throws -> StudyPlan? {
        let stored: (name: String, source: String)? = try read { db in
            guard try db.tableExists("study_plan") else { return nil }
            return try Row.fetchOne(db, sql: "SELECT name, source FROM study_plan WHERE id = 1").map { ($0["name"], $0["source"]) }
        }
        guard let stored else { return nil }
        let waves = try planWaves()
        var sources: [String: (Instrument, String)] = [:]
        for (wave, registered) in waves {
            let text = try source(of: registered)
            guard let instrument = InstrumentLoader.load(text: text, path: registered.name).instrument else {
                throw StoreError.damaged(path: path, detail: "the instrument of wave `\(wave)` no longer loads")
            }
            sources[wave] = (instrument, text)
        }
        let result = StudyPlanLoader.load(bytes: Array(stored.source.utf8), path: "\(stored.name) (stored)") { _, wave in
            guard let wave, let found = sources[wave] else { return .failure("it is not recorded in the study") }
            return .success(found)
        }
        guard let plan = result.plan else {
            throw StoreError.damaged(path: path, detail: "the stored study plan no longer loads")
        }
        return plan
    }

    /// Every participant of the plan's first wave, with the waves they did.
    /// - Parameter plan: The plan.
    package func participants(of plan: StudyPlan) throws -> [PlanParticipant] {
        try read { db in
            guard try Self.hasWaves(db) else { return [] }
            var byCode: [String: PlanParticipant] = [:]
            var order: [String] = []
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT code, wave, arm, status, started_at FROM interview WHERE wave <> '' ORDER BY id")
            for row in rows {
                let code: String = row["code"], wave: String = row["wave"], status: String = row["status"]
                if byCode[code] == nil {
                    guard wave == plan.firstWave.id else { continue }
                    byCode[code] = PlanParticipant(code: code, arm: row["arm"], done: [:], inProgress: [])
                    order.append(code)
                }
                switch InterviewStatus(rawValue: status) {
                case .completed?, .brokenOff?:
                    let started: String = row["started_at"]
                    if let day = Day(iso: String(started.prefix(10))) { byCode[code]?.done[wave] = day }
                case .active?, .suspended?:
                    byCode[code]?.inProgress.insert(wave)
                case .noConsent?, nil:
                    break
                }
            }
            return order.compactMap { byCode[$0] }
        }
    }
}
