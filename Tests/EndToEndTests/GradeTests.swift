import Foundation
import SQLPrepProcess
import TestSupport
import Testing

/// A small class graded through the built binary: every kind of submission, every output.
@Suite("sqlprep grade, end to end", .serialized)
struct GradeTests {
    static let exercises = LearnerJourneyTests.solutions

    /// learner → exercise → SQL
    static let submissions: [String: [String: String]] = {
        func file(_ path: String) -> String { (try? LearnerJourneyTests.file(path)) ?? "" }
        return [
            "ada": [  // the references
                "orders-by-status": file("01-warm-up/orders-by-status/solution.sql"),
                "cpo-by-channel": file("03-marketing/cpo-by-channel/solution.sql"),
            ],
            "ben": [  // known-wrong queries
                "orders-by-status": file("01-warm-up/orders-by-status/wrong/integer-division.sql"),
                "cpo-by-channel": file("03-marketing/cpo-by-channel/wrong/" + ((try? FileManager.default.contentsOfDirectory(atPath: exercises.appendingPathComponent("03-marketing/cpo-by-channel/wrong").path).sorted().first) ?? "")),
            ],
            "cy": [  // an equivalent rewrite, and a syntax error
                "orders-by-status": "WITH t AS (SELECT count(*) AS n FROM orders)\nSELECT o.status AS s, count(*) AS c, round(count(*) * 100.0 / t.n, 3) AS pct\nFROM orders o, t GROUP BY o.status ORDER BY 2 DESC, 1",
                "cpo-by-channel": "SELEC channel FROM marketing_spend",
            ],
            "dee": [  // a hard-coded answer (right on the practice data only), and a non-SELECT
                "orders-by-status": "hard-coded",
                "cpo-by-channel": "DELETE FROM orders",
            ],
            "eli": [  // runaway queries; no cpo file at all
                "orders-by-status": "select length(printf('%.*c', 2000000000, 'x'))",
            ],
            "fay": [
                "orders-by-status": "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*), 1, 1 FROM n",
            ],
        ]
    }()

    static func makeClass() throws -> String {
        let root = try Scratch.folder()
        // The hard-coded answer: the practice result typed in as literals.
        let ref = try LearnerJourneyTests.file("01-warm-up/orders-by-status/solution.sql")
        try ref.write(toFile: root + "/ref.sql", atomically: true, encoding: .utf8)
        let csv = try CLI.run(["run", "--format", "csv", root + "/ref.sql"]).stdout
        let rows = csv.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",") }.filter { $0.count == 3 }
        let literal = rows.map { "SELECT '\($0[0])', \($0[1]), \($0[2])" }.joined(separator: " UNION ALL ")
        for (learner, files) in submissions {
            try FileManager.default.createDirectory(atPath: "\(root)/subs/\(learner)", withIntermediateDirectories: true)
            for (exercise, sql) in files {
                try (sql == "hard-coded" ? literal : sql).write(toFile: "\(root)/subs/\(learner)/\(exercise).sql", atomically: true, encoding: .utf8)
            }
        }
        try "select 1".write(toFile: "\(root)/subs/ada/not-an-exercise.sql", atomically: true, encoding: .utf8)
        try "title: Week 1\nexercise: orders-by-status | 10\nexercise: cpo-by-channel | 20\n".write(toFile: root + "/assignment.txt", atomically: true, encoding: .utf8)
        try "id,name,email\nada,Ada,ada@example.com\ngus,Gus,gus@example.com\n".write(toFile: root + "/roster.csv", atomically: true, encoding: .utf8)
        return root
    }

    static func grade(_ root: String, out: String, extra: [String] = []) throws -> CLI.Output {
        try CLI.run(["grade", root + "/subs", "--out", root + "/" + out, "--assignment", root + "/assignment.txt",
                     "--roster", root + "/roster.csv", "--secret", "test-secret", "--time-limit", "1"] + extra)
    }

    static func gradebook(_ path: String) throws -> [String: [String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var rows: [String: [String]] = [:]
        for line in text.split(separator: "\r\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            rows[fields[0]] = fields
        }
        return rows
    }

    @Test("Every score and reason is right, and outputs are identical across --jobs 1 and --jobs 4")
    func gradeClass() throws {
        let root = try Self.makeClass()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let one = try Self.grade(root, out: "out1", extra: ["--jobs", "1"])
        #expect(one.status == 0, "\(one.stdout)\n\(one.stderr)")
        #expect(one.stdout.contains("ada/not-an-exercise.sql: matches no exercise"))
        let book = try Self.gradebook(root + "/out1/gradebook.csv")
        // learner,name,email,orders-by-status,cpo-by-channel,total,max,percent
        // A column has one number format: dee's partial credit has decimals, so its column and the totals do.
        #expect(book["ada"]?[3...] == ["10.00", "20", "30.00", "30", "100.0"])
        #expect(book["ada"]?[1] == "Ada")
        #expect(book["ben"]?[3] == "0.00" && book["ben"]?[4] == "0")
        #expect(book["cy"]?[3] == "10.00", "an equivalent rewrite gets full points")
        #expect(book["cy"]?[4] == "0")
        let hardCoded = Double(book["dee"]?[3] ?? "") ?? -1
        #expect(hardCoded > 0 && hardCoded < 10, "a hard-coded answer passes the practice data only: \(hardCoded)")
        #expect(book["eli"]?[5] == "0.00")
        #expect(book["gus"]?[5] == "0.00", "on the roster, nothing submitted")

        let grades = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root + "/out1/grades.json"))) as? [String: Any])
        let learners = try #require(grades["learners"] as? [[String: Any]])
        func exercise(_ learner: String, _ id: String) -> [String: Any]? {
            (learners.first { $0["learner"] as? String == learner }?["exercises"] as? [[String: Any]])?.first { $0["exercise"] as? String == id }
        }
        func reasons(_ learner: String, _ id: String) -> Set<String> {
            Set(((exercise(learner, id)?["outcomes"] as? [[String: Any]]) ?? []).compactMap { $0["reason"] as? String })
        }
        #expect(reasons("ben", "orders-by-status") == ["wrong_result"])
        #expect(reasons("cy", "cpo-by-channel") == ["sql_error"])
        #expect(reasons("dee", "cpo-by-channel") == ["refused"])
        #expect(reasons("eli", "orders-by-status") == ["timeout"])
        #expect(reasons("fay", "orders-by-status") == ["timeout"])
        #expect(exercise("eli", "cpo-by-channel")?["state"] as? String == "missing")
        #expect(exercise("gus", "orders-by-status")?["state"] as? String == "missing")

        // Learner feedback never shows hidden data; the practice feedback explains.
        // An answer wrong on the practice data scores 0 and is not run on the hidden datasets; the feedback says so.
        let feedback = try String(contentsOfFile: root + "/out1/feedback/ben.md", encoding: .utf8)
        #expect(feedback.contains("Scoring: Each answer is checked on the practice dataset first. An answer that is not correct there scores 0"))
        #expect(feedback.contains("Hidden datasets: not run, as the query is not correct on the practice dataset; it scores 0."))
        let benOutcomes = (exercise("ben", "orders-by-status")?["outcomes"] as? [[String: Any]]) ?? []
        #expect(benOutcomes.map { $0["status"] as? String } == ["fail", "skipped", "skipped", "skipped"])
        #expect(feedback.contains("integer ÷ integer"))
        // Hidden datasets are Gradescope tests published later; an answer wrong on practice has none (not run).
        let hidden = try String(contentsOfFile: root + "/out1/results/dee.json", encoding: .utf8)
        #expect(hidden.contains("\"after_published\""))
        #expect(try !String(contentsOfFile: root + "/out1/results/ben.json", encoding: .utf8).contains("hidden dataset"))

        // (--no-reuse: run everything again, rather than answer from the first run's outcomes.)
        let four = try Self.grade(root, out: "out4", extra: ["--jobs", "4", "--no-reuse"])
        #expect(four.status == 0)
        for file in ["gradebook.csv", "grades.json", "summary.json", "report.html", "results/ada.json", "results/eli.json", "feedback/cy.md", "feedback/dee.md"] {
            #expect(FileManager.default.contents(atPath: "\(root)/out1/\(file)") == FileManager.default.contents(atPath: "\(root)/out4/\(file)"), "\(file) differs")
        }

        // Shards merge into the same outputs.
        #expect(try Self.grade(root, out: "s1", extra: ["--shard", "1/2"]).status == 0)
        #expect(try Self.grade(root, out: "s2", extra: ["--shard", "2/2"]).status == 0)
        #expect(try CLI.run(["grade", "merge", root + "/s1", root + "/s2", "--out", root + "/merged"]).status == 0)
        #expect(FileManager.default.contents(atPath: root + "/merged/gradebook.csv") == FileManager.default.contents(atPath: root + "/out1/gradebook.csv"))

        // --explain: counterexamples from the practice data for the learner, from hidden data for the instructor only.
        #expect(try Self.grade(root, out: "explained", extra: ["--explain"]).status == 0)
        let explained = try String(contentsOfFile: root + "/explained/feedback/ben.md", encoding: .utf8)
        #expect(explained.contains("A small example where your query and the answer disagree"))
        let hardCodedFeedback = try String(contentsOfFile: root + "/explained/feedback/dee.md", encoding: .utf8)
        #expect(!hardCodedFeedback.contains("A small example"), "hidden data never reaches the learner")
        let report = try String(contentsOfFile: root + "/explained/report.html", encoding: .utf8)
        #expect(report.contains("Examples from hidden datasets (instructor only)") && report.contains("dee · orders-by-status"))

        // The report is self-contained.
        let html = try String(contentsOfFile: root + "/out1/report.html", encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("Score distribution") && html.contains("integer division"))
        #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"))
        try Self.renderInBrowser(root + "/out1/report.html")
    }

    /// Renders the report in headless Chromium (installed by .ci/run): the DOM it builds must hold the
    /// charts and tables, and a screenshot must come out.
    static func renderInBrowser(_ path: String) throws {
        let browser = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let browser else {
            Issue.record("headless Chromium is not installed (apt-get install chromium); .ci/run installs it")
            return
        }
        func chromium(_ arguments: [String]) throws -> String {
            // Its own process group, so a timeout takes its helper processes down with it.
            let output = try ChildProcess.run(
                browser, ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] + arguments, timeout: 120, newProcessGroup: true)
            if output.timedOut { Issue.record("Chromium did not finish in 120 s") }
            return output.standardOutputText
        }
        let dom = try chromium(["--dump-dom", "file://" + path])
        #expect(dom.contains("<svg id=\"distribution\"") && dom.contains("<table class=\"rates\">") && dom.contains("Misconceptions by exercise"))
        let png = path + ".png"
        _ = try chromium(["--window-size=1000,1400", "--screenshot=" + png, "file://" + path])
        let size = (try? FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
        #expect(size > 20_000, "a screenshot of the rendered report (\(size) bytes)")
    }

    @Test("A second run answers from the first one's outcomes, with identical outputs; a changed file is graded again")
    func reuse() throws {
        let root = try Self.makeClass()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // A setup of its own (the secret is part of it), so no other test's outcomes are found.
        let secret = "reuse-" + UUID().uuidString
        func grade(_ out: String, _ extra: [String] = []) throws -> CLI.Output {
            let output = try CLI.run(["grade", root + "/subs", "--out", root + "/" + out, "--assignment", root + "/assignment.txt",
                                      "--roster", root + "/roster.csv", "--secret", secret, "--time-limit", "1"] + extra)
            #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
            return output
        }
        func same(_ a: String, _ b: String) -> Bool {
            ["gradebook.csv", "grades.json", "summary.json", "report.html", "feedback/ben.md", "results/cy.json"].allSatisfy {
                FileManager.default.contents(atPath: "\(root)/\(a)/\($0)") == FileManager.default.contents(atPath: "\(root)/\(b)/\($0)")
            }
        }
        #expect(!(try grade("first")).stdout.contains("Reused"))
        let second = try grade("second")
        #expect(second.stdout.contains("Reused the outcomes of"), "\(second.stdout)")
        #expect(same("first", "second"))

        // ben fixes his answer: it is graded again, not answered from memory.
        #expect(try Self.gradebook(root + "/second/gradebook.csv")["ben"]?[3] == "0.00")
        try LearnerJourneyTests.file("01-warm-up/orders-by-status/solution.sql").write(toFile: root + "/subs/ben/orders-by-status.sql", atomically: true, encoding: .utf8)
        _ = try grade("third")
        #expect(try Self.gradebook(root + "/third/gradebook.csv")["ben"]?[3] == "10.00")
        let fresh = try grade("fresh", ["--no-reuse"])
        #expect(!fresh.stdout.contains("Reused"))
        #expect(same("third", "fresh"), "reused outcomes are exactly what grading again gives")
    }

    @Test("Gradescope mode reads a flat submission folder and writes results.json")
    func gradescope() throws {
        let root = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/submission", withIntermediateDirectories: true)
        try LearnerJourneyTests.file("01-warm-up/orders-by-status/solution.sql").write(toFile: root + "/submission/orders-by-status.sql", atomically: true, encoding: .utf8)
        try "exercise: orders-by-status | 4\n".write(toFile: root + "/a.txt", atomically: true, encoding: .utf8)
        let out = try CLI.run(["grade", "--gradescope", "--submission-dir", root + "/submission", "--results-file", root + "/results/results.json",
                               "--assignment", root + "/a.txt", "--secret", "s", "--variants", "1"])
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root + "/results/results.json"))) as? [String: Any])
        #expect(json["score"] as? Double == 4)
        #expect((json["tests"] as? [[String: Any]])?.count == 2)
    }

    @Test("Hostile submission files: a link outside the folder is not followed, a folder is reported, a 100 MB file is refused")
    func hostileFiles() throws {
        let root = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let subs = root + "/subs"
        for learner in ["linker", "folderer", "giant", "fine"] {
            try FileManager.default.createDirectory(atPath: "\(subs)/\(learner)", withIntermediateDirectories: true)
        }
        let reference = try LearnerJourneyTests.file("01-warm-up/orders-by-status/solution.sql")
        try reference.write(toFile: root + "/secret-answer.sql", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: subs + "/linker/orders-by-status.sql", withDestinationPath: root + "/secret-answer.sql")
        try FileManager.default.createDirectory(atPath: subs + "/folderer/orders-by-status.sql", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: subs + "/giant/orders-by-status.sql", contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: subs + "/giant/orders-by-status.sql"))
        try handle.truncate(atOffset: 100 << 20)  // 100 MB (sparse)
        try handle.close()
        try reference.write(toFile: subs + "/fine/orders-by-status.sql", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: subs + "/intruder", withDestinationPath: root)
        // A file that cannot be read like a file (running as root, permissions cannot make one unreadable):
        // a named pipe with no writer, which would block any naive open() forever.
        try FileManager.default.createDirectory(atPath: subs + "/piper", withIntermediateDirectories: true)
        #expect(mkfifo(subs + "/piper/orders-by-status.sql", 0o644) == 0)
        try "exercise: orders-by-status | 10\n".write(toFile: root + "/a.txt", atomically: true, encoding: .utf8)

        let out = try CLI.run(["grade", subs, "--out", root + "/out", "--assignment", root + "/a.txt", "--secret", "s", "--variants", "1"])
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("intruder: a symbolic link (not followed)"))
        let book = try Self.gradebook(root + "/out/gradebook.csv")
        #expect(book["linker"]?[3] == "0", "a link to a correct answer elsewhere earns nothing")
        #expect(book["folderer"]?[3] == "0")
        #expect(book["giant"]?[3] == "0")
        #expect(book["fine"]?[3] == "10")
        #expect(book["piper"]?[3] == "0")
        let grades = try String(contentsOfFile: root + "/out/grades.json", encoding: .utf8)
        #expect(grades.contains("symbolic link; sqlprep does not follow links"))
        #expect(grades.contains("a folder where a query file was expected"))
        #expect(grades.contains("\"refused\""), "the 100 MB file is refused by the size check")
        #expect(grades.contains("not a regular file"))
    }

    @Test("An interrupted grading run leaves no half-written outputs; a rerun writes them whole")
    func interruptedRun() throws {
        let root = try Self.makeClass()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // fay's endless CTE takes the 3 s limit on each of 4 datasets: the run is surely mid-way at 1.5 s.
        let arguments = ["grade", root + "/subs", "--out", root + "/out", "--assignment", root + "/assignment.txt", "--secret", "s", "--time-limit", "3", "--jobs", "1"]
        let process = try CLI.start(arguments)
        Thread.sleep(forTimeInterval: 1.5)
        process.signal(SIGINT)  // Ctrl-C
        #expect(process.wait(timeout: 60) == .exited(130))
        #expect(!FileManager.default.fileExists(atPath: root + "/out/gradebook.csv"), "no gradebook that looks complete")
        // And killed outright, with an earlier complete output in place: it stays complete.
        #expect(try Self.grade(root, out: "out").status == 0)
        let before = FileManager.default.contents(atPath: root + "/out/gradebook.csv")
        let again = try CLI.start(arguments)
        Thread.sleep(forTimeInterval: 1.5)
        again.signal(SIGKILL)
        again.wait()
        #expect(FileManager.default.contents(atPath: root + "/out/gradebook.csv") == before, "the previous complete output is untouched")
        try FileManager.default.removeItem(atPath: root + "/out")
        let rerun = try Self.grade(root, out: "out")
        #expect(rerun.status == 0)
        #expect(try Self.gradebook(root + "/out/gradebook.csv").count == 7)
    }

    @Test(
        "Bad grading inputs fail with one clear message",
        arguments: [
            (["grade", "/no/such/folder", "--out", "/tmp/x"], Int32(1), "is not a folder"),
            (["grade", "."], Int32(64), "--out"),
            (["grade", ".", "--out", "/tmp/x", "--shard", "3/2"], Int32(64), "--shard is K/N"),
            (["grade", ".", "--out", "/tmp/x", "--variant-scale", "2"], Int32(64), "--variant-scale must be a fraction between 0.001 and 1"),
            (["grade", ".", "--out", "/tmp/x", "--assignment", "/no/such.txt"], Int32(1), "Cannot read the assignment"),
            (["grade", "merge", "/no/such", "--out", "/tmp/x"], Int32(1), "grades.json"),
        ])
    func badInputs(arguments: [String], status: Int32, mentions: String) throws {
        let out = try CLI.run(arguments)
        #expect(out.status == status, "\(out.stdout) \(out.stderr)")
        #expect((out.stdout + out.stderr).contains(mentions), "\(out.stdout) \(out.stderr)")
    }
}
