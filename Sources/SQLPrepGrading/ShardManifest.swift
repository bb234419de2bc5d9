import Foundation
import SQLiteKit
import SQLPrepData
import SQLPrepExercises

/// `manifest.json`, written next to every `grade` run's outputs: what decides the grades (the
/// setup), which class was graded, and which of its learners this folder holds (shard K of N).
/// `grade merge` reads the manifests to check that the folders it is given are every shard of one
/// grading, and writes the manifest of the whole (shard 1 of 1), so a merge is byte-identical to a
/// run on one machine.
///
/// The setup is kept as named parts so that a mismatch can be named: `build` (sqlprep's version and
/// ``SQLPrepData/ImageCache/dataKey`` — the data generator, the schema and SQLite's version — not the
/// binary's date, so shards built separately from the same release agree), `secret` (32 bits of a digest of the
/// hidden-dataset key: enough to tell two secrets apart, far too little to rebuild the key),
/// `assignment` (title, points, scoring, and each exercise's reference, contract and dataset),
/// `roster`, `variants`, `limits` and `explain`.
public struct ShardManifest: Sendable, Hashable, Codable {
    public var format = "sqlprep-shard-manifest"
    public var version = 1
    public var setup: [String: String]
    /// A digest of ``setup``.
    public var setupDigest: String
    /// A digest of every learner id in the class (submissions and roster), and how many there are:
    /// shards graded from different submission folders or rosters differ here.
    public var classDigest: String
    public var classLearners: Int
    /// K, from 1.
    public var shard: Int
    /// N.
    public var shards: Int
    /// The learners this folder holds, sorted.
    public var learners: [String]
    /// Only in the output of `grade merge --partial` with shards missing.
    public var partial: Partial?

    public struct Partial: Sendable, Hashable, Codable {
        /// The missing shards' numbers K (of the shards' N).
        public var missingShards: [Int]
        public var missingLearners: Int

        public init(missingShards: [Int], missingLearners: Int) {
            self.missingShards = missingShards
            self.missingLearners = missingLearners
        }

        enum CodingKeys: String, CodingKey {
            case missingShards = "missing_shards", missingLearners = "missing_learners"
        }
    }

    enum CodingKeys: String, CodingKey {
        case format, version, setup, setupDigest = "setup_digest", classDigest = "class_digest", classLearners = "class_learners"
        case shard, shards, learners, partial
    }

    public static let fileName = "manifest.json"

    public init(setup: [String: String], classLearners allLearners: [String], shard: Int, shards: Int, learners: [String]) {
        self.setup = setup
        var hash = FNV1a64()
        for (key, value) in setup.sorted(by: { $0.key < $1.key }) {
            hash.add(key)
            hash.add(value)
        }
        setupDigest = hash.hex
        classDigest = ShardManifest.digest(of: allLearners)
        classLearners = allLearners.count
        self.shard = shard
        self.shards = shards
        self.learners = learners.sorted()
    }

    static func digest(of learners: [String]) -> String {
        var hash = FNV1a64()
        for learner in learners.sorted() { hash.add(learner) }
        return hash.hex
    }

    /// The setup of a grading: everything besides the submissions that decides its outputs.
    /// - Parameter program: the program's name and version, such as `sqlprep 0.1.0`.
    public static func setup(program: String, grader: Grader, configuration: WorkerConfiguration) -> [String: String] {
        var secret = FNV1a64()
        secret.add("sqlprep-secret-check")
        secret.add(grader.variantKey.hex)
        var assignment = FNV1a64()
        assignment.add(grader.assignment.title)
        assignment.add(grader.assignment.allOrNothing ? "all-or-nothing" : "partial-credit")
        for item in grader.assignment.items {
            assignment.add(item.exerciseID)
            assignment.add(String(item.points))
            assignment.add(grader.course.exercise(id: item.exerciseID).map(GradingMemory.key(for:)) ?? "unknown")
        }
        var roster = FNV1a64()
        for learner in grader.roster?.learners ?? [] {
            roster.add(learner.id)
            roster.add(learner.name)
            roster.add(learner.email)
        }
        let limits = configuration.limits
        return [
            "build": "\(program), data \(ImageCache.dataKey)",
            "secret": String(secret.hex.prefix(8)),
            "assignment": assignment.hex,
            "roster": grader.roster == nil ? "none" : roster.hex,
            "variants": String(grader.hiddenVariants),
            "limits": "work \(limits.maxSteps.map(String.init) ?? "none"), time \(limits.timeMilliseconds) ms, memory \(limits.memoryBytes) bytes, rows \(limits.maxRows)",
            "explain": configuration.explainBudget == 0 ? "off" : "budget \(configuration.explainBudget)",
        ]
    }

    /// The manifest as written: sorted keys, so the same manifest is the same bytes.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// The manifest in `folder`, or nil when it has none.
    public static func load(_ folder: String) throws -> ShardManifest? {
        let path = folder + "/" + fileName
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let manifest = try? JSONDecoder().decode(ShardManifest.self, from: data),
              manifest.format == "sqlprep-shard-manifest", manifest.version == 1
        else {
            throw GradingError.badInput(file: path, problems: ["is not a shard manifest of version 1; grade that shard again"])
        }
        return manifest
    }
}
