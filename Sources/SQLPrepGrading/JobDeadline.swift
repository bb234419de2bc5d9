import SQLPrepExercises
import SQLPrepSandbox

/// How long one grading job (one file, on every dataset) may take before the worker pool kills its
/// worker and answers `timeout`.
///
/// The deadline must outlast everything the worker does on its own, or a slow but well-behaved job
/// would be cut short: for each dataset, the query's time limit, the sandbox's grace before its
/// watchdog ends a query that ignores interrupts, and the rest of that dataset's work; once per job,
/// a fresh worker's start; with explanations, one counterexample search.
public enum JobDeadline {
    /// The rest of one dataset's work: comparing the result with the reference's, and the answer's
    /// way back to the parent.
    static let perDatasetRest: Duration = .milliseconds(550)
    /// A fresh worker's start: loading the course, mapping the datasets, and running each reference
    /// once, which no query limit covers.
    static let workerStart: Duration = .seconds(30)
    /// With explanations: building the counterexample search's index over a dataset, on top of the
    /// search's own wall-clock safety net.
    static let counterexampleIndex: Duration = .seconds(10)

    /// The time one query may take on one dataset, at most, before the sandbox has ended it.
    static func perDataset(_ limits: SandboxLimits) -> Duration {
        limits.longestRun + perDatasetRest
    }

    /// The deadline for a job on `datasets` datasets.
    public static func forJob(datasets: Int, limits: SandboxLimits, explaining: Bool) -> Duration {
        var deadline = perDataset(limits) * datasets + workerStart
        if explaining { deadline += CounterexampleSearch.Budget().safetyNet + counterexampleIndex }
        return deadline
    }
}
