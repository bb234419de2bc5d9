/// How a class is cut into N shards: evenly by work, the same way on every machine.
///
/// A learner's work is the number of files they handed in that will be graded (each runs on every
/// dataset, so files, not learners, are what a shard spends its time on). Learners are dealt out
/// heaviest first — most files, then by id — each to the shard with the least work so far (then the
/// fewest learners, then the lowest number): the classic "longest job first" rule, whose most loaded
/// shard is within a third of the best possible. Nothing depends on the order the files were found
/// in, so every shard of a run computes the same split.
public enum ShardPlan {
    /// One learner and their work (graded files).
    public struct Learner: Sendable, Hashable {
        public let id: String
        public let work: Int

        public init(id: String, work: Int) {
            self.id = id
            self.work = work
        }
    }

    /// The learners of each of `count` shards, each list sorted by id (index 0 is shard 1).
    public static func split(_ learners: [Learner], into count: Int) -> [[String]] {
        precondition(count >= 1, "a class is split into at least one shard")
        var shards = Array(repeating: [String](), count: count)
        var load = Array(repeating: 0, count: count)
        let heaviestFirst = learners.sorted { $0.work != $1.work ? $0.work > $1.work : $0.id < $1.id }
        for learner in heaviestFirst {
            var best = 0
            for index in 1..<count where (load[index], shards[index].count) < (load[best], shards[best].count) {
                best = index
            }
            shards[best].append(learner.id)
            load[best] += learner.work
        }
        return shards.map { $0.sorted() }
    }
}
