import Foundation
import TestSupport
import Testing
import Yams

/// The Kubernetes and GitHub Actions examples, rendered with test values and checked for the
/// structure each engine needs (no cluster runs here), and every sqlprep option the examples use
/// checked against the built binary's help. (examples/slurm runs for real in `SlurmTests`.)
@Suite("examples/: the Kubernetes and GitHub Actions examples are well-formed")
struct ExampleTests {
    static let examples = Checkout.root.appendingPathComponent("examples")

    static func text(_ path: String) throws -> String {
        try String(contentsOf: examples.appendingPathComponent(path), encoding: .utf8)
    }

    /// The file with the variables its own `envsubst '$A $B'` line names replaced, as a user renders it.
    static func rendered(_ path: String, values: [String: String]) throws -> (text: String, variables: [String]) {
        let source = try text(path)
        let line = try #require(source.split(separator: "\n").first { $0.contains("envsubst '") }, "\(path) says how to render it")
        let list = try #require(line.split(separator: "'").dropFirst().first)
        let variables = list.split(separator: " ").map { String($0.dropFirst()) }
        var text = source
        for name in variables {
            let value = try #require(values[name], "\(path) names $\(name), which the README does not set")
            text = text.replacingOccurrences(of: "${\(name)}", with: value)
        }
        return (text, variables)
    }

    static func dig(_ value: Any?, _ path: String...) -> Any? {
        var current = value
        for key in path {
            if let index = Int(key), let array = current as? [Any] { current = index < array.count ? array[index] : nil }
            else { current = (current as? [String: Any])?[key] }
        }
        return current
    }

    static let values = ["IMAGE": "registry.example.edu/sqlprep:test", "CLAIM": "grading-test", "SECRET_NAME": "secret-test", "SHARDS": "3"]

    @Test("Kubernetes: the prepare, Indexed grade and merge Jobs share one volume and agree on the paths and the shard count",
          arguments: ["prepare-job.yaml", "grade-job.yaml", "merge-job.yaml"])
    func kubernetesJob(file: String) throws {
        let (text, variables) = try Self.rendered("kubernetes/" + file, values: Self.values)
        #expect(!text.contains("${"), "every placeholder is rendered")
        let readme = try Self.text("kubernetes/README.md")
        #expect(readme.contains("envsubst '\(variables.map { "$" + $0 }.joined(separator: " "))' < \(file)"), "the README renders \(file) as its header says")
        let job = try #require(try Yams.load(yaml: text) as? [String: Any])
        #expect(job["apiVersion"] as? String == "batch/v1" && job["kind"] as? String == "Job")
        let pod = try #require(Self.dig(job, "spec", "template", "spec") as? [String: Any])
        #expect(pod["restartPolicy"] as? String == "Never")
        let container = try #require(Self.dig(pod, "containers", "0") as? [String: Any])
        #expect(container["image"] as? String == Self.values["IMAGE"])
        let volumes = try #require(pod["volumes"] as? [[String: Any]])
        let names = Set(volumes.compactMap { $0["name"] as? String })
        for mount in container["volumeMounts"] as? [[String: Any]] ?? [] {
            #expect(names.contains(mount["name"] as? String ?? ""), "the mount \(mount) has a volume")
        }
        #expect(Self.dig(volumes.first { $0["name"] as? String == "grading" }, "persistentVolumeClaim", "claimName") as? String == Self.values["CLAIM"])
        let command = ((container["args"] as? [String]) ?? []).joined(separator: " ")
        #expect(container["command"] as? [String] == ["sh", "-c"] && command.hasPrefix("sqlprep grade"))

        switch file {
        case "grade-job.yaml":
            let spec = try #require(job["spec"] as? [String: Any])
            #expect(spec["completionMode"] as? String == "Indexed")
            #expect(spec["completions"] as? Int == 3 && spec["parallelism"] as? Int == 3)
            let env = Dictionary(uniqueKeysWithValues: ((container["env"] as? [[String: Any]]) ?? []).map { ($0["name"] as? String ?? "", $0["value"] as? String ?? "") })
            #expect(env["SQLPREP_SHARD_COUNT"] == "3", "the shard count equals completions")
            #expect(env["SQLPREP_DATASETS"] == "/grading/datasets", "the shards read what the prepare Job built")
            #expect(command.contains("--shard auto") && command.contains("--out \"/grading/shards/$JOB_COMPLETION_INDEX\""))
        case "prepare-job.yaml":
            #expect(command.contains("grade prepare --out /grading/datasets"))
        default:
            #expect(command.contains("grade merge /grading/shards/* --out /grading/class"))
        }
    }

    @Test("GitHub Actions: a matrix of shards, each uploaded as an artifact, merged by a job that needs them all")
    func githubActions() throws {
        let workflow = try #require(try Yams.load(yaml: try Self.text("github-actions/grade.yml")) as? [String: Any])
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        #expect(Self.dig(jobs, "grade", "needs") as? String == "build")
        #expect(Self.dig(jobs, "merge", "needs") as? String == "grade")
        let shards = try #require(Self.dig(jobs, "grade", "strategy", "matrix", "shard") as? [Int])
        #expect(shards == Array(1...shards.count), "the matrix lists shards 1…N")
        let gradeSteps = try #require(Self.dig(jobs, "grade", "steps") as? [[String: Any]])
        let run = try #require(gradeSteps.compactMap { $0["run"] as? String }.first { $0.contains("sqlprep grade") })
        // Rendered for each matrix entry, as Actions does: K/N with N the matrix's size.
        for k in shards {
            let command = run.replacingOccurrences(of: "${{ matrix.shard }}", with: "\(k)").replacingOccurrences(of: "${{ strategy.job-total }}", with: "\(shards.count)")
            #expect(command.contains("--shard \(k)/\(shards.count)") && command.contains("--out shard-\(k)"))
        }
        let upload = try #require(gradeSteps.first { ($0["uses"] as? String)?.hasPrefix("actions/upload-artifact@") == true })
        #expect(Self.dig(upload, "with", "name") as? String == "shard-${{ matrix.shard }}" && Self.dig(upload, "with", "path") as? String == "shard-${{ matrix.shard }}")
        let mergeSteps = try #require(Self.dig(jobs, "merge", "steps") as? [[String: Any]])
        let download = try #require(mergeSteps.first { Self.dig($0, "with", "pattern") as? String == "shard-*" })
        #expect(Self.dig(download, "with", "path") as? String == "shards")
        #expect(mergeSteps.contains { ($0["run"] as? String)?.contains("sqlprep grade merge shards/shard-* --out class") == true })
    }

    /// Every `--option` the examples pass to sqlprep, and the subcommand it belongs to.
    @Test("Every sqlprep option the examples use exists", arguments: ["grade", "grade prepare", "grade merge"])
    func optionsExist(command: String) throws {
        let files = ["slurm/prepare.sbatch", "slurm/grade-shard.sbatch", "slurm/merge.sbatch", "slurm/README.md",
                     "kubernetes/prepare-job.yaml", "kubernetes/grade-job.yaml", "kubernetes/merge-job.yaml", "github-actions/grade.yml"]
        let help = try CLI.run((command == "grade" ? ["grade", "run"] : command.split(separator: " ").map(String.init)) + ["--help"]).stdout
        var checked = 0
        for file in files {
            // The sqlprep command lines, joined across backslash and folded continuations.
            let text = try Self.text(file).replacingOccurrences(of: "\\\n", with: " ")
            for line in text.split(separator: "\n") where line.contains("sqlprep") {
                let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
                guard let at = words.firstIndex(where: { $0.hasSuffix("sqlprep") || $0.hasSuffix("sqlprep}\"") || $0.hasSuffix("bin/sqlprep") }) else { continue }
                let rest = Array(words[(at + 1)...])
                let sub = rest.prefix(2) == ["grade", "prepare"] ? "grade prepare" : rest.prefix(2) == ["grade", "merge"] ? "grade merge" : "grade"
                guard sub == command else { continue }
                for option in rest where option.hasPrefix("--") {
                    let name = String(option.split(separator: "=").first ?? "")
                    #expect(help.contains(name + " ") || help.contains(name + "\n"), "\(file) passes \(name) to sqlprep \(command), whose help does not list it")
                    checked += 1
                }
            }
        }
        #expect(checked > 0)
    }
}
