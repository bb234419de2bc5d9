import ArgumentParser
import Foundation
import SQLPrepExercises
import SQLPrepWorkspace

extension SQLPrep {
    struct Solution: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the reference solution of an exercise you have passed (or with --force).",
            discussion: spelled("Examples:\n  sqlprep solution orders-by-status\n  sqlprep solution orders-by-status --force")
        )

        @Argument(help: "The exercise id.")
        var id: String

        @Flag(name: .long, help: "Show it before you have passed (recorded in your progress).")
        var force = false

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let session = try options.session(create: true)
            let exercise = try options.courseOptions.exercise(id, in: session.course)
            let passed = try session.progress()[exercise.id]?.passed == true
            guard passed || force else {
                print(spelled("You have not passed \(exercise.id) yet, so its solution stays hidden. Try sqlprep hint \(exercise.id); or use --force to see it anyway (that is recorded)."))
                throw ExitCode(1)
            }
            try session.store.recordEvent(passed ? "solution" : "solution-forced", exercise: exercise.id)
            print(exercise.solution.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
