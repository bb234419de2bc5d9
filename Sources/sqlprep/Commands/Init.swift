import ArgumentParser
import Foundation
import SQLPrepExercises
import SQLPrepWorkspace

extension SQLPrep {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a folder a sqlprep workspace (answers/ and .sqlprep/progress.db).",
            discussion: "Examples:\n  sqlprep init\n  sqlprep init --workspace ~/sql-practice"
        )

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            _ = try options.courseOptions.load()
            let workspace = options.location
            if try workspace.create() {
                print("Created a sqlprep workspace in \(workspace.root). Run sqlprep next to begin.")
            } else {
                print("\(workspace.root) is already a sqlprep workspace; your progress is untouched.")
            }
        }
    }

    struct Hint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reveal the next hint for the current exercise (or ID).",
            discussion: """
                Hints go from the definition, to the usual pitfall, to the shape of the query. If your last \
                attempt showed a recognised mistake (integer division, say), the hint about it comes first.

                Examples:
                  sqlprep hint
                  sqlprep hint orders-by-status
                """
        )

        @Argument(help: "The exercise (default: the current one).")
        var id: String?

        @Flag(name: .long, help: "Plain text, no colours.")
        var noColor = false

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let session = try options.session(create: true)
            guard let exercise = try id.map({ try options.courseOptions.exercise($0, in: session.course) }) ?? session.current() else {
                print("Every exercise is passed: no hints needed.")
                return
            }
            let style = TextStyle(color: Terminal.useColor(disabled: noColor))
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
                print((index + 1 == level && level > before ? style.yellow("\(index + 1). ") : "\(index + 1). ") + exercise.text(of: hint, reference: reference))
            }
            if level == before {
                print("")
                print(style.dim("That was the last hint. sqlprep solution \(exercise.id) --force shows the answer (and records that you looked)."))
            }
        }
    }

    struct Solution: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the reference solution of an exercise you have passed (or with --force).",
            discussion: "Examples:\n  sqlprep solution orders-by-status\n  sqlprep solution orders-by-status --force"
        )

        @Argument(help: "The exercise id.")
        var id: String

        @Flag(name: .long, help: "Show it before you have passed (recorded in your progress).")
        var force = false

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let session = try options.session(create: true)
            let exercise = try options.courseOptions.exercise(id, in: session.course)
            let passed = try session.progress()[exercise.id]?.passed == true
            guard passed || force else {
                print("You have not passed \(exercise.id) yet, so its solution stays hidden. Try sqlprep hint \(exercise.id); or use --force to see it anyway (that is recorded).")
                throw ExitCode(1)
            }
            try session.store.recordEvent(passed ? "solution" : "solution-forced", exercise: exercise.id)
            print(exercise.solution.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

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

    struct Goto: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make an exercise the current one.",
            discussion: "Example: sqlprep goto cpo-by-channel"
        )

        @Argument(help: "The exercise id.")
        var id: String

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let session = try options.session(create: true)
            let exercise = try options.courseOptions.exercise(id, in: session.course)
            try session.store.setCurrent(exercise.id)
            try session.store.recordEvent("goto", exercise: exercise.id)
            try session.workspace.writeStarter(for: exercise)
            let passed = try session.progress()[exercise.id]?.passed == true
            print("Current exercise: \(exercise.title) (\(relativePath(session.workspace.answerPath(for: exercise)))).\(passed ? " You have passed it already; submitting again is fine." : "") Run sqlprep next to see it.")
        }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Restore an exercise's starter answer file, or clear all progress (with a backup).",
            discussion: """
                sqlprep reset ID rewrites answers/ID.sql with the starter; your progress is kept. \
                sqlprep reset --all clears your progress after a backup to .sqlprep/backups/; answer files are kept. \
                Both ask for confirmation on a terminal; elsewhere pass --yes.

                Examples:
                  sqlprep reset orders-by-status
                  sqlprep reset --all --yes
                """
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
                print("Progress cleared. The old progress is in \(relativePath(backup)); sqlprep progress import can restore it from an export, or copy the file back.")
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

enum ProgressStoreClock {
    static func stamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: Date())
    }
}
