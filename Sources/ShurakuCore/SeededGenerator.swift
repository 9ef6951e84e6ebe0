/// The random number generator behind every random step in Shuraku (SplitMix64).
///
/// Same seed, same sequence, on every platform: this is what makes `--seed` reproducible.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniformly random index in `0..<n` (n > 0), without the modulo bias of `next() % n`.
    public mutating func index(below n: Int) -> Int {
        Int.random(in: 0..<n, using: &self)
    }

    /// A new generator derived from this one's seed and `stream`, for independent parallel work.
    public static func derived(seed: UInt64, stream: UInt64) -> SeededGenerator {
        var g = SeededGenerator(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        _ = g.next()
        return g
    }
}
