import Foundation
import SQLPrepProcess
import TestSupport
import Testing

/// A whole learner journey through the built binary, in a temporary workspace.
@Suite("Learner journey, end to end", .serialized)
struct LearnerJourneyTests {
    static let solutions = Checkout.root.appendingPathComponent("Exercises")

    static func file(_ path: String) throws -> String {
        try String(contentsOf: solutions.appendingPathComponent(path), encoding: .utf8)
    }

    @Test("next → wrong submit → hint → right submit → next, then a new day picks up where it left off")
    func journey() throws {
        let workspace = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        let args = ["--workspace", workspace]

        let first = try CLI.run(["next"] + args)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Orders by status"))
        #expect(first.stderr.contains("Created a sqlprep workspace"))
        let answer = workspace + "/answers/orders-by-status.sql"
        #expect(FileManager.default.fileExists(atPath: answer))

        let untouched = try CLI.run(["submit"] + args)
        #expect(untouched.status == 1)
        #expect(untouched.stdout.contains("only the starter comments"))

        try (try String(contentsOfFile: answer, encoding: .utf8) + Self.file("01-warm-up/orders-by-status/wrong/integer-division.sql"))
            .write(toFile: answer, atomically: true, encoding: .utf8)
        let wrong = try CLI.run(["submit"] + args)
        #expect(wrong.status == 1)
        #expect(wrong.stdout.contains("integer ÷ integer"))

        let hint = try CLI.run(["hint"] + args)
        #expect(hint.status == 0)
        #expect(hint.stdout.contains("(1 of 3)"))
        #expect(hint.stdout.contains("100.0"), "the integer-division hint comes first after that mistake")

        try Self.file("01-warm-up/orders-by-status/solution.sql").write(toFile: answer, atomically: true, encoding: .utf8)
        let right = try CLI.run(["submit"] + args)
        #expect(right.status == 0, "\(right.stdout)")
        #expect(right.stdout.contains("✓ Correct!"))
        #expect(right.stdout.contains("The reference solution"))
        #expect(right.stdout.contains("Next: "))

        let second = try CLI.run(["next"] + args)
        #expect(second.stdout.contains("Exercise 2 of"))
        #expect(!second.stderr.contains("Created"))

        // The next day: a new process, same folder.
        let progress = try CLI.run(["progress", "--no-color"] + args)
        #expect(progress.status == 0)
        #expect(progress.stdout.contains("1 of "))
        #expect(progress.stdout.contains("✓ orders-by-status"))
        #expect(progress.stdout.contains("2 attempts, 1 hint"))
        let list = try CLI.run(["list", "--json"] + args)
        #expect(list.stdout.contains(#""id":"orders-by-status","title":"Orders by status","track":"01-warm-up","difficulty":"easy","status":"passed","attempts":2,"hints":1"#))
    }

    @Test("Two submits at once are both recorded")
    func concurrentSubmits() throws {
        let workspace = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        _ = try CLI.run(["init", "--workspace", workspace])
        let query = workspace + "/orders-by-status.sql"
        try Self.file("01-warm-up/orders-by-status/solution.sql").write(toFile: query, atomically: true, encoding: .utf8)
        nonisolated(unsafe) var statuses: [Int32] = []
        let lock = NSLock()
        let threads = (0..<4).map { _ in
            Thread {
                let out = try? CLI.run(["submit", query, "--workspace", workspace])
                lock.withLock { statuses.append(out?.status ?? -1) }
            }
        }
        threads.forEach { $0.start() }
        while lock.withLock({ statuses.count }) < 4 { Thread.sleep(forTimeInterval: 0.05) }
        #expect(statuses == [0, 0, 0, 0])
        let list = try CLI.run(["list", "--json", "--workspace", workspace])
        #expect(list.stdout.contains(#""status":"passed","attempts":4"#), "\(list.stdout.prefix(300))")
    }

    @Test("Killing sqlprep mid-submit never loses a recorded pass")
    func killMidSubmit() throws {
        let workspace = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        _ = try CLI.run(["init", "--workspace", workspace])
        let query = workspace + "/orders-by-status.sql"
        try Self.file("01-warm-up/orders-by-status/solution.sql").write(toFile: query, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["submit", query, "--workspace", workspace]).status == 0)
        // A slow query, killed while it runs.
        let slow = workspace + "/slow.sql"
        try "-- exercise: users-by-country\nWITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n".write(toFile: slow, atomically: true, encoding: .utf8)
        for delay in [0.05, 0.2, 0.4] {
            let process = try CLI.start(["submit", slow, "--workspace", workspace, "--time-limit", "10"])
            Thread.sleep(forTimeInterval: delay)
            process.signal(SIGKILL)
            process.wait()
        }
        let list = try CLI.run(["list", "--json", "--workspace", workspace])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains(#""id":"orders-by-status","title":"Orders by status","track":"01-warm-up","difficulty":"easy","status":"passed""#))
    }

    @Test(
        "Learner commands fail clearly",
        arguments: [
            (["solution", "orders-by-status"], Int32(1), "not passed"),
            (["show", "no-such-exercise"], Int32(1), "No exercise 'no-such-exercise'"),
            (["goto", "nope"], Int32(1), "No exercise 'nope'"),
            (["reset", "--all"], Int32(64), "--yes"),
            (["reset"], Int32(64), "Give an exercise id"),
            (["submit"], Int32(1), "only the starter comments"),
            (["progress", "import", "/no/such.json"], Int32(1), "cannot be read"),
            (["reset", "orders-by-status"], Int32(64), "See 'sqlprep reset --help'"),
        ])
    func failures(arguments: [String], status: Int32, mentions: String) throws {
        let workspace = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        _ = try CLI.run(["next", "--workspace", workspace])
        // For reset, an edited answer: resetting it would lose something and must be confirmed.
        let answer = workspace + "/answers/orders-by-status.sql"
        let edited = arguments.first == "reset"
        if edited {
            try (String(contentsOfFile: answer, encoding: .utf8) + "SELECT 42;\n").write(toFile: answer, atomically: true, encoding: .utf8)
        }
        let out = try CLI.run(arguments + ["--workspace", workspace])
        #expect(out.status == status, "\(out.stdout) \(out.stderr)")
        #expect((out.stdout + out.stderr).contains(mentions), "\(out.stdout) \(out.stderr)")
        #expect(!out.stderr.contains("Fatal error"))
        #expect(!out.stderr.contains("Usage: sqlprep <subcommand>"), "a usage mistake points at its own command")
        if edited { #expect(try String(contentsOfFile: answer, encoding: .utf8).hasSuffix("SELECT 42;\n"), "the learner's answer is untouched") }
    }

    @Test("A damaged progress store is reported, not reset")
    func damagedStore() throws {
        let workspace = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        _ = try CLI.run(["init", "--workspace", workspace])
        let store = workspace + "/.sqlprep/progress.db"
        try "garbage".write(toFile: store, atomically: true, encoding: .utf8)
        let out = try CLI.run(["next", "--workspace", workspace])
        #expect(out.status == 1)
        #expect(out.stderr.contains("is damaged"))
        #expect(try String(contentsOfFile: store, encoding: .utf8) == "garbage")
    }

    @Test("skip, goto, reset and solution --force work and are recorded")
    func navigation() throws {
        let workspace = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        let args = ["--workspace", workspace]
        _ = try CLI.run(["next"] + args)
        #expect(try CLI.run(["skip"] + args).stdout.contains("Skipped orders-by-status"))
        #expect(try CLI.run(["next"] + args).stdout.contains("users-by-country"))
        #expect(try CLI.run(["goto", "cpo-by-channel"] + args).status == 0)
        #expect(try CLI.run(["next"] + args).stdout.contains("[cpo-by-channel"))
        let answer = workspace + "/answers/cpo-by-channel.sql"
        try "SELECT 1".write(toFile: answer, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["reset", "cpo-by-channel", "--yes"] + args).status == 0)
        #expect(try String(contentsOfFile: answer, encoding: .utf8).hasPrefix("-- exercise: cpo-by-channel"))
        let forced = try CLI.run(["solution", "cpo-by-channel", "--force"] + args)
        #expect(forced.status == 0 && forced.stdout.contains("SELECT"))
        #expect(try CLI.run(["progress"] + args).stdout.contains("solution seen"))
        let reset = try CLI.run(["reset", "--all", "--yes"] + args)
        #expect(reset.status == 0 && reset.stdout.contains("backups"))
        let backups = try FileManager.default.contentsOfDirectory(atPath: workspace + "/.sqlprep/backups")
        #expect(backups.count == 1)
    }

    @Test("progress export and import move progress to another workspace")
    func exportImport() throws {
        let a = try Scratch.folder(), b = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
        let query = a + "/orders-by-status.sql"
        try Self.file("01-warm-up/orders-by-status/solution.sql").write(toFile: query, atomically: true, encoding: .utf8)
        _ = try CLI.run(["init", "--workspace", a])
        #expect(try CLI.run(["submit", query, "--workspace", a]).status == 0)
        #expect(try CLI.run(["progress", "export", a + "/p.json", "--workspace", a]).status == 0)
        let imported = try CLI.run(["progress", "import", a + "/p.json", "--workspace", b])
        #expect(imported.stdout.contains("Imported 1 new attempts"))
        #expect(try CLI.run(["list", "--json", "--workspace", b]).stdout.contains(#""status":"passed""#))
    }
}
