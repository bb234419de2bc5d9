import Foundation
import SQLPrepExercises
import SQLPrepWorkspace
import SQLiteKit
import TestSupport
import Testing

/// The one notion of "the current exercise" that next, hint, submit, watch and the "Next:" line share.
@Suite("The current exercise")
struct CurrentExerciseTests {
    /// What a learner does, by position in the built-in course (0 is the first exercise; -1 the last).
    enum Step: Sendable, CustomStringConvertible {
        case goto(Int), pass(Int), fail(Int), skip
        /// Passes every exercise except these (recorded directly, so current does not move).
        case passAllBut([Int])
        /// A `goto` as sqlprep wrote it before `current_exercise` existed.
        case legacyGoto(Int)

        var description: String {
            switch self {
            case .goto(let i): "goto \(i)"
            case .pass(let i): "pass \(i)"
            case .fail(let i): "fail \(i)"
            case .skip: "skip"
            case .passAllBut(let kept): "pass all but \(kept)"
            case .legacyGoto(let i): "old goto \(i)"
            }
        }
    }

    static let course: Course = try! Course.builtIn()

    static func exercise(_ index: Int) -> Exercise {
        course.exercises[index < 0 ? course.exercises.count + index : index]
    }

    static func session() throws -> LearnerSession {
        try LearnerSession.open(course: course, workspace: Workspace(root: try Scratch.folder()), create: true).0
    }

    static func run(_ steps: [Step], in session: LearnerSession) throws {
        for step in steps {
            switch step {
            case .goto(let i): try session.goTo(exercise(i))
            case .pass(let i): try session.record(Attempt(exercise: exercise(i).id, query: "SELECT 1", status: .pass, reason: nil, diagnoses: [], elapsedMilliseconds: 1))
            case .fail(let i): try session.record(Attempt(exercise: exercise(i).id, query: "SELECT 0", status: .fail, reason: "wrong_result", diagnoses: [], elapsedMilliseconds: 1))
            case .skip: _ = try session.skip()
            case .passAllBut(let kept):
                let keptIDs = Set(kept.map { exercise($0).id })
                for other in course.exercises where !keptIDs.contains(other.id) {
                    try session.store.record(Attempt(exercise: other.id, query: "SELECT 1", status: .pass, reason: nil, diagnoses: [], elapsedMilliseconds: 1))
                }
            case .legacyGoto(let i):
                try Connection.file(session.store.path).execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('current', '\(exercise(i).id)')")
            }
        }
    }

    @Test(
        "Each way of moving lands where next will show",
        arguments: [
            ([], 0),
            ([.pass(0)], 1),
            ([.fail(0)], 0),
            ([.goto(5)], 5),
            ([.goto(5), .pass(5)], 6),
            ([.goto(5), .fail(5)], 5),
            ([.goto(5), .pass(2)], 5),
            ([.pass(0), .goto(0)], 0),
            ([.pass(0), .goto(0), .pass(0)], 1),
            ([.pass(0), .pass(1), .goto(0), .pass(0)], 2),
            ([.skip], 1),
            ([.skip, .skip], 2),
            ([.goto(4), .skip], 5),
            ([.goto(-1), .pass(-1)], 0),
            ([.skip, .goto(-1), .pass(-1)], 1),
            ([.skip, .goto(-1), .pass(-1), .pass(2)], 1),
            ([.skip, .goto(-1), .pass(-1), .pass(1)], 2),
            ([.passAllBut([3]), .skip], 3),
            ([.passAllBut([3, 7]), .goto(7), .skip], 3),
            ([.passAllBut([3, 7]), .goto(7), .pass(7)], 3),
            ([.passAllBut([3, 7]), .skip, .skip], 3),
            ([.passAllBut([]), .goto(2)], 2),
            ([.legacyGoto(5)], 5),
            ([.legacyGoto(0), .pass(0)], 1),
            ([.pass(0), .legacyGoto(0)], 1),
            ([.goto(5), .legacyGoto(8)], 8),
            ([.legacyGoto(8), .goto(5)], 5),
        ] as [([Step], Int)])
    func lands(steps: [Step], expected: Int) throws {
        let session = try Self.session()
        try Self.run(steps, in: session)
        #expect(try session.current()?.id == Self.exercise(expected).id)
    }

    @Test(
        "With everything passed there is no current exercise, unless one is chosen",
        arguments: [
            ([.passAllBut([])], nil),
            ([.passAllBut([4]), .pass(4)], nil),
            ([.passAllBut([]), .goto(2), .pass(2)], nil),
            ([.passAllBut([]), .goto(2), .skip], nil),
            ([.passAllBut([]), .goto(2), .fail(2)], 2),
        ] as [([Step], Int?)])
    func complete(steps: [Step], expected: Int?) throws {
        let session = try Self.session()
        try Self.run(steps, in: session)
        #expect(try session.current()?.id == expected.map { Self.exercise($0).id })
    }

    @Test("skip says what it skipped and what is current now")
    func skipReports() throws {
        let session = try Self.session()
        let first = try #require(try session.skip())
        #expect(first.skipped == Self.exercise(0) && first.current == Self.exercise(1))
        try Self.run([.passAllBut([1])], in: session)
        let only = try #require(try session.skip())
        #expect(only.skipped == Self.exercise(1) && only.current == Self.exercise(1), "the only one left stays current")
        try Self.run([.pass(1)], in: session)
        #expect(try session.skip() == nil)
    }

    @Test("A pass that repeats the last attempt (watch re-checking after goto) is not counted, yet moves current on")
    func repeatedPassMovesOn() throws {
        let session = try Self.session()
        let pass = { Attempt(exercise: Self.exercise(0).id, query: "SELECT 1", status: .pass, reason: nil, diagnoses: [], elapsedMilliseconds: 1) }
        #expect(try session.record(pass(), unlessRepeat: true))
        try Self.run([.goto(0)], in: session)
        #expect(try !session.record(pass(), unlessRepeat: true))
        #expect(try session.current() == Self.exercise(1))
        #expect(try session.progress()[Self.exercise(0).id]?.attempts == 1)
    }

    @Test("reset --all forgets the current exercise")
    func resetAll() throws {
        let session = try Self.session()
        try Self.run([.goto(5)], in: session)
        try session.store.resetAll(backupPath: session.workspace.root + "/backup.db")
        #expect(try session.current() == Self.exercise(0))
    }
}
