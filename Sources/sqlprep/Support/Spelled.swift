import Foundation
import SQLPrepText

extension CommandSpelling {
    /// How this process spells the command in advice, decided once from `argv[0]`, the running binary
    /// (`/proc/self/exe`) and `PATH` (see ``CommandSpelling/decide(invokedAs:executable:searchPath:commandWords:resolve:)``).
    static let invoked: CommandSpelling = decide(
        invokedAs: CommandLine.arguments.first ?? product,
        executable: SelfProcess.executable.path,
        searchPath: ProcessInfo.processInfo.environment["PATH"],
        commandWords: commandWords,
        resolve: { path in
            guard FileManager.default.isExecutableFile(atPath: path), let resolved = realpath(path, nil) else { return nil }
            defer { free(resolved) }
            return String(cString: resolved)
        })

    /// The top-level command names (and `help`), kept as a list because the help texts that use it
    /// are built while ArgumentParser reads the command tree; `SpellingTests` compares it with the tree.
    static let commandWords: Set<String> = [
        "next", "submit", "hint", "watch", "review", "shell", "run", "list", "progress", "show", "solution", "skip", "goto", "reset",
        "init", "grade", "validate", "dataset", "help",
    ]
}

/// `text` with its `sqlprep COMMAND` advice spelled the way the learner can run it (`swift run
/// sqlprep next` under `swift run`): every message that tells the learner what to run goes through here.
func spelled(_ text: String) -> String { CommandSpelling.invoked.apply(text) }
