import Foundation
import SQLPrepProcess
import TestSupport
import Testing

/// The shipped `examples/slurm/` scripts, unchanged, on a real one-node Slurm cluster started on
/// localhost: a prepare job, a 4-task array of shards and the dependent merge job. The merged
/// outputs must be byte-identical to one `grade` run on one machine.
///
/// Needs root (the daemons run as root, `SlurmUser=root`) and Debian's `slurm-wlm` and `munge`,
/// which `.ci/run` installs. Where they are not installed the test is skipped and says why.
@Suite("Grading on a Slurm cluster, end to end", .serialized)
struct SlurmTests {
    /// A program by name in the usual system folders, or nil.
    static func tool(_ name: String) -> String? {
        ["/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin", "/bin", "/sbin"].map { $0 + "/" + name }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let tools = ["munged", "slurmctld", "slurmd", "sbatch", "sinfo"]
    static let available = getuid() == 0 && tools.allSatisfy { tool($0) != nil }
    static let skipReason: Comment = getuid() != 0
        ? "skipped: the one-node Slurm cluster runs its daemons as root; run the tests as root (.ci/run does)"
        : "skipped: \(tools.filter { tool($0) == nil }.joined(separator: ", ")) not installed (apt-get install slurm-wlm munge; .ci/run does)"

    /// A running one-node cluster in `folder`, stopped by `stop()` through its pid files.
    struct Cluster {
        let folder: String
        var environment: [String: String]

        static func start(in folder: String) throws -> Cluster {
            let manager = FileManager.default
            for sub in ["munge", "spool", "state", "log", "run", "jobs"] {
                try manager.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
            }
            var cluster = Cluster(folder: folder, environment: ProcessInfo.processInfo.environment)
            cluster.environment["SLURM_CONF"] = folder + "/slurm.conf"

            do {
                try cluster.bringUp()
                return cluster
            } catch {
                cluster.stop()  // whatever did start
                throw error
            }
        }

        private func bringUp() throws {
            let manager = FileManager.default
            let cluster = self
            // munge: a fresh key of random bytes (it only authenticates this cluster's own daemons).
            try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder + "/munge")
            let key = folder + "/munge/munge.key"
            let random = try #require(FileHandle(forReadingAtPath: "/dev/urandom"))
            try random.read(upToCount: 1024)?.write(to: URL(fileURLWithPath: key))
            try random.close()
            try manager.setAttributes([.posixPermissions: 0o400], ofItemAtPath: key)
            try cluster.daemon(tool("munged")!, [
                "--key-file=\(key)", "--socket=\(folder)/munge/munge.socket", "--pid-file=\(folder)/munge/munged.pid",
                "--log-file=\(folder)/munge/munged.log", "--seed-file=\(folder)/munge/seed", "--force",
            ])

            // slurm.conf: this machine as the only node (slurmd -C describes it), on ports of this
            // test process's own so that nothing else on the machine clashes.
            let node = try #require(try ChildProcess.run(tool("slurmd")!, ["-C"]).standardOutputText.split(separator: "\n").first.map(String.init))
            let host = try #require(node.split(separator: " ").first?.split(separator: "=").last.map(String.init))
            let port = 20_000 + Int(getpid() % 10_000) * 2
            let conf = """
                ClusterName=sqlprep-test
                SlurmctldHost=\(host)
                SlurmUser=root
                SlurmdUser=root
                AuthType=auth/munge
                AuthInfo=socket=\(folder)/munge/munge.socket
                CredType=cred/munge
                ProctrackType=proctrack/linuxproc
                TaskPlugin=task/none
                SelectType=select/cons_tres
                SelectTypeParameters=CR_Core
                SchedulerType=sched/backfill
                StateSaveLocation=\(folder)/state
                SlurmdSpoolDir=\(folder)/spool
                SlurmctldPidFile=\(folder)/run/slurmctld.pid
                SlurmdPidFile=\(folder)/run/slurmd.pid
                SlurmctldLogFile=\(folder)/log/slurmctld.log
                SlurmdLogFile=\(folder)/log/slurmd.log
                SlurmctldPort=\(port)
                SlurmdPort=\(port + 1)
                ReturnToService=2
                MpiDefault=none
                JobCompType=jobcomp/none
                AccountingStorageType=accounting_storage/none
                \(node) State=UNKNOWN
                PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP

                """
            try conf.write(toFile: folder + "/slurm.conf", atomically: true, encoding: .utf8)
            try cluster.daemon(tool("slurmctld")!, ["-f", folder + "/slurm.conf"])
            try cluster.daemon(tool("slurmd")!, ["-f", folder + "/slurm.conf"])

            // Ready when the node reports idle (a state, polled; the limit only stops a broken setup).
            for _ in 0..<120 {
                let state = try ChildProcess.run(tool("sinfo")!, ["-h", "-o", "%T"], environment: cluster.environment, timeout: 10).standardOutputText
                if state.contains("idle") { return }
                usleep(250_000)
            }
            throw ClusterError(message: "the Slurm node never became idle.\n" + cluster.logs())
        }

        struct ClusterError: Error, CustomStringConvertible {
            let message: String
            var description: String { message }
        }

        /// Starts a daemon (it forks into the background and writes its pid file).
        func daemon(_ path: String, _ arguments: [String]) throws {
            let output = try ChildProcess.run(path, arguments, environment: environment, timeout: 30)
            guard output.status == 0 else {
                throw ClusterError(message: "\(path) \(arguments.joined(separator: " ")) failed (\(output.status)): \(output.standardErrorText)\n" + logs())
            }
        }

        /// The daemons' logs, for a failure message.
        func logs() -> String {
            ["log/slurmctld.log", "log/slurmd.log", "munge/munged.log"].map { name in
                let text = (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)) ?? "(none)"
                return "--- \(name)\n" + text.split(separator: "\n").suffix(15).joined(separator: "\n")
            }.joined(separator: "\n")
        }

        /// Stops slurmd, slurmctld and munged through their pid files, and waits for each to end.
        func stop() {
            for file in ["run/slurmd.pid", "run/slurmctld.pid", "munge/munged.pid"] {
                guard let text = try? String(contentsOfFile: folder + "/" + file, encoding: .utf8),
                      let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 1
                else { continue }
                kill(pid, SIGTERM)
                var waited = 0
                while kill(pid, 0) == 0 && waited < 100 {
                    usleep(100_000)
                    waited += 1
                }
                if kill(pid, 0) == 0 { kill(pid, SIGKILL) }
            }
        }
    }

    /// Every file under `folder`, by relative path.
    static func files(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: folder + "/" + path), enumerator?.fileAttributes?[.type] as? FileAttributeType == .typeRegular {
                files[path] = data
            }
        }
        return files
    }

    @Test("examples/slurm: a 4-task array and its merge give the outputs of one grade run", .enabled(if: available, skipReason))
    func arrayAndMerge() throws {
        let root = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }

        // A tiny class: nine learners (one only on the roster), two exercises, a stray file.
        func file(_ path: String) throws -> String { try LearnerJourneyTests.file(path) }
        let answers: [String: [String: String]] = [
            "ada": ["orders-by-status": try file("01-warm-up/orders-by-status/solution.sql"), "cpo-by-channel": try file("03-marketing/cpo-by-channel/solution.sql")],
            "ben": ["orders-by-status": try file("01-warm-up/orders-by-status/wrong/integer-division.sql")],
            "cy": ["orders-by-status": "SELEC 1", "cpo-by-channel": "SELECT channel FROM marketing_spend"],
            "dee": ["cpo-by-channel": try file("03-marketing/cpo-by-channel/solution.sql")],
            "eli": ["orders-by-status": "DELETE FROM orders"],
            "fay": ["orders-by-status": try file("01-warm-up/orders-by-status/solution.sql"), "cpo-by-channel": "SELECT 1"],
            "gus": ["cpo-by-channel": "SELECT channel, 0 FROM marketing_spend GROUP BY 1"],
            "hal": [:],
        ]
        for (learner, files) in answers {
            try FileManager.default.createDirectory(atPath: "\(root)/subs/\(learner)", withIntermediateDirectories: true)
            for (exercise, sql) in files { try sql.write(toFile: "\(root)/subs/\(learner)/\(exercise).sql", atomically: true, encoding: .utf8) }
        }
        try "notes".write(toFile: root + "/subs/notes.txt", atomically: true, encoding: .utf8)
        try "title: Week 1\nexercise: orders-by-status | 10\nexercise: cpo-by-channel | 20\n".write(toFile: root + "/assignment.txt", atomically: true, encoding: .utf8)
        try "id,name,email\nada,Ada,ada@example.com\nzed,Zed,zed@example.com\n".write(toFile: root + "/roster.csv", atomically: true, encoding: .utf8)
        // (GradeTests' secret and exercises: the single run below finds their datasets in the tests' cache.)
        try "test-secret\n".write(toFile: root + "/secret.txt", atomically: true, encoding: .utf8)

        // The same grading on one machine.
        let single = try CLI.run([
            "grade", root + "/subs", "--out", root + "/single", "--assignment", root + "/assignment.txt", "--roster", root + "/roster.csv",
            "--secret-file", root + "/secret.txt",
        ])
        #expect(single.status == 0, "\(single.stdout)\n\(single.stderr)")

        let cluster = try Cluster.start(in: root + "/slurm")
        defer { cluster.stop() }
        var environment = cluster.environment
        environment["SQLPREP"] = CLI.binary.path
        environment["SUBMISSIONS"] = root + "/subs"
        environment["GRADING"] = root + "/grading"
        environment["SECRET_FILE"] = root + "/secret.txt"
        environment["ASSIGNMENT"] = root + "/assignment.txt"
        environment["ROSTER"] = root + "/roster.csv"
        environment["SQLPREP_CACHE_DIR"] = root + "/job-cache"
        let examples = Checkout.root.appendingPathComponent("examples/slurm").path
        func sbatch(_ arguments: [String]) throws -> ChildProcess.Output {
            try ChildProcess.run(Self.tool("sbatch")!, arguments, environment: environment, directory: cluster.folder + "/jobs", timeout: CLI.commandTimeout)
        }
        func jobLogs() -> String {
            Self.files(cluster.folder + "/jobs").sorted { $0.key < $1.key }.map { "--- \($0.key)\n" + String(decoding: $0.value, as: UTF8.self) }.joined(separator: "\n")
        }

        // As examples/slurm/README.md submits them.
        let prepare = try sbatch(["--parsable", examples + "/prepare.sbatch"])
        let prepareID = prepare.standardOutputText.trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(prepare.status == 0 && !prepareID.isEmpty, "\(prepare.standardErrorText)")
        let array = try sbatch(["--parsable", "--dependency=afterok:\(prepareID)", "--array=1-4", examples + "/grade-shard.sbatch"])
        let arrayID = array.standardOutputText.trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(array.status == 0 && !arrayID.isEmpty, "\(array.standardErrorText)")
        let merge = try sbatch(["--wait", "--dependency=afterok:\(arrayID)", examples + "/merge.sbatch"])
        try #require(merge.status == 0, "the merge job failed (\(merge.status)): \(merge.standardErrorText)\n\(jobLogs())\n\(cluster.logs())")

        // Every shard came from the array's own variables, and had learners to grade.
        for k in 1...4 {
            let manifest = try String(contentsOfFile: "\(root)/grading/shards/\(k)/manifest.json", encoding: .utf8)
            #expect(manifest.contains("\"shard\" : \(k),") && manifest.contains("\"shards\" : 4,"), "\(manifest)")
            #expect(!manifest.contains("\"learners\" : [\n\n  ]"), "shard \(k) is empty")
        }
        #expect(FileManager.default.fileExists(atPath: root + "/grading/datasets"), "the prepare job built the shared datasets")

        let merged = Self.files(root + "/grading/class")
        let expected = Self.files(root + "/single")
        #expect(merged.keys.sorted() == expected.keys.sorted())
        for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(merged[path] == data, "\(path) differs between the merged shards and one grade run")
        }
        #expect(expected.count > 20, "a gradebook, reports, and feedback and results for nine learners")
    }
}
