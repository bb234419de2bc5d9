import ArgumentParser
import SQLPrepExercises
import SQLPrepWorkspace

extension SQLPrep {
    struct Goto: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make an exercise the current one.",
            discussion: spelled("Example: sqlprep goto cpo-by-channel")
        )

        @Argument(help: "The exercise id.")
        var id: String

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let session = try options.session(create: true)
            let exercise = try options.courseOptions.exercise(id, in: session.course)
            try session.goTo(exercise)
            try session.workspace.writeStarter(for: exercise)
            let passed = try session.progress()[exercise.id]?.passed == true
            print(spelled("Current exercise: \(exercise.title) (\(relativePath(session.workspace.answerPath(for: exercise)))).\(passed ? " You have passed it already; submitting again is fine." : "") Run sqlprep next to see it."))
        }
    }
}
