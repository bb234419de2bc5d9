import ArgumentParser
import SQLPrepExercises
import SQLPrepText
import SQLPrepWorkspace

extension SQLPrep {
    struct Hint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reveal the next hint for the current exercise (or ID).",
            discussion: spelled("""
                Hints go from the definition, to the usual pitfall, to the shape of the query. If your last \
                attempt showed a recognised mistake (integer division, say), the hint about it comes first.

                Examples:
                  sqlprep hint
                  sqlprep hint orders-by-status
                """)
        )

        @Argument(help: "The exercise (default: the current one).")
        var id: String?

        @OptionGroup var output: OutputOptions

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let session = try options.session(create: true)
            guard let exercise = try id.map({ try options.courseOptions.exercise($0, in: session.course) }) ?? session.current() else {
                print("Every exercise is passed: no hints needed.")
                return
            }
            let style = output.style
            let hints = try session.orderedHints(for: exercise)
            guard !hints.isEmpty else {
                print("\(exercise.title) has no hints.")
                return
            }
            let before = try session.store.hintsRevealed(exercise.id)
            let level = try session.store.revealHint(exercise: exercise.id, available: hints.count)
            print(style.bold("Hints for \(exercise.title)") + style.dim(" (\(level) of \(hints.count))"))
            let reference = ExerciseTexts.reference(for: exercise)
            for (index, hint) in hints.prefix(level).enumerated() {
                print("")
                let label = "\(index + 1). "
                print(ExerciseText.numbered(
                    index + 1 == level && level > before ? style.yellow(label) : label, labelWidth: label.count,
                    exercise.text(of: hint, reference: reference), style: style, width: Terminal.width))
            }
            if level == before {
                print("")
                print(style.dim(spelled("That was the last hint. sqlprep solution \(exercise.id) --force shows the answer (and records that you looked).")))
            }
        }
    }
}
