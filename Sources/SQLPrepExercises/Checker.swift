import Foundation
import SQLiteKit
import SQLPrepData
import SQLPrepSandbox

/// The verdict on one submission: a value, never an error. Its JSON form is the stable contract
/// documented in the README (`sqlprep submit --json`).
public struct Verdict: Sendable {
    public enum Status: String, Sendable { case pass, fail, error }

    public enum Reason: String, Sendable, CaseIterable {
        case wrongResult = "wrong_result"
        case wrongOrder = "wrong_order"
        case wrongShape = "wrong_shape"
        case sqlError = "sql_error"
        case refused
        case timeout
        case limit
    }

    public let exerciseID: String
    public let status: Status
    public let reason: Reason?
    /// Why the query produced no result (status `error`).
    public let failure: QueryFailure?
    /// How the result differs (status `fail`), or the shape of a passing result.
    public let report: ComparisonReport?
    /// Notes on the SQL text: nondeterminism and other dialects.
    public let sqlNotes: [Diagnosis]
    public let elapsedMilliseconds: Double
    public let dataset: DatasetSpec
    /// FNV-1a of the learner's result, so any verdict can be reproduced and compared.
    public let resultHash: String?

    public var passed: Bool { status == .pass }

    /// The verdict for a query that failed before producing a result (e.g. ended by the watchdog).
    public static func failed(_ failure: QueryFailure, exercise: Exercise, dataset: DatasetSpec) -> Verdict {
        Verdict(
            exerciseID: exercise.id, status: .error, reason: Checker.reason(for: failure), failure: failure, report: nil,
            sqlNotes: [], elapsedMilliseconds: 0, dataset: dataset, resultHash: nil)
    }

    /// Every diagnosis code: the comparison's and the SQL text's.
    public var diagnosisCodes: [String] {
        (report?.diagnoses ?? []).map(\.code.rawValue) + sqlNotes.map(\.code.rawValue)
    }
}

/// Runs a learner's query and the exercise's reference on the same dataset and compares them.
public struct Checker: Sendable {
    public let sandbox: Sandbox
    public let dataset: DatasetSpec

    public init(sandbox: Sandbox, dataset: DatasetSpec) {
        self.sandbox = sandbox
        self.dataset = dataset
    }

    /// The reference result for `exercise` on this checker's dataset.
    public func reference(for exercise: Exercise) throws -> QueryResult {
        switch sandbox.run(sql: exercise.solution) {
        case .success(let result): return result
        case .failure(let failure):
            throw CourseProblem(exerciseID: exercise.id, file: "\(exercise.folder)/solution.sql", "the reference query fails: \(failure.message)")
        }
    }

    /// Checks the learner's query `bytes` against `exercise`.
    public func check(_ bytes: [UInt8], against exercise: Exercise, reference: QueryResult? = nil) throws -> Verdict {
        try check(bytes, against: exercise, reference: reference, outcome: sandbox.run(bytes: bytes))
    }

    /// Checks the learner's query `bytes`, whose run on this checker's dataset gave `outcome` (a
    /// grader that has already run the same statement passes its result instead of running it again).
    public func check(
        _ bytes: [UInt8], against exercise: Exercise, reference: QueryResult?, outcome: Result<QueryResult, QueryFailure>
    ) throws -> Verdict {
        let text = String(decoding: bytes, as: UTF8.self)
        let notes = SQLTextNotes.notes(for: text)
        switch outcome {
        case .failure(let failure):
            return Verdict(
                exerciseID: exercise.id, status: .error, reason: Checker.reason(for: failure), failure: failure, report: nil,
                sqlNotes: notes, elapsedMilliseconds: 0, dataset: dataset, resultHash: nil)
        case .success(let result):
            let expected = try reference ?? self.reference(for: exercise)
            let queries = ResultComparison.Queries(learner: text, reference: exercise.solution, holdsTimes: { holdsTimes($0) })
            let report = ResultComparison(contract: exercise.contract).compare(expected: expected, actual: result, queries: queries)
            let reason: Verdict.Reason? = switch report.reason {
            case nil: nil
            case .wrongResult: .wrongResult
            case .wrongOrder: .wrongOrder
            case .wrongShape: .wrongShape
            }
            return Verdict(
                exerciseID: exercise.id, status: reason == nil ? .pass : .fail, reason: reason, failure: nil, report: report,
                sqlNotes: notes, elapsedMilliseconds: result.elapsedMilliseconds, dataset: dataset,
                resultHash: Checker.hash(result))
        }
    }

    /// Whether the dataset's column of this name holds times of day: declared so in the schema
    /// (``ShopSchema/timeColumns``) and so in this dataset's values (one longer than a bare date), so
    /// that a window diagnosis rests on both. Asked only about a failing query's bare-date bounds.
    func holdsTimes(_ column: String) -> Bool {
        let tables = ShopSchema.tablesHoldingMoments(column: column)
        guard !tables.isEmpty else { return false }
        // `column` is one of the schema's own names here, so it is safe to put in the SQL.
        let probe = tables.map { "EXISTS (SELECT 1 FROM \($0) WHERE length(\(column.lowercased())) > 10)" }.joined(separator: " OR ")
        guard case .success(let result) = sandbox.run(sql: "SELECT " + probe) else { return false }
        return result.rows.first?.first?.numericValue == 1
    }

    static func reason(for failure: QueryFailure) -> Verdict.Reason {
        switch failure.reason {
        case .invalidInput, .empty, .refused: .refused
        case .sqlError: .sqlError
        case .timeout: .timeout
        case .limit: .limit
        }
    }

    /// A stable hash of a result: column count, then every value with its type.
    public static func hash(_ result: QueryResult) -> String {
        var hash = FNV1a64()
        hash.add(UInt64(result.columns.count))
        for row in result.rows {
            for value in row { hash.add(value) }
        }
        return hash.hex
    }
}
