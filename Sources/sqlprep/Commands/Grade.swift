import ArgumentParser
import Foundation
import SQLPrepData
import SQLPrepExercises
import SQLPrepGrading

extension SQLPrep {
    /// `sqlprep grade SUBMISSIONS --out DIR …` grades (its default subcommand, `run`); `grade merge`
    /// joins shards. `grade` takes no help flag of its own, so `grade --help` reaches `run`'s help:
    /// the grading options, the examples, and the merge subcommand.
    struct Grade: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Grade a class's submissions on the practice data and hidden variants.",
            subcommands: [Run.self, Merge.self, Prepare.self],
            defaultSubcommand: Run.self,
            helpNames: []
        )
    }
}

extension SQLPrep.Grade {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Grade a class's submissions on the practice data and hidden variants.",
            usage: """
                sqlprep grade <submissions> --out <dir> [<options>]
                sqlprep grade --gradescope --assignment <file> [<options>]
                sqlprep grade merge <dir> ... --out <dir>
                sqlprep grade prepare --out <dir> [<options>]
                """,
            discussion: spelled("""
                Grades SUBMISSIONS/<learner>/<exercise-id>.sql. Each answer runs on the exercise's \
                practice dataset and on --variants hidden datasets, generated from seeds derived from \
                --secret at --variant-scale times the practice dataset's size (the last variant also has \
                edge cases: a channel with spend and no orders, a day with no sessions, a cohort that never \
                returns, orders on window boundaries, more NULL countries). An answer not correct on the \
                practice dataset scores 0 and is not run on the hidden ones; one correct there scores \
                exercise points × the share of all datasets passed (or all-or-nothing, if the assignment \
                says so). Every query runs in a separate worker process under the sandbox's limits.

                Without --assignment, the exercises that appear in the submissions are graded, 10 points \
                each (--all: every exercise of the course). A file named nearly right (cpo_by_channel.sql, \
                CPO-by-Channel.SQL, or one folder down) is graded with a note, unless the assignment says \
                strict_names: true.

                Writes into --out: gradebook.csv, results/<learner>.json (Gradescope format), \
                summary.json, feedback/<learner>.md, report.html (pass rates, a learner × exercise grid, \
                the wrong answers grouped by how they are wrong), grades.json and manifest.json (for grade \
                merge). Outputs are identical for the same inputs, whatever --jobs.

                Examples:
                  sqlprep grade subs/ --out out/ --secret "$SQLPREP_SECRET"
                  sqlprep grade subs/ --assignment week3.txt --roster roster.csv \\
                      --out week3/ --jobs 4
                  sqlprep grade subs/ --out shard1/ --shard 1/4 --secret-file secret.txt
                  sqlprep grade subs/ --out "shards/$SLURM_ARRAY_TASK_ID" --shard auto
                  sqlprep grade merge shard1/ shard2/ shard3/ shard4/ --out class/
                  sqlprep grade --gradescope --assignment week3.txt
                      (inside a Gradescope autograder)

                Shards: --shard K/N grades one of N even shares of the class (by files to grade); \
                --shard auto takes K and N from a Slurm job array or a Kubernetes Indexed Job. \
                sqlprep grade merge DIR… --out DIR checks and combines the outputs of the sharded runs \
                (see sqlprep grade merge --help); sqlprep grade prepare builds their datasets once. The \
                older spelling, sqlprep grade run …, still works.

                Exit codes: 0 graded; 1 a bad input or output folder, or (--gradescope) a missing or \
                empty submission (the message says which); 64 usage error (also --shard auto where the \
                environment names no shard, or contradicts itself).
                """),
            helpNames: [.short, .long]
        )

        @OptionGroup var options: GradeOptions

        func run() throws { try options.grade() }
    }
}

/// The grading options and the grading itself (`grade`, that is `grade run`).
struct GradeOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The submissions folder: one folder per learner, one ID.sql per exercise.", valueName: "submissions"))
    var submissions: String?

    @Option(name: .long, help: ArgumentHelp("Output folder.", valueName: "dir"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Assignment file: title, exercises and points (default: the exercises found in the submissions, 10 points each).", valueName: "file"))
    var assignment: String?

    @Flag(name: .long, help: "Without --assignment: grade every exercise of the course, not only those found in the submissions.")
    var all = false

    @Option(name: .long, help: ArgumentHelp("Class list CSV (id,name,email); listed learners with no submission score zero.", valueName: "file"))
    var roster: String?

    @Option(name: .long, help: "Hidden dataset variants per exercise.")
    var variants: Int = 3

    @Option(name: .long, help: ArgumentHelp("Size of the hidden variants as a fraction of the practice dataset's (0.25, 1/4, or 1 for the same size).", valueName: "fraction"))
    var variantScale: String = VariantScale.default.description

    @Option(name: .long, help: ArgumentHelp("Instructor secret the hidden datasets derive from (or --secret-file, or $SQLPREP_SECRET).", valueName: "text"))
    var secret: String?

    @Option(name: .long, help: ArgumentHelp("File holding the instructor secret.", valueName: "file"))
    var secretFile: String?

    @Option(name: .long, help: ArgumentHelp("Worker processes (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Option(name: .long, help: ArgumentHelp("Grade only shard K of N (the class split evenly by files to grade), or auto: K and N from a Slurm job array (SLURM_ARRAY_TASK_*) or a Kubernetes Indexed Job (JOB_COMPLETION_INDEX).", valueName: "K/N"))
    var shard: ValidatedArgument<Shard>?

    @Option(name: .long, help: ArgumentHelp("With --shard auto: the number of shards, for a Kubernetes Indexed Job (or $\(ShardEnvironment.countVariable)).", valueName: "N"))
    var shards: Int?

    @Option(name: .long, help: ArgumentHelp("Read the datasets from a folder made by grade prepare (or $\(Self.datasetsVariable)), shared by every shard; nothing is built.", valueName: "dir"))
    var datasets: String?

    @Flag(name: .long, help: "Add a small counterexample to each wrong answer (practice data in the learner's feedback; hidden data in the instructor's report only). Each search is bounded by work (--explain-budget), so the outputs are the same on every machine.")
    var explain = false

    @Option(name: .long, help: ArgumentHelp("Candidate databases each counterexample search may try, with --explain.", valueName: "candidates"))
    var explainBudget: Int = CounterexampleSearch.Budget().candidates

    @Flag(name: .long, help: "Run as a Gradescope autograder: read /autograder/submission, write /autograder/results/results.json.")
    var gradescope = false

    @Option(name: .long, help: ArgumentHelp("With --gradescope: the submission folder.", valueName: "dir"))
    var submissionDir = "/autograder/submission"

    @Option(name: .long, help: ArgumentHelp("With --gradescope: where to write results.json.", valueName: "file"))
    var resultsFile = "/autograder/results/results.json"

    @Flag(name: .long, help: "Grade every file again instead of answering from the outcomes kept by earlier runs with the same setup (the fresh outcomes are kept).")
    var noReuse = false

    @OptionGroup var courseOptions: CourseOptions
    @OptionGroup var limitOptions: LimitOptions

    var workerCount: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        if !gradescope {
            guard submissions != nil else { throw ValidationError("Give the submissions folder: sqlprep grade SUBMISSIONS --out DIR.") }
            guard out != nil else { throw ValidationError("Give an output folder with --out DIR.") }
        }
        guard (0...20).contains(variants) else { throw ValidationError("--variants must be between 0 and 20.") }
        guard VariantScale(text: variantScale) != nil else {
            throw ValidationError("--variant-scale must be a fraction between 0.001 and 1, such as 0.25 or 1/4 (1: as big as the practice dataset).")
        }
        guard workerCount >= 1 && workerCount <= 256 else { throw ValidationError("--jobs must be between 1 and 256.") }
        let shard = try self.shard?.validated()
        if let shards {
            guard shards >= 1 else { throw ValidationError("--shards must be 1 or more.") }
            guard let shard else { throw ValidationError("--shards goes with --shard auto.") }
            if !shard.isAutomatic && shard.count != shards {
                throw ValidationError("--shard \(shard.index)/\(shard.count) and --shards \(shards) disagree; give one of them.")
            }
        }
        if secret != nil && secretFile != nil { throw ValidationError("Give --secret or --secret-file, not both.") }
        if all && assignment != nil { throw ValidationError("Give --assignment FILE or --all, not both.") }
        if gradescope && assignment == nil && !all {
            // Each Gradescope submission is graded alone: the exercises cannot be read off it.
            throw ValidationError("With --gradescope, give --assignment FILE (or --all): each submission is graded alone, so the exercises to grade cannot be taken from it.")
        }
    }

    /// The environment variable naming a folder of prepared datasets (`--datasets`).
    static let datasetsVariable = "SQLPREP_DATASETS"

    /// `(K, N)`, or nil for the whole class; `--shard auto` reads them from `environment` (a usage
    /// error, exit 64, when it names no shard or contradicts itself).
    func parsedShard(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> (Int, Int)? {
        guard let shard = try shard?.validated() else { return nil }
        guard shard.isAutomatic else { return (shard.index, shard.count) }
        do {
            let choice = try ShardEnvironment.resolve(environment, shards: shards)
            return (choice.index, choice.count)
        } catch {
            throw CLIError(error.message, exitCode: 64)
        }
    }

    func instructorSecret() throws -> String {
        try SQLPrep.Grade.instructorSecret(secret: secret, secretFile: secretFile, variants: variants)
    }

    /// With --gradescope, a submission that cannot be graded at all still gets a results.json that
    /// says why (Gradescope shows it to the learner), and the command exits 1.
    func gradescopeFailure(_ message: String) throws -> Never {
        try? FileManager.default.createDirectory(atPath: URL(fileURLWithPath: resultsFile).deletingLastPathComponent().path, withIntermediateDirectories: true)
        guard (try? GradeReports.gradescopeFailure(message).write(toFile: resultsFile, atomically: true, encoding: .utf8)) != nil else {
            throw CLIError("\(message) (and cannot write \(resultsFile))")
        }
        throw CLIError("\(message) Wrote \(resultsFile) with a score of 0.")
    }

    func grade() throws {
        // Ctrl-C: say what happened and stop. Outputs are only ever swapped in whole at the end,
        // so an interrupted run leaves the output folder as it was.
        // (Unblocked first: a parent that blocked SIGINT, such as a test runner's thread, passes the mask on.)
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
        signal(SIGINT) { _ in
            let message = "\nsqlprep: grading interrupted; the output folder was not changed. Run the same command again to grade.\n"
            _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
            _exit(130)
        }
        let shard = try parsedShard()
        let given = try courseOptions.load()
        var (plan, course) = try wrap { try Assignment.load(file: assignment, course: given, courseChosen: courseOptions.course != nil) }
        let roster = try self.roster.map { path in try wrap { try Roster.load(file: path) } }

        let folder = gradescope ? submissionDir : submissions ?? ""
        if gradescope {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                try gradescopeFailure("No submission folder \(folder): nothing was handed in, so nothing was graded.")
            }
            let visible = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }
            if visible.isEmpty { try gradescopeFailure("The submission is empty: hand in one .sql file per exercise, named like \(plan.items.first?.exerciseID ?? "orders-by-status").sql.") }
        }
        func scan(_ ids: Set<String>) throws -> Submissions {
            try wrap {
                gradescope
                    ? try Submissions.scanSingle(folder: folder, learner: "submission", exerciseIDs: ids, strictNames: plan.strictNames)
                    : try Submissions.scan(folder: folder, exerciseIDs: ids, strictNames: plan.strictNames)
            }
        }
        var scanned = try scan(Set(plan.items.map(\.exerciseID)))
        if assignment == nil && !all {
            // No assignment: grade what the class handed in, and say so.
            let found = Submissions.exercisesFound(scanned, in: course.exercises.map(\.id))
            guard !found.isEmpty else {
                let message = "No file in \(folder) is named after an exercise of the course (such as \(course.exercises.first?.id ?? "orders-by-status").sql)."
                if gradescope { try gradescopeFailure(message) }
                throw CLIError(message + " Give --assignment FILE, or --all to grade every exercise.")
            }
            plan = Assignment.found(found, in: course)
            scanned = try scan(Set(found))
            let shown = found.count <= 8 ? found.joined(separator: ", ") : found.prefix(8).joined(separator: ", ") + ", …"
            Terminal.error("Grading the \(found.count == 1 ? "exercise" : "\(found.count) exercises") found in the submissions: \(shown); use --assignment FILE or --all to choose.")
        } else if gradescope && scanned.files.isEmpty {
            try gradescopeFailure("No file in the submission is named after an exercise of the assignment (such as \(plan.items.first?.exerciseID ?? "").sql).")
        }
        let grader = Grader(
            course: course, assignment: plan, roster: roster, hiddenVariants: variants,
            variantScale: VariantScale(text: variantScale) ?? .default, variantKey: VariantKey(secret: try instructorSecret()),
            limits: limitOptions.limits, jobs: workerCount, shard: shard)

        // Files graded before with the same setup are answered from memory (not in Gradescope mode,
        // where every run is a fresh container).
        let sharedFolder = (datasets ?? ProcessInfo.processInfo.environment[Self.datasetsVariable]).flatMap { $0.isEmpty ? nil : $0 }
        if let sharedFolder {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: sharedFolder, isDirectory: &isFolder), isFolder.boolValue else {
                throw CLIError("No prepared datasets folder \(sharedFolder) (--datasets or $\(Self.datasetsVariable)). Make it with sqlprep grade prepare --out \(sharedFolder).")
            }
        }
        let grading = GradingRun(
            grader: grader, coursePath: courseOptions.course ?? plan.coursePath, explainBudget: explain ? explainBudget : nil,
            cache: ImageCache.standard, remember: !gradescope, reuse: !noReuse, datasets: sharedFolder.map { ImageCache(directory: $0) })
        try wrap { try grading.prepareDatasets { spec in Terminal.error("Preparing dataset \(spec)…") } }

        let progress = Terminal.stdoutIsTerminal || isatty(STDERR_FILENO) == 1
        let report: (@Sendable (Int, Int) -> Void)? = progress ? { @Sendable done, total in GradeProgress.draw(done: done, total: total) } : nil
        let (grades, reused) = grading.grade(scanned, executable: SelfProcess.executable, arguments: [SQLPrep.Grade.Worker._commandName], progress: report)
        if progress { Terminal.error("") }

        if gradescope {
            guard let learner = grades.learners.first else { try gradescopeFailure("Nothing to grade in \(folder).") }
            let text = GradeReports.gradescope(learner, grades: grades)
            try? FileManager.default.createDirectory(atPath: URL(fileURLWithPath: resultsFile).deletingLastPathComponent().path, withIntermediateDirectories: true)
            do { try text.write(toFile: resultsFile, atomically: true, encoding: .utf8) } catch {
                throw CLIError("Cannot write \(resultsFile): \(error.localizedDescription)")
            }
            print("Wrote \(resultsFile): \(GradeReports.number(learner.points)) of \(GradeReports.number(learner.maxPoints)) points.")
            return
        }
        let out = self.out ?? ""
        let manifest = grading.manifest(program: "sqlprep \(SQLPrep.version)", submissions: scanned)
        try wrap { try GradeReports.write(grades, to: out, extraFiles: [(ShardManifest.fileName, manifest.json())]) }
        if let (k, n) = grader.shard {
            print("Shard \(k) of \(n): \(manifest.learners.count) of the class's \(manifest.classLearners) learner\(manifest.classLearners == 1 ? "" : "s") (sqlprep grade merge joins the \(n) output folders).")
        }
        GradeProgress.summary(grades, out: out)
        if reused > 0 {
            print("Reused the outcomes of \(reused) file\(reused == 1 ? "" : "s") graded before with the same setup (--no-reuse grades everything again).")
        }
    }
}

extension SQLPrep.Grade {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Combine the output folders of sharded grade runs into one set of outputs.",
            discussion: spelled("""
                Checks each folder's manifest.json first: every shard K of N must be there once, all graded with \
                the same setup (version of sqlprep, secret, assignment, roster, --variants, limits, --explain) from \
                the same class. A complete set merges into outputs byte-identical to one grade run on one machine.

                Examples:
                  sqlprep grade merge shard1/ shard2/ shard3/ --out class/
                  sqlprep grade merge shards/* --out class/ --partial   (shards missing)

                Exit codes: 0 merged, 1 a folder cannot be read or the output cannot be written, 3 the folders are \
                not one complete set of shards (the message names what is missing or differs; nothing is written), \
                64 usage error.
                """),
            helpNames: [.short, .long]
        )

        @Argument(help: ArgumentHelp("Output folders of `sqlprep grade --shard` runs.", valueName: "dir"))
        var folders: [String]

        @Option(name: .long, help: ArgumentHelp("Output folder for the merged results.", valueName: "dir"))
        var out: String

        @Flag(name: .long, help: "Merge even if shards are missing; the outputs then say they are partial (PARTIAL.txt, manifest.json). Shards of different gradings are never merged.")
        var partial = false

        func validate() throws {
            guard !folders.isEmpty else { throw ValidationError("Give the shard output folders to merge.") }
        }

        func run() throws {
            let members = try folders.map { folder in
                try wrap { ShardSet.Member(folder: folder, manifest: try ShardManifest.load(folder), grades: try GradeReports.loadGrades(folder)) }
            }
            let merged: (grades: ClassGrades, manifest: ShardManifest)
            do {
                merged = try wrap { try ShardSet.merge(members, partial: partial) }
            } catch let refusal as ShardSet.Refusal {
                throw CLIError(refusal.description, exitCode: 3)
            }
            var extra = [(ShardManifest.fileName, merged.manifest.json())]
            if let missing = merged.manifest.partial {
                let shards = missing.missingShards.map(String.init).joined(separator: ", ")
                extra.append(("PARTIAL.txt", """
                    These outputs are PARTIAL: shard\(missing.missingShards.count == 1 ? "" : "s") \(shards) of \(members[0].manifest?.shards ?? 0) \
                    \(missing.missingShards.count == 1 ? "was" : "were") not merged, so \(missing.missingLearners) of the class's \
                    \(merged.manifest.classLearners) learners are missing from the gradebook, the reports and the statistics.

                    """))
            }
            try wrap { try GradeReports.write(merged.grades, to: out, extraFiles: extra) }
            if let missing = merged.manifest.partial {
                print("PARTIAL merge: shard\(missing.missingShards.count == 1 ? "" : "s") \(missing.missingShards.map(String.init).joined(separator: ", ")) missing; \(missing.missingLearners) of the class's \(merged.manifest.classLearners) learners are not in these outputs (see \(out)/PARTIAL.txt).")
            }
            GradeProgress.summary(merged.grades, out: out)
        }
    }

    /// The hidden worker process `grade` starts: its configuration as one JSON argument, jobs in on
    /// stdin, results out on stdout.
    struct Worker: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "grade-worker", abstract: "Internal: a grading worker process.", shouldDisplay: false)

        @Argument(help: "The worker configuration, as JSON.")
        var setup: String

        func run() throws {
            try GradingWorker(configuration: WorkerConfiguration(json: setup)).run()
        }
    }
}

extension SQLPrep.Grade {
    /// The instructor's secret: `--secret`, else `--secret-file`, else `$SQLPREP_SECRET`, else a default
    /// (with a note, when hidden variants are asked for).
    static func instructorSecret(secret: String?, secretFile: String?, variants: Int) throws -> String {
        if let secret { return secret }
        if let secretFile {
            guard let text = try? String(contentsOfFile: secretFile, encoding: .utf8) else {
                throw CLIError("Cannot read the secret file \(secretFile).")
            }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let env = ProcessInfo.processInfo.environment["SQLPREP_SECRET"], !env.isEmpty { return env }
        if variants > 0 {
            Terminal.error("Note: no --secret given; hidden datasets use a default secret that learners could reproduce. Pass --secret for real grading.")
        }
        return "sqlprep-default-secret"
    }
}

/// Converts the grading library's errors into one-line CLI errors.
func wrap<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as GradingError {
        throw CLIError("\(error)")
    } catch let problems as CourseProblems {
        throw CLIError("\(problems)")
    }
}

enum GradeProgress {
    static func draw(done: Int, total: Int) {
        let width = 30
        let filled = total == 0 ? width : done * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        Terminal.errorNow("\rGrading \(bar) \(done)/\(total)")
    }

    static func summary(_ grades: ClassGrades, out: String) {
        let mean = grades.learners.isEmpty ? 0 : grades.learners.map { $0.maxPoints > 0 ? $0.points / $0.maxPoints * 100 : 0 }.reduce(0, +) / Double(grades.learners.count)
        print("Graded \(grades.learners.count) learner\(grades.learners.count == 1 ? "" : "s") on \(grades.exercises.count) exercise\(grades.exercises.count == 1 ? "" : "s") (datasets: \(grades.datasets.map(\.label).joined(separator: ", "))); mean score \(String(format: "%.1f", mean))%.")
        let renamed = grades.learners.flatMap { learner in learner.exercises.filter { $0.note != nil }.map { "\(learner.learner)/\($0.exerciseID)" } }
        if !renamed.isEmpty {
            print("\(renamed.count) file\(renamed.count == 1 ? " was" : "s were") graded under a near-miss name, with a note in the feedback: \(renamed.prefix(10).joined(separator: ", "))\(renamed.count > 10 ? ", …" : "") (see report.html).")
        }
        if !grades.unmatched.isEmpty {
            print("\(grades.unmatched.count) file\(grades.unmatched.count == 1 ? "" : "s") matched no exercise:")
            for file in grades.unmatched.prefix(10) { print("  \(file.path): \(file.reason)") }
            if grades.unmatched.count > 10 { print("  … and \(grades.unmatched.count - 10) more (see summary.json)") }
        }
        let overfit = grades.learners.flatMap { learner in learner.exercises.filter(\.rightOnPracticeOnly).map { "\(learner.learner)/\($0.exerciseID)" } }
        if !overfit.isEmpty {
            print("Right on the practice data, wrong on every hidden dataset (likely written for the practice data): \(overfit.prefix(10).joined(separator: ", "))\(overfit.count > 10 ? ", …" : "").")
        }
        print("Wrote \(out)/gradebook.csv, results/, feedback/, summary.json and report.html.")
    }
}
