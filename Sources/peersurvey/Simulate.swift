import ArgumentParser
import PeerSurveyKit

/// `peersurvey simulate INSTRUMENT --db PATH --count N [--seed S]`
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Generate simulated interviews that follow the instrument's routing, and report what they never reached.",
        discussion: """
            Use it before fieldwork to find dead routing, options nobody can choose, and checks or \
            safeguards that never fire, and to try the analysis plan. The interviews are marked \
            as simulated; describe and export say so. The same seed gives the same database.

            Example:
              peersurvey simulate instruments/warmline-follow-up.yaml --db sim.sqlite --count 1000 --seed 7
            """)

    @Argument(help: "The instrument file.")
    var instrument: String

    @OptionGroup var database: DatabaseOption

    @Option(help: "How many interviews to generate.")
    var count: Int

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    @Option(help: "Share of questions answered \"prefer not to say\", from 0 to 1.")
    var refused = 0.03

    @Option(help: "Share answered \"don't know\", from 0 to 1.")
    var dontKnow = 0.02

    @Option(help: "Share of interviews that break off part-way, from 0 to 1.")
    var breakOff = 0.05

    @Option(help: "The interview date the engine uses (YYYY-MM-DD), for reproducible runs.")
    var today: String?

    func validate() throws {
        guard (1...10_000_000).contains(count) else { throw ValidationError("Please give a --count from 1 to 10,000,000.") }
        for (name, rate) in [("--refused", refused), ("--dont-know", dontKnow), ("--break-off", breakOff)] where !(0...1).contains(rate) {
            throw ValidationError("Please give \(name) as a share from 0 to 1.")
        }
        if let today, !TestCommand.isDate(today) { throw ValidationError("Please give --today as YYYY-MM-DD.") }
    }

    func run() throws {
        try finish(SimulateCommand.run(
            instrumentPath: instrument, databasePath: database.path, count: count, seed: seed,
            rates: .init(refused: refused, dontKnow: dontKnow, breakOff: breakOff), today: today))
    }
}
