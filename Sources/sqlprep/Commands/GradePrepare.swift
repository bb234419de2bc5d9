import ArgumentParser
import Foundation
import SQLPrepData
import SQLPrepGrading
import SQLPrepSandbox

extension SQLPrep.Grade {
    /// `grade prepare`: builds a grading's datasets once into a folder that every shard then reads.
    struct Prepare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the datasets a grading needs into a folder that every shard reads (grade --datasets DIR).",
            discussion: spelled("""
                On a cluster, each shard would otherwise build the same practice and hidden datasets itself. \
                Run this once, on a shared folder, with the same assignment, --variants, secret and --course as the \
                grading; then every shard maps the datasets read-only from that folder. A release with another data generator, schema or \
                SQLite does not read them (a shard run by one says that the datasets are missing): prepare \
                again after upgrading.

                Example (both with the same --assignment, --variants and secret):
                  sqlprep grade prepare --out /shared/ds
                  sqlprep grade subs/ --out s1/ --shard 1/4 --datasets /shared/ds

                Exit codes: 0 prepared, 1 an unusable input or a folder that cannot be written, 64 usage error.
                """),
            helpNames: [.short, .long]
        )

        @Option(name: .long, help: ArgumentHelp("The folder to build the datasets in (shared by the shards).", valueName: "dir"))
        var out: String

        @Option(name: .long, help: ArgumentHelp("Assignment file, as for grade (default: every exercise).", valueName: "file"))
        var assignment: String?

        @Option(name: .long, help: "Hidden dataset variants per exercise, as for grade.")
        var variants: Int = 3

        @Option(name: .long, help: ArgumentHelp("Instructor secret, as for grade (or --secret-file, or $SQLPREP_SECRET).", valueName: "text"))
        var secret: String?

        @Option(name: .long, help: ArgumentHelp("File holding the instructor secret.", valueName: "file"))
        var secretFile: String?

        @OptionGroup var courseOptions: CourseOptions

        func validate() throws {
            guard (0...20).contains(variants) else { throw ValidationError("--variants must be between 0 and 20.") }
            if secret != nil && secretFile != nil { throw ValidationError("Give --secret or --secret-file, not both.") }
        }

        func run() throws {
            let given = try courseOptions.load()
            let (plan, course) = try wrap { try Assignment.load(file: assignment, course: given, courseChosen: courseOptions.course != nil) }
            let key = VariantKey(secret: try SQLPrep.Grade.instructorSecret(secret: secret, secretFile: secretFile, variants: variants))
            let grader = Grader(
                course: course, assignment: plan, roster: nil, hiddenVariants: variants, variantKey: key,
                limits: SandboxLimits(), jobs: 1, shard: nil)
            // No size limit: every dataset of the grading stays, however many.
            let folder = ImageCache(directory: out, sizeLimit: Int.max)
            let grading = GradingRun(
                grader: grader, coursePath: courseOptions.course ?? plan.coursePath, explainBudget: nil, cache: folder, remember: false, reuse: false)
            var built = 0
            try wrap {
                try grading.prepareDatasets { spec in
                    built += 1
                    Terminal.error("Preparing dataset \(spec)…")
                }
            }
            let missing = grader.allDatasets.filter { !folder.contains($0) }
            guard missing.isEmpty else {
                throw CLIError("Cannot write the datasets to \(out): \(missing.count) of \(grader.allDatasets.count) are missing there. Check that the folder is writable and has room.")
            }
            let total = grader.allDatasets.count
            print("Prepared \(total) dataset\(total == 1 ? "" : "s") in \(out) (\(built) built, \(total - built) already there).")
            print("Shards read them with --datasets \(out) (or $\(GradeOptions.datasetsVariable)=\(out)), with the same assignment, --variants and secret.")
        }
    }
}
