import Foundation
import TestSupport
import Testing

/// `grade --shard auto`, `grade prepare` with `--datasets`, and `grade merge`'s checks, through the
/// built binary on `GradeTests`' small class.
@Suite("Sharded grading, end to end", .serialized)
struct ShardingEndToEndTests {
    static func files(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            if enumerator?.fileAttributes?[.type] as? FileAttributeType == .typeRegular { files[path] = FileManager.default.contents(atPath: folder + "/" + path) }
        }
        return files
    }

    @Test("Shards from a Slurm array's and an Indexed Job's variables merge into one run's outputs; partial and mixed sets are refused")
    func automaticShardsAndMerge() throws {
        let root = try GradeTests.makeClass()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let single = try GradeTests.grade(root, out: "single")
        #expect(single.status == 0, "\(single.stderr)")

        // Shard 1 of 2 from a Slurm job array (--array=1-2), shard 2 of 2 from a Kubernetes Indexed Job.
        let slurm = ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "2", "SLURM_ARRAY_TASK_COUNT": "2"]
        let first = try CLI.run(
            ["grade", root + "/subs", "--out", root + "/s1", "--assignment", root + "/assignment.txt", "--roster", root + "/roster.csv",
             "--secret", "test-secret", "--time-limit", "1", "--shard", "auto"], environment: slurm)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Shard 1 of 2: "))
        let second = try CLI.run(
            ["grade", root + "/subs", "--out", root + "/s2", "--assignment", root + "/assignment.txt", "--roster", root + "/roster.csv",
             "--secret", "test-secret", "--time-limit", "1", "--shard", "auto"], environment: ["JOB_COMPLETION_INDEX": "1", "SQLPREP_SHARD_COUNT": "2"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("Shard 2 of 2: "))

        let merged = try CLI.run(["grade", "merge", root + "/s2", root + "/s1", "--out", root + "/merged"])
        #expect(merged.status == 0, "\(merged.stderr)")
        let expected = Self.files(root + "/single")
        #expect(Self.files(root + "/merged") == expected, "a merge is byte-identical to one run, manifest.json included")
        #expect(expected["manifest.json"] != nil)

        // One shard missing: refused (exit 3, nothing written), or merged with --partial, which says so.
        let missing = try CLI.run(["grade", "merge", root + "/s1", "--out", root + "/partial"])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("shard 2 of 2 is missing") && missing.stderr.contains("--partial"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root + "/partial"))
        let partial = try CLI.run(["grade", "merge", root + "/s1", "--out", root + "/partial", "--partial"])
        #expect(partial.status == 0, "\(partial.stderr)")
        #expect(partial.stdout.contains("PARTIAL merge: shard 2 missing"))
        let note = try String(contentsOfFile: root + "/partial/PARTIAL.txt", encoding: .utf8)
        #expect(note.contains("These outputs are PARTIAL: shard 2 of 2 was not merged"))
        #expect(try String(contentsOfFile: root + "/partial/manifest.json", encoding: .utf8).contains("\"missing_shards\""))

        // A shard graded with other options: refused even with --partial, naming what differs.
        try FileManager.default.copyItem(atPath: root + "/s2", toPath: root + "/other")
        let manifest = try String(contentsOfFile: root + "/other/manifest.json", encoding: .utf8)
        try manifest.replacingOccurrences(of: "\"variants\" : \"3\"", with: "\"variants\" : \"2\"").write(toFile: root + "/other/manifest.json", atomically: true, encoding: .utf8)
        let mixed = try CLI.run(["grade", "merge", root + "/s1", root + "/other", "--out", root + "/mixed", "--partial"])
        #expect(mixed.status == 3)
        #expect(mixed.stderr.contains("different variants: \(root)/other has 2; \(root)/s1 has 3"), "\(mixed.stderr)")

        // An old output folder without a manifest cannot be checked.
        try FileManager.default.removeItem(atPath: root + "/other/manifest.json")
        let unverified = try CLI.run(["grade", "merge", root + "/s1", root + "/other", "--out", root + "/mixed"])
        #expect(unverified.status == 3 && unverified.stderr.contains("has no manifest.json"), "\(unverified.stderr)")
    }

    @Test(
        "--shard auto outside a batch system, or with contradicting counts, is a usage error that says what to set",
        arguments: [
            ([:], ["--shard", "auto"], "found neither a Slurm job array"),
            (["JOB_COMPLETION_INDEX": "0"], ["--shard", "auto"], "give --shards N or set SQLPREP_SHARD_COUNT"),
            (["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "4"], ["--shard", "auto", "--shards", "3"], "has 4 tasks but --shards says 3"),
            ([:], ["--shard", "2/4", "--shards", "3"], "--shard 2/4 and --shards 3 disagree"),
            ([:], ["--shards", "3"], "--shards goes with --shard auto"),
        ] as [([String: String], [String], String)])
    func automaticShardErrors(environment: [String: String], options: [String], mentions: String) throws {
        var clean = environment
        for name in ["SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX", "SQLPREP_SHARD_COUNT"] where clean[name] == nil { clean[name] = "" }
        let out = try CLI.run(["grade", "/nonexistent-submissions", "--out", "/nonexistent-out"] + options, environment: clean)
        #expect(out.status == 64, "\(out.stdout) \(out.stderr)")
        #expect(out.stderr.contains(mentions), "\(out.stderr)")
    }

    @Test("grade prepare builds the datasets once; --datasets reads them and builds nothing, and names a folder that lacks them")
    func preparedDatasets() throws {
        let root = try GradeTests.makeClass()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let options = ["--assignment", root + "/assignment.txt", "--secret", "test-secret"]
        // (Prepared in the tests' own dataset cache, which uses the same file names, so that the
        // datasets GradeTests builds are not built again here.)
        let datasets = CLI.cacheDirectory
        let prepared = try CLI.run(["grade", "prepare", "--out", datasets] + options)
        #expect(prepared.status == 0, "\(prepared.stderr)")
        #expect(prepared.stdout.contains("Prepared 4 datasets in \(datasets) ("), "\(prepared.stdout)")
        let again = try CLI.run(["grade", "prepare", "--out", datasets] + options)
        #expect(again.stdout.contains("(0 built, 4 already there)"), "\(again.stdout)")

        // A shard with no dataset cache of its own reads the prepared folder and builds nothing.
        let shard = try CLI.run(
            ["grade", root + "/subs", "--out", root + "/s1", "--shard", "1/2", "--datasets", datasets, "--time-limit", "1"] + options,
            environment: ["SQLPREP_CACHE_DIR": ""])
        #expect(shard.status == 0, "\(shard.stderr)")
        #expect(!shard.stderr.contains("Preparing dataset"), "\(shard.stderr)")

        // Prepared with another secret: the shard says what is missing and how to prepare it.
        try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        let lacking = try CLI.run(["grade", root + "/subs", "--out", root + "/s2", "--shard", "2/2", "--datasets", root + "/empty"] + options)
        #expect(lacking.status == 1)
        #expect(lacking.stderr.contains("lack 4 of the 4 this grading needs") && lacking.stderr.contains("sqlprep grade prepare --out \(root)/empty"), "\(lacking.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root + "/s2"))
    }
}
