import Foundation
import SQLPrepData
import SQLPrepExercises
import SQLPrepGrading
import Testing

@Suite("Grading inputs and scoring")
struct GradingInputTests {
    @Test("An assignment file parses titles, points and all-or-nothing")
    func assignment() throws {
        let text = "# week 3\ntitle: Week 3\nall_or_nothing: yes\nexercise: orders-by-status | 5\nexercise: cpo-by-channel\n"
        let assignment = try Assignment.parse(text, file: "a.txt")
        #expect(assignment.title == "Week 3")
        #expect(assignment.allOrNothing)
        #expect(assignment.items.map(\.points) == [5, 10])
        #expect(assignment.totalPoints == 15)
    }

    @Test(
        "Bad assignment files name the line and the fix",
        arguments: [
            ("exercise: a | -3", "points must be a positive number"),
            ("exercise: a\nexercise: a", "listed twice"),
            ("colour: blue", "unknown key 'colour'"),
            ("just words", "write 'key: value'"),
            ("title: only a title", "lists no exercises"),
            ("all_or_nothing: maybe\nexercise: a", "true or false"),
        ])
    func badAssignment(text: String, mentions: String) {
        #expect(throws: GradingError.self) { try Assignment.parse(text, file: "a.txt") }
        do { _ = try Assignment.parse(text, file: "a.txt") } catch { #expect("\(error)".contains(mentions), "\(error)") }
    }

    @Test("Without a file the assignment is every exercise; a missing file or an unknown exercise is named")
    func loadAssignment() throws {
        let course = try Course.builtIn()
        let (everything, same) = try Assignment.load(file: nil, course: course, courseChosen: false)
        #expect(everything.items.count == course.exercises.count && same.exercises == course.exercises)
        #expect(throws: GradingError.self) { try Assignment.load(file: "/nonexistent/a.txt", course: course, courseChosen: false) }
        let file = NSTemporaryDirectory() + "sqlprep-assignment-\(UUID().uuidString).txt"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try "exercise: no-such-exercise\n".write(toFile: file, atomically: true, encoding: .utf8)
        do {
            _ = try Assignment.load(file: file, course: course, courseChosen: false)
            Issue.record("accepted an unknown exercise")
        } catch { #expect("\(error)".contains("'no-such-exercise' is not in"), "\(error)") }
    }

    @Test("A roster CSV with quotes, CRLF and a BOM parses")
    func roster() throws {
        let text = "\u{FEFF}id,name,email\r\nalice,\"Smith, Alice\",a@x\r\nbob,\"Bob \"\"B\"\"\",b@x\r\n\r\n"
        let roster = try Roster.parse(text, file: "r.csv")
        #expect(roster.learners.map(\.id) == ["alice", "bob"])
        #expect(roster.learners[0].name == "Smith, Alice")
        #expect(roster.learners[1].name == "Bob \"B\"")
    }

    @Test(
        "Bad rosters are refused with the row",
        arguments: [("name,email\nx,y", "no 'id' column"), ("id\n../etc", "not a usable learner id"), ("id\na\na", "appears twice"), ("", "is empty")])
    func badRoster(text: String, mentions: String) {
        do {
            _ = try Roster.parse(text, file: "r.csv")
            Issue.record("accepted")
        } catch { #expect("\(error)".contains(mentions), "\(error)") }
    }

    @Test("Hidden datasets come from the secret: the same secret gives the same seeds, another secret others")
    func variants() {
        let practice = GradingDataset.plan(practice: .init(), hiddenCount: 3, key: VariantKey(secret: "k1"))
        #expect(practice.map(\.label) == ["practice", "hidden-1", "hidden-2", "hidden-3"])
        #expect(practice.map(\.hidden) == [false, true, true, true])
        #expect(practice.map(\.edgeCases) == [false, false, false, true])
        #expect(practice == GradingDataset.plan(practice: .init(), hiddenCount: 3, key: VariantKey(secret: "k1")))
        #expect(practice.map(\.seed) != GradingDataset.plan(practice: .init(), hiddenCount: 3, key: VariantKey(secret: "k2")).map(\.seed))
        #expect(Set(practice.map(\.seed)).count == 4)
    }

    @Test("Gradescope results.json has the fields Gradescope reads, with hidden tests after publication")
    func gradescopeSchema() throws {
        let outcome = { (dataset: String, hidden: Bool, status: DatasetOutcome.Status) in
            DatasetOutcome(dataset: dataset, hidden: hidden, status: status, reason: status == .pass ? nil : .wrongResult, diagnoses: [], message: "m")
        }
        let learner = LearnerGrade(learner: "alice", name: "Alice", email: "a@x", exercises: [
            ExerciseGrade(exerciseID: "e1", maxPoints: 10, points: 5, state: .graded, problem: nil,
                          outcomes: [outcome("practice", false, .pass), outcome("hidden-1", true, .fail)]),
        ])
        let grades = ClassGrades(title: "T", exercises: ["e1"], datasets: [], allOrNothing: false, learners: [learner], unmatched: [])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(GradeReports.gradescope(learner, grades: grades).utf8)) as? [String: Any])
        #expect(json["score"] as? Double == 5)
        let tests = try #require(json["tests"] as? [[String: Any]])
        #expect(tests.count == 2)
        for test in tests {
            #expect(test["name"] is String && test["score"] is NSNumber && test["max_score"] is NSNumber && test["output"] is String)
            #expect(["visible", "hidden", "after_due_date", "after_published"].contains(test["visibility"] as? String ?? ""))
        }
        #expect(tests[1]["visibility"] as? String == "after_published")
        #expect((tests.map { $0["score"] as? Double ?? 0 }).reduce(0, +) == 5)
    }
}
