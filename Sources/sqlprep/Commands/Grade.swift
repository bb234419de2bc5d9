import ArgumentParser
import Foundation
import SQLPrepData
import SQLPrepExercises
import SQLPrepGrading

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
                generated from seeds derived from --secret at --variant-scale times the practice dataset's \
                size (the last variant also has edge cases: a channel with spend and no orders, a day with \
                no sessions, a cohort that never returns, orders on window boundaries, more NULL countries). \
                An answer not correct on the practice dataset scores 0 and is not run on the hidden ones; \
                one correct there scores exercise points × the share of all datasets passed (or \
                all-or-nothing, if the assignment says so). Every query runs in a separate \
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
        @Option(name: .long, help: ArgumentHelp("Size of the hidden variants as a fraction of the practice dataset's (0.25, 1/4, or 1 for the same size).", valueName: "fraction"))
        var variantScale: String = VariantScale.default.description

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
            guard VariantScale(text: variantScale) != nil else {
                throw ValidationError("--variant-scale must be a fraction between 0.001 and 1, such as 0.25 or 1/4 (1: as big as the practice dataset).")
            }
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
            let given = try courseOptions.load()
            let (plan, course) = try wrap { try Assignment.load(file: assignment, course: given, courseChosen: courseOptions.course != nil) }
            let roster = try self.roster.map { path in try wrap { try Roster.load(file: path) } }
            let grader = Grader(
                course: course, assignment: plan, roster: roster, hiddenVariants: variants,
                variantScale: VariantScale(text: variantScale) ?? .default, variantKey: VariantKey(secret: try instructorSecret()),
                limits: limitOptions.limits, jobs: jobs, shard: try parsedShard())

            let folder = gradescope ? submissionDir : submissions ?? ""
            let exerciseIDs = Set(plan.items.map(\.exerciseID))
            let scanned = try wrap {
                gradescope
                    ? try Submissions.scanSingle(folder: folder, learner: "submission", exerciseIDs: exerciseIDs)
                    : try Submissions.scan(folder: folder, exerciseIDs: exerciseIDs)
            }

            // Files graded before with the same setup are answered from memory (not in Gradescope mode,
            // where every run is a fresh container).
            let grading = GradingRun(
                grader: grader, coursePath: courseOptions.course ?? plan.coursePath, explainBudget: explain ? explainBudget : nil,
                cache: ImageCache.standard, remember: !gradescope, reuse: !noReuse)
            try grading.prepareDatasets { spec in Terminal.error("Preparing dataset \(spec)…") }

            let progress = Terminal.stdoutIsTerminal || isatty(STDERR_FILENO) == 1
            let report: (@Sendable (Int, Int) -> Void)? = progress ? { @Sendable done, total in GradeProgress.draw(done: done, total: total) } : nil
            let (grades, reused) = grading.grade(scanned, executable: SelfProcess.executable, arguments: [Worker._commandName], progress: report)
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
            let out = self.out ?? ""
            try wrap { try GradeReports.write(grades, to: out) }
            GradeProgress.summary(grades, out: out)
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
