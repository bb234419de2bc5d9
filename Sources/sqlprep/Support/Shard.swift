import ArgumentParser

/// `--shard K/N`: one of N slices of a class (learners sorted by id, every Nth), so N machines can
/// grade it together and `grade merge` can join their outputs.
struct Shard: ExplainedArgument, Equatable, Sendable {
    /// K, counted from 1.
    let index: Int
    /// N.
    let count: Int

    init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// The numbers between the slashes, which must be exactly two (`2/4`; as before, a part that is
    /// not a number is skipped, so `2/x/4` is also 2 of 4).
    init?(argument: String) {
        let parts = argument.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2 else { return nil }
        self.init(index: parts[0], count: parts[1])
    }

    static func rejection(of text: String) -> String {
        "--shard is K/N with 1 ≤ K ≤ N, such as 2/4."
    }
}
