/// How an exercise's points follow from its outcomes on the datasets: the one rule behind the
/// gradebook's points and the Gradescope tests' scores.
///
/// A dataset counts unless it was skipped (its reference gave nothing to compare). Points are the
/// exercise's points × the fraction of counted datasets passed, or, all-or-nothing, full points only
/// when every counted dataset passed; an exercise with no counted dataset scores 0.
public struct Scoring: Sendable, Hashable {
    public let allOrNothing: Bool

    public init(allOrNothing: Bool) { self.allOrNothing = allOrNothing }

    /// The outcomes that count.
    static func counted(_ outcomes: [DatasetOutcome]) -> [DatasetOutcome] {
        outcomes.filter { $0.status != .skipped }
    }

    /// The exercise's points, rounded to 0.01.
    public func points(_ points: Double, for outcomes: [DatasetOutcome]) -> Double {
        let counted = Scoring.counted(outcomes)
        guard !counted.isEmpty else { return 0 }
        let passed = counted.filter { $0.status == .pass }.count
        let raw = allOrNothing ? (passed == counted.count ? points : 0) : points * Double(passed) / Double(counted.count)
        return (raw * 100).rounded() / 100
    }

    /// One test per counted dataset, as Gradescope shows them: each carries an equal share of the
    /// points and earns it when its dataset passed (all-or-nothing: when every counted dataset passed).
    public func tests(_ points: Double, for outcomes: [DatasetOutcome]) -> [(outcome: DatasetOutcome, share: Double, earned: Double)] {
        let counted = Scoring.counted(outcomes)
        let share = points / Double(max(1, counted.count))
        let allPassed = counted.allSatisfy { $0.status == .pass }
        return counted.map { outcome in
            let earns = allOrNothing ? allPassed : outcome.status == .pass
            return (outcome, share, earns ? share : 0)
        }
    }
}
