import ArgumentParser

/// `--shard K/N`: one of N slices of a class (split evenly by work, see `ShardPlan`), so N machines
/// can grade it together and `grade merge` can join their outputs; or `--shard auto`, K and N from
/// the batch system's environment (`ShardEnvironment`).
struct Shard: ExplainedArgument, Equatable, Sendable {
    /// K, counted from 1 (0 for `auto`).
    let index: Int
    /// N (0 for `auto`).
    let count: Int

    /// `--shard auto`.
    static let automatic = Shard(uncheckedIndex: 0, count: 0)
    var isAutomatic: Bool { self == .automatic }

    private init(uncheckedIndex: Int, count: Int) {
        index = uncheckedIndex
        self.count = count
    }

    init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.init(uncheckedIndex: index, count: count)
    }

    /// `auto`, or the numbers between the slashes, which must be exactly two (`2/4`; as before, a
    /// part that is not a number is skipped, so `2/x/4` is also 2 of 4).
    init?(argument: String) {
        if argument == "auto" {
            self = .automatic
            return
        }
        let parts = argument.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2 else { return nil }
        self.init(index: parts[0], count: parts[1])
    }

    static func rejection(of text: String) -> String {
        "--shard is K/N with 1 ≤ K ≤ N, such as 2/4, or auto (from a Slurm job array or a Kubernetes Indexed Job)."
    }
}
