import ArgumentParser
import Foundation
import SQLPrepData
import SQLPrepExercises
import SQLPrepGrading
import SQLPrepSandbox

extension SQLPrep {
    struct Grade: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Grade a class's submissions on the practice data and hidden variants.",
            subcommands: [Run.self, Merge.self],
            defaultSubcommand: Run.self
        )
    }
}

extension SQLPrep.Grade {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Grade SUBMISSIONS/<learner>/<exercise-id>.sql and write the gradebook and reports.",
            discussion: """
                Each submission runs on the exercise's practice dataset and on --variants hidden datasets, \
                generated from seeds derived from --secret (the last variant also has edge cases: a channel \
                with spend and no orders, a day with no sessions, a cohort that never returns, orders on \
                window boundaries, more NULL countries). Points = exercise points × the share of datasets \
                passed (or all-or-nothing, if the assignment says so). Every query runs in a separate \
                worker process under the sandbox's limits.

                Writes into --out: gradebook.csv, results/<learner>.json (Gradescope format), summary.json, \
                feedback/<learner>.md, report.html and grades.json (for grade merge). Outputs are identical \
                for the same inputs, whatever --jobs.

                Examples:
                  sqlprep grade submissions/ --out out/ --secret "$SQLPREP_SECRET"
                  sqlprep grade submissions/ --assignment week3.txt --roster roster.csv --out week3/ --jobs 4
                  sqlprep grade submissions/ --out shard1/ --shard 1/4 --secret-file secret.txt
                  sqlprep grade --gradescope      (inside a Gradescope autograder)

                Exit codes: 0 graded, 1 a bad input or output folder (the message says which), 64 usage error.
                """
        )

        @Argument(help: ArgumentHelp("The submissions folder: one folder per learner, one ID.sql per exercise.", valueName: "submissions"))
        var submissions: String?

        @Option(name: .long, help: ArgumentHelp("Output folder.", valueName: "dir"))
        var out: String?

        @Option(name: .long, help: ArgumentHelp("Assignment file: title, exercises and points (default: every exercise, 10 points each).", valueName: "file"))
        var assignment: String?

        @Option(name: .long, help: ArgumentHelp("Class list CSV (id,name,email); listed learners with no submission score zero.", valueName: "file"))
        var roster: String?

        @Option(name: .long, help: "Hidden dataset variants per exercise.")
        var variants: Int = 3

        @Option(name: .long, help: ArgumentHelp("Instructor secret the hidden datasets derive from (or --secret-file, or $SQLPREP_SECRET).", valueName: "text"))
        var secret: String?

        @Option(name: .long, help: ArgumentHelp("File holding the instructor secret.", valueName: "file"))
        var secretFile: String?

        @Option(name: .long, help: "Worker processes (default: the number of cores).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(name: .long, help: ArgumentHelp("Grade only shard K of N (learners sorted by id, every Nth).", valueName: "K/N"))
        var shard: ValidatedArgument<Shard>?

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

        func validate() throws {
            if !gradescope {
                guard submissions != nil else { throw ValidationError("Give the submissions folder: sqlprep grade SUBMISSIONS --out DIR.") }
                guard out != nil else { throw ValidationError("Give an output folder with --out DIR.") }
            }
            guard (0...20).contains(variants) else { throw ValidationError("--variants must be between 0 and 20.") }
            guard jobs >= 1 && jobs <= 256 else { throw ValidationError("--jobs must be between 1 and 256.") }
            _ = try parsedShard()
            if secret != nil && secretFile != nil { throw ValidationError("Give --secret or --secret-file, not both.") }
        }

        func parsedShard() throws -> (Int, Int)? {
            guard let shard = try shard?.validated() else { return nil }
            return (shard.index, shard.count)
        }

        func instructorSecret() throws -> String {
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

        func run() throws {
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
            var course = try courseOptions.load()
            var plan: Assignment
            if let assignment {
                guard let text = try? String(contentsOfFile: assignment, encoding: .utf8) else {
                    throw CLIError("Cannot read the assignment file \(assignment).")
                }
                plan = try wrap { try Assignment.parse(text, file: assignment) }
                if let path = plan.coursePath, courseOptions.course == nil {
                    course = try wrap { try Course.load(directory: path) }
                }
                try wrap { try plan.check(against: course, file: assignment) }
            } else {
                plan = Assignment.everything(in: course)
            }
            var roster: Roster?
            if let path = self.roster {
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw CLIError("Cannot read the roster \(path).") }
                roster = try wrap { try Roster.parse(text, file: path) }
            }
            let secret = try instructorSecret()
            let grader = Grader(
                course: course, assignment: plan, roster: roster, hiddenVariants: variants, secret: secret,
                limits: limitOptions.limits, jobs: jobs, shard: try parsedShard())

            let folder: String
            if gradescope {
                folder = submissionDir
            } else {
                folder = submissions!
            }
            let scanned: Submissions
            if gradescope {
                scanned = try wrap { try Submissions.scanSingle(folder: folder, learner: "submission", exerciseIDs: Set(plan.items.map(\.exerciseID))) }
            } else {
                scanned = try wrap { try Submissions.scan(folder: folder, exerciseIDs: Set(plan.items.map(\.exerciseID))) }
            }

            // Build every dataset once, before the workers start (they only read the cache).
            let cache = ImageCache.standard ?? ImageCache(directory: NSTemporaryDirectory() + "sqlprep-grade-cache-\(getpid())")
            for spec in grader.allDatasets where !FileManager.default.fileExists(atPath: cache.path(for: spec)) {
                Terminal.error("Preparing dataset \(spec)…")
                cache.store(try ShopDataset.build(spec), for: spec)
            }

            let progress = Terminal.stdoutIsTerminal || isatty(STDERR_FILENO) == 1
            var workerArguments = ["grade-worker", "--variants", String(variants), "--variant-key", grader.variantKey,
                                   "--time-limit", String(limitOptions.timeLimit), "--work-limit", String(limitOptions.workLimit), "--memory-limit", String(limitOptions.memoryLimit),
                                   "--row-limit", String(limitOptions.rowLimit), "--explain-budget", String(explain ? max(1, explainBudget) : 0)]
            if let path = courseOptions.course ?? plan.coursePath { workerArguments += ["--course", path] }
            let datasets = course.exercise(id: plan.items[0].exerciseID).map(grader.datasets(for:)) ?? []
            let deadline = Double(datasets.count) * (limitOptions.timeLimit + 1.5) + 30 + (explain ? Double(CounterexampleSearch.Budget().safetyNet.components.seconds) + 10 : 0)
            setenv("SQLPREP_CACHE_DIR", cache.directory, 1)
            let report: (@Sendable (Int, Int) -> Void)? = progress ? { @Sendable done, total in GradeProgress.draw(done: done, total: total) } : nil
            let pool = WorkerPool(
                executable: SelfProcess.executable, arguments: workerArguments, count: jobs, jobDeadline: deadline, datasets: datasets,
                progress: report)
            // Files graded before with the same setup are answered from memory (not in Gradescope mode,
            // where every run is a fresh container).
            let memory = gradescope ? nil : GradingMemory(path: cache.directory + "/grading-memory.db", setup: workerArguments)
            let exerciseKeys = Dictionary(
                plan.items.compactMap { item in course.exercise(id: item.exerciseID).map { (item.exerciseID, GradingMemory.key(for: $0)) } },
                uniquingKeysWith: { first, _ in first })
            var reused = 0
            let grades = grader.grade(scanned) { jobs in
                guard let memory else { return pool.run(jobs) }
                let answer = memory.run(jobs, exerciseKeys: exerciseKeys, reuse: !noReuse, through: pool.run)
                reused = answer.reused
                return answer.outcomes
            }
            if progress { Terminal.error("") }

            if gradescope {
                guard let learner = grades.learners.first else { throw CLIError("Nothing to grade in \(folder).") }
                let text = GradeReports.gradescope(learner, grades: grades)
                try? FileManager.default.createDirectory(atPath: URL(fileURLWithPath: resultsFile).deletingLastPathComponent().path, withIntermediateDirectories: true)
                do { try text.write(toFile: resultsFile, atomically: true, encoding: .utf8) } catch {
                    throw CLIError("Cannot write \(resultsFile): \(error.localizedDescription)")
                }
                print("Wrote \(resultsFile): \(GradeReports.number(learner.points)) of \(GradeReports.number(learner.maxPoints)) points.")
                return
            }
            try wrap { try GradeReports.write(grades, to: out!) }
            GradeProgress.summary(grades, out: out!)
            if reused > 0 {
                print("Reused the outcomes of \(reused) file\(reused == 1 ? "" : "s") graded before with the same setup (--no-reuse grades everything again).")
            }
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Combine the output folders of sharded grade runs into one set of outputs.",
            discussion: "Example: sqlprep grade merge shard1/ shard2/ shard3/ --out class/"
        )

        @Argument(help: ArgumentHelp("Output folders of `sqlprep grade --shard K/N` runs.", valueName: "dir"))
        var folders: [String]

        @Option(name: .long, help: ArgumentHelp("Output folder for the merged results.", valueName: "dir"))
        var out: String

        func validate() throws {
            guard !folders.isEmpty else { throw ValidationError("Give the shard output folders to merge.") }
        }

        func run() throws {
            let shards = try folders.map { folder in try wrap { try GradeReports.loadGrades(folder) } }
            let merged = try wrap { try ClassGrades.merge(shards) }
            try wrap { try GradeReports.write(merged, to: out) }
            GradeProgress.summary(merged, out: out)
        }
    }

    /// The hidden worker process `grade` starts: jobs in on stdin, results out on stdout.
    struct Worker: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "grade-worker", abstract: "Internal: a grading worker process.", shouldDisplay: false)

        @Option var variants: Int
        @Option var variantKey: String
        @Option var explainBudget: Int = 0
        @OptionGroup var courseOptions: CourseOptions
        @OptionGroup var limitOptions: LimitOptions

        func run() throws {
            let course = try courseOptions.load()
            // The plan per exercise is rebuilt from the variant key, exactly as the parent built it.
            let worker = GradingWorker(course: course, variants: variants, variantKey: variantKey, limits: limitOptions.limits, explainBudget: explainBudget)
            worker.run()
        }
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
        if !grades.unmatched.isEmpty {
            print("\(grades.unmatched.count) file\(grades.unmatched.count == 1 ? "" : "s") matched no exercise:")
            for file in grades.unmatched.prefix(10) { print("  \(file.path): \(file.reason)") }
            if grades.unmatched.count > 10 { print("  … and \(grades.unmatched.count - 10) more (see summary.json)") }
        }
        print("Wrote \(out)/gradebook.csv, results/, feedback/, summary.json and report.html.")
    }
}
