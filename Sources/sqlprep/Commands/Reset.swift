import ArgumentParser
import Foundation
import SQLPrepExercises
import SQLPrepWorkspace

extension SQLPrep {
    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Restore an exercise's starter answer file, or clear all progress (with a backup).",
            discussion: spelled("""
                sqlprep reset ID rewrites answers/ID.sql with the starter; your progress is kept. \
                sqlprep reset --all clears your progress after a backup to .sqlprep/backups/; answer files are kept. \
                Both ask for confirmation on a terminal; elsewhere pass --yes.

                Examples:
                  sqlprep reset orders-by-status
                  sqlprep reset --all --yes
                """)
        )

        @Argument(help: "The exercise whose answer file to restore.")
        var id: String?

        @Flag(name: .long, help: "Clear all progress (attempts, hints, skips), keeping a backup.")
        var all = false

        @Flag(name: .long, help: "Do not ask for confirmation.")
        var yes = false

        @OptionGroup var options: WorkspaceOptions

        func validate() throws {
            if all == (id != nil) { throw ValidationError("Give an exercise id, or --all (not both).") }
        }

        func run() throws {
            let session = try options.session(create: false)
            if all {
                guard try confirm("Clear all progress in \(session.workspace.root)? A backup is kept in .sqlprep/backups/.") else { return }
                try FileManager.default.createDirectory(atPath: session.workspace.backupsFolder, withIntermediateDirectories: true)
                let stamp = ProgressStoreClock.stamp()
                let backup = session.workspace.backupsFolder + "/progress-\(stamp).db"
                try session.store.resetAll(backupPath: backup)
                print(spelled("Progress cleared. The old progress is in \(relativePath(backup)); sqlprep progress import can restore it from an export, or copy the file back."))
                return
            }
            let exercise = try options.courseOptions.exercise(id!, in: session.course)
            let path = session.workspace.answerPath(for: exercise)
            if FileManager.default.fileExists(atPath: path) && !session.workspace.answerIsUntouched(exercise) {
                guard try confirm("Replace your answer in \(relativePath(path)) with the starter file?") else { return }
            }
            try session.workspace.writeStarter(for: exercise, overwrite: true)
            try session.store.recordEvent("reset", exercise: exercise.id)
            print("Restored \(relativePath(path)) to the starter file. Your progress is kept.")
        }

        private func confirm(_ question: String) throws -> Bool {
            if yes { return true }
            guard Terminal.stdinIsTerminal else {
                throw ValidationError("\(question) Not a terminal, so nothing was changed: add --yes to confirm.")
            }
            print(question + " [y/N] ", terminator: "")
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            if answer == "y" || answer == "yes" { return true }
            print("Nothing was changed.")
            return false
        }
    }
}
