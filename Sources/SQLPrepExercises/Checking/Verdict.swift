import SQLPrepData
import SQLPrepSandbox

/// The verdict on one submission: a value, never an error. Its JSON form is the stable contract
/// documented in the README (`sqlprep submit --json`).
///
/// What happened is one of three cases (``Outcome``); the status and the reason are read off the
/// case, so they can never disagree with it.
public struct Verdict: Sendable {
    /// What checking the query found.
    public enum Outcome: Sendable {
        /// The result matches the reference; the report describes its shape.
        case passed(ComparisonReport)
        /// The query ran and its result differs from the reference, as the report says.
        case wrong(ComparisonReport)
        /// The query produced no result.
        case failed(QueryFailure)

        /// Passed or wrong, as the comparison found.
        init(_ report: ComparisonReport) {
            self = report.reason == nil ? .passed(report) : .wrong(report)
        }
    }

    /// The verdict's one-word summary, as stored in the progress store and printed in JSON.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case pass, fail, error
    }

    /// Why a query did not pass, as stored and printed (`wrong_result`, `timeout`, …).
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
        case wrongResult = "wrong_result"
        case wrongOrder = "wrong_order"
        case wrongShape = "wrong_shape"
        case sqlError = "sql_error"
        case refused
        case timeout
        case limit

        /// The reason for a result that differs from the reference.
        public init(_ mismatch: ComparisonReport.Reason) {
            switch mismatch {
            case .wrongResult: self = .wrongResult
            case .wrongOrder: self = .wrongOrder
            case .wrongShape: self = .wrongShape
            }
        }

        /// The reason for a query that produced no result. Input the sandbox cannot accept (not
        /// UTF-8, empty) counts as refused: to the learner it is the same kind of mistake.
        public init(_ failure: QueryFailure.Reason) {
            switch failure {
            case .invalidInput, .empty, .refused: self = .refused
            case .sqlError: self = .sqlError
            case .timeout: self = .timeout
            case .limit: self = .limit
            }
        }
    }

    public let exerciseID: String
    public let outcome: Outcome
    /// Notes on the SQL text: nondeterminism and other dialects.
    public let sqlNotes: [Diagnosis]
    public let elapsedMilliseconds: Double
    public let dataset: DatasetSpec
    /// FNV-1a of the learner's result, so any verdict can be reproduced and compared.
    public let resultHash: String?

    public init(
        exerciseID: String, outcome: Outcome, sqlNotes: [Diagnosis], elapsedMilliseconds: Double, dataset: DatasetSpec, resultHash: String?
    ) {
        self.exerciseID = exerciseID
        self.outcome = outcome
        self.sqlNotes = sqlNotes
        self.elapsedMilliseconds = elapsedMilliseconds
        self.dataset = dataset
        self.resultHash = resultHash
    }

    /// The verdict for a query that failed before producing a result (e.g. ended by the watchdog).
    public static func failed(_ failure: QueryFailure, exercise: Exercise, dataset: DatasetSpec) -> Verdict {
        Verdict(exerciseID: exercise.id, outcome: .failed(failure), sqlNotes: [], elapsedMilliseconds: 0, dataset: dataset, resultHash: nil)
    }

    public var status: Status {
        switch outcome {
        case .passed: .pass
        case .wrong: .fail
        case .failed: .error
        }
    }

    /// Nil when the query passed.
    public var reason: Reason? {
        switch outcome {
        case .passed: nil
        // A wrong outcome is made only from a report with a reason (``Outcome/init(_:)``).
        case .wrong(let report): Reason(report.reason ?? .wrongResult)
        case .failed(let failure): Reason(failure.reason)
        }
    }

    public var passed: Bool { status == .pass }

    /// Why the query produced no result (status `error`).
    public var failure: QueryFailure? {
        if case .failed(let failure) = outcome { failure } else { nil }
    }

    /// How the result differs (status `fail`), or the shape of a passing result.
    public var report: ComparisonReport? {
        switch outcome {
        case .passed(let report), .wrong(let report): report
        case .failed: nil
        }
    }

    /// Every diagnosis code: the comparison's and the SQL text's.
    public var diagnosisCodes: [String] {
        (report?.diagnoses ?? []).map(\.code.rawValue) + sqlNotes.map(\.code.rawValue)
    }
}
