import Foundation
import SQLPrepExercises
@testable import SQLPrepGrading
import SQLPrepSandbox
import TestSupport
import Testing

/// A class hands in many identical answers; each is computed once, and no learner's grade changes.
@Suite("Reusing identical work")
struct ReuseTests {
    static let course = Result { try Course.builtIn() }

    /// A worker on the practice datasets only, from the cache the tests share (the grading parent
    /// names it in the configuration).
    static func practiceWorker(_ course: Course) -> GradingWorker {
        let cache = ProcessInfo.processInfo.environment["SQLPREP_CACHE_DIR"].flatMap { $0.isEmpty ? nil : $0 }
        let configuration = WorkerConfiguration(
            coursePath: nil, hiddenVariants: 0, variantKey: VariantKey(secret: "k"), limits: SandboxLimits(), explainBudget: 0, cacheDirectory: cache)
        return GradingWorker(course: course, configuration: configuration)
    }

    @Test("Identical files make one job; every learner still gets the outcomes of their own file")
    func identicalFiles() throws {
        let course = try Self.course.get()
        let root = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = ["ann": "SELECT 1", "bob": "SELECT 1", "cy": "SELECT 1", "dee": "-- mine\nSELECT 1"]
        for (learner, sql) in files {
            try FileManager.default.createDirectory(atPath: "\(root)/\(learner)", withIntermediateDirectories: true)
            try sql.write(toFile: "\(root)/\(learner)/orders-by-status.sql", atomically: true, encoding: .utf8)
        }
        let submissions = try Submissions.scan(folder: root, exerciseIDs: ["orders-by-status"])
        let assignment = try Assignment.parse("exercise: orders-by-status | 10\n", file: "a.txt")
        let grader = Grader(course: course, assignment: assignment, roster: nil, hiddenVariants: 0, variantKey: VariantKey(secret: "s"),
                            limits: SandboxLimits(), jobs: 1, shard: nil)
        var asked: [GradingJob] = []
        let grades = grader.grade(submissions) { jobs in
            asked = jobs
            // An outcome that names the file it came from.
            return Dictionary(uniqueKeysWithValues: jobs.map { job in
                (job.id, [DatasetCheck(dataset: "practice", hidden: false, status: .fail, reason: .wrongResult, diagnoses: [],
                                       finding: .checked(verdict: String(decoding: Data(base64Encoded: job.sql) ?? Data(), as: UTF8.self)))])
            })
        }
        #expect(asked.count == 2)
        let messages = Dictionary(uniqueKeysWithValues: grades.learners.map { ($0.learner, $0.exercises[0].outcomes.first?.message) })
        for (learner, sql) in files { #expect(messages[learner] == sql, "\(learner)") }
    }

    @Test("A statement is run once per dataset whatever comments surround it; errors keep their own line")
    func statementsRunOnce() throws {
        let course = try Self.course.get()
        let exercise = try #require(course.exercise(id: "orders-by-status"))
        let worker = Self.practiceWorker(course)
        let answers = [exercise.solution, "-- my answer\n" + exercise.solution + ";\n\n", "/* v2 */ " + exercise.solution]
        for (index, answer) in answers.enumerated() {
            let outcomes = worker.grade(GradingJob(id: index, exercise: exercise.id, bytes: Array(answer.utf8)))
            #expect(outcomes.map(\.status) == [.pass])
        }
        #expect(worker.statementsRun == 1)

        let broken = ["SELECT nope FROM orders", "-- first try\n\nSELECT nope FROM orders"]
        let messages = broken.enumerated().map { index, sql in
            worker.grade(GradingJob(id: 10 + index, exercise: exercise.id, bytes: Array(sql.utf8))).first.map(GradeReports.message(for:)) ?? ""
        }
        #expect(worker.statementsRun == 3, "an error is not reused: its position belongs to its file")
        #expect(messages[0].contains("line 1") && messages[1].contains("line 3"), "\(messages)")

        // A file the sandbox refuses stays refused, even around a statement whose result is kept.
        let invalid = Array("-- ".utf8) + [0xFF, 0x0A] + Array(exercise.solution.utf8)  // not UTF-8
        let huge = Array(("-- " + String(repeating: "x", count: 200_000) + "\n" + exercise.solution).utf8)  // over the size limit
        for (index, bytes) in [invalid, huge].enumerated() {
            let outcomes = worker.grade(GradingJob(id: 20 + index, exercise: exercise.id, bytes: bytes))
            #expect(outcomes.map(\.status) == [.error], "\(outcomes.map(GradeReports.message(for:)))")
        }
    }

    @Test("Statements written differently that compile to the same program run once; each verdict quotes the learner's own names")
    func sameProgramRunsOnce() throws {
        let course = try Self.course.get()
        let exercise = try #require(course.exercise(id: "orders-by-status"))
        let worker = Self.practiceWorker(course)
        // Two columns of the three asked for, named differently: one program, two learners' own notes.
        let answers = [
            "SELECT status, COUNT(*) AS orders FROM orders GROUP BY status ORDER BY 2 DESC, 1",
            "select /* mine */ o.status, count(*) as n\nfrom   orders o\ngroup by o.status order by 2 desc, 1",
        ]
        let messages = answers.enumerated().map { index, sql in
            worker.grade(GradingJob(id: index, exercise: exercise.id, bytes: Array(sql.utf8))).first.map(GradeReports.message(for:)) ?? ""
        }
        #expect(worker.statementsRun == 1)
        #expect(messages[0].contains("does not name: share_pct."), "\(messages[0])")
        #expect(messages[1].contains("does not name: orders, share_pct."), "\(messages[1])")
        // Another literal is another program.
        _ = worker.grade(GradingJob(id: 2, exercise: exercise.id, bytes: Array("SELECT status, COUNT(*) + 0 AS orders FROM orders GROUP BY status ORDER BY 2 DESC, 1".utf8)))
        #expect(worker.statementsRun == 2)
    }

    @Test("Across runs only outcomes decided by the file are kept; another setup or a changed exercise finds nothing")
    func memoryAcrossRuns() throws {
        let folder = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func outcome(_ status: DatasetOutcome.Status, _ reason: Verdict.Reason?) -> [DatasetCheck] {
            [DatasetCheck(dataset: "practice", hidden: false, status: status, reason: reason, diagnoses: [], finding: .checked(verdict: status.rawValue))]
        }
        let jobs = [GradingJob(id: 0, exercise: "e", bytes: Array("SELECT 1".utf8)), GradingJob(id: 1, exercise: "e", bytes: Array("SELECT 2".utf8))]
        let memory = try #require(GradingMemory(path: folder + "/m.db", setup: "a"))
        var asked: [[Int]] = []
        let first = memory.run(jobs, exerciseKeys: ["e": "e#1"]) { jobs in
            asked.append(jobs.map(\.id))
            return [0: outcome(.pass, nil), 1: outcome(.error, .timeout)]
        }
        #expect(first.reused == 0 && asked == [[0, 1]])
        let second = memory.run(jobs, exerciseKeys: ["e": "e#1"]) { jobs in
            asked.append(jobs.map(\.id))
            return [1: outcome(.pass, nil)]
        }
        #expect(second.reused == 1)
        #expect(asked.last == [1], "a time-out is tried again")
        #expect(second.outcomes[0] == outcome(.pass, nil) && second.outcomes[1] == outcome(.pass, nil))

        func reusedWith(setup: String, key: String) throws -> Int {
            let other = try #require(GradingMemory(path: folder + "/m.db", setup: setup))
            return other.run(jobs, exerciseKeys: ["e": key]) { jobs in Dictionary(uniqueKeysWithValues: jobs.map { ($0.id, outcome(.fail, .wrongResult)) }) }.reused
        }
        #expect(try reusedWith(setup: "b", key: "e#1") == 0, "another setup (secret, limits, build)")
        #expect(try reusedWith(setup: "a", key: "e#2") == 0, "a changed exercise")
        #expect(try reusedWith(setup: "a", key: "e#1") == 2, "both are kept by now")
        var rerun: [Int] = []
        let fresh = memory.run(jobs, exerciseKeys: ["e": "e#1"], reuse: false) { jobs in
            rerun = jobs.map(\.id)
            return Dictionary(uniqueKeysWithValues: jobs.map { ($0.id, outcome(.pass, nil)) })
        }
        #expect(fresh.reused == 0 && rerun == [0, 1], "--no-reuse grades everything")

        try "not a database, not at all".write(toFile: folder + "/bad.db", atomically: true, encoding: .utf8)
        #expect(GradingMemory(path: folder + "/bad.db", setup: "a") == nil, "a damaged file is bypassed, and grading runs everything")
    }
}
