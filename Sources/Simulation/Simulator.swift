import Foundation
package import Instrument
import Interview
package import Store

/// `peersurvey simulate`: interviews generated through the same engine the interviewer uses,
/// written to the study database marked as simulated, with a coverage report.
package enum Simulator {
    /// What a run produced.
    package struct Result: Sendable {
        /// Interviews written.
        package var interviews: Int
        /// What the interviews exercised.
        package var coverage: Coverage
    }

    /// Generates and saves `settings.count` interviews. Memory stays flat: interviews are
    /// generated as the store's bulk insert asks for them.
    /// - Parameters:
    ///   - instrument: The instrument (without errors).
    ///   - registered: Its registration in the study database.
    ///   - database: The study database.
    ///   - settings: Count, seed and rates.
    ///   - today: The interview date the engine uses (fixed for reproducible runs).
    package static func run(
        _ instrument: Instrument, registered: RegisteredInstrument, into database: any StudyWriting,
        settings: SimulationSettings, today: Day
    ) throws -> Result {
        // One thread simulates while this one saves: the two halves of the work overlap.
        let source = Interviews(instrument: instrument, registered: registered, settings: settings, today: today)
        let channel = Channel<BulkInterview>(capacity: 512)
        let producer = Producer(source: source, channel: channel)
        let thread = Thread { producer.run() }
        thread.stackSize = 8 << 20
        thread.start()
        let written: Int
        do {
            written = try database.insertInterviews(registered, AnySequence { AnyIterator { channel.receive() } }, simulated: true)
        } catch {
            producer.cancel()
            while channel.receive() != nil {}
            producer.finished.wait()
            throw error
        }
        producer.finished.wait()
        return Result(interviews: written, coverage: source.state.coverage)
    }

    /// Generates interviews without saving them (for tests and `--dry-run`).
    package static func coverage(of instrument: Instrument, settings: SimulationSettings, today: Day) -> Coverage {
        var respondent = Respondent(instrument: instrument, settings: settings, today: today)
        var coverage = Coverage()
        for _ in 0..<settings.count {
            let (_, brokeOff) = respondent.interview(instrument, coverage: &coverage)
            coverage.interviews += 1
            if brokeOff { coverage.brokenOff += 1 }
        }
        return coverage
    }

    /// Runs the simulation on its own thread, feeding the channel.
    final class Producer: @unchecked Sendable {
        let source: Interviews
        let channel: Channel<BulkInterview>
        let finished = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var cancelled = false

        init(source: Interviews, channel: Channel<BulkInterview>) {
            self.source = source
            self.channel = channel
        }

        func cancel() {
            lock.lock()
            cancelled = true
            lock.unlock()
        }

        private var isCancelled: Bool {
            lock.lock()
            defer { lock.unlock() }
            return cancelled
        }

        func run() {
            for interview in source {
                if isCancelled { break }
                channel.send(interview)
            }
            channel.close()
            finished.signal()
        }
    }

    /// Mutable state shared by the lazily generated sequence and the caller.
    final class State {
        var respondent: Respondent
        var coverage = Coverage()
        init(_ respondent: Respondent) { self.respondent = respondent }
    }

    /// The interviews as a sequence that simulates each one when it is asked for.
    struct Interviews: Sequence {
        let instrument: Instrument
        let variableIDs: [Int64?]
        let settings: SimulationSettings
        let state: State

        init(instrument: Instrument, registered: RegisteredInstrument, settings: SimulationSettings, today: Day) {
            self.instrument = instrument
            self.variableIDs = instrument.variables.all.map { registered.variableIDs[$0.id] }
            self.settings = settings
            self.state = State(Respondent(instrument: instrument, settings: settings, today: today))
        }

        func makeIterator() -> AnyIterator<BulkInterview> {
            var remaining = settings.count
            // Every simulated interview happens on the simulated day, at noon UTC.
            let startedAt = "\(state.respondent.today.description)T12:00:00.000Z"
            return AnyIterator {
                guard remaining > 0 else { return nil }
                remaining -= 1
                let (engine, brokeOff) = state.respondent.interview(instrument, coverage: &state.coverage)
                state.coverage.interviews += 1
                if brokeOff { state.coverage.brokenOff += 1 }
                var answers: [(variableID: Int64, answer: Answer)] = []
                answers.reserveCapacity(variableIDs.count)
                for (index, answer) in engine.answers.enumerated() {
                    guard let id = variableIDs[index] else { continue }
                    answers.append((id, answer ?? .notReached))
                }
                return BulkInterview(
                    status: brokeOff ? .brokenOff : .completed, interviewer: settings.interviewer,
                    language: engine.language, outcome: brokeOff ? "simulated_break_off" : nil, answers: answers,
                    startedAt: startedAt)
            }
        }
    }
}
