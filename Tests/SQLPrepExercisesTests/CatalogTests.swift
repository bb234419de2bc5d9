import Foundation
import SQLPrepData
import SQLPrepExercises
import SQLPrepSandbox
import SQLiteKit
import TestSupport
import Testing
import SQLPrepText

/// Sandboxes over the datasets the built-in course uses, built once for the whole test process.
enum CatalogFixture {
    static let course = Result { try Course.builtIn() }
    private static let lock = NSLock()
    nonisolated(unsafe) private static var sandboxes: [DatasetSpec: Sandbox] = [:]

    static func sandbox(_ spec: DatasetSpec) throws -> Sandbox {
        try lock.withLock {
            if let sandbox = sandboxes[spec] { return sandbox }
            let sandbox = Sandbox(image: try ShopDataset.build(spec))
            sandboxes[spec] = sandbox
            return sandbox
        }
    }

    static var exerciseIDs: [String] { ((try? course.get())?.exercises ?? []).map(\.id) }
}

@Suite("The built-in catalog")
struct CatalogTests {
    @Test("It loads, with at least 80 exercises across the eleven tracks")
    func size() throws {
        let course = try CatalogFixture.course.get()
        #expect(course.exercises.count >= 80)
        #expect(course.tracks.count == 11)
        for track in course.tracks {
            let difficulties = course.exercises(in: track).map(\.difficulty)
            #expect(difficulties.count >= 4, "\(track.title) has a progression")
            #expect(difficulties == difficulties.sorted(), "\(track.title) goes from easy to hard")
        }
        #expect(course.exercises(in: course.tracks[0]).count <= 5, "the warm-up has at most 5")
    }

    @Test("Every trap is taught by at least one exercise")
    func traps() throws {
        let taught = Set(try CatalogFixture.course.get().exercises.flatMap(\.traps))
        for trap in ["integer-division", "percent-vs-fraction", "fan-out", "zero-groups", "ties", "date-window", "nulls", "duplicate-events", "order-status"] {
            #expect(taught.contains(trap), "\(trap)")
        }
    }

    /// One pass over the known-wrong queries does both: `validate` checks that each fails, and the
    /// verdict it computed is read for what the learner would be told.
    @Test("Each exercise: the reference runs and matches its stored result; every known-wrong query fails, with a useful explanation", arguments: CatalogFixture.exerciseIDs)
    func exercise(_ id: String) throws {
        let course = try CatalogFixture.course.get()
        let exercise = try #require(course.exercise(id: id))
        let validator = CourseValidator(
            expectedFolder: Checkout.root.appendingPathComponent("Fixtures/expected").path,
            sandbox: CatalogFixture.sandbox)
        var explained: [String] = []
        let problems = validator.validate(exercise) { wrong, verdict in
            #expect(verdict.status == .fail, "\(wrong.name)")
            let text = VerdictText.render(verdict, exercise: exercise, style: TextStyle(color: false))
            // Something concrete: a shape line, rows, differing cells, or a diagnosis.
            let concrete = ["Expected ", "Missing from your result", "In your result but not", "Rows that differ", "Likely cause", "breaks the order"]
            #expect(concrete.contains { text.contains($0) }, "\(wrong.name):\n\(text)")
            explained.append(wrong.name)
        }
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
        #expect(explained.count == exercise.wrongQueries.count, "every known-wrong query was checked")
    }
}

@Suite("Equivalent rewrites pass")
struct RewriteTests {
    static let folder = Checkout.root.appendingPathComponent("Tests/SQLPrepExercisesTests/Rewrites")

    static var files: [String] {
        guard let ids = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return ids.sorted().flatMap { id in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(id).path)) ?? [])
                .filter { $0.hasSuffix(".sql") }.sorted().map { "\(id)/\($0)" }
        }
    }

    @Test("There are at least three rewrites for each of several exercises")
    func coverage() {
        let perExercise = Dictionary(grouping: Self.files, by: { $0.split(separator: "/")[0] })
        #expect(perExercise.filter { $0.value.count >= 3 }.count >= 8)
    }

    @Test("Every exercise has at least two rewrites and at least four known-wrong queries")
    func everyExercise() throws {
        let perExercise = Dictionary(grouping: Self.files, by: { String($0.split(separator: "/")[0]) })
        for exercise in try CatalogFixture.course.get().exercises {
            #expect(perExercise[exercise.id, default: []].count >= 2, "\(exercise.id): rewrites")
            #expect(exercise.wrongQueries.count >= 4, "\(exercise.id): known-wrong queries")
        }
    }

    @Test("A correct answer written differently is accepted", arguments: files)
    func rewrite(_ file: String) throws {
        let id = String(file.split(separator: "/")[0])
        let exercise = try #require(try CatalogFixture.course.get().exercise(id: id))
        let sql = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
        let checker = Checker(sandbox: try CatalogFixture.sandbox(exercise.dataset), dataset: exercise.dataset)
        let verdict = try checker.check(Array(sql.utf8), against: exercise)
        #expect(verdict.passed, "\(file):\n\(VerdictText.render(verdict, exercise: exercise, style: TextStyle(color: false)))")
    }
}
