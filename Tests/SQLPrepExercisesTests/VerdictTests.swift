import SQLPrepData
import SQLPrepExercises
import SQLPrepSandbox
import SQLiteKit
import Testing

/// The verdict's status and reason are read off its outcome; their spellings are a stored and
/// printed contract (progress stores, `submit --json`, grades.json).
@Suite("Verdict")
struct VerdictTests {
    static let course = Result { try Course.builtIn() }

    @Test(
        "A query without a result gets its reason from the sandbox's failure",
        arguments: [
            (QueryFailure.Reason.invalidInput, Verdict.Reason.refused), (.empty, .refused), (.refused, .refused),
            (.sqlError, .sqlError), (.timeout, .timeout), (.limit, .limit),
        ])
    func failureReason(failure: QueryFailure.Reason, reason: Verdict.Reason) throws {
        let exercise = try #require(try Self.course.get().exercises.first)
        let verdict = Verdict.failed(QueryFailure(failure, "stopped"), exercise: exercise, dataset: exercise.dataset)
        #expect(verdict.status == .error && verdict.reason == reason && !verdict.passed)
        #expect(verdict.failure?.message == "stopped" && verdict.report == nil)
    }

    @Test("Checking a query gives pass without a reason, or fail with the comparison's reason")
    func checkedOutcomes() throws {
        let exercise = try #require(try Self.course.get().exercise(id: "orders-by-status"))
        let checker = Checker(sandbox: Sandbox(image: try ShopDataset.image(for: exercise.dataset)), dataset: exercise.dataset)
        let right = try checker.check(Array(exercise.solution.utf8), against: exercise)
        #expect(right.status == .pass && right.reason == nil && right.report != nil && right.resultHash != nil)
        let wrong = try checker.check(Array("SELECT status, count(*), 1 FROM orders GROUP BY status".utf8), against: exercise)
        guard case .wrong(let report) = wrong.outcome else {
            Issue.record("expected a wrong outcome, got \(wrong.status)")
            return
        }
        #expect(wrong.status == .fail && wrong.reason == report.reason.map(Verdict.Reason.init))
    }

    @Test("Stored spellings do not change")
    func spellings() {
        #expect(Verdict.Status.allCases.map(\.rawValue) == ["pass", "fail", "error"])
        #expect(Verdict.Reason.allCases.map(\.rawValue) == ["wrong_result", "wrong_order", "wrong_shape", "sql_error", "refused", "timeout", "limit"])
    }
}
