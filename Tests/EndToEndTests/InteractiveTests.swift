import Foundation
import SQLPrepProcess
import TestSupport
import Testing

/// Drives `sqlprep watch` and `sqlprep shell` in a real terminal: a detached tmux session,
/// keys sent with send-keys, the screen read with capture-pane.
struct TmuxSession {
    let name: String

    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    init(command: String, width: Int = 120, height: Int = 45) throws {
        name = "sqlprep-test-\(UUID().uuidString.prefix(8))"
        let environment = "SQLPREP_CACHE_DIR=\(CLI.cacheDirectory) COLUMNS=\(width) PATH=\(CLI.searchPath)"
        try TmuxSession.tmux(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), "env \(environment) \(command)"])
    }

    /// This test process's own tmux server (`tmux -L`), kept up for the whole run by a session that
    /// ends with the process: tmux's server exits with its last session, and a session started by a
    /// suite running in parallel at that moment was lost with it (an empty screen, a test timed out).
    static let socket: String = {
        let name = "sqlprep-tests-\(getpid())"
        _ = try? ChildProcess.run(
            "/usr/bin/tmux", ["-L", name, "new-session", "-d", "-s", "keep-alive", "tail --pid=\(getpid()) -f /dev/null"], timeout: 30)
        return name
    }()

    @discardableResult
    static func tmux(_ arguments: [String]) throws -> String {
        // `new-session` starts tmux's server, which outlives this client: ChildProcess waits for the
        // client alone (Foundation's Process would wait for the server, see ChildProcess.swift).
        let output = try ChildProcess.run("/usr/bin/tmux", ["-L", socket] + arguments, timeout: 30)
        if output.timedOut { Issue.record("tmux \(arguments.first ?? "") did not finish in 30 s") }
        return output.standardOutputText
    }

    func send(_ keys: String...) throws { try TmuxSession.tmux(["send-keys", "-t", name] + keys) }

    /// Types `text` literally (tmux would otherwise read a trailing ';' as its own command separator), then Enter.
    func type(_ text: String) throws {
        let escaped = text.hasSuffix(";") ? text.dropLast() + "\\;" : Substring(text)
        try TmuxSession.tmux(["send-keys", "-t", name, "-l", String(escaped)])
        try TmuxSession.tmux(["send-keys", "-t", name, "Enter"])
    }

    func screen() throws -> String { try TmuxSession.tmux(["capture-pane", "-p", "-t", name]) }

    var isRunning: Bool { (try? TmuxSession.tmux(["has-session", "-t", name]))  != nil && (try? TmuxSession.tmux(["list-sessions"]).contains(name)) == true }

    /// Polls the screen until it contains `text` (or `timeout` passes) and returns it.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.2)
        }
        Issue.record("timed out waiting for '\(text)'; screen:\n\(last)")
        return last
    }

    func kill() { _ = try? TmuxSession.tmux(["kill-session", "-t", name]) }
}

@Suite("Interactive commands in a terminal", .serialized, .enabled(if: TmuxSession.available, "needs tmux"))
struct InteractiveTests {
    @Test("watch re-checks on save, shows hints and the list, and quits on q")
    func watch() throws {
        let workspace = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        let session = try TmuxSession(command: "\(CLI.binary.path) watch --workspace \(workspace)")
        defer { session.kill() }
        try session.waitFor(WatchTests.footer)
        #expect(try session.screen().contains("Orders by status"))

        let answer = workspace + "/answers/orders-by-status.sql"
        let wrong = try LearnerJourneyTests.file("01-warm-up/orders-by-status/wrong/fraction-not-percent.sql")
        try wrong.write(toFile: answer, atomically: true, encoding: .utf8)
        try session.waitFor("✗ not yet")
        #expect(try session.screen().contains("100 times too small"))

        try session.send("h")
        try session.waitFor("Hints for Orders by status")

        let right = try LearnerJourneyTests.file("01-warm-up/orders-by-status/solution.sql")
        try right.write(toFile: answer, atomically: true, encoding: .utf8)
        try session.waitFor("✓ passed")

        try session.send("n")
        try session.waitFor("Users by country")
        try session.send("l")
        try session.waitFor("1 of ")
        try session.send("q")
        let deadline = Date().addingTimeInterval(5)
        while session.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!session.isRunning, "q quits")
    }

    @Test(
        "watch works on the current exercise: one chosen with goto, passed or not, and from a subfolder",
        arguments: [
            // (passed before goto, watch started from answers/ without --workspace)
            (false, false),
            (true, false),
            (false, true),
        ])
    func watchCurrent(passedBefore: Bool, fromSubfolder: Bool) throws {
        let workspace = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        _ = try CLI.run(["init", "--workspace", workspace])
        let answer = workspace + "/answers/cpc-by-channel.sql"
        let right = try LearnerJourneyTests.file("03-marketing/cpc-by-channel/solution.sql")
        if passedBefore {
            try right.write(toFile: answer, atomically: true, encoding: .utf8)
            #expect(try CLI.run(["submit", answer, "--workspace", workspace]).status == 0)
        }
        #expect(try CLI.run(["goto", "cpc-by-channel", "--workspace", workspace]).status == 0)
        let command = fromSubfolder
            ? "sh -c 'cd \(workspace)/answers && env -u SQLPREP_WORKSPACE \(CLI.binary.path) watch'"
            : "\(CLI.binary.path) watch --workspace \(workspace)"
        let session = try TmuxSession(command: command, height: 100)  // tall enough for the Next: line
        defer { session.kill() }
        try session.waitFor("sqlprep watch · Cost per click by channel in 2024")
        if !passedBefore { try right.write(toFile: answer, atomically: true, encoding: .utf8) }
        try session.waitFor("✓ passed")
        #expect(try session.screen().contains("Next: Cost per order by channel"))
        try session.send("n")
        try session.waitFor("sqlprep watch · Cost per order by channel")
        try session.send("q")
        #expect(!FileManager.default.fileExists(atPath: workspace + "/answers/.sqlprep"), "no workspace nested in answers/")
    }

    @Test("watch --poll notices saves without file events")
    func watchPolling() throws {
        let workspace = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        let session = try TmuxSession(command: "\(CLI.binary.path) watch --poll --workspace \(workspace)")
        defer { session.kill() }
        try session.waitFor("polling")
        let right = try LearnerJourneyTests.file("01-warm-up/orders-by-status/solution.sql")
        try right.write(toFile: workspace + "/answers/orders-by-status.sql", atomically: true, encoding: .utf8)
        try session.waitFor("✓ passed")
    }

    @Test("shell runs multi-line statements, dot-commands and history, under the sandbox")
    func shell() throws {
        let workspace = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        _ = try CLI.run(["init", "--workspace", workspace])
        let session = try TmuxSession(command: "\(CLI.binary.path) shell --scale tiny --workspace \(workspace)")
        defer { session.kill() }
        try session.waitFor("sqlprep>")
        try session.type("select count(*) as n")
        try session.waitFor("...>")
        try session.type("from users;")
        try session.waitFor("1000")
        try session.type(".tables")
        try session.waitFor("marketing_spend")
        try session.type(".mode csv")
        try session.type("select 1 as a, 2 as b;")
        try session.waitFor("a,b")
        try session.type("delete from users;")
        try session.waitFor("DELETE on users is not allowed")
        try session.send("Up", "Up", "Enter")  // history: the csv select again
        Thread.sleep(forTimeInterval: 1)
        #expect(try session.screen().components(separatedBy: "a,b").count >= 3)
        try session.type(".quit")
        let deadline = Date().addingTimeInterval(5)
        while session.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!session.isRunning)
        let history = try String(contentsOfFile: workspace + "/.sqlprep/shell_history", encoding: .utf8)
        #expect(history.contains("from users;"))
    }

    @Test("shell reads statements from standard input when it is not a terminal")
    func shellBatch() throws {
        let out = try CLI.run(["shell", "--scale", "tiny"], stdin: "select count(*) as n from products;\n.mode csv\nselect 7 as x;\nselect nope from nowhere;\n")
        #expect(out.stdout.contains("60"))
        #expect(out.stdout.contains("x\r\n7"))
        #expect(out.stdout.contains("No such table"))
        #expect(out.status == 1, "a failed statement makes the exit status 1")
    }

    @Test("a query the sandbox must kill ends only its child, not the shell")
    func shellSurvivesHardStop() throws {
        let out = try CLI.run(
            ["shell", "--scale", "tiny", "--time-limit", "1"],
            stdin: "select length(printf('%.*c', 2000000000, 'x'));\nselect 42 as answer;\n")
        #expect(out.stdout.contains("safety limit"))
        #expect(out.stdout.contains("42"))
    }
}
