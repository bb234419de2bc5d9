import Foundation
import SQLPrepProcess
import TestSupport
import Testing

extension TmuxSession {
    /// The screen with its styling as escape sequences (`capture-pane -e`).
    func styledScreen() throws -> String { try TmuxSession.tmux(["capture-pane", "-e", "-p", "-t", name]) }

    /// Appends everything the program writes to the pane from now on to `file`: the order in which
    /// screens were drawn, which a capture of one moment cannot show.
    func record(to file: String) throws { try TmuxSession.tmux(["pipe-pane", "-o", "-t", name, "cat >> '\(file)'"]) }

    /// Polls the screen until `condition` holds (or `timeout` passes) and returns it.
    @discardableResult
    func waitUntil(_ what: String, timeout: Double = 30, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("timed out waiting for \(what); screen:\n\(last)")
        return last
    }
}

/// `watch` as a learner meets it: a screen at once, states while a check runs, the verdict, wrapped
/// text, the colours of `submit`, keys that work at any moment, and attempts that count saves of a
/// changed file only.
@Suite("watch feels live", .serialized, .enabled(if: TmuxSession.available, "needs tmux"))
struct WatchTests {
    static let footer = "h hint · r re-check · n next · l list · q quit"

    static func wrongAnswer() throws -> String {
        try LearnerJourneyTests.file("01-warm-up/orders-by-status/wrong/fraction-not-percent.sql")
    }

    /// Whitespace runs as one space: text that was wrapped at spaces reads the same as before.
    static func flattened(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    @Test("A state line before the verdict, a long diagnosis wrapped between words, the keys in the footer")
    func wrapsAndStates() throws {
        let workspace = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        let width = 60
        let session = try TmuxSession(command: "\(CLI.binary.path) watch --workspace \(workspace)", width: width, height: 80)
        defer { session.kill() }
        try session.waitFor(Self.footer)
        let log = workspace + "/pane.log"
        try session.record(to: log)

        let answer = workspace + "/answers/orders-by-status.sql"
        try Self.wrongAnswer().write(toFile: answer, atomically: true, encoding: .utf8)
        let screen = try session.waitFor("✗ not yet · checked at")

        // What was drawn, in order: a state of the check came before its verdict.
        let drawn = try String(contentsOfFile: log, encoding: .utf8)
        let verdictAt = try #require(drawn.range(of: "✗ not yet")).lowerBound
        let states = ["starting the check…", "loading the dataset…", "checking…"].compactMap { drawn.range(of: $0)?.lowerBound }
        #expect(states.contains { $0 < verdictAt }, "a state line was drawn before the verdict")

        // The diagnosis, as submit prints it on one line, reads the same wrapped: no word was cut.
        let submitted = try CLI.run(["submit", answer, "--exercise", "orders-by-status", "--no-color", "--no-explain"])
        let diagnosis = try #require(submitted.stdout.split(separator: "\n").first { $0.contains("100 times too small") })
        #expect(diagnosis.count > width, "the diagnosis needs wrapping at this width: \(diagnosis)")
        #expect(Self.flattened(screen).contains(Self.flattened(String(diagnosis))), "screen:\n\(screen)")
        #expect(screen.contains(Self.footer))
        #expect(screen.contains("Stuck? Press h for hint 1 of"), "keys, not commands, on the watch screen")
        #expect(!screen.contains("sqlprep hint"))

        // A narrower window: the text is wrapped again, to the new width.
        try TmuxSession.tmux(["resize-window", "-t", session.name, "-x", "44"])
        try session.waitUntil("the text re-wrapped to 44 columns") { screen in
            screen.split(separator: "\n").allSatisfy { $0.count <= 44 } && Self.flattened(screen).contains(Self.flattened(String(diagnosis)))
        }
        session.kill()
    }

    @Test("Colours as submit has them on a terminal; none with NO_COLOR", arguments: [false, true])
    func colour(noColor: Bool) throws {
        let workspace = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        _ = try CLI.run(["init", "--workspace", workspace])
        try Self.wrongAnswer().write(toFile: workspace + "/answers/orders-by-status.sql", atomically: true, encoding: .utf8)
        let environment = noColor ? "NO_COLOR=1" : "-u NO_COLOR"
        let session = try TmuxSession(command: "env \(environment) \(CLI.binary.path) watch --workspace \(workspace)", height: 60)
        defer { session.kill() }
        try session.waitFor("✗ not yet · checked at")
        let styled = try session.styledScreen()
        // tmux writes each attribute as its own SGR sequence: red (31) for the verdict, bold (1) for headings.
        let red = styled.contains("\u{1B}[31m"), bold = styled.contains("\u{1B}[1m")
        if noColor {
            #expect(!red && !bold, "no styling with NO_COLOR:\n\(styled)")
        } else {
            #expect(red && bold, "red and bold on a terminal:\n\(styled)")
        }
    }

    @Test("q quits at once while a check is still running, and the stopped check records nothing")
    func quitDuringSlowCheck() throws {
        let workspace = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        _ = try CLI.run(["init", "--workspace", workspace])
        // A query whose work is huge, under a work limit that lets it run: slow because of work, on any machine.
        let slow = """
            WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 4000000000)
            SELECT 'x' AS status, count(*) AS orders, 0.0 AS share_pct FROM n;
            """
        try slow.write(toFile: workspace + "/answers/orders-by-status.sql", atomically: true, encoding: .utf8)
        let session = try TmuxSession(
            command: "\(CLI.binary.path) watch --workspace \(workspace) --work-limit 1000000000000 --time-limit 3600")
        defer { session.kill() }
        try session.waitFor("checking…", timeout: 60)

        try session.send("q")
        let start = Date()
        while session.isRunning && Date().timeIntervalSince(start) < 10 { Thread.sleep(forTimeInterval: 0.005) }
        let milliseconds = Int(Date().timeIntervalSince(start) * 1000)
        print("watch: q to exit during a running check took \(milliseconds) ms (including tmux round trips)")
        #expect(!session.isRunning, "q quits while the check runs")

        // The check did not finish: it recorded no attempt, and its process is gone, not left running.
        #expect(try Self.attempts(workspace) == 0)
        #expect(Self.processes(mentioning: workspace).isEmpty, "no check left running")
    }

    @Test("Saving the same content again is not a new attempt; a changed file is")
    func attemptsCountChanges() throws {
        let workspace = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        _ = try CLI.run(["init", "--workspace", workspace])
        let session = try TmuxSession(command: "\(CLI.binary.path) watch --workspace \(workspace)", height: 60)
        defer { session.kill() }
        try session.waitFor(Self.footer)
        let answer = workspace + "/answers/orders-by-status.sql"
        let wrong = try Self.wrongAnswer()

        try wrong.write(toFile: answer, atomically: true, encoding: .utf8)
        try session.waitUntil("the first check") { $0.contains("✗ not yet · checked at") && !$0.contains("not counted again") }
        #expect(try Self.attempts(workspace) == 1)

        Thread.sleep(forTimeInterval: 1.1)  // a new modification time for the same bytes
        try wrong.write(toFile: answer, atomically: true, encoding: .utf8)
        try session.waitFor("not counted again")
        try session.send("r")
        try session.waitUntil("the re-check") { $0.contains("✗ not yet · checked at") && $0.contains("not counted again") }
        #expect(try Self.attempts(workspace) == 1, "the same query saved again and re-checked counts once")

        try (wrong + "\n-- changed\n").write(toFile: answer, atomically: true, encoding: .utf8)
        try session.waitUntil("the check of the changed file") { $0.contains("✗ not yet · checked at") && !$0.contains("not counted again") }
        #expect(try Self.attempts(workspace) == 2, "a changed file is a new attempt")
    }

    /// Attempts recorded at orders-by-status, from `list --json`.
    static func attempts(_ workspace: String) throws -> Int {
        let out = try CLI.run(["list", "--json", "--workspace", workspace])
        let rows = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]]
        return try #require(rows?.first { $0["id"] as? String == "orders-by-status" }?["attempts"] as? Int)
    }

    /// Processes whose command line mentions `text`.
    static func processes(mentioning text: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { $0.allSatisfy(\.isNumber) }.compactMap { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let command = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            return command.contains(text) && !command.contains("tmux") ? command : nil
        }
    }
}
