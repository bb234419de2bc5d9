import Foundation
import SQLPrepData
import SQLPrepExercises
import SQLPrepSandbox
import SQLiteKit
import Testing

enum CounterexampleFixture {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var indexes: [DatasetSpec: CounterexampleSearch.Index] = [:]

    static func index(_ spec: DatasetSpec) throws -> CounterexampleSearch.Index {
        let sandbox = try CatalogFixture.sandbox(spec)
        return try lock.withLock {
            if let index = indexes[spec] { return index }
            let index = try CounterexampleSearch.Index(image: sandbox.image)
            indexes[spec] = index
            return index
        }
    }

    /// Rebuilds a database from the counterexample's rows alone.
    static func database(_ example: Counterexample) throws -> DatabaseImage {
        let db = try Connection.inMemory()
        for table in ShopSchema.tables { try db.execute(table.createStatement) }
        for table in example.tables {
            let insert = try db.prepare("INSERT INTO \(table.name) VALUES (\(Array(repeating: "?", count: table.columns.count).joined(separator: ", ")))")
            for row in table.rows {
                try insert.bind(row)
                try insert.stepDone()
            }
        }
        return try db.serialize()
    }
}

@Suite("Counterexamples")
struct CounterexampleTests {
    @Test("For every known-wrong query, a database where the two queries genuinely disagree", arguments: CatalogFixture.exerciseIDs)
    func counterexample(_ id: String) throws {
        let exercise = try #require(try CatalogFixture.course.get().exercise(id: id))
        let image = try CatalogFixture.sandbox(exercise.dataset).image
        let index = try CounterexampleFixture.index(exercise.dataset)
        var sizes: [String] = []
        for wrong in exercise.wrongQueries {
            var search = CounterexampleSearch(exercise: exercise, learnerSQL: wrong.sql, image: image, budget: .seconds(4))
            search.maxRuns = 2000
            let example = try #require(try search.run(index: index), "no counterexample for \(wrong.name)")
            #expect(example.rowCount > 0)
            sizes.append("\(wrong.name): \(example.rowCount) rows, \(example.runs) runs")
            // Genuine: on a database of just these rows, the two queries disagree. (The few examples that
            // stay large when the budget ends are not shown to learners; rebuilding them here is too slow.)
            guard example.rowCount <= CounterexampleText.largestShown else { continue }
            let sandbox = Sandbox(image: try CounterexampleFixture.database(example))
            let reference = try sandbox.run(sql: exercise.solution).get()
            let learner = try sandbox.run(sql: wrong.sql).get()
            #expect(!ResultComparison(contract: exercise.contract).compare(expected: reference, actual: learner).passed, "\(wrong.name)")
            #expect(reference == example.reference && learner == example.learner, "the shown results are the real ones")
        }
        // The sizes, in the test log.
        print("counterexamples for \(id): " + sizes.joined(separator: "; "))
    }

    @Test("The search is deterministic")
    func deterministic() throws {
        let exercise = try #require(try CatalogFixture.course.get().exercise(id: "orders-by-status"))
        let wrong = try #require(exercise.wrongQueries.first)
        let image = try CatalogFixture.sandbox(exercise.dataset).image
        let index = try CounterexampleFixture.index(exercise.dataset)
        let a = try #require(try CounterexampleSearch(exercise: exercise, learnerSQL: wrong.sql, image: image, budget: .seconds(30)).run(index: index))
        let b = try #require(try CounterexampleSearch(exercise: exercise, learnerSQL: wrong.sql, image: image, budget: .seconds(30)).run(index: index))
        #expect(a.tables.map(\.rows) == b.tables.map(\.rows))
    }

    @Test("A correct query has no counterexample")
    func noCounterexampleForRightAnswers() throws {
        let exercise = try #require(try CatalogFixture.course.get().exercise(id: "orders-by-status"))
        var search = CounterexampleSearch(exercise: exercise, learnerSQL: exercise.solution, image: try CatalogFixture.sandbox(exercise.dataset).image, budget: .seconds(5))
        search.maxRuns = 30
        #expect(try search.run(index: CounterexampleFixture.index(exercise.dataset)) == nil)
    }
}
