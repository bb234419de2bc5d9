import Foundation
import SQLPrepData
import SQLPrepExercises
import SQLPrepWorkspace
import TestSupport
import Testing

/// The review schedule, driven by a fake clock: each step is an event at a given day after day 0.
@Suite("Review queue")
struct ReviewQueueTests {
    static let day0 = ReviewQueue.date("2026-12-01T09:00:00.000Z")!

    static func at(_ days: Double) -> String { WorkspaceClock.stamp(day0 + days * 86_400) }

    enum Step: Sendable, CustomTestStringConvertible {
        /// A submit on `day`: pass, fail with these diagnoses, or an error.
        case practice(Double, Verdict.Status, [String])
        /// A review answered on `day`.
        case review(Double, Verdict.Status, [String])

        var testDescription: String {
            switch self {
            case .practice(let day, let status, let codes): "practice d\(day) \(status.rawValue) \(codes)"
            case .review(let day, let status, let codes): "review d\(day) \(status.rawValue) \(codes)"
            }
        }
    }

    static func queue(_ steps: [Step]) -> ReviewQueue {
        var attempts: [Attempt] = []
        var reviews: [ReviewRecord] = []
        for step in steps {
            switch step {
            case .practice(let day, let status, let codes):
                attempts.append(Attempt(at: at(day), exercise: "x", query: "SELECT 1", status: status, reason: nil, diagnoses: codes, elapsedMilliseconds: 1))
            case .review(let day, let status, let codes):
                reviews.append(ReviewRecord(at: at(day), exercise: "x", seed: 7, status: status, diagnoses: codes))
            }
        }
        return ReviewQueue(attempts: attempts, reviews: reviews, order: ["x"])
    }

    @Test("When the exercise is due next, and at which step (nil: not in the queue)", arguments: [
        // Only a diagnosed mistake enters the queue; due one day later.
        ([.practice(0, .fail, ["integer_division"])], 1.0, 0),
        ([.practice(0, .fail, [])], nil, nil),
        ([.practice(0, .error, [])], nil, nil),
        ([.practice(0, .pass, [])], nil, nil),
        ([.practice(0, .fail, ["dialect"])], nil, nil),
        // The last diagnosed mistake counts; a later pass in practice does not end the queue.
        ([.practice(0, .fail, ["duplicated_rows"]), .practice(0.5, .fail, ["duplicated_rows"]), .practice(0.6, .pass, [])], 1.5, 0),
        // Passed reviews lengthen the interval: 1, 3, 7, 14, 30 days, then out.
        ([.practice(0, .fail, ["integer_division"]), .review(1, .pass, [])], 4.0, 1),
        ([.practice(0, .fail, ["integer_division"]), .review(1, .pass, []), .review(4, .pass, [])], 11.0, 2),
        ([.practice(0, .fail, ["integer_division"]), .review(1, .pass, []), .review(4, .pass, []), .review(11, .pass, [])], 25.0, 3),
        ([.practice(0, .fail, ["integer_division"]), .review(1, .pass, []), .review(4, .pass, []), .review(11, .pass, []), .review(25, .pass, [])], 55.0, 4),
        ([.practice(0, .fail, ["integer_division"]), .review(1, .pass, []), .review(4, .pass, []), .review(11, .pass, []), .review(25, .pass, []),
          .review(55, .pass, [])], nil, nil),
        // The mistake again, in a review or in practice, goes back to the first interval.
        ([.practice(0, .fail, ["integer_division"]), .review(1, .pass, []), .review(4, .fail, ["missing_zero_groups"])], 5.0, 0),
        ([.practice(0, .fail, ["integer_division"]), .review(1, .pass, []), .practice(2, .fail, ["integer_division"])], 3.0, 0),
        // A wrong review without a diagnosis comes back tomorrow at the same step.
        ([.practice(0, .fail, ["integer_division"]), .review(1, .pass, []), .review(4, .fail, [])], 5.0, 1),
        ([.practice(0, .fail, ["integer_division"]), .review(1, .pass, []), .review(4, .error, [])], 5.0, 1),
    ] as [([Step], Double?, Int?)])
    func schedule(steps: [Step], dueDay: Double?, step: Int?) {
        let queue = Self.queue(steps)
        if let dueDay, let step {
            let item = queue.items.first
            #expect(queue.items.count == 1)
            #expect(item?.due == Self.day0 + dueDay * 86_400)
            #expect(item?.step == step)
            #expect(queue.due(at: Self.day0 + dueDay * 86_400).count == 1)
            #expect(queue.due(at: Self.day0 + dueDay * 86_400 - 1).isEmpty, "not due a second early")
        } else {
            #expect(queue.items.isEmpty)
        }
    }

    @Test("The mistake named is the one that last brought the exercise back; reviews taken are counted")
    func mistakeAndCount() {
        let queue = Self.queue([.practice(0, .fail, ["integer_division"]), .review(1, .pass, []), .review(4, .fail, ["duplicated_rows"])])
        #expect(queue.items.first?.mistake == "duplicated_rows")
        #expect(queue.items.first?.reviewsTaken == 2)
    }

    @Test("Soonest due first; an exercise the course no longer has is left out")
    func ordering() {
        let attempts = [
            Attempt(at: Self.at(0.5), exercise: "b", query: "q", status: .fail, reason: nil, diagnoses: ["rounding"], elapsedMilliseconds: 1),
            Attempt(at: Self.at(0), exercise: "a", query: "q", status: .fail, reason: nil, diagnoses: ["rounding"], elapsedMilliseconds: 1),
            Attempt(at: Self.at(0), exercise: "gone", query: "q", status: .fail, reason: nil, diagnoses: ["rounding"], elapsedMilliseconds: 1),
        ]
        let queue = ReviewQueue(attempts: attempts, reviews: [], order: ["b", "a"])
        #expect(queue.items.map(\.exercise) == ["a", "b"])
    }

    @Test("Each review has its own seed, never the practice seed, the same on every machine")
    func seeds() throws {
        let course = try Course.builtIn()
        for exercise in course.exercises.prefix(10) {
            let seeds = (1...5).map { ReviewQueue.dataset(for: exercise, review: $0).seed }
            #expect(Set(seeds).count == 5)
            #expect(!seeds.contains(exercise.dataset.seed))
            #expect(ReviewQueue.dataset(for: exercise, review: 1) == ReviewQueue.dataset(for: exercise, review: 1))
            #expect(ReviewQueue.dataset(for: exercise, review: 1).scale == exercise.dataset.scale)
        }
    }

    @Test("Reviews are stored, travel with export and import, and are cleared by a full reset")
    func storage() throws {
        let folder = try Scratch.folder()
        let store = try ProgressStore(path: folder + "/p.db", create: true)
        #expect(try store.reviews().isEmpty, "a store without reviews reads as empty")
        try store.record(Attempt(at: Self.at(0), exercise: "x", query: "q", status: .fail, reason: nil, diagnoses: ["integer_division"], elapsedMilliseconds: 1))
        try store.recordReview(ReviewRecord(at: Self.at(1), exercise: "x", seed: 42, status: .pass, diagnoses: []))
        #expect(try store.reviewQueue(order: ["x"]).items.first?.step == 1)

        _ = try store.exportProgress(to: folder + "/export.json")
        let other = try ProgressStore(path: folder + "/q.db", create: true)
        let added = try other.importProgress(from: folder + "/export.json")
        #expect(added.reviews == 1 && added.attempts == 1)
        #expect(try other.reviewQueue(order: ["x"]) == store.reviewQueue(order: ["x"]))
        #expect(try other.importProgress(from: folder + "/export.json").reviews == 0, "importing twice adds nothing")

        // An export written before reviews existed has no "reviews" field and still imports.
        let old = #"{"format":"sqlprep-progress","version":1,"exported_at":"2026-01-01T00:00:00.000Z","attempts":[],"hints":[],"events":[]}"#
        try old.write(toFile: folder + "/old.json", atomically: true, encoding: .utf8)
        #expect(try other.importProgress(from: folder + "/old.json").reviews == 0)

        try store.resetAll(backupPath: folder + "/backup.db")
        #expect(try store.reviews().isEmpty)
        #expect(try ProgressStore(path: folder + "/backup.db", create: false).reviews().count == 1, "the backup keeps them")
    }

    @Test("SQLPREP_NOW sets the clock; a value that is not a time is reported, not ignored", arguments: [
        ("2026-12-06T09:00:00Z", true), ("2026-12-06T09:00:00.250Z", true), ("tomorrow", false), ("2026-12-06", false),
    ])
    func clock(value: String, valid: Bool) {
        let now = WorkspaceClock.now(environment: ["SQLPREP_NOW": value])
        #expect((now != nil) == valid)
        #expect(WorkspaceClock.now(environment: [:]) != nil)
    }
}
