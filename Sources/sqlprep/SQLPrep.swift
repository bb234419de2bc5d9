import ArgumentParser
import Foundation
import SQLPrepText
import SQLPrepWorkspace
import SQLiteKit

/// The root command: dispatches to subcommands and has no `run()` of its own.
@main
struct SQLPrep: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "sqlprep",
        abstract: "Practise product-analytics SQL on a realistic, offline e-commerce dataset.",
        discussion: spelled("""
            sqlprep generates a deterministic online-shop dataset (users, sessions, events, orders, \
            marketing spend, experiments, memberships) into in-memory SQLite, poses the questions \
            product managers are asked (conversion, CPO, retention, A/B lift…), and checks your answers.

            Start with: sqlprep next

            Exit codes: 0 success; 1 the query failed, was refused or was wrong, or an input (file, \
            course, progress store) is unusable — the message says which and what to do; 64 usage \
            error (also a bare sqlprep, which prints a short usage); 70 internal error (a bug in sqlprep: please report it).

            Environment: SQLPREP_WORKSPACE (the workspace folder), SQLPREP_CACHE_DIR (where built \
            datasets are cached; empty turns the cache off), SQLPREP_CACHE_MAX_MB (the cache's size cap in MiB, \
            1024 by default), SQLPREP_SECRET (the grading secret), SQLPREP_NOW (the clock, for tests and demos), \
            NO_COLOR (no colours), CLICOLOR_FORCE (colours even into a pipe).
            """),
        version: version,
        subcommands: [Grade.Worker.self],
        groupedSubcommands: [
            CommandGroup(name: "Practise", subcommands: [Next.self, Submit.self, Hint.self, Watch.self, Review.self, Shell.self, Run.self]),
            CommandGroup(name: "Your progress", subcommands: [List.self, Progress.self, Show.self, Solution.self, Skip.self, Goto.self, Reset.self, Init.self]),
            CommandGroup(name: "Teaching and data", subcommands: [Grade.self, Validate.self, Dataset.self]),
        ]
    )

    /// Every command name the root accepts (visible, hidden and ArgumentParser's `help`).
    static var commandNames: [String] { configuration.subcommands.map { $0._commandName } + ["help"] }

    /// What a bare `sqlprep` prints: the few commands a learner needs, each with its own abstract.
    static var shortUsage: String {
        let commands: [any ParsableCommand.Type] = [Next.self, Submit.self, Hint.self, Watch.self, List.self, Progress.self]
        let width = commands.map { $0._commandName.count }.max() ?? 0
        let lines = commands.map { command in
            "  " + command._commandName.padding(toLength: width + 2, withPad: " ", startingAt: 0) + command.configuration.abstract
        }
        return "usage: sqlprep <command> [options]\n\n" + lines.joined(separator: "\n")
            + "\n\nStart with sqlprep next. sqlprep --help for all commands; sqlprep <command> --help for one."
    }

    /// The subcommand names leading from `root` to `target` (`["grade", "merge"]`), or nil.
    static func commandPath(to target: any ParsableCommand.Type, from root: any ParsableCommand.Type = SQLPrep.self) -> [String]? {
        if ObjectIdentifier(root) == ObjectIdentifier(target) { return [] }
        for sub in root.configuration.subcommands {
            if let rest = commandPath(to: target, from: sub) { return [sub._commandName] + rest }
        }
        return nil
    }

    /// Like ArgumentParser's `main()`, plus one rule: a `CLIError` prints one line on standard
    /// error (no "Error:" prefix, no usage text) and exits with its own code.
    static func main() {
        // Past a file-size limit (ulimit -f), a write should fail with an error we can report, not
        // kill the process with SIGXFSZ before it can say what happened.
        signal(SIGXFSZ, SIG_IGN)
        // The clock override for tests and demos (README, "Review"): a value that is not a time is
        // reported, never silently replaced by the system clock.
        if WorkspaceClock.now() == nil {
            Terminal.error("sqlprep: SQLPREP_NOW is not an ISO 8601 time (e.g. 2026-12-06T09:00:00Z); unset it to use the system clock.")
            Foundation.exit(64)
        }
        let arguments = Array(CommandLine.arguments.dropFirst())
        // A bare `sqlprep`, as a bare `git`: a short usage on standard output and a usage error's
        // exit code (64: no command was given), instead of the full help and 0.
        if arguments.isEmpty {
            print(shortUsage)
            Foundation.exit(64)
        }
        if let first = arguments.first, !first.hasPrefix("-"), !commandNames.contains(first) {
            let visible = configuration.subcommands.filter { $0.configuration.shouldDisplay }.map { $0._commandName }
            let close = Suggestion.closest(to: first, among: visible)
            Terminal.error(
                "sqlprep: unknown command '\(first)'." + (close.isEmpty ? "" : " " + Suggestion.phrase(close))
                    + "\nsqlprep --help lists every command.")
            Foundation.exit(64)
        }
        var parsed: (any ParsableCommand)?
        do {
            parsed = try parseAsRoot()
            try parsed?.run()
        } catch let error as ValidationError where parsed != nil {
            // A usage mistake found while running (not while parsing): one line, the subcommand's help,
            // and 64; ArgumentParser would print the root command's usage instead.
            let name = parsed.flatMap { commandPath(to: type(of: $0)) }?.joined(separator: " ") ?? ""
            Terminal.error(spelled("sqlprep: \(error.message)\nSee 'sqlprep \(name)\(name.isEmpty ? "" : " ")--help'."))
            Foundation.exit(64)
        } catch let error as CLIError {
            Terminal.error("sqlprep: " + spelled(error.message))
            Foundation.exit(error.exitCode)
        } catch let error as WorkspaceError {
            Terminal.error("sqlprep: " + spelled("\(error)"))
            Foundation.exit(1)
        } catch let error as SQLiteError {
            Terminal.error("sqlprep: internal error: \(error). This is a bug in sqlprep; please report it with the command you ran.")
            Foundation.exit(70)
        } catch {
            exit(withError: error)
        }
    }
}
