import ArgumentParser
import SQLPrepData
@testable import sqlprep
import Testing

/// The command line, parsed as `sqlprep` parses it (`parseAsRoot` runs every `validate()` too), with
/// no process, workspace or dataset: which command an argument list reaches, the typed values it
/// carries, and the exact usage error for what it rejects.
@Suite("Parsing the command line")
struct CommandParsingTests {
    /// The subcommand path of the command `arguments` parse to, such as "grade run".
    static func path(_ arguments: [String]) throws -> String? {
        let command = try SQLPrep.parseAsRoot(arguments)
        return SQLPrep.commandPath(to: type(of: command))?.joined(separator: " ")
    }

    @Test("Each argument list reaches its command (grade and progress through their defaults)", arguments: [
        (["next"], "next"),
        (["submit", "answer.sql", "--exercise", "orders-by-status", "--json"], "submit"),
        (["hint", "orders-by-status"], "hint"),
        (["watch", "--poll"], "watch"),
        (["shell", "--scale", "tiny", "--mode", "csv"], "shell"),
        (["run", "-e", "select 1", "--format", "json"], "run"),
        (["run", "answer.sql"], "run"),
        (["list", "--json"], "list"),
        (["progress"], "progress show"),
        (["progress", "show", "--json"], "progress show"),
        (["progress", "export", "p.json"], "progress export"),
        (["progress", "import", "p.json"], "progress import"),
        (["show", "orders-by-status"], "show"),
        (["solution", "orders-by-status", "--force"], "solution"),
        (["skip"], "skip"),
        (["goto", "cpo-by-channel"], "goto"),
        (["reset", "orders-by-status"], "reset"),
        (["reset", "--all", "--yes"], "reset"),
        (["init", "--workspace", "ws"], "init"),
        (["validate", "--only", "orders-by-status"], "validate"),
        (["grade", "subs", "--out", "out"], "grade run"),
        (["grade", "run", "subs", "--out", "out", "--shard", "1/2"], "grade run"),
        (["grade", "--gradescope", "--assignment", "week3.txt"], "grade run"),
        (["grade", "merge", "s1", "s2", "--out", "m"], "grade merge"),
        (["dataset", "schema"], "dataset schema"),
        (["dataset", "info", "--seed", "7"], "dataset info"),
        (["dataset", "export", "--out", "csv"], "dataset export"),
    ])
    func routing(arguments: [String], command: String) throws {
        #expect(try Self.path(arguments) == command)
    }

    /// The `--no-color` group of a command that prints styled text, or nil.
    static func output(of command: any ParsableCommand) -> OutputOptions? {
        switch command {
        case let command as SQLPrep.Next: command.output
        case let command as SQLPrep.Hint: command.output
        case let command as SQLPrep.Show: command.output
        case let command as SQLPrep.Submit: command.output
        case let command as SQLPrep.List: command.output.text
        case let command as SQLPrep.Progress.Summary: command.output.text
        default: nil
        }
    }

    @Test("--no-color is one option group, off unless given", arguments: [
        ["next"], ["hint"], ["show", "orders-by-status"], ["submit", "answer.sql"], ["list"], ["progress", "show"],
    ])
    func noColor(arguments: [String]) throws {
        #expect(try Self.output(of: SQLPrep.parseAsRoot(arguments))?.noColor == false)
        #expect(try Self.output(of: SQLPrep.parseAsRoot(arguments + ["--no-color"]))?.noColor == true)
    }

    @Test("list and progress show share --json, with --no-color in either order", arguments: [["list"], ["progress", "show"]])
    func json(arguments: [String]) throws {
        func options(_ extra: [String]) throws -> JSONOutputOptions? {
            switch try SQLPrep.parseAsRoot(arguments + extra) {
            case let command as SQLPrep.List: command.output
            case let command as SQLPrep.Progress.Summary: command.output
            default: nil
            }
        }
        #expect(try options([])?.json == false)
        #expect(try options(["--json"])?.json == true)
        #expect(try options(["--json"])?.text.noColor == false)
        #expect(try options(["--no-color", "--json"]).map { [$0.json, $0.text.noColor] } == [true, true])
    }

    @Test("--scale takes a name or a factor of the default size", arguments: [
        ("tiny", Scale.tiny), ("default", .default), ("large", .large), ("LARGE", .large), (" tiny", .tiny),
        ("0.25", Scale(permille: 250)), (".5", Scale(permille: 500)), ("3", Scale(permille: 3000)), ("0.001", Scale(permille: 1)),
    ])
    func scale(text: String, scale: Scale) throws {
        let command = try #require(try SQLPrep.parseAsRoot(["dataset", "info", "--scale", text]) as? SQLPrep.Dataset.Info)
        #expect(try command.dataset.spec().scale == scale)
    }

    @Test("Without --seed and --scale, the default dataset")
    func defaultDataset() throws {
        let command = try #require(try SQLPrep.parseAsRoot(["run", "-e", "select 1"]) as? SQLPrep.Run)
        #expect(try command.dataset.spec() == DatasetSpec())
    }

    @Test("--shard K/N is the Kth of N slices", arguments: [
        ("1/1", 1, 1), ("2/4", 2, 4), ("4/4", 4, 4), ("2/x/4", 2, 4),
    ])
    func shard(text: String, index: Int, count: Int) throws {
        let command = try #require(try SQLPrep.parseAsRoot(["grade", "subs", "--out", "out", "--shard", text]) as? SQLPrep.Grade.Run)
        let shard = try #require(try command.options.parsedShard())
        #expect(shard == (index, count))
    }

    @Test("Without --shard, the whole class")
    func noShard() throws {
        let command = try #require(try SQLPrep.parseAsRoot(["grade", "subs", "--out", "out"]) as? SQLPrep.Grade.Run)
        #expect(try command.options.parsedShard() == nil)
    }

    static let notAScale = "is not a scale. Use tiny, default, large, or a positive factor such as 0.5."
    static let notAShard = "--shard is K/N with 1 ≤ K ≤ N, such as 2/4, or auto (from a Slurm job array or a Kubernetes Indexed Job)."

    /// Rejected argument lists and the first line sqlprep prints for each (after "Error: "); all exit 64.
    @Test("Usage errors say what a good value looks like, in the order the commands check them", arguments: [
        (["dataset", "info", "--scale", "bogus"], "'bogus' \(notAScale)"),
        (["run", "--scale", "0", "-e", "select 1"], "'0' \(notAScale)"),
        (["shell", "--scale", "1.2345"], "'1.2345' \(notAScale)"),
        (["dataset", "export", "--out", "x", "--scale", "100.001"], "'100.001' \(notAScale)"),
        (["run", "--time-limit", "0", "--scale", "bogus", "-e", "select 1"], "'bogus' \(notAScale)"),
        (["dataset", "info", "--scale", "bogus", "--seed", "x"], "The value 'x' is invalid for '--seed <seed>'"),
        (["grade", "subs", "--out", "out", "--shard", "0/4"], notAShard),
        (["grade", "subs", "--out", "out", "--shard", "5/4"], notAShard),
        (["grade", "subs", "--out", "out", "--shard", "1/0"], notAShard),
        (["grade", "subs", "--out", "out", "--shard", "a/b"], notAShard),
        (["grade", "subs", "--out", "out", "--shard", "1/4/5"], notAShard),
        (["grade", "subs", "--out", "out", "--shard", "4"], notAShard),
        (["grade", "--shard", "0/4"], "Give the submissions folder: sqlprep grade SUBMISSIONS --out DIR."),
        (["grade", "subs", "--shard", "0/4"], "Give an output folder with --out DIR."),
        (["grade", "subs", "--out", "out", "--shard", "0/4", "--variants", "99"], "--variants must be between 0 and 20."),
        (["grade", "subs", "--out", "out", "--shard", "0/4", "--secret", "a", "--secret-file", "b"], notAShard),
        (["next", "--no-color=1"], "The option '--no-color' does not take any value, but '1' was specified."),
        (["next", "--frobnicate"], "Unknown option '--frobnicate'"),
        (["run", "--format", "xml", "-e", "select 1"], "The value 'xml' is invalid for '--format <format>'. Please provide one of the following:\n  - table\n  - box\n  - column\n  - markdown\n  - line\n  - csv\n  - json"),
        (["reset"], "Give an exercise id, or --all (not both)."),
        (["reset", "orders-by-status", "--all"], "Give an exercise id, or --all (not both)."),
        (["run"], "Give a query: a file (sqlprep run answer.sql) or -e 'select …'."),
        (["grade", "merge", "--out", "m"], "Missing expected argument '<dir> ...'"),
    ])
    func rejected(arguments: [String], message: String) {
        do {
            let command = try SQLPrep.parseAsRoot(arguments)
            Issue.record("sqlprep \(arguments.joined(separator: " ")) parsed to \(type(of: command))")
        } catch {
            #expect(SQLPrep.message(for: error) == message)
            #expect(SQLPrep.exitCode(for: error) == ExitCode(64))
        }
    }
}
