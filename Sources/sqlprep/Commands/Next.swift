import ArgumentParser
import Foundation
import SQLPrepExercises
import SQLPrepText
import SQLPrepWorkspace

extension SQLPrep {
    struct Next: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the exercise to work on next, and create its answer file.",
            discussion: spelled("""
                Shows the current exercise: the question, the columns to return, the tables it needs with \
                a few rows each, and where your answer file is. The current exercise starts as the first \
                in course order; passing it moves on to the next one you have not passed; sqlprep goto ID \
                and sqlprep skip move it too. Run in a folder inside a workspace, it uses that workspace (as git \
                finds .git); the first run in a folder outside any workspace makes it one.

                Example:
                  sqlprep next
                  $EDITOR answers/orders-by-status.sql
                  sqlprep submit
                """)
        )

        @OptionGroup var output: OutputOptions

        @OptionGroup var options: WorkspaceOptions

        /// Set by `watch`, which shows this on its screen: the last line names its keys, not commands.
        @Flag(name: .customLong("for-watch"), help: .hidden)
        var forWatch = false

        func run() throws {
            let session = try options.session(create: true)
            let style = output.style
            guard let exercise = try session.current() else {
                print(style.green(style.bold("Every exercise is passed — well done!")))
                print(ProgressText.render(session: session, style: style, width: Terminal.width))
                print(spelled("Revisit any with sqlprep show ID, or try another seed: sqlprep run --seed 7 -e '…'."))
                return
            }
            let summary = try session.summary()
            print(style.dim("\(exercise.position(in: session.course).capitalizingFirst) · \(summary.passed) passed so far"))
            print(ExerciseText.render(exercise, style: style, width: Terminal.width))
            print(SampleRows.render(for: exercise, style: style), terminator: "")
            try session.workspace.writeStarter(for: exercise)
            let path = relativePath(session.workspace.answerPath(for: exercise))
            print("")
            print(style.bold("Your answer file: ") + path)
            if forWatch {
                print("Write your query there and save it: this screen checks it on every save. Stuck? Press " + style.bold("h") + ".")
            } else {
                print("Write your query there, then run " + style.bold(spelled("sqlprep submit")) + ". Stuck? " + style.bold(spelled("sqlprep hint")) + ".")
            }
        }
    }
}

extension Exercise {
    /// "Exercise 3 of 44"
    func position(in course: Course) -> String {
        "exercise \((course.exercises.firstIndex(of: self) ?? 0) + 1) of \(course.exercises.count)"
    }
}

extension String {
    var capitalizingFirst: String { prefix(1).uppercased() + dropFirst() }
}
