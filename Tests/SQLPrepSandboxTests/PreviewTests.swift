import SQLPrepSandbox
import SQLiteKit
import Testing

/// A query that returns more rows than a preview keeps shows its first rows and counts the rest,
/// up to the row limit, instead of failing.
@Suite("Previews of long results")
struct PreviewTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let rows: Int
        let keep: Int
        let rowLimit: Int
        let kept: Int
        let more: QueryResult.MoreRows?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "shorter than the preview: the whole result", rows: 2, keep: 3, rowLimit: 100, kept: 2, more: nil),
        Case(name: "exactly the preview", rows: 3, keep: 3, rowLimit: 100, kept: 3, more: nil),
        Case(name: "longer: the rest counted", rows: 50, keep: 3, rowLimit: 100, kept: 3, more: .exactly(47)),
        Case(name: "as long as the row limit: still counted", rows: 100, keep: 3, rowLimit: 100, kept: 3, more: .exactly(97)),
        Case(name: "past the row limit: not counted", rows: 500, keep: 3, rowLimit: 100, kept: 3, more: .uncounted(atLeast: 98, stop: .rowLimit)),
        Case(name: "keeping the row limit, past it", rows: 500, keep: 100, rowLimit: 100, kept: 100, more: .uncounted(atLeast: 1, stop: .rowLimit)),
    ]

    static func generate(_ rows: Int) -> String {
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < \(rows)) SELECT x FROM c"
    }

    @Test(arguments: cases)
    func preview(_ c: Case) throws {
        let sandbox = try Fixture.sandbox(SandboxLimits(maxRows: c.rowLimit))
        let query = try sandbox.admitQuery(sql: Self.generate(c.rows)).get()
        let result = try sandbox.run(query, keepingRows: c.keep).get()
        #expect(result.rows.count == c.kept)
        #expect(result.rows.first == [.integer(1)])
        #expect(result.moreRows == c.more)
        if case .exactly = c.more { #expect(result.totalRows == c.rows) }
    }

    @Test("a plain run still refuses a result past the row limit")
    func plainRunKeepsTheLimit() throws {
        let sandbox = try Fixture.sandbox(SandboxLimits(maxRows: 100))
        let failure = try #require(sandbox.run(sql: Self.generate(500)).failure)
        #expect(failure.reason == .limit)
    }

    @Test("the work limit reached while counting ends the count, not the preview; reached before the preview, it fails")
    func workLimit() throws {
        let sandbox = try Fixture.sandbox(SandboxLimits(maxRows: 10_000_000, maxSteps: 200_000))
        let query = try sandbox.admitQuery(sql: Self.generate(1_000_000)).get()
        let result = try sandbox.run(query, keepingRows: 5).get()
        #expect(result.rows.count == 5)
        guard case .uncounted(let atLeast, .workLimit)? = result.moreRows else {
            Issue.record("expected an uncounted rest, stopped by the work limit; got \(String(describing: result.moreRows))")
            return
        }
        #expect(atLeast > 0)
        let tooMany = try #require(sandbox.run(query, keepingRows: 500_000).failure)
        #expect(tooMany.reason == .timeout)
    }

    @Test(
        "each format for people says how many rows it left out",
        arguments: [ResultFormatter.Format.table, .box, .column, .markdown, .line])
    func footers(format: ResultFormatter.Format) throws {
        let formatter = ResultFormatter(maxRows: 3)
        let rows: [[Value]] = (1...3).map { [.integer(Int64($0))] }
        var counted = QueryResult(columns: ["x"], rows: rows)
        counted.moreRows = .exactly(7)
        #expect(formatter.render(counted, as: format).hasSuffix("(10 rows; the first 3 shown)"))
        var uncounted = counted
        uncounted.moreRows = .uncounted(atLeast: 5, stop: .rowLimit)
        #expect(formatter.render(uncounted, as: format).contains("more rows not shown — at least 8 in all"))
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { failure } else { nil }
    }
}
