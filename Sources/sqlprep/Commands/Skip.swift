import ArgumentParser
import SQLPrepExercises
import SQLPrepWorkspace

extension SQLPrep {
    struct Skip: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move on from the current exercise; it comes back once the others are done.",
            discussion: "Example: sqlprep skip"
        )

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let session = try options.session(create: true)
            guard let exercise = try session.current() else {
                print("Every exercise is passed: nothing to skip.")
                return
            }
            try session.store.recordEvent("skip", exercise: exercise.id)
            try session.store.setCurrent(nil)
            let next = try session.current()
            print("Skipped \(exercise.id).\(next.map { " Next: \($0.title) — run sqlprep next." } ?? "")")
        }
    }
}
