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
                limits; a result longer than --max-rows shows its first rows and counts the rest (up to \
                --row-limit, within the work limit; past either, "more rows not shown"). Ctrl-C \
                clears the line being typed, or cancels a running query; Ctrl-D on an empty line \
                leaves. Tab completes table and column names. Dot-commands (.help lists them): .tables, \
                .schema [table] (the data dictionary), .schema --sql [table] (the CREATE statements), \
                .mode table|box|column|markdown|line|csv|json, .headers on|off, .timer on|off, \
                .read FILE, .help, .quit. History (↑/↓) is kept in the workspace's \
                .sqlprep/shell_history when there is one, saved after every line. When standard input \
                is not a terminal, statements are read from it and the shell exits at the end, with \
                status 1 if any statement failed.

                Examples:
                  sqlprep shell
                  sqlprep shell --scale tiny < explore.sql
                """)
        )

        @Option(name: .long, help: "Output mode to start with, as .mode sets it.")
        var mode: ResultFormatter.Format = .table

        @Option(name: .long, help: ArgumentHelp("Rows printed at most in the modes for people (all but csv and json); the rest are counted.", valueName: "n"))
        var maxRows: Int = 50

        @OptionGroup var dataset: DatasetOptions
        @OptionGroup var limitOptions: LimitOptions

        @Option(name: .long, help: ArgumentHelp("Workspace whose .sqlprep/ keeps the shell history.", valueName: "dir"))
        var workspace: String?

        func validate() throws {
            guard maxRows > 0 else { throw ValidationError("--max-rows must be positive.") }
        }

        func run() throws {
            let spec = try dataset.spec()
            var session = ShellSession(spec: spec, mode: mode, limits: limitOptions)
            session.maxRows = maxRows
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
    /// Rows printed at most in the modes for people.
    var maxRows = 50
    /// `.headers`: column names in column and csv output.
    var headers = true
    /// `.timer`: print each run's wall time.
    var timer = false
    var splitter = StatementSplitter()
    var failures = 0
    /// On a terminal: keys are watched while a query runs, so Ctrl-C cancels it.
    var watchKeys = false
    /// Keys typed while a query ran, for the next prompt.
    var typeAhead: [UInt8] = []
    /// Ctrl-C cancelled a query: the rest of the `.read` file being run is skipped.
    var cancelled = false
    /// `.read` files being run, innermost last (a file that reads itself is refused).
    var reading: [String] = []

    init(spec: DatasetSpec, mode: ResultFormatter.Format, limits: LimitOptions) {
        self.spec = spec
        self.mode = mode
        self.limits = limits
    }

    static let modes = ResultFormatter.Format.allCases.map(\.rawValue).joined(separator: ", ")

    /// Every dot-command, as `.help` lists it: the one list `.help` and the unknown-command message read.
    var commands: [(name: String, usage: String, meaning: String)] {
        [
            (".tables", ".tables", "the tables, with row counts"),
            (".schema", ".schema [TABLE]", "the data dictionary: columns, types and meanings (all tables, or one)"),
            (".schema", ".schema --sql [TABLE]", "the CREATE statements (DDL) instead"),
            (".mode", ".mode MODE", "how results print: \(Self.modes.replacingOccurrences(of: ",", with: "")) (now: \(mode.rawValue))"),
            (".headers", ".headers on|off", "column names in column and csv modes (now: \(headers ? "on" : "off"))"),
            (".timer", ".timer on|off", "print the wall time of each run, starting its process included (now: \(timer ? "on" : "off"))"),
            (".read", ".read FILE", "run the statements in FILE"),
            (".help", ".help", "this list"),
            (".quit", ".quit, .exit", "leave the shell (so does Ctrl-D on an empty line)"),
        ]
    }

    mutating func interactive(historyFile: String?) throws {
        print("sqlprep shell — the shop dataset (\(spec)). End statements with ';'. .help for commands, .quit to leave.")
        var editor = LineEditor(historyFile: historyFile)
        editor.completions = ShopSchema.tables.flatMap { [$0.name] + $0.columns.map(\.name) }
        watchKeys = true
        RawTerminal.enable()
        ShellTerminal.signalKeysOff()
        defer { RawTerminal.restore() }
        while true {
            editor.typeAhead += typeAhead
            typeAhead = []
            fflush(nil)  // what print() buffered, before the prompt is written directly
            switch editor.read(prompt: splitter.hasPending ? "   ...> " : "sqlprep> ") {
            case .end:
                return
            case .interrupt:
                splitter = StatementSplitter()
            case .line(let line):
                cancelled = false
                if !handle(line: line) { return }
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
        for statement in splitter.add(line: line) where !cancelled { execute(statement) }
        return true
    }

    /// Prints a message about a dot-command that could not be done, and counts it as a failure.
    private mutating func refuse(_ message: String) {
        print(message)
        failures += 1
    }

    mutating func command(_ text: String) -> Bool {
        let words = text.split(separator: " ").map(String.init)
        let argument = words.count > 1 ? words[1].lowercased() : nil
        switch words[0] {
        case ".quit", ".exit":
            return false
        case ".help":
            let width = commands.map(\.usage.count).max() ?? 0
            for command in commands {
                print(command.usage + String(repeating: " ", count: width - command.usage.count + 3) + command.meaning)
            }
            print("Any other line is SQL; end each statement with ';'. Ctrl-C clears the input or cancels a running query.")
        case ".tables":
            let counts = ShopSchema.tables.map { "SELECT '\($0.name)' AS \"table\", count(*) AS \"rows\" FROM \($0.name)" }.joined(separator: " UNION ALL ")
            execute(counts, format: .table, maxRows: ShopSchema.tables.count)
        case ".schema":
            schema(Array(words.dropFirst()))
        case ".mode":
            guard let argument else { print("Mode: \(mode.rawValue). The modes are: \(Self.modes)."); break }
            if words.count == 2, let format = ResultFormatter.Format(rawValue: argument) {
                mode = format
            } else {
                refuse("Unknown mode \(words.dropFirst().joined(separator: " ")). The modes are: \(Self.modes).")
            }
        case ".headers", ".timer":
            guard words.count == 2, let on = ["on": true, "off": false][argument ?? ""] else {
                refuse("Usage: \(words[0]) on|off")
                break
            }
            if words[0] == ".headers" { headers = on } else { timer = on }
        case ".read":
            return read(file: String(text.dropFirst(words[0].count)).trimmingCharacters(in: .whitespaces))
        default:
            let names = commands.map(\.name).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            refuse("Unknown command \(words[0]). The commands are: \(names.joined(separator: ", ")) (.help says what each does).")
        }
        return true
    }

    /// `.schema [--sql] [TABLE]`: the data dictionary, or the CREATE statements.
    private mutating func schema(_ arguments: [String]) {
        let sql = arguments.first == "--sql"
        let names = arguments.filter { $0 != "--sql" }
        guard names.count <= 1 else { return refuse("Usage: .schema [--sql] [TABLE]") }
        let tables = names.first.map { name in ShopSchema.tables.filter { $0.name == name.lowercased() } } ?? ShopSchema.tables
        if tables.isEmpty {
            return refuse("No table named \(names[0]). The tables are: \(ShopSchema.tables.map(\.name).joined(separator: ", ")).")
        }
        if sql {
            for table in tables {
                print(([table.createStatement] + table.indexStatements).map { $0 + ";" }.joined(separator: "\n"))
            }
        } else {
            let ddl = ([".schema --sql"] + names).joined(separator: " ")
            print("The data dictionary (\(ddl) shows the CREATE statements):")
            for table in tables {
                print("\(table.name) — \(table.meaning)")
                print(DataDictionary.describe(table), terminator: "")
            }
        }
    }

    /// `.read FILE`: runs FILE's lines as if typed, statements and dot-commands alike, through the
    /// same sandbox. Returns false when the file says `.quit`.
    private mutating func read(file: String) -> Bool {
        var path = file
        if path.count >= 2, let first = path.first, first == path.last, first == "'" || first == "\"" { path = String(path.dropFirst().dropLast()) }
        path = NSString(string: path).expandingTildeInPath
        guard !path.isEmpty else { refuse("Usage: .read FILE"); return true }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            refuse("No such file: \(path). A relative path starts from \(FileManager.default.currentDirectoryPath).")
            return true
        }
        guard !isDirectory.boolValue else { refuse("\(path) is a folder, not a file of statements."); return true }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            refuse("Cannot read \(path): it is not readable UTF-8 text.")
            return true
        }
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.path
        guard !reading.contains(resolved) else { refuse(".read \(path) is already running: a file cannot read itself."); return true }
        reading.append(resolved)
        defer { reading.removeLast() }
        let outer = splitter
        splitter = StatementSplitter()
        defer { splitter = outer }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if cancelled {
                print("The rest of \(path) was not run.")
                return true
            }
            if !handle(line: String(line.hasSuffix("\r") ? line.dropLast() : line)) { return false }
        }
        if let rest = splitter.flush(), !cancelled { execute(rest) }
        return true
    }

    /// Runs one statement in a child sqlprep, so that a query the watchdog must stop, or Ctrl-C
    /// cancels, ends only the child.
    mutating func execute(_ sql: String, format: ResultFormatter.Format? = nil, maxRows: Int? = nil) {
        var arguments = ["run", "--for-shell", "-e", sql, "--format", (format ?? mode).rawValue, "--max-rows", String(maxRows ?? self.maxRows), "--seed", String(spec.seed), "--scale", spec.scale.description,
                         "--time-limit", String(limits.timeLimit), "--work-limit", String(limits.workLimit), "--memory-limit", String(limits.memoryLimit), "--row-limit", String(limits.rowLimit)]
        if !headers { arguments.append("--no-header") }
        let start = ContinuousClock.now
        switch ShellQuery.run(arguments, watchKeys: watchKeys, typeAhead: &typeAhead) {
        case .cancelled:
            cancelled = true
            print("Query cancelled (Ctrl-C).")
        case .finished(let output):
            if !output.stdout.isEmpty { print(output.stdout, terminator: output.stdout.hasSuffix("\n") ? "" : "\n") }
            if !output.stderr.isEmpty { Terminal.error(output.stderr) }
            if output.status != 0 { failures += 1 }
        }
        if timer {
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print(String(format: "Wall time of this run: %.3f s (starting the query's process included; it varies from run to run)", seconds))
        }
    }
}
