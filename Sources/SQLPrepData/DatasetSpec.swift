import Foundation

/// Which dataset to build: a seed and a scale. Same spec ⇒ byte-identical data on every machine.
public struct DatasetSpec: Sendable, Hashable, CustomStringConvertible {
    public var seed: UInt64
    public var scale: Scale
    /// Applies ``EdgeCases`` after generation: the corner cases that break answers which are right
    /// only by coincidence (used for hidden grading variants).
    public var edgeCases: Bool

    public static let defaultSeed: UInt64 = 20_240_101

    public init(seed: UInt64 = DatasetSpec.defaultSeed, scale: Scale = .default, edgeCases: Bool = false) {
        self.seed = seed
        self.scale = scale
        self.edgeCases = edgeCases
    }

    public var description: String { "seed \(seed), scale \(scale)\(edgeCases ? ", edge cases" : "")" }
}

/// The size of the dataset, as thousandths of the `default` size (about 20,000 users).
/// Kept as an integer so that every machine computes the same row counts.
public struct Scale: Sendable, Hashable, CustomStringConvertible {
    public let permille: Int

    public init(permille: Int) { self.permille = max(1, permille) }

    /// About 1,000 users: for tests.
    public static let tiny = Scale(permille: 50)
    /// About 20,000 users, a few hundred thousand sessions and events.
    public static let `default` = Scale(permille: 1000)
    /// About 1,000,000 users.
    public static let large = Scale(permille: 50_000)

    public static let named: [(String, Scale)] = [("tiny", .tiny), ("default", .default), ("large", .large)]

    /// Parses `tiny`, `default`, `large`, or a positive factor of the default size such as `0.25` or `3`.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let match = Scale.named.first(where: { $0.0 == trimmed }) {
            self = match.1
            return
        }
        // A decimal factor with at most three decimals, parsed without floating point.
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              !parts[0].isEmpty || parts.count == 2, parts[0].count <= 4
        else { return nil }
        let whole = Int(parts[0]) ?? 0
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 3 else { return nil }
        while fraction.count < 3 { fraction += "0" }
        let permille = whole * 1000 + (Int(fraction) ?? 0)
        guard permille > 0, permille <= 100_000 else { return nil }
        self.init(permille: permille)
    }

    /// The scale's name (`tiny`) or its factor (`0.25`).
    public var description: String {
        if let match = Scale.named.first(where: { $0.1 == self }) { return match.0 }
        let whole = permille / 1000, fraction = permille % 1000
        guard fraction != 0 else { return String(whole) }
        var digits = String(fraction)
        while digits.count < 3 { digits = "0" + digits }
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }

    /// A count that is `base` at the default scale.
    func scaled(_ base: Int) -> Int { max(1, base * permille / 1000) }
}
