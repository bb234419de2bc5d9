import Foundation
import SQLPrepData
import SQLPrepExercises
import SQLPrepSandbox
import Testing

/// A small valid course as a file map; each test breaks one thing.
enum SampleCourse {
    static let files: [String: String] = [
        "course.txt": "format_version: 1\ntitle: Sample\n\ntrack: 01-basics | Basics\ncount-users\n",
        "01-basics/count-users/exercise.txt": """
            id: count-users
            title: Count the users
            difficulty: easy
            scale: tiny
            order: any
            column: users | count
            """,
        "01-basics/count-users/prompt.md": "How many users are there?",
        "01-basics/count-users/solution.sql": "SELECT count(*) AS users FROM users",
        "01-basics/count-users/hints.md": "Count the rows.\n---\nwhen: integer_division\nUse count(*).",
        "01-basics/count-users/explanation.md": "The size of the user base.",
        "01-basics/count-users/wrong/sessions.sql": "-- mistake: counts sessions\nSELECT count(*) FROM sessions",
        "01-basics/count-users/wrong/countries.sql": "-- mistake: skips unknown countries\nSELECT count(country) FROM users",
    ]

    static func load(_ change: (inout [String: String]) -> Void) -> Result<Course, CourseProblems> {
        var copy = files
        change(&copy)
        return CourseLoader.load(files: copy, origin: "sample")
    }
}

struct BrokenCourse: CustomTestStringConvertible, Sendable {
    let name: String
    let change: @Sendable (inout [String: String]) -> Void
    /// The file the problem must name, and words its message must contain.
    let file: String
    let mentions: String
    var testDescription: String { name }
}

@Suite("Course format parser")
struct CourseLoaderTests {
    @Test("The sample course loads with every field")
    func loads() throws {
        let course = try SampleCourse.load { _ in }.get()
        let exercise = try #require(course.exercise(id: "count-users"))
        #expect(exercise.title == "Count the users")
        #expect(exercise.difficulty == .easy)
        #expect(exercise.dataset.scale.description == "tiny")
        #expect(exercise.contract.columns.map(\.name) == ["users"])
        #expect(!exercise.contract.isOrdered)
        #expect(exercise.hints.count == 2)
        #expect(exercise.hints[1].diagnosis == "integer_division")
        #expect(exercise.wrongQueries.map(\.name) == ["countries", "sessions"])
        #expect(exercise.wrongQueries.first?.mistake == "skips unknown countries")
        #expect(exercise.tablesUsed.map(\.name) == ["users"])
    }

    @Test("Sort keys parse with directions")
    func sortKeys() throws {
        let course = try SampleCourse.load { files in
            files["01-basics/count-users/exercise.txt"] = """
                id: count-users
                title: t
                difficulty: hard
                order: n desc, channel
                column: channel | text
                column: n | count
                column: rate | ratio | 4
                """
        }.get()
        let contract = try #require(course.exercises.first).contract
        #expect(contract.sortKeys == [.init(column: 1, descending: true), .init(column: 0, descending: false)])
        #expect(contract.columns[2].decimals == 4)
    }

    static let broken: [BrokenCourse] = [
        BrokenCourse(name: "no manifest", change: { $0["course.txt"] = nil }, file: "course.txt", mentions: "missing"),
        BrokenCourse(name: "no format version", change: { $0["course.txt"] = "title: x\ntrack: 01-basics | B\ncount-users\n" }, file: "course.txt", mentions: "format_version"),
        BrokenCourse(name: "a newer format version", change: { $0["course.txt"] = "format_version: 2\ntrack: 01-basics | B\ncount-users\n" }, file: "course.txt", mentions: "newer sqlprep"),
        BrokenCourse(name: "an exercise before any track", change: { $0["course.txt"] = "format_version: 1\ncount-users\n" }, file: "course.txt", mentions: "before any 'track:'"),
        BrokenCourse(name: "an unknown manifest key", change: { $0["course.txt"] = "format_version: 1\nauthor: me\ntrack: 01-basics | B\ncount-users\n" }, file: "course.txt", mentions: "unknown key 'author'"),
        BrokenCourse(name: "a duplicate id", change: { $0["course.txt"] = "format_version: 1\ntrack: 01-basics | B\ncount-users\ncount-users\n" }, file: "course.txt", mentions: "listed twice"),
        BrokenCourse(name: "a listed exercise without a folder", change: { $0["course.txt"]! += "missing-one\n" }, file: "01-basics/missing-one", mentions: "folder is missing"),
        BrokenCourse(name: "a folder not in the manifest", change: { $0["01-basics/stray/exercise.txt"] = "id: stray" }, file: "01-basics/stray", mentions: "not listed in course.txt"),
        BrokenCourse(name: "a missing file", change: { $0["01-basics/count-users/hints.md"] = nil }, file: "01-basics/count-users/hints.md", mentions: "missing"),
        BrokenCourse(name: "an id that disagrees with its folder", change: { $0["01-basics/count-users/exercise.txt"] = $0["01-basics/count-users/exercise.txt"]!.replacingOccurrences(of: "id: count-users", with: "id: other") }, file: "exercise.txt", mentions: "must agree"),
        BrokenCourse(name: "a bad difficulty", change: { $0["01-basics/count-users/exercise.txt"] = $0["01-basics/count-users/exercise.txt"]!.replacingOccurrences(of: "easy", with: "trivial") }, file: "exercise.txt", mentions: "easy, medium or hard"),
        BrokenCourse(name: "an unknown column kind", change: { $0["01-basics/count-users/exercise.txt"] = $0["01-basics/count-users/exercise.txt"]!.replacingOccurrences(of: "users | count", with: "users | amount") }, file: "exercise.txt", mentions: "unknown column kind 'amount'"),
        BrokenCourse(name: "bad decimals", change: { $0["01-basics/count-users/exercise.txt"] = $0["01-basics/count-users/exercise.txt"]!.replacingOccurrences(of: "users | count", with: "users | ratio | many") }, file: "exercise.txt", mentions: "decimals"),
        BrokenCourse(name: "an order naming no column", change: { $0["01-basics/count-users/exercise.txt"] = $0["01-basics/count-users/exercise.txt"]!.replacingOccurrences(of: "order: any", with: "order: revenue desc") }, file: "exercise.txt", mentions: "not one of the columns"),
        BrokenCourse(name: "a bad scale", change: { $0["01-basics/count-users/exercise.txt"] = $0["01-basics/count-users/exercise.txt"]!.replacingOccurrences(of: "scale: tiny", with: "scale: enormous") }, file: "exercise.txt", mentions: "scale"),
        BrokenCourse(name: "a wrong query without its mistake line", change: { $0["01-basics/count-users/wrong/sessions.sql"] = "SELECT 1" }, file: "wrong/sessions.sql", mentions: "-- mistake:"),
        BrokenCourse(name: "an empty prompt", change: { $0["01-basics/count-users/prompt.md"] = "  \n" }, file: "prompt.md", mentions: "empty"),
        BrokenCourse(name: "hints with no text", change: { $0["01-basics/count-users/hints.md"] = "---\n---\n" }, file: "hints.md", mentions: "no hints"),
    ]

    @Test("Each broken course gets a problem naming the file and what to fix", arguments: broken)
    func brokenCourse(_ case: BrokenCourse) {
        switch SampleCourse.load(`case`.change) {
        case .success:
            Issue.record("\(`case`.name) loaded")
        case .failure(let failure):
            let match = failure.problems.first { $0.file.hasSuffix(`case`.file) || $0.file.contains(`case`.file) }
            #expect(match != nil, "no problem names \(`case`.file): \(failure.problems)")
            #expect(match?.message.contains(`case`.mentions) == true, "\(failure.problems)")
        }
    }
}

@Suite("Course validation")
struct CourseValidationTests {
    static func hintProblems(_ hints: String) throws -> [CourseProblem] {
        let course = try SampleCourse.load { $0["01-basics/count-users/hints.md"] = hints }.get()
        let exercise = try #require(course.exercises.first)
        let validator = CourseValidator(expectedFolder: nil) { spec in Sandbox(image: try ShopDataset.image(for: spec)) }
        return validator.validate(exercise).filter { $0.file.hasSuffix("hints.md") }
    }

    @Test("A hint for a mistake that no known-wrong query makes is reported, naming the codes they do get")
    func unreachableHint() throws {
        // Counting sessions instead of users inflates the count: the sample's wrong query is diagnosed duplicated_rows.
        let unreachable = try Self.hintProblems("Count the rows.\n---\nwhen: integer_division\nUse count(*).")
        #expect(unreachable.count == 1)
        #expect(unreachable.first?.message.contains("no known-wrong query is diagnosed integer_division") == true, "\(unreachable)")
        #expect(unreachable.first?.message.contains("duplicated_rows (sessions)") == true, "\(unreachable)")
        #expect(try Self.hintProblems("Count the rows.\n---\nwhen: duplicated_rows\nUse count(*).").isEmpty)
    }
}
