import Foundation
import SQLiteKit
import SQLPrepData
import SQLPrepSandbox

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
                exerciseID: exercise.id, outcome: .failed(failure), sqlNotes: notes, elapsedMilliseconds: 0, dataset: dataset, resultHash: nil)
        case .success(let result):
            let expected = try reference ?? self.reference(for: exercise)
            let queries = ResultComparison.Queries(learner: text, reference: exercise.solution, holdsTimes: { holdsTimes($0) })
            let report = ResultComparison(contract: exercise.contract).compare(expected: expected, actual: result, queries: queries)
            return Verdict(
                exerciseID: exercise.id, outcome: Verdict.Outcome(report), sqlNotes: notes, elapsedMilliseconds: result.elapsedMilliseconds, dataset: dataset,
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
