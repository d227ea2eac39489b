/// A deterministic pseudo-random source for the generated documents of the parity tests (SplitMix64), so a failing
/// document is the same on every run.
struct SeededRandom {
    /// SplitMix64 state.
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The next pseudo-random number.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A number below `bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// True with probability `percent`/100.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    /// One of `options`.
    mutating func pick<T>(_ options: [T]) -> T { options[below(options.count)] }
}

/// A generator of test documents drawing from a `SeededRandom`.
protocol SeededGenerator {
    /// The random source.
    var random: SeededRandom { get set }
}

extension SeededGenerator {
    /// A number below `bound`.
    mutating func below(_ bound: Int) -> Int { random.below(bound) }

    /// True with probability `percent`/100.
    mutating func chance(_ percent: Int) -> Bool { random.chance(percent) }

    /// One of `options`.
    mutating func pick<T>(_ options: [T]) -> T { random.pick(options) }
}
