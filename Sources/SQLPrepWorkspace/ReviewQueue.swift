import Foundation
import SQLPrepData
import SQLPrepExercises

/// Spaced review of mistakes: an exercise on which the learner made a *diagnosed* mistake (integer
/// division, fan-out, a dropped zero group, …) comes back after an interval, on a dataset with a
/// different seed, so that the numbers are new and remembering the old answer does not help.
///
/// The rule (README, "Review"):
/// - a diagnosed mistake on an exercise puts it in the queue, due one interval (1 day) after the
///   mistake; a repeat of a diagnosed mistake — in practice or in a review — sends it back to the
///   first interval;
/// - a passed review moves it to the next interval (1, 3, 7, 14, 30 days); passing the last one
///   takes it out of the queue;
/// - a review answered wrong without a diagnosis brings it back after the first interval too, at
///   the same step.
///
/// The queue is not stored as such: it is computed from the attempts and the review records, which
/// both live in the progress store and travel with `progress export`/`import`, so it can never
/// disagree with the history it comes from.
public struct ReviewQueue: Sendable, Equatable {
    /// Days between reviews, step by step.
    public static let intervals = [1, 3, 7, 14, 30]

    /// Diagnoses worth coming back for: how a result is wrong. A note about SQL dialect is not a
    /// misunderstanding of the metric.
    public static func isReviewable(_ code: String) -> Bool {
        guard let known = Diagnosis.Code(rawValue: code) else { return false }
        return known != .dialect
    }

    /// One exercise in the queue.
    public struct Item: Sendable, Equatable {
        public var exercise: String
        /// The diagnosis code that last brought it back.
        public var mistake: String
        /// Index into ``ReviewQueue/intervals``.
        public var step: Int
        public var due: Date
        /// Reviews taken so far (passed or not): numbers the fresh dataset of the next one.
        public var reviewsTaken: Int
    }

    /// Everything in the queue, soonest due first (ties in exercise order of `order`).
    public var items: [Item]

    /// Builds the queue from the history. `order` (the course's exercise ids) breaks ties and drops
    /// exercises the course no longer has.
    public init(attempts: [Attempt], reviews: [ReviewRecord], order: [String]) {
        enum Event { case practice(Attempt), review(ReviewRecord) }
        let timed: [(Date, Int, Event)] =
            attempts.enumerated().compactMap { index, attempt in ReviewQueue.date(attempt.at).map { ($0, index, .practice(attempt)) } }
            + reviews.enumerated().compactMap { index, review in ReviewQueue.date(review.at).map { ($0, attempts.count + index, .review(review)) } }
        var state: [String: Item] = [:]
        var taken: [String: Int] = [:]
        let day: TimeInterval = 86_400
        for (at, _, event) in timed.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
            switch event {
            case .practice(let attempt):
                guard attempt.status == .fail, let mistake = attempt.diagnoses.first(where: ReviewQueue.isReviewable) else { continue }
                state[attempt.exercise] = Item(
                    exercise: attempt.exercise, mistake: mistake, step: 0, due: at + day * Double(ReviewQueue.intervals[0]),
                    reviewsTaken: taken[attempt.exercise, default: 0])
            case .review(let review):
                taken[review.exercise, default: 0] += 1
                guard var item = state[review.exercise] else { continue }
                item.reviewsTaken = taken[review.exercise, default: 0]
                if review.status == .pass {
                    item.step += 1
                    if item.step >= ReviewQueue.intervals.count {
                        state[review.exercise] = nil
                        continue
                    }
                } else if let mistake = review.diagnoses.first(where: ReviewQueue.isReviewable) {
                    item.mistake = mistake
                    item.step = 0
                }
                item.due = at + day * Double(ReviewQueue.intervals[review.status == .pass ? item.step : 0])
                state[review.exercise] = item
            }
        }
        let position = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        items = state.values.filter { position[$0.exercise] != nil }.sorted {
            ($0.due, position[$0.exercise]!) < ($1.due, position[$1.exercise]!)
        }
    }

    /// The items due at `now`, soonest first.
    public func due(at now: Date) -> [Item] { items.filter { $0.due <= now } }

    /// The items not yet due at `now`, soonest first.
    public func later(than now: Date) -> [Item] { items.filter { $0.due > now } }

    /// The dataset a review runs on: the exercise's own scale with a different seed for each review,
    /// derived from the exercise and the review's number, so a review's data is reproducible but
    /// never the practice data.
    public static func dataset(for exercise: Exercise, review number: Int) -> DatasetSpec {
        var hash = FNV1a64()
        hash.add(bytes: "review:\(exercise.id):\(number):\(exercise.dataset.seed)".utf8)
        var seed = 1_000 + hash.value % 999_000
        if seed == exercise.dataset.seed { seed += 1 }
        return DatasetSpec(seed: seed, scale: exercise.dataset.scale)
    }

    /// Reads a stored timestamp (ISO 8601, with or without fractional seconds).
    public static func date(_ text: String) -> Date? {
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text) ?? ISO8601DateFormatter().date(from: text)
    }
}

/// One review answered: which exercise, on which seed, and the verdict.
public struct ReviewRecord: Sendable, Hashable, Codable {
    public var id: String
    public var at: String
    public var exercise: String
    public var seed: UInt64
    public var status: Verdict.Status
    public var diagnoses: [String]

    public init(at: String, exercise: String, seed: UInt64, status: Verdict.Status, diagnoses: [String]) {
        self.id = UUID().uuidString.lowercased()
        self.at = at
        self.exercise = exercise
        self.seed = seed
        self.status = status
        self.diagnoses = diagnoses
    }
}

/// The time sqlprep's learner records use: the system clock, or `SQLPREP_NOW` (an ISO 8601 time,
/// documented in the README) so that a test or a demo can move through review intervals.
public enum WorkspaceClock {
    /// Nil when `SQLPREP_NOW` is set but is not an ISO 8601 time.
    public static func now(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date? {
        guard let text = environment["SQLPREP_NOW"], !text.isEmpty else { return Date() }
        return ReviewQueue.date(text)
    }

    /// A stored timestamp for `date`: ISO 8601 in UTC with milliseconds.
    public static func stamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
