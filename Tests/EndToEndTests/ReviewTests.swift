import Foundation
import TestSupport
import Testing

/// `sqlprep review` end to end, with a fake clock (`SQLPREP_NOW`) moved through the intervals, on a
/// one-exercise course at tiny scale so that each review's fresh dataset is quick to make.
@Suite("review end to end")
struct ReviewTests {
    static let id = "conversion-by-device-q1-2025"

    /// A copy of one built-in exercise, at tiny scale, as a course of its own.
    static func course() throws -> String {
        let root = try Scratch.folder() + "/course"
        let source = Checkout.root.appendingPathComponent("Exercises/02-conversion/\(id)").path
        try FileManager.default.createDirectory(atPath: root + "/02-conversion", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: source, toPath: root + "/02-conversion/\(id)")
        let contract = root + "/02-conversion/\(id)/exercise.txt"
        let text = try String(contentsOfFile: contract, encoding: .utf8).replacingOccurrences(of: "scale: default", with: "scale: tiny")
        try text.write(toFile: contract, atomically: true, encoding: .utf8)
        try "format_version: 1\ntitle: Review test\n\ntrack: 02-conversion | Conversion\n\(id)\n"
            .write(toFile: root + "/course.txt", atomically: true, encoding: .utf8)
        return root
    }

    static func query(_ name: String) throws -> String {
        try String(contentsOfFile: Checkout.root.appendingPathComponent("Exercises/02-conversion/\(id)/\(name)").path, encoding: .utf8)
    }

    struct Learner {
        let workspace: String
        let course: String

        func run(_ arguments: [String], day: Double) throws -> CLI.Output {
            let now = Date(timeIntervalSince1970: 1_796_115_600 + day * 86_400)  // 2026-12-01 09:00 UTC
            let formatter = ISO8601DateFormatter()
            return try CLI.run(arguments + ["--course", course], in: workspace, environment: ["SQLPREP_NOW": formatter.string(from: now), "TZ": "UTC"])
        }

        /// Writes `sql` below the review file's starter comments and checks it.
        func answerReview(_ sql: String, day: Double) throws -> CLI.Output {
            let shown = try run(["review"], day: day)
            #expect(shown.status == 0, "\(shown.stderr)")
            let path = workspace + "/review/\(ReviewTests.id).sql"
            let handle = try #require(FileHandle(forWritingAtPath: path))
            handle.seekToEndOfFile()
            handle.write(Data(sql.utf8))
            try handle.close()
            return try run(["review", "--check"], day: day)
        }
    }

    @Test("A diagnosed mistake comes back after 1 day, then 3, 7, 14 and 30 as reviews pass; a repeat starts over")
    func intervals() throws {
        let learner = Learner(workspace: try Scratch.folder(), course: try Self.course())
        #expect(try learner.run(["next"], day: 0).status == 0)
        let empty = try learner.run(["review"], day: 0)
        #expect(empty.status == 0 && empty.stdout.contains("Nothing to review."))

        let wrong = try Self.query("wrong/integer-division.sql")
        let submit = try learner.run(["submit", "--exercise", Self.id, "--no-explain"], day: 0) // starter file: nothing recorded
        #expect(submit.status == 1)
        try wrong.write(toFile: learner.workspace + "/wrong.sql", atomically: true, encoding: .utf8)
        #expect(try learner.run(["submit", "wrong.sql", "--exercise", Self.id, "--no-explain"], day: 0).status == 1)

        let notYet = try learner.run(["review"], day: 0.9)
        #expect(notYet.stdout.contains("Nothing is due for review now. 1 exercise in the queue; the next, \(Self.id), on 2026-12-02 09:00."))
        #expect(try learner.run(["progress"], day: 0.9).stdout.contains("Review queue: 1 later, the next on 2026-12-02 09:00."))
        #expect(try learner.run(["progress"], day: 1).stdout.contains("Review queue: 1 due now (sqlprep review)."))

        let due = try learner.run(["review"], day: 1)
        #expect(due.stdout.contains("Due for review: 1 exercise — \(Self.id)"))
        #expect(due.stdout.contains("it came back for: integer division"))
        #expect(due.stdout.contains("Your review file: review/\(Self.id).sql"))
        let untouched = try learner.run(["review", "--check"], day: 1)
        #expect(untouched.status == 1 && untouched.stdout.contains("holds only the starter comments"))

        // Pass at each interval: 1 → 3 → 7 → 14 → 30 days, then the exercise leaves the queue.
        let solution = try Self.query("solution.sql")
        var day = 1.0
        var seeds: [String] = []
        for (interval, words) in [(3.0, "in 3 days"), (7, "in 7 days"), (14, "in 14 days"), (30, "in 30 days")] {
            #expect(try learner.run(["review"], day: day - 0.01).stdout.contains("Nothing is due"), "not due before day \(day)")
            let shown = try learner.run(["review"], day: day)
            seeds.append(shown.stdout.components(separatedBy: "\n").first { $0.hasPrefix("Dataset: shop, seed") } ?? "")
            let checked = try learner.answerReview(solution, day: day)
            #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
            #expect(checked.stdout.contains("✓ Correct!") && checked.stdout.contains("comes back for review on") && checked.stdout.contains(words))
            day += interval
        }
        #expect(Set(seeds).count == 4 && !seeds.contains { $0.contains("seed 20240101") }, "each review on its own fresh data: \(seeds)")

        // The same mistake in a review: back to 1 day.
        let again = try learner.answerReview(wrong, day: day)
        #expect(again.status == 1)
        #expect(again.stdout.contains("in 1 day"))
        day += 1
        for interval in [3.0, 7, 14, 30, 0] {
            let checked = try learner.answerReview(solution, day: day)
            #expect(checked.status == 0)
            if interval == 0 {
                #expect(checked.stdout.contains("has passed every review interval and leaves the review queue"))
            }
            day += interval
        }
        let done = try learner.run(["review"], day: day + 100)
        #expect(done.stdout.contains("Nothing to review."))
        let kept = try FileManager.default.contentsOfDirectory(atPath: learner.workspace + "/.sqlprep/reviews")
        #expect(kept.count == 10, "every checked review answer is kept: \(kept.sorted())")

        // The queue travels with progress export / import.
        let export = try learner.run(["progress", "export", learner.workspace + "/p.json"], day: day)
        #expect(export.stdout.contains("and 10 reviews"))
        let elsewhere = Learner(workspace: try Scratch.folder(), course: learner.course)
        #expect(try elsewhere.run(["progress", "import", learner.workspace + "/p.json"], day: day).stdout.contains("and 10 reviews"))
        #expect(try elsewhere.run(["review"], day: day + 100).stdout.contains("Nothing to review."))
    }

    @Test("Bad input to review gets one clear message", arguments: [
        (["review", "--exercise", "no-such-exercise"], "no-such-exercise"),
    ] as [([String], String)])
    func badInput(arguments: [String], says: String) throws {
        let learner = Learner(workspace: try Scratch.folder(), course: try Self.course())
        _ = try learner.run(["next"], day: 0)
        try Self.query("wrong/integer-division.sql").write(toFile: learner.workspace + "/w.sql", atomically: true, encoding: .utf8)
        _ = try learner.run(["submit", "w.sql", "--exercise", Self.id, "--no-explain"], day: 0)
        let output = try learner.run(arguments, day: 2)
        #expect(output.status != 0)
        #expect((output.stdout + output.stderr).contains(says))
        let badClock = try CLI.run(["review", "--course", learner.course], in: learner.workspace, environment: ["SQLPREP_NOW": "tomorrow"])
        #expect(badClock.status == 64 && badClock.stderr.contains("SQLPREP_NOW is not an ISO 8601 time"))
    }
}
