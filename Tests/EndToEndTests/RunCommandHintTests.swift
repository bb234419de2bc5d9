import Foundation
import TestSupport
import Testing

/// What sqlprep says about a query is true for that query, whichever command ran it.
@Suite("sqlprep run, submit and shell: hints that are true, end to end", .serialized)
struct RunCommandHintTests {
    @Test("run -e with DATE_TRUNC prints the same dialect note as submit")
    func dialectOnRun() throws {
        let out = try CLI.run(["run", "--scale", "tiny", "-e", "select date_trunc('month', created_at) from users"])
        #expect(out.status == 1)
        #expect(out.stdout.contains("Dialect: DATE_TRUNC is PostgreSQL. In SQLite: strftime('%Y-%m', ts)"), "\(out.stdout)")
    }

    @Test("A note on a query that runs goes to standard error, so a CSV result stays clean")
    func noteOnResult() throws {
        let out = try CLI.run(["run", "--scale", "tiny", "--format", "csv", "-e", "select abs(random()) >= 0 as ok"])
        #expect(out.status == 0)
        #expect(out.stdout == "ok\r\n1\r\n\n")
        #expect(out.stderr.contains("Note: The query uses random()"), "\(out.stderr)")
    }

    @Test("A starter file with a syntax error below its comments: a caret on the error, no look-alike hint, on run and submit")
    func starterFile() throws {
        let workspace = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        let next = try CLI.run(["next", "--workspace", workspace])
        #expect(next.status == 0, "\(next.stderr)")
        let answer = workspace + "/answers/orders-by-status.sql"
        let starter = try String(contentsOfFile: answer, encoding: .utf8)
        #expect(starter.contains("—"), "the starter quotes the prompt, em dashes and all")
        try (starter + "SELECT status,\n  count(*) FROM FROM orders\n").write(toFile: answer, atomically: true, encoding: .utf8)
        let errorLine = starter.split(separator: "\n", omittingEmptySubsequences: false).count + 1

        for command in [["run", answer], ["submit", "--workspace", workspace]] {
            let out = try CLI.run(command)
            #expect(out.status == 1)
            #expect(out.stdout.contains("at line \(errorLine), column 17"), "\(command): \(out.stdout)")
            #expect(!out.stdout.contains("hint:"), "\(command): \(out.stdout)")
            #expect(!out.stdout.contains("dash"), "\(command): \(out.stdout)")
        }
    }

    @Test("submit of a missing file advises what submit can do, not -e")
    func submitMissingFile() throws {
        let out = try CLI.run(["submit", "answers/nonexistent.sql"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("No such file: answers/nonexistent.sql"), "\(out.stderr)")
        #expect(!out.stderr.contains("-e"), "\(out.stderr)")
        #expect(out.stderr.contains("sqlprep submit with no file"), "\(out.stderr)")
    }

    @Test("The shell's row note names .mode, not run's options")
    func shellFooter() throws {
        let out = try CLI.run(["shell", "--scale", "tiny"], stdin: "select user_id from users;\n")
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("(1000 rows; the first 50 shown — .mode csv shows them all)"), "\(out.stdout)")
        #expect(!out.stdout.contains("--max-rows") && !out.stdout.contains("--format"), "\(out.stdout)")
        let run = try CLI.run(["run", "--scale", "tiny", "-e", "select user_id from users"])
        #expect(run.stdout.contains("(1000 rows; the first 50 shown — --max-rows N or --format csv shows them all)"), "\(run.stdout)")
    }

    @Test("A many-to-many join that runs out of time is told the possible causes, joins on repeated keys among them")
    func slowJoin() throws {
        let sql = "select count(*) from sessions a join sessions b on a.user_id = b.user_id join sessions c on c.user_id = b.user_id join sessions d on d.user_id = c.user_id join sessions e on e.user_id = d.user_id"
        let out = try CLI.run(["run", "--scale", "tiny", "--time-limit", "1", "-e", sql])
        #expect(out.status == 1)
        #expect(out.stdout.contains("Possible causes:"), "\(out.stdout)")
        #expect(out.stdout.contains("repeats on both sides"), "\(out.stdout)")
        #expect(!out.stdout.contains("Look for a join without a condition"), "\(out.stdout)")
    }

    @Test("Numbers in hints and explanations are filled from the reference; no markup is shown")
    func filledNumbers() throws {
        let workspace = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        let args = ["--workspace", workspace, "--no-color"]
        _ = try CLI.run(["hint", "checkout-redesign-lift"] + args)
        let hints = try CLI.run(["hint", "checkout-redesign-lift"] + args)
        #expect(hints.status == 0, "\(hints.stderr)")
        #expect(hints.stdout.contains("reported as about 9.4") && !hints.stdout.contains("`"), "\(hints.stdout)")
        #expect(!hints.stdout.contains("{{") && !hints.stdout.contains("0.112"), "\(hints.stdout)")

        let solution = try CLI.run(["solution", "checkout-redesign-lift", "--force", "--workspace", workspace])
        let answer = workspace + "/answer.sql"
        try solution.stdout.write(toFile: answer, atomically: true, encoding: .utf8)
        let passed = try CLI.run(["submit", answer, "--exercise", "checkout-redesign-lift"] + args)
        #expect(passed.status == 0, "\(passed.stdout)")
        #expect(passed.stdout.contains("\"+2.68 points\""), "\(passed.stdout)")
        #expect(passed.stdout.contains("\"+9.42% relative\""), "\(passed.stdout)")
        #expect(!passed.stdout.contains("{{"), "\(passed.stdout)")

        let shown = try CLI.run(["show", "monthly-reactivation", "--no-color"])
        #expect(shown.stdout.contains("Monthly active users grew over the first half of 2025, and"), "\(shown.stdout)")
        #expect(!shown.stdout.contains("{{"))
    }
}
