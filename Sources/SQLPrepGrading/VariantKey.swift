import SQLPrepData

/// The key the hidden datasets are derived from, and the derivation of each variant's seed.
///
/// The instructor's secret is turned into this key in the parent process, and only the key is
/// handed to worker processes (and kept in grading memory's setup): the secret itself never leaves
/// the process that read it. From the key and an exercise's practice seed, each hidden variant gets
/// its own seed, so learners who know the practice data cannot rebuild the hidden data.
public struct VariantKey: Sendable, Hashable, Codable {
    /// The key as hex digits: what workers receive.
    public let hex: String

    /// The key derived from the instructor's secret.
    public init(secret: String) {
        var hash = FNV1a64()
        hash.add("sqlprep-secret")
        hash.add(secret)
        hex = hash.hex
    }

    /// The seed of hidden variant `index` (0-based) of a dataset whose practice seed is `practiceSeed`.
    public func seed(variant index: Int, practiceSeed: UInt64) -> UInt64 {
        var hash = FNV1a64()
        hash.add("sqlprep-variant")
        hash.add(hex)
        hash.add(UInt64(index))
        hash.add(practiceSeed)
        return hash.value
    }

    /// Encoded as its hex digits alone.
    public init(from decoder: any Decoder) throws {
        hex = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
