import SQLPrepExercises

/// What a worker found on one dataset: the facts, not the words. ``GradeReports`` writes the words
/// the learner reads (``GradeReports/outcome(_:)``), in the parent process, so the outcomes
/// ``GradingMemory`` keeps hold no prose of their own, and each sentence exists in one place.
public struct DatasetCheck: Sendable, Hashable, Codable {
    /// What became of the query on the dataset.
    public enum Finding: Sendable, Hashable, Codable {
        /// It was checked. On the practice dataset, the verdict as the learner reads it
        /// (``SQLPrepExercises/VerdictText``); on a hidden one nothing, as hidden data stays hidden.
        case checked(verdict: String?)
        /// The dataset does not count: it gave nothing to compare.
        case skipped(Skip)
        /// The query was stopped from outside the sandbox.
        case stopped(Stop)
        /// The job named an exercise the worker's course does not have.
        case unknownExercise
    }

    public enum Skip: String, Sendable, Hashable, Codable {
        /// The dataset could not be built.
        case datasetUnavailable
        /// The reference answer is empty on this dataset.
        case referenceEmpty
        /// The reference answer failed on this dataset.
        case referenceFailed
        /// A hidden dataset not run because the query did not pass the practice dataset (it scores 0
        /// whatever the hidden datasets say: ``Scoring``).
        case practiceNotPassed
    }

    public enum Stop: Sendable, Hashable, Codable {
        /// The sandbox's watchdog ended a query that ignored its interrupt; the failure's message.
        case watchdog(message: String)
        /// The job ran past its deadline (``JobDeadline``) and its worker was killed.
        case deadline
        /// The worker process died during the job (a memory or resource limit).
        case workerDied
        /// No worker process could be started.
        case workerUnavailable
    }

    public let dataset: String
    public let hidden: Bool
    public let status: DatasetOutcome.Status
    public let reason: Verdict.Reason?
    public let diagnoses: [String]
    public let finding: Finding
    /// A small database on which the answer goes wrong, for the learner (practice dataset only).
    public var counterexample: String?
    /// For the instructor only (report.html, grades.json), never in learner feedback: a counterexample
    /// drawn from a hidden dataset, or why none was searched to the end.
    public var instructorNote: String?
    /// A digest of the query's result (see ``DatasetOutcome/resultHash``); nil when it gave none.
    public var resultHash: String?

    public init(
        dataset: String, hidden: Bool, status: DatasetOutcome.Status, reason: Verdict.Reason?, diagnoses: [String], finding: Finding,
        counterexample: String? = nil, instructorNote: String? = nil, resultHash: String? = nil
    ) {
        self.dataset = dataset
        self.hidden = hidden
        self.status = status
        self.reason = reason
        self.diagnoses = diagnoses
        self.finding = finding
        self.counterexample = counterexample
        self.instructorNote = instructorNote
        self.resultHash = resultHash
    }

    /// A query that produced no result on `dataset` for `reason`, stopped as `stop` says.
    static func stopped(_ stop: Stop, reason: Verdict.Reason, on dataset: GradingDataset) -> DatasetCheck {
        DatasetCheck(dataset: dataset.label, hidden: dataset.hidden, status: .error, reason: reason, diagnoses: [], finding: .stopped(stop))
    }

    /// A hidden dataset not run because the query did not pass the practice dataset.
    static func notRun(on dataset: GradingDataset) -> DatasetCheck {
        DatasetCheck(dataset: dataset.label, hidden: dataset.hidden, status: .skipped, reason: nil, diagnoses: [], finding: .skipped(.practiceNotPassed))
    }
}
