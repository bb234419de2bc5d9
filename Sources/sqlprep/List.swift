import ArgumentParser
import SQLPrepExercises
import SQLPrepSandbox

extension SQLPrep {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the exercises by track, with their difficulty.",
            discussion: """
                Examples:
                  sqlprep list
                  sqlprep list --json | jq '.[] | .id'
                """
        )

        @Flag(name: .long, help: "Print JSON for tools.")
        var json = false

        @Flag(name: .long, help: "Plain text, no colours.")
        var noColor = false

        @OptionGroup var courseOptions: CourseOptions

        func run() throws {
            let course = try courseOptions.load()
            if json {
                let items = course.exercises.map { exercise in
                    "{\"id\":\(ResultFormatter.jsonString(exercise.id)),\"title\":\(ResultFormatter.jsonString(exercise.title)),\"track\":\(ResultFormatter.jsonString(exercise.track.folder)),\"difficulty\":\(ResultFormatter.jsonString(exercise.difficulty.rawValue))}"
                }
                print("[" + items.joined(separator: ",") + "]")
                return
            }
            let style = TextStyle(color: Terminal.useColor(disabled: noColor))
            print(style.bold(course.title) + " — \(course.exercises.count) exercises in \(course.tracks.count) tracks")
            for track in course.tracks {
                print("")
                print(style.bold(track.title))
                for exercise in course.exercises(in: track) {
                    print("  \(exercise.id.padding(toLength: 42, withPad: " ", startingAt: 0)) \(exercise.difficulty.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(exercise.title)")
                }
            }
        }
    }
}
