import ArgumentParser
import SQLPrepExercises
import SQLPrepWorkspace

extension SQLPrep {
    struct Skip: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move on from the current exercise; it comes back once the others are done.",
            discussion: spelled("Example: sqlprep skip")
        )

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let session = try options.session(create: true)
            guard let (exercise, next) = try session.skip() else {
                print("Every exercise is passed: nothing to skip.")
                return
            }
            switch next {
            case exercise?:
                print("Skipped \(exercise.id), but it is the only exercise you have not passed, so it stays current.")
            case let next?:
                print(spelled("Skipped \(exercise.id). Next: \(next.title) — run sqlprep next."))
            case nil:
                print("Skipped \(exercise.id). Every exercise is passed.")
            }
        }
    }
}
