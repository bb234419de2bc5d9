import Foundation
import SQLPrepExercises
import SQLPrepData

/// One grading of a class, from submissions to grades: builds every dataset once before any worker
/// starts, runs the files on worker processes under ``JobDeadline``, and answers files graded before
/// with the same setup from ``GradingMemory``.
///
/// The caller says how to start a worker (the program and the subcommand); everything the worker
/// needs besides that travels as one ``WorkerConfiguration``.
public struct GradingRun: Sendable {
    public let grader: Grader
    /// What every worker is told, including where the datasets are built.
    public let configuration: WorkerConfiguration
    /// Where the datasets are built and grading memory is kept.
    public let cache: ImageCache
    /// Whether outcomes are kept for later runs (not in a fresh container such as Gradescope's).
    public let remember: Bool
    /// Whether files kept by earlier runs are answered from memory (`--no-reuse` grades them again,
    /// and keeps the fresh outcomes).
    public let reuse: Bool

    /// - Parameters:
    ///   - coursePath: the course folder workers load, or nil for the built-in course.
    ///   - explainBudget: candidate databases per counterexample search, or nil for no explanations.
    ///   - cache: where datasets are kept; nil (caching turned off) uses a folder of this run's own.
    ///   - datasets: a folder of datasets prepared beforehand (`grade prepare`), shared by many runs
    ///     and only read: nothing is built, and a dataset missing there is an error.
    public init(
        grader: Grader, coursePath: String?, explainBudget: Int?, cache: ImageCache?, remember: Bool, reuse: Bool, datasets: ImageCache? = nil
    ) {
        self.grader = grader
        self.cache = cache ?? ImageCache(directory: NSTemporaryDirectory() + "sqlprep-grade-cache-\(getpid())")
        self.sharedDatasets = datasets
        self.configuration = WorkerConfiguration(
            coursePath: coursePath, hiddenVariants: grader.hiddenVariants, variantScale: grader.variantScale, variantKey: grader.variantKey, limits: grader.limits,
            explainBudget: explainBudget.map { max(1, $0) } ?? 0, cacheDirectory: (datasets ?? self.cache).directory)
        self.remember = remember
        self.reuse = reuse
    }

    /// The prepared datasets the workers read instead of ``cache``'s, if any.
    public let sharedDatasets: ImageCache?

    /// The manifest of this run's outputs (``ShardManifest``).
    /// - Parameter program: the program's name and version, such as `sqlprep 0.1.0`.
    public func manifest(program: String, submissions: Submissions) -> ShardManifest {
        ShardManifest(
            setup: ShardManifest.setup(program: program, grader: grader, configuration: configuration),
            classLearners: grader.classLearners(submissions), shard: grader.shard?.0 ?? 1, shards: grader.shard?.1 ?? 1,
            learners: grader.shardLearners(submissions))
    }

    /// How long one file may take on all its datasets before its worker is killed.
    public var jobDeadline: Duration {
        JobDeadline.forJob(datasets: grader.plannedDatasets.count, limits: grader.limits, explaining: configuration.explainBudget > 0)
    }

    /// Builds every dataset the assignment needs that the cache does not hold yet, calling `announce`
    /// before each (workers only read the cache, so none builds the same dataset again).
    /// With prepared datasets (``sharedDatasets``), only checks that each is there and passes its
    /// checksum, so that no worker builds (or writes) one.
    public func prepareDatasets(announce: (DatasetSpec) -> Void) throws {
        if let shared = sharedDatasets {
            let missing = grader.allDatasets.filter { spec in
                if case .hit = shared.lookup(spec) { return false }
                return true
            }
            guard missing.isEmpty else {
                throw GradingError.output(
                    "The prepared datasets in \(shared.directory) lack \(missing.count) of the \(grader.allDatasets.count) this grading needs "
                        + "(\(missing[0])\(missing.count > 1 ? ", …" : "")), or hold damaged copies. Prepare them with the same assignment, --variants and secret: "
                        + "sqlprep grade prepare --out \(shared.directory)")
            }
            return
        }
        for spec in grader.allDatasets where !FileManager.default.fileExists(atPath: cache.path(for: spec)) {
            announce(spec)
            cache.store(try ShopDataset.build(spec), for: spec)
        }
    }

    /// Grades `submissions` on worker processes started as `executable arguments… CONFIGURATION`.
    /// - Returns: the grades, and how many files were answered from memory.
    public func grade(
        _ submissions: Submissions, executable: URL, arguments: [String], progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> (grades: ClassGrades, reused: Int) {
        let pool = WorkerPool(
            executable: executable, arguments: arguments + [configuration.encoded()], count: grader.jobs, jobDeadline: jobDeadline,
            datasets: grader.plannedDatasets, progress: progress)
        let memory = remember ? GradingMemory(path: cache.directory + "/grading-memory.db", setup: configuration.outcomeSetup) : nil
        let course = grader.course
        let exerciseKeys = Dictionary(
            grader.assignment.items.compactMap { item in course.exercise(id: item.exerciseID).map { (item.exerciseID, GradingMemory.key(for: $0)) } },
            uniquingKeysWith: { first, _ in first })
        var reused = 0
        let grades = grader.grade(submissions) { jobs in
            guard let memory else { return pool.run(jobs) }
            let answer = memory.run(jobs, exerciseKeys: exerciseKeys, reuse: reuse, through: pool.run)
            reused = answer.reused
            return answer.outcomes
        }
        return (grades, reused)
    }
}
