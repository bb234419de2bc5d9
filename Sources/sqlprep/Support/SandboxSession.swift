import Foundation
import SQLPrepData
import SQLPrepSandbox
import SQLPrepExercises
import SQLPrepText

/// How a one-shot command gets its sandbox: the dataset image (from the cache when possible),
/// the process-wide SQLite heap limit, and a watchdog that ends the process with a clear
/// timeout verdict if a query ignores its interrupt.
enum SandboxSession {
    static func make(
        dataset spec: DatasetSpec, limits: SandboxLimits, quiet: Bool = false, onHardStop: (@Sendable (QueryFailure) -> Void)? = nil
    ) throws -> Sandbox {
        if let cached = cache[spec] { return Sandbox(image: cached.image, limits: limits, hardStop: stopper(onHardStop)) }
        // The "preparing" notice waits for `quiet`; a damaged cached image is always reported.
        let dataset = try LoadedDataset(spec, notice: { notice in if !quiet || notice.damage != nil { Terminal.error(notice.message) } })
        cache[spec] = dataset
        // Process-wide, so set only here, in a process that runs one learner query at a time, and
        // only once the dataset is loaded.
        limits.applyHeapLimitToProcess()
        return Sandbox(image: dataset.image, limits: limits, hardStop: stopper(onHardStop))
    }

    /// A sandbox with the default limits over `spec`'s dataset, loaded at most once per process,
    /// without the notice or the heap limit of ``make(dataset:limits:quiet:onHardStop:)``: for
    /// `validate`, which checks many exercises on the same few datasets.
    static func plainSandbox(for spec: DatasetSpec) throws -> Sandbox {
        if let cached = cache[spec] { return Sandbox(image: cached.image) }
        let dataset = try LoadedDataset(spec, notice: { notice in if notice.damage != nil { Terminal.error(notice.message) } })
        cache[spec] = dataset
        return Sandbox(image: dataset.image)
    }

    /// Datasets already loaded by this process: the one process cache (a command may need the same
    /// dataset twice; validate, many times). Unlocked: a command asks for images from one thread.
    nonisolated(unsafe) private static var cache: [DatasetSpec: LoadedDataset] = [:]

    private static func stopper(_ custom: (@Sendable (QueryFailure) -> Void)?) -> @Sendable (QueryFailure) -> Void {
        custom ?? { failure in
            Terminal.writeNow(FailureText.render(failure, style: TextStyle(color: false)) + "\n")
            _exit(1)
        }
    }
}

/// The text of a failed query: what happened, where (with a caret), and what to do.
enum FailureText {
    static func render(_ failure: QueryFailure, style: TextStyle) -> String {
        let label: String
        switch failure.reason {
        case .invalidInput: label = "Invalid input"
        case .empty: label = "Empty query"
        case .refused: label = "Refused"
        case .sqlError: label = "SQL error"
        case .timeout: label = "Ran too long"
        case .limit: label = "Limit reached"
        }
        // On a terminal, a long line with the error is cut to its width so the caret stays under the error.
        let width = Terminal.stdoutIsTerminal ? Terminal.width : nil
        let lines = [style.red(style.bold(label + ":")) + " " + failure.message] + VerdictText.failureDetails(failure, style: style, width: width)
        return lines.joined(separator: "\n")
    }
}

/// The reference result an exercise's texts read their placeholders from (``DataNumbers``): run on
/// the exercise's own dataset, and only when a hint or the explanation has a placeholder.
enum ExerciseTexts {
    static func reference(for exercise: Exercise, sandbox: Sandbox? = nil) -> QueryResult? {
        guard exercise.textsNeedReference else { return nil }
        guard let sandbox = sandbox ?? (try? SandboxSession.make(dataset: exercise.dataset, limits: SandboxLimits(), quiet: true)) else { return nil }
        return try? Checker(sandbox: sandbox, dataset: exercise.dataset).reference(for: exercise)
    }
}
