import Foundation

/// `--shard auto`: which shard this process is, read from the batch system that started it.
///
/// - Slurm job arrays set `SLURM_ARRAY_TASK_ID`, `SLURM_ARRAY_TASK_MIN`, `SLURM_ARRAY_TASK_MAX`,
///   `SLURM_ARRAY_TASK_COUNT` (and `SLURM_ARRAY_TASK_STEP` for `--array=0-15:4`). Shard K is the
///   task's place in the array, counted from 1; N is the number of tasks. An array with gaps
///   (`--array=1,3,8`) is refused, since the count and the range disagree.
/// - Kubernetes Indexed Jobs set `JOB_COMPLETION_INDEX` (from 0) but not the number of completions,
///   which comes from `--shards N` or `SQLPREP_SHARD_COUNT`.
///
/// CI matrices (GitHub Actions and the like) have no such variables: they pass `--shard K/N`.
public enum ShardEnvironment {
    /// The environment variable that gives the number of shards of a Kubernetes Indexed Job.
    public static let countVariable = "SQLPREP_SHARD_COUNT"

    /// This process's shard.
    public struct Choice: Sendable, Hashable {
        /// K, from 1.
        public let index: Int
        /// N.
        public let count: Int
        /// Where K and N came from, for messages: "Slurm job array", "Kubernetes Indexed Job".
        public let source: String
    }

    /// Why no shard could be read; `message` says what to set.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// The shard the environment describes.
    /// - Parameters:
    ///   - environment: the process environment.
    ///   - shards: `--shards N`, if given.
    public static func resolve(_ environment: [String: String], shards: Int?) throws(Problem) -> Choice {
        func value(_ name: String) -> String? {
            environment[name].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        func number(_ name: String) throws(Problem) -> Int? {
            guard let text = value(name) else { return nil }
            guard let number = Int(text), number >= 0 else {
                throw Problem(message: "--shard auto: \(name) is '\(text)', not a whole number.")
            }
            return number
        }
        let slurm = value("SLURM_ARRAY_TASK_ID") != nil
        let kubernetes = value("JOB_COMPLETION_INDEX") != nil
        if slurm && kubernetes {
            throw Problem(message: "--shard auto: both SLURM_ARRAY_TASK_ID and JOB_COMPLETION_INDEX are set, so the shard is ambiguous; give --shard K/N.")
        }
        if let envCount = value(countVariable), shards == nil, Int(envCount) == nil || Int(envCount)! < 1 {
            throw Problem(message: "--shard auto: \(countVariable) is '\(envCount)', not a number of shards (1 or more).")
        }
        let givenCount = shards ?? value(countVariable).flatMap { Int($0) }

        if slurm {
            guard let id = try number("SLURM_ARRAY_TASK_ID") else { preconditionFailure("checked above") }
            let low = try number("SLURM_ARRAY_TASK_MIN") ?? 0
            let step = try number("SLURM_ARRAY_TASK_STEP") ?? 1
            let high = try number("SLURM_ARRAY_TASK_MAX")
            let listed = try number("SLURM_ARRAY_TASK_COUNT")
            guard step >= 1 else { throw Problem(message: "--shard auto: SLURM_ARRAY_TASK_STEP is 0.") }
            let spanned = high.map { $0 < low ? 0 : ($0 - low) / step + 1 }
            guard let count = listed ?? spanned else {
                throw Problem(message: "--shard auto: SLURM_ARRAY_TASK_ID is set but neither SLURM_ARRAY_TASK_COUNT nor SLURM_ARRAY_TASK_MAX is, so the number of shards is unknown; give --shard K/N.")
            }
            if let listed, let spanned, listed != spanned {
                throw Problem(message: "--shard auto: the Slurm array has \(listed) tasks but spans \(spanned) indexes (\(low)–\(high ?? low)); an array with gaps cannot be split into shards. Submit the array as one range without gaps, such as 1-\(listed).")
            }
            guard count >= 1, id >= low, (id - low) % step == 0, (id - low) / step < count else {
                throw Problem(message: "--shard auto: SLURM_ARRAY_TASK_ID \(id) is not one of the array's \(count) task\(count == 1 ? "" : "s") from index \(low) (SLURM_ARRAY_TASK_MIN, 0 when unset).")
            }
            if let givenCount, givenCount != count {
                throw Problem(message: "--shard auto: the Slurm array has \(count) task\(count == 1 ? "" : "s") but \(shards != nil ? "--shards" : countVariable) says \(givenCount); make them agree.")
            }
            return Choice(index: (id - low) / step + 1, count: count, source: "Slurm job array")
        }
        if kubernetes {
            guard let index = try number("JOB_COMPLETION_INDEX") else { preconditionFailure("checked above") }
            guard let count = givenCount else {
                throw Problem(message: "--shard auto: JOB_COMPLETION_INDEX is set but not the number of shards; give --shards N or set \(countVariable) to the Job's completions.")
            }
            guard count >= 1, index < count else {
                throw Problem(message: "--shard auto: JOB_COMPLETION_INDEX is \(index), but there are only \(count) shard\(count == 1 ? "" : "s") (indexes 0–\(count - 1)); make completions and \(shards != nil ? "--shards" : countVariable) agree.")
            }
            return Choice(index: index + 1, count: count, source: "Kubernetes Indexed Job")
        }
        throw Problem(message: "--shard auto: found neither a Slurm job array (SLURM_ARRAY_TASK_ID) nor a Kubernetes Indexed Job (JOB_COMPLETION_INDEX) in the environment; give --shard K/N instead.")
    }
}
