import Foundation
import SQLPrepProcess
import TestSupport
import Testing

/// The instructor's side of `sqlprep grade`: help, the exercises chosen without an assignment, near-miss
/// file names, Gradescope's edge cases, and a report that groups a class's wrong answers.
@Suite("sqlprep grade, the instructor's report", .serialized)
struct GradeReportTests {
    static let exercise = "01-warm-up/orders-by-status"

    /// One exercise, nine learners: known-wrong queries from the catalog (two with the same mistake),
    /// a hard-coded answer, two learners with the same unusual wrong result, a syntax error, a correct
    /// answer, and a correct answer under a near-miss name one folder down.
    static func makeClass() throws -> String {
        let root = try Scratch.folder()
        func file(_ name: String) throws -> String { try LearnerJourneyTests.file("\(exercise)/\(name)") }
        let reference = try file("solution.sql")
        try reference.write(toFile: root + "/ref.sql", atomically: true, encoding: .utf8)
        let csv = try CLI.run(["run", "--format", "csv", root + "/ref.sql"]).stdout
        let rows = csv.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",") }.filter { $0.count == 3 }
        let hardCoded = "SELECT * FROM (VALUES " + rows.map { "('\($0[0])', \($0[1]), \($0[2]))" }.joined(separator: ", ") + ")"
        let answers: [String: String] = [
            "ann": try file("wrong/integer-division.sql"),
            "bob": "-- my answer\n" + (try file("wrong/integer-division.sql")).replacingOccurrences(of: "\n", with: "\n  "),
            "cat": try file("wrong/fraction-not-percent.sql"),
            "dan": hardCoded,
            "eve": reference,
            "fox": "select status, count(*), length(status) from orders group by status order by 2 desc",
            "gil": "SELECT o.status, COUNT(1) AS n, LENGTH(o.status) AS l\nFROM orders o GROUP BY 1 ORDER BY 2 DESC",
            "hal": "SELEC status FROM orders",
        ]
        for (learner, sql) in answers {
            try FileManager.default.createDirectory(atPath: "\(root)/subs/\(learner)", withIntermediateDirectories: true)
            try sql.write(toFile: "\(root)/subs/\(learner)/orders-by-status.sql", atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: "\(root)/subs/ivy/week1", withIntermediateDirectories: true)
        try reference.write(toFile: "\(root)/subs/ivy/week1/Orders_By_Status.SQL", atomically: true, encoding: .utf8)
        return root
    }

    static func grade(_ root: String, out: String, _ extra: [String] = []) throws -> CLI.Output {
        try CLI.run(["grade", root + "/subs", "--out", root + "/" + out, "--secret", "report-test", "--variants", "2", "--time-limit", "2"] + extra)
    }

    static func json(_ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    @Test("Wrong answers are grouped by how they are wrong, the hard-coded answer is flagged as such, identical unusual answers are shown, in the report, summary.json and feedback")
    func clusters() throws {
        let root = try Self.makeClass()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try Self.grade(root, out: "out")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        // No --assignment: the exercises found in the submissions, said in one line.
        #expect(run.stderr.contains("Grading the exercise found in the submissions: orders-by-status; use --assignment FILE or --all to choose."), "\(run.stderr)")
        #expect(run.stdout.contains("Graded 9 learners on 1 exercise"), "\(run.stdout)")
        #expect(run.stdout.contains("graded under a near-miss name") && run.stdout.contains("ivy/orders-by-status"))
        #expect(run.stdout.contains("wrong on every hidden dataset") && run.stdout.contains("dan/orders-by-status"))

        // The gradebook: one column, one number format (dan's partial credit has decimals, so all do).
        let book = try GradeTests.gradebook(root + "/out/gradebook.csv")
        #expect(book["ivy"]?[3] == "10.00", "a near-miss name is graded: \(book["ivy"] ?? [])")
        #expect(book["eve"]?[3] == "10.00" && book["ann"]?[3] == "0.00" && book["dan"]?[3] == "3.33")

        let summary = try Self.json(root + "/out/summary.json")
        let exercise = try #require((summary["exercises"] as? [[String: Any]])?.first)
        #expect(exercise["right_on_practice_only"] as? [String] == ["dan"])
        let reasons = try #require(exercise["failure_reasons"] as? [String: Int])
        #expect(reasons["right_on_practice_only"] == 1)
        #expect(reasons["duplicated_rows"] == nil, "the hard-coded answer is not labelled with a diagnosis of its hidden results: \(reasons)")
        let clusters = try #require(exercise["clusters"] as? [[String: Any]])
        let division = try #require(clusters.first { ($0["diagnosis"] as? String)?.contains("integer division") == true })
        #expect(division["learners"] as? [String] == ["ann", "bob"] && division["size"] as? Int == 2)
        #expect(clusters.first?["verdict"] as? String == "misconception", "diagnosed groups come first: \(clusters)")
        #expect(clusters.last?["verdict"] as? String == "wrong_result", "the undiagnosed group comes last: \(clusters)")
        let overfit = try #require(clusters.first { $0["verdict"] as? String == "right_on_practice_only" })
        #expect(overfit["learners"] as? [String] == ["dan"] && (overfit["representative_query"] as? String)?.contains("VALUES") == true)
        #expect((clusters.flatMap { $0["learners"] as? [String] ?? [] }).contains("hal") == false, "an SQL error is not a misconception")
        #expect((exercise["process_failures"] as? [String: [String]])?["sql_error"] == ["hal"])
        let identical = try #require(exercise["identical_unusual_answers"] as? [[String: Any]])
        #expect(identical.count == 1 && identical.first?["learners"] as? [String] == ["fox", "gil"] && identical.first?["same_text"] as? Bool == false)
        let scores = try #require(summary["scores"] as? [[String: Any]])
        #expect(scores.first { $0["learner"] as? String == "dan" }?["right_on_practice_only"] as? [String] == ["orders-by-status"])
        #expect(scores.first { $0["learner"] as? String == "ivy" }?["near_miss_names"] as? [String] == ["orders-by-status"])

        // The learners' feedback.
        let dan = try String(contentsOfFile: root + "/out/feedback/dan.md", encoding: .utf8)
        #expect(dan.contains("Right on the practice data, wrong on every hidden dataset."))
        let ivy = try String(contentsOfFile: root + "/out/feedback/ivy.md", encoding: .utf8)
        #expect(ivy.contains("Note: Graded week1/Orders_By_Status.SQL as orders-by-status.sql"))

        // The report, as a browser shows it.
        let text = try Self.visibleText(root + "/out/report.html")
        for expected in [
            "Misconceptions by exercise", "integer division — 2 learners: ann, bob", "Representative query (ann):",
            "right on the practice data, wrong on every hidden dataset", "Not graded on a result:", "sql error — hal",
            "Identical unusual answers", "fox, gil", "not a finding of misconduct",
            "Learners × exercises", "practice only 1/3", "Files graded under a near-miss name", "3/9",
        ] {
            #expect(text.contains(expected), "the rendered report shows “\(expected)”:\n\(text)")
        }
        #expect(!text.contains("your query"), "the instructor's own text never says “your query”")
        let html = try String(contentsOfFile: root + "/out/report.html", encoding: .utf8)
        #expect(html.contains("<a href=\"feedback/dan.md\">dan</a>"), "learners link to their feedback")

        // strict_names: true refuses the near-miss name, and says why.
        try "title: Week 1\nstrict_names: true\nexercise: orders-by-status | 10\n".write(toFile: root + "/strict.txt", atomically: true, encoding: .utf8)
        #expect(try Self.grade(root, out: "strict", ["--assignment", root + "/strict.txt"]).status == 0)
        #expect(try GradeTests.gradebook(root + "/strict/gradebook.csv")["ivy"]?[3] == "0.00")
        let strict = try String(contentsOfFile: root + "/strict/feedback/ivy.md", encoding: .utf8)
        #expect(strict.contains("grades only exact names"), "\(strict)")
    }

    /// The report's visible text as headless Chromium renders it (tags dropped, entities decoded,
    /// white space collapsed), and a screenshot that must come out.
    static func visibleText(_ path: String) throws -> String {
        let browser = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let browser else {
            Issue.record("headless Chromium is not installed (apt-get install chromium); .ci/run installs it")
            return ""
        }
        func chromium(_ arguments: [String]) throws -> String {
            let output = try ChildProcess.run(
                browser, ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] + arguments, timeout: 120, newProcessGroup: true)
            if output.timedOut { Issue.record("Chromium did not finish in 120 s") }
            return output.standardOutputText
        }
        let png = path + ".png"
        _ = try chromium(["--window-size=1000,2400", "--screenshot=" + png, "file://" + path])
        let size = (try? FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
        #expect(size > 20_000, "a screenshot of the rendered report (\(size) bytes)")
        var dom = try chromium(["--dump-dom", "file://" + path])
        if let head = dom.range(of: "</head>") { dom = String(dom[head.upperBound...]) }
        // Links and inline tags join their text; every other tag separates it.
        let text = dom.replacingOccurrences(of: "</?(a|strong|code)( [^>]*)?>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test("grade --help shows the grading options and examples; grade run still works")
    func help() throws {
        let help = try CLI.run(["grade", "--help"])
        #expect(help.status == 0)
        for option in ["--out <dir>", "--assignment <file>", "--all", "--roster <file>", "--variants", "--secret <text>", "--gradescope", "--shard <K/N>", "merge"] {
            #expect(help.stdout.contains(option), "grade --help lists \(option):\n\(help.stdout)")
        }
        #expect(help.stdout.contains("  sqlprep grade subs/ --out shard1/ --shard 1/4 --secret-file secret.txt\n"), "an example on one line")
        #expect(help.stdout.contains("(default: the number of cores)") && !help.stdout.contains("cores). (default:"), "one default for --jobs")
        #expect(try CLI.run(["grade", "run", "--help"]).status == 0)
        let old = try CLI.run(["grade", "run", "/no/such/folder", "--out", "/tmp/x", "--all"])
        #expect(old.status == 1 && old.stderr.contains("is not a folder"), "grade run … still grades: \(old.stderr)")
    }

    @Test("Gradescope: files one folder down are graded; a missing or empty submission writes results.json that says so and exits 1")
    func gradescope() throws {
        let root = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "exercise: orders-by-status | 4\n".write(toFile: root + "/a.txt", atomically: true, encoding: .utf8)
        func grade(_ folder: String) throws -> (CLI.Output, String) {
            let results = root + "/results-\(UUID().uuidString).json"
            let out = try CLI.run(["grade", "--gradescope", "--submission-dir", folder, "--results-file", results,
                                   "--assignment", root + "/a.txt", "--secret", "s", "--variants", "1"])
            return (out, (try? String(contentsOfFile: results, encoding: .utf8)) ?? "")
        }
        try FileManager.default.createDirectory(atPath: root + "/nested/week1", withIntermediateDirectories: true)
        try LearnerJourneyTests.file("\(Self.exercise)/solution.sql").write(toFile: root + "/nested/week1/orders-by-status.sql", atomically: true, encoding: .utf8)
        let (nested, nestedJSON) = try grade(root + "/nested")
        #expect(nested.status == 0, "\(nested.stdout)\(nested.stderr)")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(nestedJSON.utf8)) as? [String: Any])
        #expect(parsed["score"] as? Double == 4)
        #expect((parsed["output"] as? String)?.contains("Graded week1/orders-by-status.sql as orders-by-status.sql") == true)

        let (missing, missingJSON) = try grade(root + "/no-such-folder")
        #expect(missing.status == 1 && missing.stderr.contains("No submission folder"), "\(missing.stderr)")
        let missingParsed = try #require(try JSONSerialization.jsonObject(with: Data(missingJSON.utf8)) as? [String: Any])
        #expect(missingParsed["score"] as? Double == 0 && (missingParsed["output"] as? String)?.contains("nothing was handed in") == true)

        try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        let (empty, emptyJSON) = try grade(root + "/empty")
        #expect(empty.status == 1 && emptyJSON.contains("The submission is empty"), "\(empty.stderr) \(emptyJSON)")

        let noAssignment = try CLI.run(["grade", "--gradescope", "--submission-dir", root + "/nested", "--results-file", root + "/r.json"])
        #expect(noAssignment.status == 64 && noAssignment.stderr.contains("With --gradescope, give --assignment FILE"), "\(noAssignment.stderr)")
    }
}
