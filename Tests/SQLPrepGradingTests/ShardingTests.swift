import Foundation
import SQLPrepGrading
import Testing

/// `--shard auto` on each batch system, the split of a class by work, and the checks `grade merge`
/// makes before it joins shards.
@Suite("Sharding: --shard auto, the split by work, and merge's checks")
struct ShardingTests {
    // MARK: --shard auto

    /// An environment, `--shards`, and the shard expected (K, N) or a phrase of the error.
    @Test(
        "--shard auto reads Slurm job arrays and Kubernetes Indexed Jobs",
        arguments: [
            // Slurm: --array=1-4, as the shipped example submits it.
            (["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "4", "SLURM_ARRAY_TASK_COUNT": "4"], nil, "3/4"),
            // --array=0-3: from 0.
            (["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_MAX": "3", "SLURM_ARRAY_TASK_COUNT": "4"], nil, "1/4"),
            // An older Slurm without SLURM_ARRAY_TASK_COUNT: N from MIN and MAX.
            (["SLURM_ARRAY_TASK_ID": "12", "SLURM_ARRAY_TASK_MIN": "10", "SLURM_ARRAY_TASK_MAX": "13"], nil, "3/4"),
            // Only ID and COUNT: indexes from 0.
            (["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "2"], nil, "2/2"),
            // --array=0-12:4 is tasks 0, 4, 8, 12.
            (["SLURM_ARRAY_TASK_ID": "8", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_MAX": "12", "SLURM_ARRAY_TASK_STEP": "4", "SLURM_ARRAY_TASK_COUNT": "4"], nil, "3/4"),
            // --shards that agrees with the array.
            (["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "2", "SLURM_ARRAY_TASK_COUNT": "2"], 2, "2/2"),
            // Kubernetes: index from 0, count from the environment or --shards (which wins).
            (["JOB_COMPLETION_INDEX": "0", "SQLPREP_SHARD_COUNT": "8"], nil, "1/8"),
            (["JOB_COMPLETION_INDEX": "7", "SQLPREP_SHARD_COUNT": "8"], nil, "8/8"),
            (["JOB_COMPLETION_INDEX": "2"], 3, "3/3"),
            (["JOB_COMPLETION_INDEX": "2", "SQLPREP_SHARD_COUNT": "2"], 3, "3/3"),
            // Errors.
            ([:], nil, "found neither a Slurm job array"),
            (["SLURM_JOB_ID": "17"], nil, "found neither a Slurm job array"),
            (["SLURM_ARRAY_TASK_ID": "1", "JOB_COMPLETION_INDEX": "1"], nil, "both SLURM_ARRAY_TASK_ID and JOB_COMPLETION_INDEX"),
            (["SLURM_ARRAY_TASK_ID": "1"], nil, "the number of shards is unknown"),
            (["SLURM_ARRAY_TASK_ID": "x", "SLURM_ARRAY_TASK_COUNT": "2"], nil, "SLURM_ARRAY_TASK_ID is 'x'"),
            // --array=1,3,8: three tasks over eight indexes.
            (["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "8", "SLURM_ARRAY_TASK_COUNT": "3"], nil, "an array with gaps"),
            (["SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_COUNT": "4"], nil, "is not one of the array's 4 tasks"),
            (["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "4", "SLURM_ARRAY_TASK_COUNT": "4"], 3, "has 4 tasks but --shards says 3"),
            (["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "4", "SLURM_ARRAY_TASK_COUNT": "4", "SQLPREP_SHARD_COUNT": "5"], nil, "SQLPREP_SHARD_COUNT says 5"),
            (["JOB_COMPLETION_INDEX": "0"], nil, "give --shards N or set SQLPREP_SHARD_COUNT"),
            (["JOB_COMPLETION_INDEX": "4", "SQLPREP_SHARD_COUNT": "4"], nil, "only 4 shards (indexes 0–3)"),
            (["JOB_COMPLETION_INDEX": "0", "SQLPREP_SHARD_COUNT": "four"], nil, "SQLPREP_SHARD_COUNT is 'four'"),
            (["JOB_COMPLETION_INDEX": "-1", "SQLPREP_SHARD_COUNT": "4"], nil, "JOB_COMPLETION_INDEX is '-1'"),
        ] as [([String: String], Int?, String)])
    func automatic(environment: [String: String], shards: Int?, expected: String) {
        do {
            let choice = try ShardEnvironment.resolve(environment, shards: shards)
            #expect("\(choice.index)/\(choice.count)" == expected, "\(environment)")
            #expect(choice.source == (environment["JOB_COMPLETION_INDEX"] != nil ? "Kubernetes Indexed Job" : "Slurm job array"))
        } catch {
            #expect(error.message.contains(expected), "\(environment): \(error.message)")
            #expect(!expected.contains("/"), "expected shard \(expected), got: \(error.message)")
        }
    }

    // MARK: The split

    /// Learners and their work; the most work any shard gets, for N shards.
    @Test(
        "Shards get an even share of the files to grade, every learner exactly once, whatever the input order",
        arguments: [
            // One learner with many files: dealing by count would give shard 1 {a, c, e} = 10 + 1 + 1.
            ([("a", 10), ("b", 1), ("c", 1), ("d", 1), ("e", 1), ("f", 1)], 2, 10),
            ([("a", 2), ("b", 2), ("c", 2), ("d", 2), ("e", 1), ("f", 1), ("g", 1), ("h", 1)], 4, 3),
            // Learners on the roster with nothing handed in cost nothing: they join the lighter shard.
            ([("a", 0), ("b", 0), ("c", 0), ("d", 0), ("e", 5)], 2, 5),
            ([("a", 0), ("b", 0), ("c", 0), ("d", 0), ("e", 0)], 2, 0),
            ([("a", 3), ("b", 3), ("c", 3), ("d", 3), ("e", 3), ("f", 3), ("g", 3)], 3, 9),
            ([("a", 1)], 3, 1),
            ([], 2, 0),
        ] as [([(String, Int)], Int, Int)])
    func split(learners: [(String, Int)], shards: Int, mostWork: Int) {
        let class_ = learners.map { ShardPlan.Learner(id: $0.0, work: $0.1) }
        let split = ShardPlan.split(class_, into: shards)
        #expect(split.count == shards)
        #expect(split.flatMap { $0 }.sorted() == learners.map(\.0).sorted(), "each learner in exactly one shard")
        let work = Dictionary(uniqueKeysWithValues: learners)
        #expect(split.map { $0.map { work[$0] ?? 0 }.reduce(0, +) }.max() == mostWork)
        #expect(split.allSatisfy { $0 == $0.sorted() })
        #expect(ShardPlan.split(class_.reversed(), into: shards) == split, "the split does not depend on the order learners were found in")
        if !learners.isEmpty && learners.allSatisfy({ $0.1 == learners[0].1 }) {
            let counts = split.map { $0.count }
            #expect(counts.max()! - counts.min()! <= 1, "equal learners are spread by count: \(split)")
        }
    }

    // MARK: merge's checks

    static let setup = ["build": "sqlprep 0.1.0", "secret": "1a2b3c4d", "assignment": "aa", "roster": "none", "variants": "3", "limits": "l", "explain": "off"]
    static let everyone = ["ada", "ben", "cy", "dee", "eli"]

    static func member(_ folder: String, shard: Int, of shards: Int, learners: [String], setup: [String: String] = setup, everyone: [String] = everyone) -> ShardSet.Member {
        let manifest = ShardManifest(setup: setup, classLearners: everyone, shard: shard, shards: shards, learners: learners)
        let grades = ClassGrades(
            title: "Week 1", exercises: [], datasets: [], allOrNothing: false,
            learners: learners.sorted().map { LearnerGrade(learner: $0, name: "", email: "", exercises: []) }, unmatched: [])
        return ShardSet.Member(folder: folder, manifest: manifest, grades: grades)
    }

    static let s1 = member("s1", shard: 1, of: 3, learners: ["ada", "dee"])
    static let s2 = member("s2", shard: 2, of: 3, learners: ["ben", "eli"])
    static let s3 = member("s3", shard: 3, of: 3, learners: ["cy"])

    /// Sets of folders, and for each a phrase of the refusal, or "" when they merge.
    @Test(
        "grade merge joins one complete set of shards and names what is missing or mixed",
        arguments: [
            ([s1, s2, s3], ""),
            ([s3, s1, s2], ""),
            ([member("all", shard: 1, of: 1, learners: everyone)], ""),
            ([s1, s3], "shard 2 of 3 is missing: 2 of the class's 5 learners"),
            ([s1], "shards 2 and 3 of 3 are missing"),
            ([s1, s2, s3, s2], "shard 2 of 3 is given more than once: s2 and s2"),
            ([s1, s2, member("s3", shard: 3, of: 3, learners: ["cy"], setup: setup.merging(["secret": "99999999"]) { $1 })], "different secret: s1 and s2 have 1a2b3c4d; s3 has 99999999"),
            ([s1, s2, member("s3", shard: 3, of: 3, learners: ["cy"], setup: setup.merging(["variants": "2"]) { $1 })], "different variants"),
            ([s1, s2, member("s3", shard: 3, of: 3, learners: ["cy"], setup: setup.merging(["build": "sqlprep 0.2.0"]) { $1 })], "different build"),
            ([s1, s2, member("s3", shard: 3, of: 3, learners: ["cy"], setup: setup.merging(["assignment": "bb"]) { $1 })], "different assignment"),
            ([s1, s2, member("s3", shard: 3, of: 4, learners: ["cy"])], "different numbers of shards: s1 and s2 of 3; s3 of 4"),
            ([s1, s2, member("s3", shard: 3, of: 3, learners: ["cy", "fay"], everyone: everyone + ["fay"])], "different submissions or rosters"),
            ([s1, s2, ShardSet.Member(folder: "old", manifest: nil, grades: s3.grades)], "old has no manifest.json"),
            ([s1, s2, ShardSet.Member(folder: "s3", manifest: s3.manifest, grades: s2.grades)], "s3: grades.json and manifest.json list different learners"),
        ] as [([ShardSet.Member], String)])
    func merge(members: [ShardSet.Member], refusal: String) throws {
        if refusal.isEmpty {
            let (grades, manifest) = try ShardSet.merge(members, partial: false)
            #expect(grades.learners.map(\.learner) == Self.everyone)
            #expect(manifest.shard == 1 && manifest.shards == 1 && manifest.partial == nil)
            #expect(manifest == ShardManifest(setup: Self.setup, classLearners: Self.everyone, shard: 1, shards: 1, learners: Self.everyone),
                    "a merge's manifest is the one a run on one machine writes")
            return
        }
        do {
            _ = try ShardSet.merge(members, partial: false)
            Issue.record("merged a set that should be refused: \(refusal)")
        } catch let error as ShardSet.Refusal {
            #expect(error.description.contains(refusal), "\(error)")
            #expect(error.description.contains("nothing was written"))
        }
        // --partial merges a set with shards missing, and says so; never a mixed one.
        let partial = Result { try ShardSet.merge(members, partial: true) }
        if refusal.contains("missing") {
            let manifest = try partial.get().manifest
            let absent = Set(1...3).subtracting(members.compactMap { $0.manifest?.shard }).sorted()
            #expect(manifest.partial == ShardManifest.Partial(missingShards: absent, missingLearners: Self.everyone.count - manifest.learners.count))
            let merged = ShardSet.Member(folder: "p", manifest: manifest, grades: try partial.get().grades)
            #expect(throws: ShardSet.Refusal.self, "a partial merge is never taken for a shard") { try ShardSet.merge([merged], partial: true) }
        } else {
            #expect(throws: ShardSet.Refusal.self) { try partial.get() }
        }
    }
}
