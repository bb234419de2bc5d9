import Foundation
import TestSupport
import Testing

/// The small items of the learner-loop review: statuses, the progress headline, "did you mean",
/// and what a bare `sqlprep` prints.
@Suite("Learner polish, end to end")
struct LearnerPolishTests {
    @Test("A skipped exercise that was attempted shows as skipped in list, progress and --json; progress opens with a true one-line summary")
    func skippedAfterAttempts() throws {
        let workspace = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        let total = try CLI.run(["list", "--json"]).stdout.components(separatedBy: "\"id\":").count - 1

        _ = try CLI.run(["init", "--workspace", workspace])
        let start = try CLI.run(["progress", "--workspace", workspace])
        #expect(start.stdout.hasPrefix("0 of \(total) passed · 0 attempted · 0 skipped · current: orders-by-status\n"), "\(start.stdout.prefix(200))")

        try FileManager.default.createDirectory(atPath: workspace + "/answers", withIntermediateDirectories: true)
        try "SELECT status, COUNT(*) AS orders, 0 AS share_pct FROM orders GROUP BY status ORDER BY orders DESC, status\n"
            .write(toFile: workspace + "/answers/orders-by-status.sql", atomically: true, encoding: .utf8)
        let wrong = try CLI.run(["submit", "--workspace", workspace, "--no-explain"])
        #expect(wrong.status == 1, "\(wrong.stdout)\(wrong.stderr)")
        let attempted = try CLI.run(["progress", "--workspace", workspace])
        #expect(attempted.stdout.hasPrefix("0 of \(total) passed · 1 attempted · 0 skipped · current: orders-by-status\n"), "\(attempted.stdout.prefix(200))")

        #expect(try CLI.run(["skip", "--workspace", workspace]).status == 0)
        let list = try CLI.run(["list", "--workspace", workspace])
        let listLine = try #require(list.stdout.split(separator: "\n").first { $0.contains("orders-by-status") })
        #expect(listLine.contains("skipped") && !listLine.contains("attempted"), "\(listLine)")
        let json = try CLI.run(["list", "--json", "--workspace", workspace])
        #expect(json.stdout.contains(#""id":"orders-by-status","title":"Orders by status","track":"01-warm-up","difficulty":"easy","status":"skipped","attempts":1"#), "\(json.stdout.prefix(300))")
        let progress = try CLI.run(["progress", "--workspace", workspace])
        #expect(progress.stdout.hasPrefix("0 of \(total) passed · 0 attempted · 1 skipped · current: users-by-country\n"), "\(progress.stdout.prefix(200))")
        let progressLine = try #require(progress.stdout.split(separator: "\n").first { $0.contains("orders-by-status") })
        #expect(progressLine.contains("skipped") && progressLine.contains("1 attempt") && !progressLine.contains("attempted"), "\(progressLine)")
    }

    @Test("An unknown command or exercise gets 'did you mean' only when a close one exists, and how to list them", arguments: [
        (["nxt"], Int32(64), "unknown command 'nxt'. Did you mean 'next'?", "sqlprep --help"),
        (["sumbit"], Int32(64), "Did you mean 'submit'?", "sqlprep --help"),
        (["frobnicate"], Int32(64), nil, "sqlprep --help"),
        (["show", "orders-by-statu"], Int32(1), "Did you mean 'orders-by-status'", "sqlprep list"),
        (["show", "cpc-by-chanel"], Int32(1), "Did you mean 'cpc-by-channel'", "sqlprep list"),
        (["show", "qqqqqqq"], Int32(1), nil, "sqlprep list"),
    ] as [([String], Int32, String?, String)])
    func didYouMean(arguments: [String], status: Int32, suggestion: String?, listing: String) throws {
        let out = try CLI.run(arguments)
        #expect(out.status == status, "\(out.stderr)")
        if let suggestion { #expect(out.stderr.contains(suggestion), "\(out.stderr)") } else { #expect(!out.stderr.contains("Did you mean"), "\(out.stderr)") }
        #expect(out.stderr.contains(listing), "\(out.stderr)")
    }

    @Test("A bare sqlprep prints a short usage, not the full help, and exits 64 (no command ran)")
    func bare() throws {
        let out = try CLI.run([])
        #expect(out.status == 64)
        #expect(out.stdout.hasPrefix("usage: sqlprep <command> [options]"))
        for command in ["next", "submit", "hint", "watch", "list", "progress"] { #expect(out.stdout.contains("  \(command) "), "\(command)") }
        #expect(out.stdout.contains("sqlprep --help for all"))
        #expect(out.stdout.split(separator: "\n").count < 15)
        #expect(!out.stdout.contains("grade"))  // the full help's instructor commands are not in the short usage
    }
}
