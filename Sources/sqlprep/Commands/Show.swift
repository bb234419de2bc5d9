import ArgumentParser
import SQLPrepData
import SQLPrepExercises

extension SQLPrep {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show an exercise: the question, the tables it needs and the columns to return.",
            discussion: spelled("Example: sqlprep show orders-by-status")
        )

        @Argument(help: "The exercise id (see sqlprep list).")
        var id: String

        @OptionGroup var output: OutputOptions

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let course = try options.courseOptions.load()
            let exercise = try options.courseOptions.exercise(id, in: course)
            print(ExerciseText.render(exercise, style: output.style, width: Terminal.width))
        }
    }
}
