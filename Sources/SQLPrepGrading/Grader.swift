import Foundation
import SQLPrepData
import SQLPrepExercises
import SQLPrepSandbox

/// Grades a class: scans the submissions, plans the datasets, runs every submission through the
/// worker pool, and returns the grades as a value (rendering them is ``GradeReports``' job).
public struct Grader: Sendable {
    public let course: Course
    public let assignment: Assignment
    public let roster: Roster?
    public let hiddenVariants: Int
    /// The hidden variants' size relative to the practice dataset.
    public let variantScale: VariantScale
    /// Derived from the instructor's secret; the secret itself never leaves the parent process.
    public let variantKey: VariantKey
    public let limits: SandboxLimits
    public let jobs: Int
    /// `(k, n)`: grade only shard k of n (``ShardPlan`` splits the class evenly by work).
    public let shard: (Int, Int)?

    public init(course: Course, assignment: Assignment, roster: Roster?, hiddenVariants: Int, variantScale: VariantScale = .default,
                variantKey: VariantKey, limits: SandboxLimits, jobs: Int, shard: (Int, Int)?) {
        self.variantScale = variantScale
        self.course = course
        self.assignment = assignment
        self.roster = roster
        self.hiddenVariants = hiddenVariants
        self.variantKey = variantKey
        self.limits = limits
        self.jobs = jobs
        self.shard = shard
    }

    /// The datasets for an exercise: its practice dataset and the hidden variants.
    public func datasets(for exercise: Exercise) -> [GradingDataset] {
        GradingDataset.plan(practice: exercise.dataset, hiddenCount: hiddenVariants, key: variantKey, variantScale: variantScale)
    }

    /// The datasets of the assignment's first exercise. Every exercise has as many, with the same
    /// labels (their seeds differ): what the grades list, and what a job that never reached a worker
    /// is answered on.
    public var plannedDatasets: [GradingDataset] {
        course.exercise(id: assignment.items.first?.exerciseID ?? "").map(datasets(for:)) ?? []
    }

    /// Every dataset any exercise of the assignment needs (to build them once, before the workers start).
    public var allDatasets: [DatasetSpec] {
        var seen: [DatasetSpec] = []
        for item in assignment.items {
            guard let exercise = course.exercise(id: item.exerciseID) else { continue }
            for dataset in datasets(for: exercise) where !seen.contains(dataset.spec) { seen.append(dataset.spec) }
        }
        return seen
    }

    /// Every learner of the class: those who handed in a folder and those on the roster, sorted.
    public func classLearners(_ submissions: Submissions) -> [String] {
        var learners = Set(submissions.learners)
        for learner in roster?.learners ?? [] { learners.insert(learner.id) }
        return learners.sorted()
    }

    /// The learners this run grades, sorted: the whole class, or shard K's share of it (``ShardPlan``,
    /// weighed by each learner's files of the assignment that will be graded).
    public func shardLearners(_ submissions: Submissions) -> [String] {
        let all = classLearners(submissions)
        guard let (k, n) = shard else { return all }
        let exercises = Set(assignment.items.map(\.exerciseID))
        var work: [String: Int] = [:]
        for file in submissions.files where file.problem == nil && exercises.contains(file.exerciseID) {
            work[file.learner, default: 0] += 1
        }
        return ShardPlan.split(all.map { ShardPlan.Learner(id: $0, work: work[$0] ?? 0) }, into: n)[k - 1]
    }

    /// Grades `submissions`, checking the files through `run` (given by the caller, which knows how to
    /// start worker processes: ``GradingRun``).
    public func grade(_ submissions: Submissions, run: ([GradingJob]) -> [Int: [DatasetCheck]]) -> ClassGrades {
        let ordered = shardLearners(submissions)
        let chosen = Set(ordered)

        // One job per distinct (exercise, file content): learners who handed in the same bytes get the
        // same outcomes, which are a function of those bytes alone, so they are computed once.
        var jobs: [GradingJob] = []
        var jobFor: [String: Int] = [:]
        var jobForContent: [String: Int] = [:]
        let files = Dictionary(submissions.files.map { ("\($0.learner)/\($0.exerciseID)", $0) }, uniquingKeysWith: { first, _ in first })
        for learner in ordered {
            for item in assignment.items {
                guard let file = files["\(learner)/\(item.exerciseID)"], file.problem == nil else { continue }
                let job = GradingJob(id: jobs.count, exercise: item.exerciseID, bytes: file.bytes)
                let content = job.exercise + "|" + job.sql
                if let same = jobForContent[content] {
                    jobFor["\(learner)/\(item.exerciseID)"] = same
                } else {
                    jobForContent[content] = job.id
                    jobFor["\(learner)/\(item.exerciseID)"] = job.id
                    jobs.append(job)
                }
            }
        }
        let checks = run(jobs)
        let scoring = Scoring(allOrNothing: assignment.allOrNothing)

        var grades: [LearnerGrade] = []
        for learner in ordered {
            let info = roster?.learner(learner)
            var exercises: [ExerciseGrade] = []
            for item in assignment.items {
                let key = "\(learner)/\(item.exerciseID)"
                var grade = ExerciseGrade(exerciseID: item.exerciseID, maxPoints: item.points, points: 0, state: .graded, problem: nil, outcomes: [])
                if let file = files[key], let problem = file.problem {
                    grade.state = .invalid
                    grade.problem = problem
                } else if let id = jobFor[key] {
                    grade.outcomes = (checks[id] ?? []).map(GradeReports.outcome)
                    grade.points = scoring.points(item.points, for: grade.outcomes)
                    grade.note = files[key]?.note
                    grade.query = files[key].map { String(String(decoding: $0.bytes, as: UTF8.self).prefix(ExerciseGrade.queryLimit)) }
                } else {
                    grade.state = .missing
                    grade.problem = "no file \(item.exerciseID).sql was submitted"
                }
                exercises.append(grade)
            }
            grades.append(LearnerGrade(learner: learner, name: info?.name ?? "", email: info?.email ?? "", exercises: exercises))
        }
        return ClassGrades(
            title: assignment.title, exercises: assignment.items.map(\.exerciseID),
            datasets: plannedDatasets.map { GradingDataset(label: $0.label, hidden: $0.hidden, seed: 0, scalePermille: $0.scalePermille, edgeCases: $0.edgeCases) },
            allOrNothing: assignment.allOrNothing, learners: grades.filter { chosen.contains($0.learner) },
            unmatched: submissions.unmatched
                .filter { path, _ in shard == nil || ownsUnmatched(path, chosen: chosen) }
                .map { ClassGrades.UnmatchedFile(path: $0.path, reason: $0.reason) }
                .sorted { $0.path < $1.path })
    }

    /// Whether this shard lists an unmatched file: a learner's, in that learner's shard; one outside
    /// any learner's folder, in shard 1 (so a merge lists each once, as a run on one machine does).
    func ownsUnmatched(_ path: String, chosen: Set<String>) -> Bool {
        let parts = path.split(separator: "/", maxSplits: 1)
        guard parts.count == 2 else { return shard?.0 == 1 }
        return chosen.contains(String(parts[0]))
    }
}
