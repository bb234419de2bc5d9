/// How an exercise's points follow from its outcomes on the datasets: the one rule behind the
/// gradebook's points and the Gradescope tests' scores.
///
/// The practice dataset comes first: an answer that does not pass it scores 0 (the hidden datasets
/// are there to catch answers right by coincidence or hard-coded, so they are run only for answers
/// that pass the practice data). A dataset counts unless it was skipped (its reference gave nothing
/// to compare, or it was not run because the practice data was not passed). Points are the exercise's
/// points × the fraction of counted datasets passed, or, all-or-nothing, full points only when every
/// counted dataset passed; an exercise with no counted dataset scores 0.
public struct Scoring: Sendable, Hashable {
    public let allOrNothing: Bool

    public init(allOrNothing: Bool) { self.allOrNothing = allOrNothing }

    /// The outcomes that count.
    static func counted(_ outcomes: [DatasetOutcome]) -> [DatasetOutcome] {
        outcomes.filter { $0.status != .skipped }
    }

    /// Whether the outcomes fail the practice dataset: it counts and was not passed.
    public static func failsPractice(_ outcomes: [DatasetOutcome]) -> Bool {
        outcomes.contains { !$0.hidden && $0.status != .skipped && $0.status != .pass }
    }

    /// The exercise's points, rounded to 0.01.
    public func points(_ points: Double, for outcomes: [DatasetOutcome]) -> Double {
        let counted = Scoring.counted(outcomes)
        guard !counted.isEmpty, !Scoring.failsPractice(outcomes) else { return 0 }
        let passed = counted.filter { $0.status == .pass }.count
        let raw = allOrNothing ? (passed == counted.count ? points : 0) : points * Double(passed) / Double(counted.count)
        return (raw * 100).rounded() / 100
    }

    /// One test per counted dataset, as Gradescope shows them: each carries an equal share of the
    /// points and earns it when its dataset passed (all-or-nothing: when every counted dataset passed),
    /// and none earns anything when the practice dataset was not passed.
    public func tests(_ points: Double, for outcomes: [DatasetOutcome]) -> [(outcome: DatasetOutcome, share: Double, earned: Double)] {
        let counted = Scoring.counted(outcomes)
        let share = points / Double(max(1, counted.count))
        let allPassed = counted.allSatisfy { $0.status == .pass }
        let practiceFailed = Scoring.failsPractice(outcomes)
        return counted.map { outcome in
            let earns = !practiceFailed && (allOrNothing ? allPassed : outcome.status == .pass)
            return (outcome, share, earns ? share : 0)
        }
    }
}

extension Scoring {
    /// The rule in the words learners read in their feedback (and the README repeats).
    public var ruleText: String {
        "Each answer is checked on the practice dataset first. An answer that is not correct there scores 0, and the hidden datasets "
            + "are not run for it. An answer correct there is also run on the hidden datasets, and "
            + (allOrNothing
                ? "earns the exercise's points only if it is correct on every dataset."
                : "earns the exercise's points × the share of all datasets (practice and hidden) it is correct on.")
    }
}
