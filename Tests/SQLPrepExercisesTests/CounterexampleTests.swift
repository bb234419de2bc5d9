import Foundation
import SQLPrepData
import SQLPrepExercises
import SQLPrepSandbox
import SQLiteKit
import TestSupport
import Testing
import SQLPrepText

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

    static func search(_ exerciseID: String, wrong name: String? = nil, sql: String? = nil, budget: CounterexampleSearch.Budget = .init()) throws -> (Exercise, String, CounterexampleOutcome) {
        let exercise = try #require(try CatalogFixture.course.get().exercise(id: exerciseID))
        let query = try sql ?? #require(exercise.wrongQueries.first { $0.name == name }).sql
        let image = try CatalogFixture.sandbox(exercise.dataset).image
        let outcome = try CounterexampleSearch(exercise: exercise, learnerSQL: query, image: image, budget: budget)
            .run(index: index(exercise.dataset))
        return (exercise, query, outcome)
    }

    /// The example as a learner reads it, minus nothing: it must not depend on the machine.
    static func text(_ outcome: CounterexampleOutcome) -> String {
        switch outcome {
        case .found(let example):
            "\(example.runs) runs, \(example.rowsCopied) rows copied\n" + CounterexampleText.render(example, style: TextStyle(color: false))
        case .notFound(let runs): "not found in \(runs) runs"
        case .notApplicable: "not applicable"
        case .stoppedBySafetyNet: "safety net"
        }
    }
}

@Suite("Counterexamples")
struct CounterexampleTests {
    /// Two known-wrong queries of every exercise (the first two by name), to keep the suite quick as
    /// the course grows; `sqlprep-bench --counterexamples-only` (BENCHMARKS.md §4) checks every one.
    @Test("For two known-wrong queries of every exercise, a small database where the two queries differ as they do on the full data", arguments: CatalogFixture.exerciseIDs)
    func counterexample(_ id: String) throws {
        let exercise = try #require(try CatalogFixture.course.get().exercise(id: id))
        let full = try CatalogFixture.sandbox(exercise.dataset)
        var comparison = ResultComparison(contract: exercise.contract)
        comparison.sampleSize = .max
        let reference = try full.run(sql: exercise.solution).get()
        var sizes: [String] = []
        for wrong in exercise.wrongQueries.sorted(by: { $0.name < $1.name }).prefix(2) {
            let (_, _, outcome) = try CounterexampleFixture.search(id, wrong: wrong.name)
            let learner = try full.run(sql: wrong.sql).get()
            guard let target = Difference(comparison.compare(expected: reference, actual: learner)) else {
                #expect(outcome.example == nil, "no example for a wrong shape: \(wrong.name)")
                continue
            }
            let example = try #require(outcome.example, "no counterexample for \(wrong.name): \(CounterexampleFixture.text(outcome))")
            sizes.append("\(wrong.name): \(example.rowCount) rows, \(example.runs) runs")
            #expect(example.difference == target)
            // Only the tables the two queries read are shown.
            let read = (full.tablesRead(sql: exercise.solution) ?? []).union(full.tablesRead(sql: wrong.sql) ?? [])
            #expect(Set(example.tables.map(\.name)) == read, "\(wrong.name)")
            // Genuine and on topic: on a database of just these rows, the two queries differ, and in the
            // same way as on the full data. (Examples that stay large when the budget ends are not shown.)
            guard example.rowCount <= CounterexampleText.largestShown else { continue }
            let small = Sandbox(image: try example.database())
            let r = try small.run(sql: exercise.solution).get(), l = try small.run(sql: wrong.sql).get()
            let shown = try #require(Difference(comparison.compare(expected: r, actual: l)), "\(wrong.name) differs on the example")
            #expect(target.isShown(by: shown), "\(wrong.name): \(target) on the full data, \(shown) on the example")
            #expect(r == example.reference && l == example.learner, "the shown results are the real ones")
        }
        print("counterexamples for \(id): " + sizes.joined(separator: "; "))
    }

    @Test("Integer division is shown with numbers that differ (66.7 vs 66), not a tie that differs only in order")
    func integerDivisionShowsTheNumbers() throws {
        let (_, _, outcome) = try CounterexampleFixture.search("orders-by-status", wrong: "integer-division")
        let example = try #require(outcome.example)
        #expect(example.tables.map(\.name) == ["orders"])
        let column = 2  // share_pct
        let referenceValues = Set(example.reference.rows.map { $0[column] })
        let learnerValues = Set(example.learner.rows.map { $0[column] })
        #expect(referenceValues.isDisjoint(with: learnerValues), "every share differs: \(referenceValues) vs \(learnerValues)")
        #expect(!example.referenceMarks.isEmpty && !example.learnerMarks.isEmpty)
        let text = CounterexampleText.render(example, style: TextStyle(color: false))
        #expect(text.contains("≠ marks"))
    }

    @Test("A fraction instead of a percent is shown on a row of numbers, not on an empty result", arguments: ["fraction-not-percent"])
    func percentVersusFraction(_ wrong: String) throws {
        let (_, _, outcome) = try CounterexampleFixture.search("checkout-redesign-lift", wrong: wrong)
        let example = try #require(outcome.example)
        #expect(example.reference.rows.count == 1 && example.learner.rows.count == 1)
        #expect(!example.learner.rows[0].contains(.null), "\(example.learner.rows)")
        #expect(!example.tables.contains { $0.name == "users" || $0.name == "sessions" }, "tables the queries do not read are not shown")
    }

    @Test("A wrong column count and a right answer get no example", arguments: [
        "SELECT status, COUNT(*) FROM orders GROUP BY status",
        "SELECT status, COUNT(*) AS orders, ROUND(100.0 * COUNT(*) / (SELECT COUNT(*) FROM orders), 1) FROM orders GROUP BY status ORDER BY 2 DESC, 1",
    ])
    func noExample(_ sql: String) throws {
        let (_, _, outcome) = try CounterexampleFixture.search("orders-by-status", sql: sql)
        guard case .notApplicable = outcome else { Issue.record("\(CounterexampleFixture.text(outcome))"); return }
    }

    @Test("The search is deterministic, and its work budget ends it at the same point every time", arguments: [1, 3, 300])
    func deterministic(_ candidates: Int) throws {
        let budget = CounterexampleSearch.Budget(candidates: candidates)
        let a = try CounterexampleFixture.search("top-products-feb-2024", wrong: "all-statuses", budget: budget).2
        let b = try CounterexampleFixture.search("top-products-feb-2024", wrong: "all-statuses", budget: budget).2
        #expect(CounterexampleFixture.text(a) == CounterexampleFixture.text(b))
        if case .found(let example) = a { #expect(example.runs <= candidates) }
    }

    /// The check that would have caught time budgets: the same searches with both cores busy give
    /// the same examples as with them free.
    @Test("A busy machine gets the same examples as an idle one")
    func independentOfLoad() throws {
        let cases = [("orders-by-status", "integer-division"), ("top-products-feb-2024", "leap-day-missed"), ("cpo-by-channel", nil as String?)]
        func texts() throws -> [String] {
            try cases.map { id, name in
                let exercise = try #require(try CatalogFixture.course.get().exercise(id: id))
                let wrong = try #require(name.map { n in exercise.wrongQueries.first { $0.name == n } } ?? exercise.wrongQueries.first)
                return CounterexampleFixture.text(try CounterexampleFixture.search(id, wrong: wrong.name).2)
            }
        }
        let quiet = try texts()
        let hogs = CPUHogs(count: 2)
        let busy = try texts()
        hogs.stop()
        #expect(quiet == busy)
    }
}
