import Foundation
import SQLPrepData
import SQLPrepExercises

/// One dataset a submission runs on: the practice dataset, or a hidden variant.
public struct GradingDataset: Sendable, Hashable, Codable {
    /// `practice`, `hidden-1`, `hidden-2`, …
    public let label: String
    public let hidden: Bool
    public let seed: UInt64
    /// Scale as thousandths of default (``Scale/permille``).
    public let scalePermille: Int
    public let edgeCases: Bool

    public var spec: DatasetSpec { DatasetSpec(seed: seed, scale: Scale(permille: scalePermille), edgeCases: edgeCases) }

    /// The practice dataset and `count` hidden variants. Their seeds come from `key` (the instructor's
    /// secret, digested), so learners cannot rebuild them; the last variant also applies ``EdgeCases``.
    /// The variants are `variantScale` times the practice dataset's size (``VariantScale``).
    public static func plan(practice: DatasetSpec, hiddenCount: Int, key: VariantKey, variantScale: VariantScale = .full) -> [GradingDataset] {
        var datasets = [GradingDataset(label: "practice", hidden: false, seed: practice.seed, scalePermille: practice.scale.permille, edgeCases: false)]
        for index in 0..<hiddenCount {
            datasets.append(GradingDataset(
                label: "hidden-\(index + 1)", hidden: true, seed: key.seed(variant: index, practiceSeed: practice.seed),
                scalePermille: variantScale.of(practice.scale.permille), edgeCases: index == hiddenCount - 1))
        }
        return datasets
    }
}

/// How big the hidden variants are, as a fraction of the practice dataset's scale (in thousandths):
/// a wrong answer is caught as surely on a smaller variant with the same edge cases, at a fraction of
/// the work (BENCHMARKS.md shows which scales catch what).
public struct VariantScale: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Thousandths of the practice scale: 1000 is the practice dataset's size.
    public let permille: Int

    public init(permille: Int) { self.permille = max(1, min(1000, permille)) }

    /// The variants as big as the practice dataset.
    public static let full = VariantScale(permille: 1000)
    /// The default: a quarter of the practice dataset's size.
    public static let `default` = VariantScale(permille: 250)

    /// A fraction written as `0.25`, `1/4` or `1` (between 0.001 and 1), or nil.
    public init?(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        let value: Double?
        if parts.count == 2, let top = Double(parts[0]), let bottom = Double(parts[1]), bottom > 0 {
            value = top / bottom
        } else {
            value = Double(trimmed)
        }
        guard let value, value.isFinite, value >= 0.001, value <= 1 else { return nil }
        self.init(permille: Int((value * 1000).rounded()))
    }

    /// The variants' scale (thousandths of default) for a practice dataset of `practicePermille`.
    public func of(_ practicePermille: Int) -> Int { max(1, practicePermille * permille / 1000) }

    /// `0.25`, `1`.
    public var description: String {
        permille % 1000 == 0 ? "\(permille / 1000)" : String(format: "%g", Double(permille) / 1000)
    }
}

/// What happened on one dataset, as grades.json records it and every report reads it.
public struct DatasetOutcome: Sendable, Hashable, Codable {
    /// A verdict's status, or `skipped`: the reference itself gave nothing to compare on the dataset,
    /// so it does not count. The raw values are what grades.json holds.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case pass, fail, error, skipped

        public init(_ verdict: Verdict.Status) {
            switch verdict {
            case .pass: self = .pass
            case .fail: self = .fail
            case .error: self = .error
            }
        }
    }

    public let dataset: String
    public let hidden: Bool
    public let status: Status
    /// Why the query did not pass; nil when it passed or the dataset was skipped.
    public let reason: Verdict.Reason?
    public let diagnoses: [String]
    /// Learner-facing text: the verdict's explanation (for hidden datasets, only the reason), as
    /// ``GradeReports/outcome(_:)`` writes it.
    public var message: String
    /// For the instructor only (report.html, grades.json), never in learner feedback: a counterexample
    /// drawn from a hidden dataset.
    public var instructorNote: String?
    /// A digest of the query's result on this dataset (its columns and its rows, in any order), so
    /// that answers giving the same wrong result can be grouped; nil when it gave no result.
    public var resultHash: String?

    public init(dataset: String, hidden: Bool, status: Status, reason: Verdict.Reason?, diagnoses: [String], message: String, instructorNote: String? = nil, resultHash: String? = nil) {
        self.dataset = dataset
        self.hidden = hidden
        self.status = status
        self.reason = reason
        self.diagnoses = diagnoses
        self.message = message
        self.instructorNote = instructorNote
        self.resultHash = resultHash
    }

    enum CodingKeys: String, CodingKey {
        case dataset, hidden, status, reason, diagnoses, message, instructorNote = "instructor_note", resultHash = "result_hash"
    }
}

/// One learner's grade on one exercise.
public struct ExerciseGrade: Sendable, Hashable, Codable {
    /// Whether a file was graded; the raw values are what grades.json holds.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// The learner's file ran on the datasets.
        case graded
        /// No file was handed in.
        case missing
        /// A file was handed in but cannot be graded (a link, a folder, unreadable): ``problem`` says which.
        case invalid
    }

    public let exerciseID: String
    public let maxPoints: Double
    public var points: Double
    public var state: State
    public var problem: String?
    public var outcomes: [DatasetOutcome]
    /// Said to the learner and the instructor when the file was found under a near-miss name.
    public var note: String?
    /// The query handed in (its first ``ExerciseGrade/queryLimit`` characters), for the instructor's
    /// report: the representative query of a group of wrong answers.
    public var query: String?

    public static let queryLimit = 4000

    enum CodingKeys: String, CodingKey {
        case exerciseID = "exercise", maxPoints = "max_points", points, state, problem, outcomes, note, query
    }

    /// The outcome on the practice dataset, if the file ran.
    public var practice: DatasetOutcome? { outcomes.first { !$0.hidden } }

    /// The hidden datasets that count (not skipped).
    public var countedHidden: [DatasetOutcome] { outcomes.filter { $0.hidden && $0.status != .skipped } }

    /// Right on the practice dataset and a wrong result on every hidden dataset that counts: the mark
    /// of an answer written for the practice data (values typed in, or a filter tuned to it). Errors
    /// (a time-out, say) are not wrong results and do not make it.
    public var rightOnPracticeOnly: Bool {
        practice?.status == .pass && !countedHidden.isEmpty && countedHidden.allSatisfy { $0.status == .fail }
    }

    public init(exerciseID: String, maxPoints: Double, points: Double, state: State, problem: String?, outcomes: [DatasetOutcome], note: String? = nil, query: String? = nil) {
        self.exerciseID = exerciseID
        self.maxPoints = maxPoints
        self.points = points
        self.state = state
        self.problem = problem
        self.outcomes = outcomes
        self.note = note
        self.query = query
    }
}

public struct LearnerGrade: Sendable, Hashable, Codable {
    public let learner: String
    public let name: String
    public let email: String
    public var exercises: [ExerciseGrade]

    public init(learner: String, name: String, email: String, exercises: [ExerciseGrade]) {
        self.learner = learner
        self.name = name
        self.email = email
        self.exercises = exercises
    }

    public var points: Double { exercises.map(\.points).reduce(0, +) }
    public var maxPoints: Double { exercises.map(\.maxPoints).reduce(0, +) }
}

/// A whole class's grades: what `grades.json` holds, and what every report is rendered from.
/// A shard's grades and a merge of shards are the same type.
public struct ClassGrades: Sendable, Hashable, Codable {
    public var format = "sqlprep-grades"
    public var version = 1
    public var title: String
    public var exercises: [String]
    public var datasets: [GradingDataset]
    public var allOrNothing: Bool
    public var learners: [LearnerGrade]
    /// Files that match no exercise, and why.
    public var unmatched: [UnmatchedFile]

    public struct UnmatchedFile: Sendable, Hashable, Codable {
        public let path: String
        public let reason: String
    }

    enum CodingKeys: String, CodingKey {
        case format, version, title, exercises, datasets, allOrNothing = "all_or_nothing", learners, unmatched
    }

    public init(title: String, exercises: [String], datasets: [GradingDataset], allOrNothing: Bool, learners: [LearnerGrade], unmatched: [UnmatchedFile]) {
        self.title = title
        self.exercises = exercises
        self.datasets = datasets
        self.allOrNothing = allOrNothing
        self.learners = learners
        self.unmatched = unmatched
    }

    /// Combines shards: learners from every shard, sorted; they must agree on the assignment.
    public static func merge(_ shards: [ClassGrades]) throws -> ClassGrades {
        guard var merged = shards.first else { throw GradingError.output("Nothing to merge: give the output folders of the shards.") }
        for shard in shards.dropFirst() {
            guard shard.exercises == merged.exercises, shard.datasets == merged.datasets, shard.title == merged.title else {
                throw GradingError.output("The shards were graded with different assignments, datasets or secrets; grade them again with the same options.")
            }
            for learner in shard.learners where !merged.learners.contains(where: { $0.learner == learner.learner }) {
                merged.learners.append(learner)
            }
            merged.unmatched += shard.unmatched.filter { file in !merged.unmatched.contains(file) }
        }
        merged.learners.sort { $0.learner < $1.learner }
        merged.unmatched.sort { $0.path < $1.path }
        return merged
    }
}
