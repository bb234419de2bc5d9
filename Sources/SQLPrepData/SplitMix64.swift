/// The project's own pseudo-random generator: SplitMix64 (Steele, Lea & Flood, 2014).
///
/// The standard library's `SystemRandomNumberGenerator` is not seedable and its algorithms may
/// change, so the dataset never uses it. SplitMix64 is 64-bit integer arithmetic only, which
/// gives byte-identical output on every machine and compiler. Every probability the generator
/// uses is an integer in parts per million, so no floating point (or libm) is involved either.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A generator for one independent stream, e.g. one user: `SplitMix64(seed, stream: 7, index: 1234)`.
    public init(_ seed: UInt64, stream: UInt64, index: UInt64) {
        state = SplitMix64.mix(seed ^ SplitMix64.mix(stream &* 0x9E37_79B9_7F4A_7C15 &+ index))
    }

    @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-shift; the tiny bias is irrelevant here
    /// and, unlike rejection sampling, the number of draws is fixed, which keeps streams aligned).
    @inline(__always)
    public mutating func below(_ bound: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniform integer in `range`.
    @inline(__always)
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `ppm` parts per million.
    @inline(__always)
    public mutating func chance(ppm: Int) -> Bool {
        below(1_000_000) < ppm
    }

    /// Number of failures before the first success, where each trial succeeds with `ppm`.
    /// Capped at `cap` so that it always terminates quickly.
    @inline(__always)
    public mutating func geometric(successPPM ppm: Int, cap: Int) -> Int {
        var failures = 0
        while failures < cap && !chance(ppm: ppm) { failures += 1 }
        return failures
    }

    /// An index drawn from integer `weights` (via a cumulative table).
    @inline(__always)
    public mutating func pick(_ table: WeightTable) -> Int {
        table.index(for: below(table.total))
    }
}

/// Integer weights prepared for drawing: `rng.pick(table)` returns index i with probability weights[i] / total.
public struct WeightTable: Sendable {
    let cumulative: [Int]
    public let total: Int

    public init(_ weights: [Int]) {
        var running = 0
        cumulative = weights.map { running += $0; return running }
        total = running
    }

    @inline(__always)
    func index(for value: Int) -> Int {
        // Binary search: the first cumulative weight greater than value.
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > value { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
