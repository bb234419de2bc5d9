import Foundation
import SQLPrepExercises
@testable import SQLPrepGrading
import SQLPrepSandbox
import Testing

/// The rules grading runs by, each defined once: keys and seeds, the worker's configuration, the
/// job deadline, the scoring rule and the words of every outcome.
@Suite("Grading policies")
struct GradingPolicyTests {
    @Test("The variant key is a digest of the secret; each variant of each dataset gets its own seed")
    func variantKey() throws {
        let key = VariantKey(secret: "s3")
        #expect(key == VariantKey(secret: "s3") && key != VariantKey(secret: "s4"))
        #expect(!key.hex.contains("s3") && key.hex.count == 16)
        let seeds = Set((0..<3).flatMap { index in [1, 2].map { key.seed(variant: index, practiceSeed: $0) } })
        #expect(seeds.count == 6)
        #expect(String(decoding: try JSONEncoder().encode(key), as: UTF8.self) == "\"\(key.hex)\"", "encoded as its digits alone")
    }

    @Test("The worker configuration survives its JSON; what decides an outcome leaves out the cache folder")
    func workerConfiguration() throws {
        let configuration = WorkerConfiguration(
            coursePath: "/c", hiddenVariants: 3, variantKey: VariantKey(secret: "s"), limits: SandboxLimits(timeMilliseconds: 1500, maxSteps: 5000),
            explainBudget: 7, cacheDirectory: "/cache")
        let decoded = try WorkerConfiguration(json: configuration.encoded())
        #expect(decoded == configuration)
        #expect(decoded.limits.sandboxLimits == SandboxLimits(timeMilliseconds: 1500, maxSteps: 5000))
        var moved = configuration
        moved.cacheDirectory = "/elsewhere"
        #expect(moved.outcomeSetup == configuration.outcomeSetup)
        var stricter = configuration
        stricter.limits.maxSteps = 4000
        #expect(stricter.outcomeSetup != configuration.outcomeSetup)
        #expect(throws: (any Error).self) { try WorkerConfiguration(json: "--variants 3") }
    }

    @Test(
        "A job's deadline outlasts every query's limit and graces, a worker's start and, explaining, one search",
        // Per dataset: the limit + 0.7 s hard-stop grace + 0.25 s watchdog wait + 0.55 s for the rest; 30 s to start; 30 + 10 s to explain.
        arguments: [(1, 1000, false, 32.5), (4, 20_000, false, 116.0), (4, 20_000, true, 156.0)] as [(Int, Int, Bool, Double)])
    func jobDeadline(datasets: Int, timeMilliseconds: Int, explaining: Bool, seconds: Double) {
        let deadline = JobDeadline.forJob(datasets: datasets, limits: SandboxLimits(timeMilliseconds: timeMilliseconds), explaining: explaining)
        #expect(abs(Double(deadline.components.seconds) + Double(deadline.components.attoseconds) / 1e18 - seconds) < 1e-9)
    }

    static func outcome(_ status: DatasetOutcome.Status, hidden: Bool = false) -> DatasetOutcome {
        DatasetOutcome(dataset: hidden ? "hidden-1" : "practice", hidden: hidden, status: status, reason: nil, diagnoses: [], message: "")
    }

    @Test(
        "Practice first: not passing it scores 0; passing it, points are the share of counted datasets passed (or all-or-nothing), and the Gradescope tests add up to them",
        // The first status is the practice dataset's, the others hidden datasets'.
        arguments: [
            ([DatasetOutcome.Status.pass, .fail, .pass], false, 6.67),
            ([.pass, .fail, .pass], true, 0),
            ([.pass, .skipped, .pass], true, 10),
            ([.pass, .skipped, .error], false, 5),
            ([.skipped, .skipped], false, 0),
            // Wrong on practice: 0, even when hidden datasets were (before this rule) passed by chance.
            ([.fail, .pass, .pass, .pass], false, 0),
            ([.fail, .pass, .pass, .pass], true, 0),
            // What a worker hands back for a wrong answer or a practice time-out: hidden datasets not run.
            ([.fail, .skipped, .skipped, .skipped], false, 0),
            ([.error, .skipped, .skipped, .skipped], false, 0),
            // A practice dataset that does not count (its reference is empty) leaves the hidden ones to decide.
            ([.skipped, .pass, .fail], false, 5),
        ])
    func scoring(statuses: [DatasetOutcome.Status], allOrNothing: Bool, points: Double) {
        let outcomes = statuses.enumerated().map { Self.outcome($0.element, hidden: $0.offset > 0) }
        let scoring = Scoring(allOrNothing: allOrNothing)
        #expect(scoring.points(10, for: outcomes) == points)
        let tests = scoring.tests(10, for: outcomes)
        #expect(tests.count == statuses.filter { $0 != .skipped }.count)
        #expect(abs(tests.map(\.earned).reduce(0, +) - points) < 0.01)
    }

    @Test(
        "Every outcome's words come from one place; a hidden dataset that counts shows only its reason",
        arguments: [
            (DatasetCheck(dataset: "practice", hidden: false, status: .fail, reason: .wrongResult, diagnoses: [], finding: .checked(verdict: "✗ Not quite"), counterexample: "Example"),
             "✗ Not quite\n\nExample"),
            (DatasetCheck(dataset: "hidden-1", hidden: true, status: .pass, reason: nil, diagnoses: [], finding: .checked(verdict: nil)), "Correct on a hidden dataset."),
            (DatasetCheck(dataset: "hidden-2", hidden: true, status: .fail, reason: .wrongOrder, diagnoses: [], finding: .checked(verdict: nil)),
             "Not correct on a hidden dataset (wrong_order)."),
            (DatasetCheck(dataset: "hidden-2", hidden: true, status: .skipped, reason: nil, diagnoses: [], finding: .skipped(.referenceEmpty)),
             "the reference answer is empty on this dataset, so it does not count"),
            (DatasetCheck(dataset: "practice", hidden: false, status: .error, reason: .timeout, diagnoses: [], finding: .stopped(.watchdog(message: "stopped at 20 s"))),
             "stopped at 20 s"),
            (DatasetCheck(dataset: "hidden-1", hidden: true, status: .error, reason: .timeout, diagnoses: [], finding: .stopped(.deadline)),
             "Not correct on a hidden dataset (timeout)."),
            (DatasetCheck(dataset: "practice", hidden: false, status: .error, reason: .limit, diagnoses: [], finding: .stopped(.workerDied)),
             "The query ended its grading process (a memory or resource limit)."),
            (DatasetCheck(dataset: "hidden-3", hidden: true, status: .skipped, reason: nil, diagnoses: [], finding: .skipped(.practiceNotPassed)),
             "not run: the query is not correct on the practice dataset, so it scores 0"),
        ])
    func messages(check: DatasetCheck, message: String) throws {
        #expect(GradeReports.message(for: check) == message)
        let outcome = GradeReports.outcome(check)
        #expect(outcome.message == message && outcome.status == check.status && outcome.reason == check.reason)
        let kept = try JSONDecoder().decode(DatasetCheck.self, from: JSONEncoder().encode(check))
        #expect(kept == check, "what grading memory keeps reads back the same")
    }

    @Test("Only outcomes decided by the file are kept across runs")
    func keepable() {
        func check(_ status: DatasetOutcome.Status, _ reason: Verdict.Reason?) -> DatasetCheck {
            DatasetCheck(dataset: "practice", hidden: false, status: status, reason: reason, diagnoses: [], finding: .checked(verdict: nil))
        }
        #expect(GradingMemory.isKeepable(check(.pass, nil)) && GradingMemory.isKeepable(check(.error, .sqlError)))
        #expect(!GradingMemory.isKeepable(check(.skipped, nil)) && !GradingMemory.isKeepable(check(.error, .timeout)) && !GradingMemory.isKeepable(check(.error, .limit)))
    }

    @Test("The spellings in grades.json do not change")
    func spellings() {
        #expect(DatasetOutcome.Status.allCases.map(\.rawValue) == ["pass", "fail", "error", "skipped"])
        #expect(ExerciseGrade.State.allCases.map(\.rawValue) == ["graded", "missing", "invalid"])
    }
}
