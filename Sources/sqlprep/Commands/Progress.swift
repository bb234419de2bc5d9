import ArgumentParser
import Foundation
import SQLPrepExercises
import SQLPrepWorkspace

extension SQLPrep {
    struct Progress: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show your progress, or move it between machines.",
            subcommands: [Summary.self, Export.self, Import.self],
            defaultSubcommand: Summary.self
        )
    }
}

extension SQLPrep.Progress {
    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Progress bars per track and each exercise's status, attempts and hints used.",
            discussion: spelled("Examples:\n  sqlprep progress\n  sqlprep progress show --json")
        )

        @OptionGroup var output: JSONOutputOptions

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let session = try options.session(create: false)
            if output.json {
                print(ProgressText.json(session: session, course: session.course))
            } else {
                print(ProgressText.render(session: session, style: output.style, width: Terminal.width), terminator: "")
                let now = WorkspaceClock.now() ?? Date()  // checked at startup (SQLPrep.main)
                if let line = ReviewText.progressLine(queue: try session.store.reviewQueue(order: session.course.exercises.map(\.id)), now: now) {
                    print("")
                    print(spelled(line))
                }
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write your progress to a JSON file (the format is documented in the README).",
            discussion: spelled("Example: sqlprep progress export ~/sqlprep-progress.json")
        )

        @Argument(help: ArgumentHelp("The file to write.", valueName: "file"))
        var file: String

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let session = try options.session(create: false)
            let export = try session.store.exportProgress(to: file)
            print("Wrote \(export.attempts.count) attempts, \(export.hints.count) hints, \(export.events.count) events and \(export.reviews?.count ?? 0) reviews to \(file).")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge progress from a JSON export into this workspace (nothing is overwritten).",
            discussion: spelled("Example: sqlprep progress import ~/sqlprep-progress.json")
        )

        @Argument(help: ArgumentHelp("The export file to read.", valueName: "file"))
        var file: String

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let session = try options.session(create: true)
            let added = try session.store.importProgress(from: file)
            print("Imported \(added.attempts) new attempts, \(added.hints) hints, \(added.events) events and \(added.reviews) reviews from \(file).")
        }
    }
}
