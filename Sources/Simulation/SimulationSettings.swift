/// How simulated respondents behave.
package struct SimulationSettings: Sendable, Equatable {
    /// Number of interviews.
    package var count: Int
    /// Seed of the random generator: the same seed gives the same answers.
    package var seed: UInt64
    /// Chance that a question is answered "prefer not to say" (where allowed).
    package var refusedRate: Double = 0.03
    /// Chance of "don't know" (where allowed).
    package var dontKnowRate: Double = 0.02
    /// Chance that an interview breaks off part-way.
    package var breakOffRate: Double = 0.05
    /// Chance that a soft warning is confirmed rather than the answer changed.
    package var confirmWarningRate: Double = 0.5
    /// The interviewer code simulated interviews carry.
    package var interviewer = "SIM"

    /// Settings for `count` interviews from `seed`.
    package init(count: Int, seed: UInt64) {
        self.count = count
        self.seed = seed
    }
}

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same sequence on
/// every machine, unlike the system generator.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { p > 0 && Double.random(in: 0..<1, using: &self) < p }
}
