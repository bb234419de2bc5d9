import Foundation
import SQLPrepExercises
import SQLPrepSandbox
import Testing

/// One variation of the sample course's traps: its `traps:` line, the `-- trap:` lines of its two
/// known-wrong queries, and the problems `validate` must report (file suffix and words of the message).
struct TrapCase: CustomTestStringConvertible, Sendable {
    let name: String
    let traps: String?
    let sessionsTrap: String?
    let countriesTrap: String?
    let expected: [(file: String, mentions: String)]
    var testDescription: String { name }
}

@Suite("Trap coverage in validate")
struct TrapCoverageTests {
    static let exerciseFile = "01-basics/count-users/exercise.txt"
    static let sessions = "01-basics/count-users/wrong/sessions.sql"
    static let countries = "01-basics/count-users/wrong/countries.sql"

    static func course(traps: String?, sessionsTrap: String?, countriesTrap: String?) -> Result<Course, CourseProblems> {
        SampleCourse.load { files in
            if let traps { files[exerciseFile]! += "\ntraps: \(traps)" }
            if let sessionsTrap { files[sessions] = "-- mistake: counts sessions\n-- trap: \(sessionsTrap)\nSELECT count(*) FROM sessions" }
            if let countriesTrap { files[countries] = "-- mistake: skips unknown countries\n-- trap: \(countriesTrap)\nSELECT count(country) FROM users" }
        }
    }

    static let cases: [TrapCase] = [
        TrapCase(name: "all good: each listed trap is named by a wrong query", traps: "fan-out, nulls", sessionsTrap: "fan-out", countriesTrap: "nulls", expected: []),
        TrapCase(name: "no traps and no trap lines", traps: nil, sessionsTrap: nil, countriesTrap: nil, expected: []),
        TrapCase(name: "a listed trap that no wrong query captures", traps: "fan-out, nulls", sessionsTrap: "fan-out", countriesTrap: nil,
                 expected: [("exercise.txt", "lists the trap 'nulls', but no known-wrong query captures it; add a query to wrong/ that makes this mistake, with the line '-- trap: nulls'")]),
        TrapCase(name: "a trap line naming a trap the exercise does not list", traps: "fan-out", sessionsTrap: "fan-out", countriesTrap: "nulls",
                 expected: [("wrong/countries.sql", "'-- trap: nulls' names a trap that exercise.txt does not list (it lists fan-out); add it to 'traps:'")]),
        TrapCase(name: "a trap line naming an unknown trap", traps: "fan-out", sessionsTrap: "fan-out", countriesTrap: "null-values",
                 expected: [("wrong/countries.sql", "'-- trap: null-values' names no trap; use one of integer-division")]),
        TrapCase(name: "an unknown trap in traps:, and a listed trap not captured", traps: "fan-out, fanout", sessionsTrap: nil, countriesTrap: nil,
                 expected: [("exercise.txt", "'traps:' names 'fanout', which is no trap"), ("exercise.txt", "lists the trap 'fan-out', but no known-wrong query captures it")]),
    ]

    @Test("validate reports uncaptured, unlisted and unknown traps, one line each", arguments: cases)
    func coverage(_ case: TrapCase) throws {
        let course = try Self.course(traps: `case`.traps, sessionsTrap: `case`.sessionsTrap, countriesTrap: `case`.countriesTrap).get()
        let exercise = try #require(course.exercises.first)
        // The trap rule needs no data: a sandbox that cannot be built stops validate right after it.
        struct NoData: Error {}
        let problems = CourseValidator(expectedFolder: nil) { _ in throw NoData() }.validate(exercise)
            .filter { !$0.message.contains("the dataset could not be built") }
        #expect(problems.count == `case`.expected.count, "\(problems)")
        for (file, mentions) in `case`.expected {
            #expect(problems.contains { $0.file.hasSuffix(file) && $0.message.contains(mentions) }, "no problem in \(file) says \(mentions): \(problems)")
        }
    }

    @Test("The loader reads the -- trap: line after -- mistake:, and refuses two of them")
    func loaderReadsTrapLine() throws {
        let course = try Self.course(traps: "fan-out", sessionsTrap: "fan-out", countriesTrap: nil).get()
        let wrong = try #require(course.exercises.first).wrongQueries
        #expect(wrong.map(\.trap) == [nil, "fan-out"])
        #expect(wrong.last?.mistake == "counts sessions")

        let twice = SampleCourse.load { $0[Self.sessions] = "-- mistake: counts sessions\n-- trap: fan-out\n-- trap: nulls\nSELECT count(*) FROM sessions" }
        guard case .failure(let failure) = twice else {
            Issue.record("a query with two trap lines loaded")
            return
        }
        #expect(failure.problems.contains { $0.file.hasSuffix("wrong/sessions.sql") && $0.message.contains("names at most one trap") }, "\(failure.problems)")
    }
}
