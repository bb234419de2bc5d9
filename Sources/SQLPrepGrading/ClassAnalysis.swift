import Foundation
import SQLPrepExercises

/// What the class's wrong answers have in common, computed from ``ClassGrades`` alone (so shards,
/// merges and reused outcomes give the same analysis): per exercise, the wrong answers grouped by how
/// they are wrong (misconception clusters), the process failures kept apart, and groups of learners
/// whose wrong answers share a result no one else has.
///
/// Every grouping reads the practice dataset first: an answer that fails there is grouped by its
/// reason, its diagnoses and its result on the practice data; an answer right there is grouped by
/// its results on the hidden datasets. So the analysis holds whether hidden variants run for every
/// answer or only for those that pass the practice dataset.
public struct ClassAnalysis: Sendable {
    /// How a learner's answer to one exercise turned out, for grouping.
    public enum Verdict: String, Sendable, Hashable, CaseIterable {
        /// Right on every dataset that counts.
        case correct
        /// Wrong on the practice data, with a diagnosis or a reason other than `wrong_result`.
        case misconception
        /// Right on the practice data, wrong on every hidden dataset that counts.
        case rightOnPracticeOnly = "right_on_practice_only"
        /// Right on the practice data, wrong on some hidden datasets.
        case wrongOnSomeHidden = "wrong_on_some_hidden"
        /// Wrong on the practice data, and nothing more specific is known.
        case wrongResult = "wrong_result"
        /// Not a misconception: nothing handed in, a file that cannot be graded, or a query that
        /// gave no result (SQL error, refused, timeout, limit).
        case process
    }

    /// Wrong answers to one exercise that are wrong in the same way.
    public struct Cluster: Sendable, Hashable {
        public let exercise: String
        public let verdict: Verdict
        /// What the answers have in common, in words (`integer division`, `right on practice, …`).
        public let diagnosis: String
        /// The learners, sorted.
        public let learners: [String]
        /// The learner whose query represents the cluster (the shortest query; ties by learner id).
        public let representative: String
        public let query: String?
        /// What the representative's answer did on the practice data (the learner's own verdict
        /// text), or for answers right there, a counterexample from a hidden dataset if one was found.
        public let evidence: String?
        /// The shared result digest, or nil when the answers share a diagnosis only.
        public let resultHash: String?
    }

    /// Learners whose answers to one exercise were not graded on their result, by kind.
    public struct ProcessFailure: Sendable, Hashable {
        public let exercise: String
        /// `missing`, `invalid_file`, `sql_error`, `refused`, `timeout`, `limit` or `error`.
        public let kind: String
        public let learners: [String]
    }

    /// Learners whose wrong answers give the same result, which no other learner's answer gives and
    /// no known misconception explains: a reason for a conversation, never a verdict.
    public struct IdenticalAnswers: Sendable, Hashable {
        public let exercise: String
        public let learners: [String]
        public let resultHash: String
        /// Whether the queries are the same text (ignoring case and whitespace).
        public let sameText: Bool
        /// Each learner's query, in the order of ``learners``.
        public let queries: [String]
    }

    public let clusters: [Cluster]
    public let processFailures: [ProcessFailure]
    public let identical: [IdenticalAnswers]

    /// The verdict of one learner's answer.
    public static func verdict(_ grade: ExerciseGrade) -> Verdict {
        guard grade.state == .graded else { return .process }
        let counted = grade.outcomes.filter { $0.status != .skipped }
        guard !counted.isEmpty else { return .process }
        if let practice = grade.practice, practice.status != .skipped {
            if practice.status == .error { return .process }
            if practice.status == .fail {
                return practice.reason == .wrongResult && practice.diagnoses.isEmpty ? .wrongResult : .misconception
            }
        }
        let hidden = grade.countedHidden
        if hidden.allSatisfy({ $0.status == .pass }) { return counted.allSatisfy { $0.status == .pass } ? .correct : .process }
        if grade.rightOnPracticeOnly { return .rightOnPracticeOnly }
        // Right on the practice data, and on the hidden data only errors (a time-out, a limit): not a
        // misconception.
        if !hidden.contains(where: { $0.status == .fail }) { return .process }
        return .wrongOnSomeHidden
    }

    /// A short word for the grid: `pass`, `wrong`, `practice only`, `partial`, `missing`, `sql error`…
    public static func shortVerdict(_ grade: ExerciseGrade) -> String {
        switch verdict(grade) {
        case .correct: return "pass"
        case .misconception, .wrongResult: return "wrong"
        case .rightOnPracticeOnly: return "practice only"
        case .wrongOnSomeHidden: return "partial"
        case .process: return processKind(grade).replacingOccurrences(of: "_", with: " ")
        }
    }

    static func processKind(_ grade: ExerciseGrade) -> String {
        switch grade.state {
        case .missing: return "missing"
        case .invalid: return "invalid_file"
        case .graded:
            let failing = grade.outcomes.first { $0.status == .error } ?? grade.outcomes.first { $0.status == .fail }
            return failing?.reason?.rawValue ?? "error"
        }
    }

    public init(_ grades: ClassGrades) {
        var clusters: [Cluster] = []
        var failures: [ProcessFailure] = []
        var identical: [IdenticalAnswers] = []
        let learnerCount = grades.learners.count
        for (index, exercise) in grades.exercises.enumerated() {
            let rows = grades.learners.compactMap { learner in
                learner.exercises.indices.contains(index) ? (learner.learner, learner.exercises[index]) : nil
            }
            var groups: [String: [(String, ExerciseGrade)]] = [:]
            var kinds: [String: [String]] = [:]
            var byResult: [String: [String]] = [:]
            for (learner, grade) in rows {
                let verdict = Self.verdict(grade)
                switch verdict {
                case .correct: continue
                case .process:
                    kinds[Self.processKind(grade), default: []].append(learner)
                    continue
                case .misconception, .wrongResult:
                    let practice = grade.practice!
                    let key = "p|\(practice.reason?.rawValue ?? "")|\(practice.diagnoses.sorted().joined(separator: ","))|\(practice.resultHash ?? learner)"
                    groups[key, default: []].append((learner, grade))
                    if verdict == .wrongResult, let hash = practice.resultHash { byResult[hash, default: []].append(learner) }
                case .rightOnPracticeOnly, .wrongOnSomeHidden:
                    let failing = grade.countedHidden.filter { $0.status != .pass }
                    let hashes = failing.map { "\($0.dataset)=\($0.reason?.rawValue ?? ""):\($0.resultHash ?? learner)" }.joined(separator: ",")
                    groups["\(verdict.rawValue)|\(hashes)", default: []].append((learner, grade))
                    if verdict == .wrongOnSomeHidden { byResult["h|" + hashes, default: []].append(learner) }
                }
            }
            for (key, members) in groups {
                let (learner, grade) = members.min { a, b in
                    let (x, y) = ((a.1.query ?? "").count, (b.1.query ?? "").count)
                    return x != y ? x < y : a.0 < b.0
                }!
                let verdict = Self.verdict(grade)
                let diagnosis: String
                var evidence: String?
                switch verdict {
                case .rightOnPracticeOnly:
                    diagnosis = "right on the practice data, wrong on every hidden dataset (likely values typed in or tuned to the practice data)"
                    evidence = members.lazy.compactMap { $0.1.outcomes.compactMap(\.instructorNote).first }.first
                case .wrongOnSomeHidden:
                    let failing = grade.countedHidden.filter { $0.status != .pass }
                    diagnosis = "right on the practice data, wrong on " + failing.map(\.dataset).joined(separator: ", ")
                        + " (a case the practice data does not have)"
                    evidence = members.lazy.compactMap { $0.1.outcomes.compactMap(\.instructorNote).first }.first
                default:
                    let practice = grade.practice!
                    let words = practice.diagnoses.map { $0.replacingOccurrences(of: "_", with: " ") }
                    diagnosis = words.isEmpty ? (practice.reason?.rawValue ?? "wrong result").replacingOccurrences(of: "_", with: " ") : words.joined(separator: ", ")
                    evidence = practice.message
                }
                let hash = key.hasPrefix("p|") ? grade.practice?.resultHash : nil
                clusters.append(Cluster(
                    exercise: exercise, verdict: verdict, diagnosis: diagnosis, learners: members.map(\.0).sorted(),
                    representative: learner, query: grade.query, evidence: evidence, resultHash: hash))
            }
            for (kind, learners) in kinds {
                failures.append(ProcessFailure(exercise: exercise, kind: kind, learners: learners.sorted()))
            }
            // A result shared by a few learners and no one else, that no known misconception explains.
            let few = max(2, learnerCount / 10)
            for (hash, learners) in byResult where learners.count >= 2 && learners.count <= few {
                let sorted = learners.sorted()
                let queries = sorted.map { id in rows.first { $0.0 == id }?.1.query ?? "" }
                let normalized = Set(queries.map { $0.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") })
                identical.append(IdenticalAnswers(exercise: exercise, learners: sorted, resultHash: hash, sameText: normalized.count == 1, queries: queries))
            }
        }
        // Per exercise in the assignment's order: diagnosed misconceptions first, then answers right on
        // the practice data only, then undiagnosed wrong results; larger clusters first within each.
        let order = grades.exercises
        func rank(_ verdict: Verdict) -> Int {
            switch verdict {
            case .misconception: 0
            case .rightOnPracticeOnly: 1
            case .wrongOnSomeHidden: 2
            case .wrongResult: 3
            case .correct, .process: 4
            }
        }
        self.clusters = clusters.sorted { a, b in
            let (x, y) = (order.firstIndex(of: a.exercise) ?? 0, order.firstIndex(of: b.exercise) ?? 0)
            if x != y { return x < y }
            if rank(a.verdict) != rank(b.verdict) { return rank(a.verdict) < rank(b.verdict) }
            if a.learners.count != b.learners.count { return a.learners.count > b.learners.count }
            return a.learners.lexicographicallyPrecedes(b.learners)
        }
        self.processFailures = failures.sorted { a, b in
            let (x, y) = (order.firstIndex(of: a.exercise) ?? 0, order.firstIndex(of: b.exercise) ?? 0)
            return x != y ? x < y : a.kind < b.kind
        }
        self.identical = identical.sorted { a, b in
            let (x, y) = (order.firstIndex(of: a.exercise) ?? 0, order.firstIndex(of: b.exercise) ?? 0)
            return x != y ? x < y : a.learners.lexicographicallyPrecedes(b.learners)
        }
    }
}
