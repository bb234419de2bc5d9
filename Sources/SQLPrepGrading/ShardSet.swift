import Foundation

/// The output folders handed to `grade merge`, checked before they are combined: one grading's
/// shards (the same setup and class), each shard once, and — unless a partial merge is asked
/// for — all N of them.
public enum ShardSet {
    /// One output folder: its grades and its manifest (nil when it has none).
    public struct Member: Sendable {
        public let folder: String
        public let manifest: ShardManifest?
        public let grades: ClassGrades

        public init(folder: String, manifest: ShardManifest?, grades: ClassGrades) {
            self.folder = folder
            self.manifest = manifest
            self.grades = grades
        }
    }

    /// Why the folders cannot be merged. `mixed` problems (folders that do not belong together)
    /// always stop a merge; `missing` ones (shards not given) only without `--partial`.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public let mixed: [String]
        public let missing: [String]

        public var description: String {
            var lines = ["grade merge: these folders are not one complete set of shards, so nothing was written:"]
            lines += (mixed + missing).map { "  - " + $0 }
            if mixed.isEmpty {
                lines.append("Merge every shard, or add --partial to merge these anyway (the outputs then say they are partial).")
            } else {
                lines.append("Merge only the shards of one grading (the same options, secret, assignment, submissions and version of sqlprep), or grade the odd ones again with the same options.")
            }
            return lines.joined(separator: "\n")
        }
    }

    /// The merged grades and their manifest (shard 1 of 1; with ``ShardManifest/partial`` set when
    /// shards were missing and `partial` allowed it).
    public static func merge(_ members: [Member], partial: Bool) throws -> (grades: ClassGrades, manifest: ShardManifest) {
        let (mixed, missing, manifest) = check(members)
        guard mixed.isEmpty, let manifest, missing.isEmpty || partial else {
            throw Refusal(mixed: mixed, missing: missing)
        }
        let grades = try ClassGrades.merge(members.map(\.grades))
        return (grades, manifest)
    }

    /// `a`, `a and b`, `a, b and c`.
    static func names(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    /// The problems of a set of folders, and the manifest of their merge when they belong together.
    public static func check(_ members: [Member]) -> (mixed: [String], missing: [String], manifest: ShardManifest?) {
        var mixed: [String] = []
        guard !members.isEmpty else { return (["no folders were given"], [], nil) }
        var manifests: [(folder: String, manifest: ShardManifest)] = []
        for member in members {
            guard let manifest = member.manifest else {
                mixed.append("\(member.folder) has no \(ShardManifest.fileName), so its setup cannot be checked; grade that shard again with this sqlprep")
                continue
            }
            if manifest.partial != nil {
                mixed.append("\(member.folder) is the output of a partial merge; merge the shard folders themselves")
                continue
            }
            if member.grades.learners.map(\.learner) != manifest.learners {
                mixed.append("\(member.folder): grades.json and \(ShardManifest.fileName) list different learners; the folder was changed after grading, so grade that shard again")
                continue
            }
            manifests.append((member.folder, manifest))
        }
        guard let first = manifests.first?.manifest else { return (mixed, [], nil) }

        // The same setup, part by part, so the message can name what differs.
        let keys = Set(manifests.flatMap { $0.manifest.setup.keys }).sorted()
        for key in keys {
            let byValue = Dictionary(grouping: manifests, by: { $0.manifest.setup[key] ?? "(not recorded)" })
            guard byValue.count > 1 else { continue }
            let parts = byValue.sorted { $0.value[0].folder < $1.value[0].folder }.map { value, group in
                "\(names(group.map(\.folder))) \(group.count == 1 ? "has" : "have") \(value)"
            }
            mixed.append("different \(key): \(parts.joined(separator: "; "))")
        }
        let counts = Dictionary(grouping: manifests, by: \.manifest.shards)
        if counts.count > 1 {
            let parts = counts.sorted { $0.key < $1.key }.map { count, group in "\(names(group.map(\.folder))) of \(count)" }
            mixed.append("the folders come from splits into different numbers of shards: \(parts.joined(separator: "; "))")
        }
        let classes = Dictionary(grouping: manifests, by: \.manifest.classDigest)
        if classes.count > 1 {
            let parts = classes.values.sorted { $0[0].folder < $1[0].folder }.map { group in
                "\(names(group.map(\.folder))) (a class of \(group[0].manifest.classLearners) learners)"
            }
            mixed.append("the shards were graded from different submissions or rosters: \(parts.joined(separator: "; "))")
        }
        let byShard = Dictionary(grouping: manifests, by: \.manifest.shard)
        for (shard, group) in byShard.sorted(by: { $0.key < $1.key }) where group.count > 1 {
            mixed.append("shard \(shard) of \(group[0].manifest.shards) is given more than once: \(names(group.map(\.folder)))")
        }
        var owner: [String: String] = [:]
        var twice: [String] = []
        for (folder, manifest) in manifests {
            for learner in manifest.learners {
                if owner[learner] != nil { twice.append(learner) }
                owner[learner] = folder
            }
        }
        if !twice.isEmpty && mixed.isEmpty {
            mixed.append("\(twice.count) learner\(twice.count == 1 ? " is" : "s are") in more than one folder (\(names(Array(twice.sorted().prefix(3))))\(twice.count > 3 ? ", …" : ""))")
        }
        guard mixed.isEmpty else { return (mixed, [], nil) }

        let learners = owner.keys.sorted()
        var merged = ShardManifest(setup: first.setup, classLearners: [], shard: 1, shards: 1, learners: learners)
        merged.classDigest = first.classDigest
        merged.classLearners = first.classLearners
        var missing: [String] = []
        let absent = (1...first.shards).filter { byShard[$0] == nil }
        if !absent.isEmpty {
            let notGraded = first.classLearners - learners.count
            missing.append(
                "\(absent.count == 1 ? "shard" : "shards") \(names(absent.map(String.init))) of \(first.shards) \(absent.count == 1 ? "is" : "are") missing: "
                    + "\(notGraded) of the class's \(first.classLearners) learners are not in the given folders")
            merged.partial = ShardManifest.Partial(missingShards: absent, missingLearners: notGraded)
        }
        return ([], missing, merged)
    }
}
