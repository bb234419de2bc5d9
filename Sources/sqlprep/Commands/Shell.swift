import ArgumentParser
import Foundation
import SQLPrepData
import SQLPrepExercises
import SQLPrepSandbox
import SQLPrepWorkspace

extension SQLPrep {
    struct Shell: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "An interactive SQL prompt on the dataset, for exploring.",
            discussion: spelled("""
                Statements may span lines and end with ';'. Every query runs in the sandbox, under its \
                limits. Commands: .tables, .schema [table], .mode table|csv|json, .help, .quit. \
                History (↑/↓) is kept in the workspace's .sqlprep/shell_history when there is one. \
                When standard input is not a terminal, statements are read from it and the shell exits \
                at the end, with status 1 if any statement failed.

                Examples:
                  sqlprep shell
                  sqlprep shell --scale tiny < explore.sql
                """)
        )

        @Option(name: .long, help: "Output format to start with: table, csv or json.")
        var mode: ResultFormatter.Format = .table

        @OptionGroup var dataset: DatasetOptions
        @OptionGroup var limitOptions: LimitOptions

        @Option(name: .long, help: ArgumentHelp("Workspace whose .sqlprep/ keeps the shell history.", valueName: "dir"))
        var workspace: String?

        func run() throws {
            let spec = try dataset.spec()
            var session = ShellSession(spec: spec, mode: mode, limits: limitOptions)
            _ = try SandboxSession.make(dataset: spec, limits: limitOptions.limits)  // build or load the image once, up front
            if Terminal.stdinIsTerminal {
                let location = Workspace.locate(explicit: workspace)
                let history = location.exists ? location.stateFolder + "/shell_history" : nil
                try session.interactive(historyFile: history)
            } else {
                if try !session.batch() { throw ExitCode(1) }
            }
        }
    }
}

struct ShellSession {
    let spec: DatasetSpec
    var mode: ResultFormatter.Format
    let limits: LimitOptions
    var splitter = StatementSplitter()
    var failures = 0

    init(spec: DatasetSpec, mode: ResultFormatter.Format, limits: LimitOptions) {
        self.spec = spec
        self.mode = mode
        self.limits = limits
    }

    mutating func interactive(historyFile: String?) throws {
        print("sqlprep shell — the shop dataset (\(spec)). End statements with ';'. .help for commands, .quit to leave.")
        var editor = LineEditor(historyFile: historyFile)
        RawTerminal.enable()
        defer {
            RawTerminal.restore()
            editor.save()
        }
        while true {
            switch editor.read(prompt: splitter.hasPending ? "   ...> " : "sqlprep> ") {
            case .end:
                return
            case .interrupt:
                splitter = StatementSplitter()
            case .line(let line):
                RawTerminal.restore()
                let keepGoing = handle(line: line)
                RawTerminal.enable()
                if !keepGoing { return }
            }
        }
    }

    /// Reads statements from standard input; returns false when any failed.
    mutating func batch() throws -> Bool {
        while let line = readLine(strippingNewline: true) {
            if !handle(line: line) { break }
        }
        if let rest = splitter.flush() { execute(rest) }
        return failures == 0
    }

    /// Handles one input line; returns false to quit.
    mutating func handle(line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if !splitter.hasPending && trimmed.hasPrefix(".") {
            return command(trimmed)
        }
        for statement in splitter.add(line: line) { execute(statement) }
        return true
    }

    mutating func command(_ text: String) -> Bool {
        let words = text.split(separator: " ").map(String.init)
        switch words[0] {
        case ".quit", ".exit", ".q":
            return false
        case ".help":
            print("""
                .tables                 the tables, with row counts
                .schema [table]         columns, types and meanings (all tables, or one)
                .mode table|csv|json    how results are printed (now: \(mode.rawValue))
                .quit                   leave the shell
                Any other line is SQL; end each statement with ';'.
                """)
        case ".tables":
            let counts = ShopSchema.tables.map { "SELECT '\($0.name)' AS \"table\", count(*) AS \"rows\" FROM \($0.name)" }.joined(separator: " UNION ALL ")
            execute(counts, format: .table)
        case ".schema":
            let tables = words.count > 1 ? ShopSchema.tables.filter { $0.name == words[1].lowercased() } : ShopSchema.tables
            if tables.isEmpty {
                print("No table named \(words[1]). .tables lists them.")
                failures += 1
            }
            for table in tables {
                print("\(table.name) — \(table.meaning)")
                print(DataDictionary.describe(table))
            }
        case ".mode":
            if words.count == 2, let format = ResultFormatter.Format(rawValue: words[1]) {
                mode = format
            } else {
                print("Usage: .mode table|csv|json")
                failures += 1
            }
        default:
            print("Unknown command \(words[0]); .help lists the commands.")
            failures += 1
        }
        return true
    }

    /// Runs one statement in a child sqlprep, so that a query the watchdog must stop ends only the child.
    mutating func execute(_ sql: String, format: ResultFormatter.Format? = nil) {
        let arguments = ["run", "--for-shell", "-e", sql, "--format", (format ?? mode).rawValue, "--seed", String(spec.seed), "--scale", spec.scale.description,
                         "--time-limit", String(limits.timeLimit), "--work-limit", String(limits.workLimit), "--memory-limit", String(limits.memoryLimit), "--row-limit", String(limits.rowLimit)]
        let output = SelfProcess.run(arguments)
        if !output.stdout.isEmpty { print(output.stdout, terminator: output.stdout.hasSuffix("\n") ? "" : "\n") }
        if !output.stderr.isEmpty { Terminal.error(output.stderr) }
        if output.status != 0 { failures += 1 }
    }
}
