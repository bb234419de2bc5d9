import ArgumentParser
import Foundation
import SQLPrepExercises
import SQLPrepText
import SQLPrepWorkspace

extension SQLPrep {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the exercises by track, with difficulty and your status.",
            discussion: spelled("""
                Status (passed, attempted, skipped, new) and the current exercise show once the folder is a workspace.

                Examples:
                  sqlprep list
                  sqlprep list --json
                """)
        )

        @OptionGroup var output: JSONOutputOptions

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let course = try options.courseOptions.load()
            let session = options.location.exists ? try options.session(create: false) : nil
            if output.json {
                print(ProgressText.json(session: session, course: course))
                return
            }
            let style = output.style
            let progress = try session?.progress() ?? [:]
            let current = try session?.current()
            print(style.bold(course.title) + " — \(course.exercises.count) exercises in \(course.tracks.count) tracks")
            for track in course.tracks {
                print("")
                print(style.bold(track.title))
                for exercise in course.exercises(in: track) {
                    let status = session == nil ? nil : (progress[exercise.id] ?? ExerciseProgress()).status
                    let id = exercise.id.padding(toLength: 40, withPad: " ", startingAt: 0)
                    let difficulty = exercise.difficulty.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
                    let statusText = (status?.rawValue ?? "").padding(toLength: session == nil ? 0 : 10, withPad: " ", startingAt: 0)
                    let mark = exercise == current ? "  ← current" : ""
                    print("  \(id) \(difficulty) \(status == .passed ? style.green(statusText) : statusText)\(exercise.title)\(mark)")
                }
            }
        }
    }
}
