import Foundation
import SQLPrepProcess
import TestSupport
import Testing

/// `sqlprep shell` with sqlite3's manners: Ctrl-C, history that survives a kill, the output modes
/// and dot-commands, and previews of tables longer than the row limit. Screens through tmux
/// (``TmuxSession``); everything else through standard input, which is cheaper.
@Suite("The shell's manners", .serialized)
struct ShellTests {
    /// Where Ctrl-C is pressed.
    enum Interrupt: String, CaseIterable, CustomTestStringConvertible {
        case emptyPrompt, halfTypedStatement, runningQuery, runningFile
        var testDescription: String { rawValue }
    }

    /// Runs far past any test's patience under the work limit the Ctrl-C test gives it.
    static let slowQuery = "with recursive c(x) as (select 1 union all select x + 1 from c where x < 100000000000) select count(*) from c;"

    // One case at a time: tmux sessions started at the same moment race to start tmux's server.
    @Test("Ctrl-C clears the input or cancels the query, and the shell answers the next statement", .serialized, .enabled(if: TmuxSession.available, "needs tmux"), arguments: Interrupt.allCases)
    func ctrlC(at place: Interrupt) throws {
        // A work limit high enough that the slow query below runs until it is cancelled.
        let session = try TmuxSession.started("\(CLI.binary.path) shell --scale tiny --work-limit 100000000000 --time-limit 3600")
        defer { session.kill() }
        try session.waitFor("sqlprep>")
        switch place {
        case .emptyPrompt:
            try session.send("C-c")
            try session.waitFor("sqlprep> ^C")
        case .halfTypedStatement:
            try session.type("select 1 as one")
            try session.waitFor("...>")
            try TmuxSession.tmux(["send-keys", "-t", session.name, "-l", "from no_such_table"])
            try session.send("C-c")
            try session.waitFor("from no_such_table^C")
        case .runningQuery:
            try session.type(Self.slowQuery)
            try session.send("C-c")
            try session.waitFor("Query cancelled (Ctrl-C).")
        case .runningFile:
            let folder = try Scratch.folder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try (Self.slowQuery + "\nselect 'never' as reached;\n").write(toFile: folder + "/slow.sql", atomically: true, encoding: .utf8)
            try session.type(".read \(folder)/slow.sql")
            try session.send("C-c")
            try session.waitFor("The rest of \(folder)/slow.sql was not run.")
            #expect(!(try session.screen().contains("never")))
        }
        // Nothing typed before Ctrl-C is left over: this statement runs on its own.
        try session.type("select 6 * 7 as answer;")
        let screen = try session.waitFor("(1 row)")
        #expect(screen.contains("42"))
        #expect(!screen.contains("no_such_table\n") && !screen.contains("No such table"))
        #expect(session.isRunning)
    }

    @Test("history is on disk after every statement, so a shell killed with SIGKILL loses none", .enabled(if: TmuxSession.available, "needs tmux"))
    func historySurvivesKill() throws {
        let workspace = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        _ = try CLI.run(["init", "--workspace", workspace])
        let session = try TmuxSession.started("\(CLI.binary.path) shell --scale tiny --workspace \(workspace)")
        defer { session.kill() }
        try session.waitFor("sqlprep>")
        try session.type("select 'kept' as word;")
        try session.waitFor("(1 row)")
        let pid = try TmuxSession.tmux(["list-panes", "-t", session.name, "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let killed = try ChildProcess.run("/bin/kill", ["-KILL", pid])
        #expect(killed.status == 0)
        let history = try String(contentsOfFile: workspace + "/.sqlprep/shell_history", encoding: .utf8)
        #expect(history.contains("select 'kept' as word;"))
    }

    @Test("Ctrl-D on an empty line leaves the shell", .enabled(if: TmuxSession.available, "needs tmux"))
    func ctrlD() throws {
        let session = try TmuxSession.started("\(CLI.binary.path) shell --scale tiny")
        defer { session.kill() }
        try session.waitFor("sqlprep>")
        try session.send("C-d")
        let deadline = Date().addingTimeInterval(10)
        while session.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!session.isRunning)
    }

    @Test("Tab completes a table name", .enabled(if: TmuxSession.available, "needs tmux"))
    func tabCompletion() throws {
        let session = try TmuxSession.started("\(CLI.binary.path) shell --scale tiny")
        defer { session.kill() }
        try session.waitFor("sqlprep>")
        try TmuxSession.tmux(["send-keys", "-t", session.name, "-l", "select count(*) as spend_rows from mark"])
        try session.send("Tab")
        try session.waitFor("from marketing_spend")  // and a space, which capture-pane trims
        try session.type(";")
        let screen = try session.waitFor("(1 row)")
        #expect(screen.contains("spend_rows"))
    }

    @Test(
        "each .mode prints the result its way",
        arguments: [
            ("table", "│ a │ b    │\n├───┼──────┤\n│ 1 │ x,y  │"),
            ("box", "┌───┬──────┐\n│ a │ b    │"),
            ("column", "a  b\n-  ----\n1  x,y\n2  NULL"),
            ("markdown", "| a   | b    |\n|-----|------|\n|   1 | x,y  |\n|   2 | NULL |"),
            ("line", "a = 1\nb = x,y\n\na = 2\nb = NULL"),
            ("csv", "a,b\r\n1,\"x,y\"\r\n2,\r\n"),
            ("json", #"{"columns":["a","b"],"rows":[[1,"x,y"],[2,null]]}"#),
        ])
    func modes(mode: String, expected: String) throws {
        let out = try CLI.run(["shell", "--scale", "tiny"], stdin: ".mode \(mode)\nselect 1 as a, 'x,y' as b union all select 2, null;\n")
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains(expected), "\(out.stdout)")
    }

    @Test(
        ".headers off drops the column names in column and csv modes",
        arguments: [("column", "a  b\n", "7  8"), ("csv", "a,b\r\n", "7,8\r\n")])
    func headers(mode: String, header: String, row: String) throws {
        let off = try CLI.run(["shell", "--scale", "tiny"], stdin: ".mode \(mode)\n.headers off\nselect 7 as a, 8 as b;\n")
        #expect(off.stdout.contains(row) && !off.stdout.contains(header), "\(off.stdout)")
        let on = try CLI.run(["shell", "--scale", "tiny"], stdin: ".mode \(mode)\n.headers off\n.headers on\nselect 7 as a, 8 as b;\n")
        #expect(on.stdout.hasPrefix(header) && on.stdout.contains(row), "\(on.stdout)")
    }

    @Test(".read runs a file's statements and dot-commands through the sandbox; a missing file says so")
    func read() throws {
        let folder = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ".mode csv\nselect 11 as first;\nselect\n  22 as second;\ndelete from users;\n".write(toFile: folder + "/script.sql", atomically: true, encoding: .utf8)
        let ok = try CLI.run(["shell", "--scale", "tiny"], stdin: ".read script.sql\nselect 33 as after;\n", in: folder)
        #expect(ok.stdout.contains("first\r\n11\r\n"))
        #expect(ok.stdout.contains("second\r\n22\r\n"))
        #expect(ok.stdout.contains("DELETE on users is not allowed"))
        #expect(ok.stdout.contains("after\r\n33\r\n"), "the file's .mode stays, and the shell goes on")
        let missing = try CLI.run(["shell", "--scale", "tiny"], stdin: ".read nowhere.sql\nselect 1 as x;\n", in: folder)
        #expect(missing.stdout.contains("No such file: nowhere.sql."))
        #expect(missing.stdout.contains("(1 row)"))
        #expect(missing.status == 1)
    }

    @Test(".schema prints the data dictionary and says so; .schema --sql prints the CREATE statements")
    func schema() throws {
        let out = try CLI.run(["shell", "--scale", "tiny"], stdin: ".schema orders\n.schema --sql orders\n.schema --sql nope\n")
        #expect(out.stdout.contains("The data dictionary (.schema --sql orders shows the CREATE statements):"))
        #expect(out.stdout.contains("status          TEXT     completed, cancelled or refunded"))
        #expect(out.stdout.contains("CREATE TABLE orders (\n  order_id INTEGER PRIMARY KEY,"))
        #expect(out.stdout.contains(") STRICT;"))
        #expect(!out.stdout.contains("CREATE TABLE users"))
        #expect(out.stdout.contains("No table named nope. The tables are: products, users,"))
    }

    @Test(".help lists every dot-command the shell knows and no other; unknown ones name the real ones")
    func help() throws {
        let help = try CLI.run(["shell", "--scale", "tiny"], stdin: ".help\n").stdout
        let listed = help.split(separator: "\n").compactMap { line in line.hasPrefix(".") ? line.split(separator: " ").first.map { String($0).trimmingCharacters(in: .punctuationCharacters.subtracting(["."])) } : nil }
        #expect(Set(listed) == [".tables", ".schema", ".mode", ".headers", ".timer", ".read", ".help", ".quit"])
        let quiet = [".tables", ".schema users", ".mode csv", ".headers on", ".timer off", ".read", ".help"].joined(separator: "\n")
        #expect(!(try CLI.run(["shell", "--scale", "tiny"], stdin: quiet + "\n").stdout.contains("Unknown command")))
        let unknown = try CLI.run(["shell", "--scale", "tiny"], stdin: ".nonsense\n.mode fancy\n.timer maybe\n")
        #expect(unknown.stdout.contains("Unknown command .nonsense. The commands are: .tables, .schema, .mode, .headers, .timer, .read, .help, .quit"))
        #expect(unknown.stdout.contains("Unknown mode fancy. The modes are: table, box, column, markdown, line, csv, json."))
        #expect(unknown.stdout.contains("Usage: .timer on|off"))
        #expect(unknown.status == 1)
    }

    @Test(".timer on prints the wall time of each run, labelled as such")
    func timer() throws {
        let out = try CLI.run(["shell", "--scale", "tiny"], stdin: ".timer on\nselect 1 as x;\n.timer off\nselect 2 as y;\n")
        #expect(out.stdout.components(separatedBy: "Wall time of this run: ").count == 2)
    }

    @Test(
        "a table longer than the row limit previews its first rows instead of failing",
        arguments: [
            // (command, row limit, the note under the rows)
            (["run", "-e", "select * from events"], 200_000, "(19220 rows; the first 3 shown — --max-rows N or --format csv shows them all)"),
            (["run", "-e", "select * from events"], 1000, "(the first 3 rows shown; more rows not shown — at least 1001 in all, not counted past the row limit)"),
            (["shell"], 200_000, "(19220 rows; the first 3 shown — .mode csv shows them all)"),
            (["shell"], 1000, "(the first 3 rows shown; more rows not shown — at least 1001 in all, not counted past the row limit)"),
        ])
    func preview(command: [String], rowLimit: Int, note: String) throws {
        let out = try CLI.run(command + ["--scale", "tiny", "--max-rows", "3", "--row-limit", String(rowLimit)], stdin: command == ["shell"] ? "select * from events;\n" : nil)
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("│        3 │"))
        #expect(!out.stdout.contains("│        4 │"))
        #expect(out.stdout.contains(note), "\(out.stdout)")
    }

    @Test("csv and json past the row limit write the first rows, say so on stderr and exit 1", arguments: ["csv", "json"])
    func machineFormatsAtTheRowLimit(format: String) throws {
        let out = try CLI.run(["run", "-e", "select event_id from events order by event_id", "--scale", "tiny", "--format", format, "--row-limit", "4"])
        #expect(out.status == 1)
        #expect(out.stdout.contains(format == "csv" ? "event_id\r\n1\r\n2\r\n3\r\n4\r\n" : #""rows":[[1],[2],[3],[4]]}"#), "\(out.stdout)")
        #expect(out.stderr.contains("Only the first 4 rows were written: the query returns more than the row limit (4)."))
        let within = try CLI.run(["run", "-e", "select event_id from events limit 4", "--scale", "tiny", "--format", format, "--row-limit", "4"])
        #expect(within.status == 0 && within.stderr.isEmpty)
    }
}

extension TmuxSession {
    /// A session that is running. tmux's server exits when its last session ends, and a session
    /// started at that moment is lost with it ("server exited unexpectedly"): start it again then.
    static func started(_ command: String) throws -> TmuxSession {
        var session = try TmuxSession(command: command)
        for _ in 0..<3 where !session.isRunning {
            Thread.sleep(forTimeInterval: 0.2)  // let the old server finish exiting
            session = try TmuxSession(command: command)
        }
        return session
    }
}
