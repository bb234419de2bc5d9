import Foundation
import TestSupport
import Testing

/// One current exercise for every command: what goto, skip and a pass choose is what next, hint,
/// submit and the "Next:" line all use.
@Suite("Navigation, end to end", .serialized)
struct NavigationTests {
    /// Writes the reference solution of `id` as its answer file.
    static func solve(_ id: String, in workspace: String) throws {
        let folder = try #require(try FileManager.default.contentsOfDirectory(atPath: LearnerJourneyTests.solutions.path)
            .first { FileManager.default.fileExists(atPath: LearnerJourneyTests.solutions.path + "/\($0)/\(id)/solution.sql") })
        try FileManager.default.createDirectory(atPath: workspace + "/answers", withIntermediateDirectories: true)
        try LearnerJourneyTests.file("\(folder)/\(id)/solution.sql")
            .write(toFile: workspace + "/answers/\(id).sql", atomically: true, encoding: .utf8)
    }

    /// Runs `arguments` in `workspace`, expecting success.
    @discardableResult
    static func run(_ arguments: [String], in workspace: String) throws -> CLI.Output {
        let plain = ["next", "hint", "submit"].contains(arguments.first ?? "") ? ["--no-color"] : []
        let out = try CLI.run(arguments + ["--workspace", workspace] + plain)
        #expect(out.status == 0, "sqlprep \(arguments.joined(separator: " ")): \(out.stdout) \(out.stderr)")
        return out
    }

    /// The title on the "Next: … — run sqlprep next." line.
    static func nextTitle(_ output: String) -> String? {
        guard let line = output.split(separator: "\n").first(where: { $0.contains("Next: ") }),
              let start = line.range(of: "Next: "), let dash = line.range(of: " — run sqlprep next") else { return nil }
        return String(line[start.upperBound..<dash.lowerBound])
    }

    @Test(
        "After a pass, the Next: line names exactly what next then shows",
        arguments: [
            // (already passed, goto, the exercise passed, what next shows then)
            ([], nil, "orders-by-status", "users-by-country"),
            ([], "cpc-by-channel", "cpc-by-channel", "cpo-by-channel"),
            (["orders-by-status"], "orders-by-status", "orders-by-status", "users-by-country"),
            (["orders-by-status", "users-by-country"], "orders-by-status", "orders-by-status", "signups-by-channel-2024"),
            ([], "refunds-apparel-or-coupons", "refunds-apparel-or-coupons", "orders-by-status"),
        ] as [([String], String?, String, String)])
    func nextLine(passed: [String], goto: String?, pass: String, expected: String) throws {
        let workspace = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        try Self.run(["init"], in: workspace)
        for id in passed {
            try Self.solve(id, in: workspace)
            try Self.run(["submit", workspace + "/answers/\(id).sql"], in: workspace)
        }
        if let goto { try Self.run(["goto", goto], in: workspace) }
        try Self.solve(pass, in: workspace)
        let submitted = try Self.run(["submit"], in: workspace)
        #expect(submitted.stdout.contains("✓ Correct!"))
        let title = try #require(Self.nextTitle(submitted.stdout), "\(submitted.stdout)")
        let next = try Self.run(["next"], in: workspace)
        #expect(next.stdout.contains("[\(expected)"), "\(next.stdout.prefix(300))")
        #expect(next.stdout.contains(title), "Next: \(title), but next shows \(next.stdout.prefix(300))")
    }

    @Test(
        "goto an exercise already passed: next, hint and submit all use it",
        arguments: [
            (["next"], "[orders-by-status"),
            (["hint"], "Hints for Orders by status"),
            (["submit"], "✓ Correct!"),
        ])
    func gotoPassed(command: [String], shows: String) throws {
        let workspace = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        try Self.run(["init"], in: workspace)
        try Self.solve("orders-by-status", in: workspace)
        try Self.run(["submit"], in: workspace)
        #expect(try Self.run(["next"], in: workspace).stdout.contains("[users-by-country"))
        let goto = try Self.run(["goto", "orders-by-status"], in: workspace)
        #expect(goto.stdout.contains("Current exercise: Orders by status"))
        #expect(goto.stdout.contains("passed it already"))
        let out = try Self.run(command, in: workspace)
        #expect(out.stdout.contains(shows), "\(out.stdout.prefix(400))")
    }

    @Test(
        "skip moves to the next exercise not passed after the current one",
        arguments: [
            // (goto first, the exercise skipped, what next shows then)
            (nil, "orders-by-status", "users-by-country"),
            ("cpc-by-channel", "cpc-by-channel", "cpo-by-channel"),
            ("refunds-apparel-or-coupons", "refunds-apparel-or-coupons", "orders-by-status"),
        ] as [(String?, String, String)])
    func skip(goto: String?, skipped: String, expected: String) throws {
        let workspace = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        try Self.run(["init"], in: workspace)
        if let goto { try Self.run(["goto", goto], in: workspace) }
        let out = try Self.run(["skip"], in: workspace)
        #expect(out.stdout.hasPrefix("Skipped \(skipped). Next: "), "\(out.stdout)")
        let title = try #require(Self.nextTitle(out.stdout))
        let next = try Self.run(["next"], in: workspace)
        #expect(next.stdout.contains("[\(expected)"), "\(next.stdout.prefix(300))")
        #expect(next.stdout.contains(title))
    }

    @Test(
        "From a subfolder, learner commands use the workspace above and submit records there",
        arguments: [
            // (the subfolder, the command run there, what it prints, attempts recorded afterwards)
            ("answers", ["submit", "orders-by-status.sql"], "✓ Correct!", 1),
            ("answers", ["submit", "../answers/orders-by-status.sql"], "✓ Correct!", 1),
            ("answers", ["submit"], "✓ Correct!", 1),
            ("notes/deep", ["submit"], "✓ Correct!", 1),
            ("answers", ["next"], "[orders-by-status", 0),
            ("answers", ["hint"], "Hints for Orders by status", 0),
            ("answers", ["goto", "cpc-by-channel"], "Current exercise: Cost per click by channel", 0),
            ("answers", ["init"], "is already a sqlprep workspace", 0),
        ] as [(String, [String], String, Int)])
    func subfolder(folder: String, command: [String], prints: String, attempts: Int) throws {
        let workspace = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        try Self.run(["next"], in: workspace)
        try Self.solve("orders-by-status", in: workspace)
        let here = workspace + "/" + folder
        try FileManager.default.createDirectory(atPath: here, withIntermediateDirectories: true)
        let out = try CLI.run(command, in: here, environment: ["SQLPREP_WORKSPACE": ""])
        #expect(out.status == 0, "\(out.stdout) \(out.stderr)")
        #expect(out.stdout.contains(prints), "\(out.stdout.prefix(400)) \(out.stderr)")
        #expect(!out.stderr.contains("Created"), "\(out.stderr)")
        #expect(!out.stderr.contains("Not recorded"), "\(out.stderr)")
        #expect(!FileManager.default.fileExists(atPath: here + "/.sqlprep"), "no workspace nested in \(folder)")
        #expect(!FileManager.default.fileExists(atPath: here + "/answers"), "no workspace nested in \(folder)")
        let list = try Self.run(["list", "--json"], in: workspace)
        #expect(list.stdout.contains(#""id":"orders-by-status","title":"Orders by status","track":"01-warm-up","difficulty":"easy","status":"\#(attempts > 0 ? "passed" : "new")","attempts":\#(attempts)"#), "\(list.stdout.prefix(300))")
    }

    @Test(
        "Outside any workspace, submit says so: it checks a file without recording it, and never suggests nesting",
        arguments: [
            (["submit", "orders-by-status.sql"], Int32(0), "Not recorded: no sqlprep workspace in this folder or any folder above it"),
            (["submit"], Int32(64), "No sqlprep workspace in this folder or any folder above it; sqlprep next makes one here"),
        ])
    func outside(command: [String], status: Int32, says: String) throws {
        let folder = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.solve("orders-by-status", in: folder)
        let out = try CLI.run(command, in: folder + "/answers", environment: ["SQLPREP_WORKSPACE": ""])
        #expect(out.status == status, "\(out.stdout) \(out.stderr)")
        #expect(out.stderr.contains(says), "\(out.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/answers/.sqlprep"))
    }

    @Test("--workspace naming a folder that is not one says where a workspace would be made")
    func namedMissing() throws {
        let folder = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = try CLI.run(["submit", "--workspace", folder + "/ws"], in: folder)
        #expect(out.status == 64)
        #expect(out.stderr.contains("No sqlprep workspace in \(folder)/ws; sqlprep next --workspace \(folder)/ws makes one there"), "\(out.stderr)")
    }

    @Test("list marks the current exercise, and only that one", arguments: [nil, "cpc-by-channel", "orders-by-status"] as [String?])
    func listMarksCurrent(goto: String?) throws {
        let workspace = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        try Self.run(["init"], in: workspace)
        try Self.solve("orders-by-status", in: workspace)
        try Self.run(["submit", workspace + "/answers/orders-by-status.sql"], in: workspace)
        if let goto { try Self.run(["goto", goto], in: workspace) }
        let marked = try Self.run(["list", "--no-color"], in: workspace).stdout.split(separator: "\n").filter { $0.hasSuffix("← current") }
        #expect(marked.count == 1, "\(marked)")
        let expected = goto ?? "users-by-country"
        #expect(marked.first?.hasPrefix("  \(expected) ") == true, "\(marked)")
    }
}
