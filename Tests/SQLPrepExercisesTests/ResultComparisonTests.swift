import SQLPrepData
@testable import SQLPrepExercises
import SQLPrepSandbox
import SQLiteKit
import Testing
import SQLPrepText

/// A comparison case: a contract, the reference rows, the learner's rows, and what must come out.
struct ComparisonCase: CustomTestStringConvertible, Sendable {
    let name: String
    let contract: ResultContract
    let expected: [[Value]]
    let actual: [[Value]]
    var expectedColumns: [String]? = nil
    var actualColumns: [String]? = nil
    let reason: ComparisonReport.Reason?
    var note: String? = nil
    var testDescription: String { name }

    func run() -> ComparisonReport {
        let names = contract.columns.map(\.name)
        return ResultComparison(contract: contract).compare(
            expected: QueryResult(columns: expectedColumns ?? names, rows: expected),
            actual: QueryResult(columns: actualColumns ?? names, rows: actual))
    }
}

private func columns(_ specs: (String, ResultContract.Kind, Int?)...) -> [ResultContract.Column] {
    specs.map { ResultContract.Column(name: $0.0, kind: $0.1, decimals: $0.2) }
}

private let channelRate = ResultContract(columns: columns(("channel", .text, nil), ("rate", .ratio, 2)))
private let channelRateOrdered = ResultContract(
    columns: columns(("channel", .text, nil), ("rate", .ratio, 2)), sortKeys: [.init(column: 1, descending: true)])
private let refundRates = ResultContract(
    columns: columns(("category", .text, nil), ("refund_rate_pct", .percent, 2)),
    sortKeys: [.init(column: 1, descending: true), .init(column: 0, descending: false)])
private let plainNumber = ResultContract(columns: columns(("x", .number, nil)))
private let textOnly = ResultContract(columns: columns(("day", .date, nil)))

@Suite("Result comparison rules")
struct ResultComparisonTests {
    static let cases: [ComparisonCase] = [
        ComparisonCase(name: "identical results pass", contract: channelRate,
                       expected: [[.text("a"), .real(0.5)]], actual: [[.text("a"), .real(0.5)]], reason: nil),
        ComparisonCase(name: "3 equals 3.0", contract: plainNumber,
                       expected: [[.integer(3)]], actual: [[.real(3.0)]], reason: nil),
        ComparisonCase(name: "row order is free when the contract says any", contract: channelRate,
                       expected: [[.text("a"), .real(0.5)], [.text("b"), .real(0.25)]],
                       actual: [[.text("b"), .real(0.25)], [.text("a"), .real(0.5)]], reason: nil),
        ComparisonCase(name: "duplicates count: a multiset, not a set", contract: channelRate,
                       expected: [[.text("a"), .real(0.5)], [.text("a"), .real(0.5)], [.text("b"), .real(0.25)]],
                       actual: [[.text("a"), .real(0.5)], [.text("b"), .real(0.25)], [.text("b"), .real(0.25)]], reason: .wrongResult),
        ComparisonCase(name: "an extra row fails", contract: channelRate,
                       expected: [[.text("a"), .real(0.5)]], actual: [[.text("a"), .real(0.5)], [.text("b"), .real(0.1)]], reason: .wrongResult),
        ComparisonCase(name: "ordered: sorted by the key passes", contract: channelRateOrdered,
                       expected: [[.text("a"), .real(0.5)], [.text("b"), .real(0.25)]],
                       actual: [[.text("a"), .real(0.5)], [.text("b"), .real(0.25)]], reason: nil),
        ComparisonCase(name: "ordered: rows tying on the key may come in any order", contract: channelRateOrdered,
                       expected: [[.text("a"), .real(0.5)], [.text("b"), .real(0.5)], [.text("c"), .real(0.1)]],
                       actual: [[.text("b"), .real(0.5)], [.text("a"), .real(0.5)], [.text("c"), .real(0.1)]], reason: nil),
        ComparisonCase(name: "ordered: right rows in the wrong order", contract: channelRateOrdered,
                       expected: [[.text("a"), .real(0.5)], [.text("b"), .real(0.25)]],
                       actual: [[.text("b"), .real(0.25)], [.text("a"), .real(0.5)]], reason: .wrongOrder),
        ComparisonCase(name: "ordered: ties judged after rounding to the contract's decimals", contract: channelRateOrdered,
                       expected: [[.text("a"), .real(0.50)], [.text("b"), .real(0.50)]],
                       actual: [[.text("b"), .real(0.499)], [.text("a"), .real(0.501)]], reason: nil),
        ComparisonCase(name: "ordered: unrounded values in the reference's order pass even when they look tied after rounding",
                       contract: ResultContract(columns: columns(("channel", .text, nil), ("rate", .percent, 2)),
                                                sortKeys: [.init(column: 1, descending: true), .init(column: 0, descending: false)]),
                       expected: [[.text("email"), .real(8.9)], [.text("direct"), .real(8.89)]],
                       actual: [[.text("email"), .real(8.8975)], [.text("direct"), .real(8.8947)]], reason: nil),
        ComparisonCase(name: "ordered: an unrounded answer sorted by its own values passes where the rounded values tie",
                       contract: refundRates,
                       expected: [[.text("apparel"), .real(11.88)], [.text("books"), .real(5.29)], [.text("home"), .real(5.29)], [.text("toys"), .real(4.73)]],
                       actual: [[.text("apparel"), .real(11.8848)], [.text("home"), .real(5.2901)], [.text("books"), .real(5.2851)], [.text("toys"), .real(4.7331)]],
                       reason: nil),
        ComparisonCase(name: "ordered: an over-precise answer sorted by its own values passes where the rounded values tie",
                       contract: refundRates,
                       expected: [[.text("apparel"), .real(11.88)], [.text("books"), .real(5.29)], [.text("home"), .real(5.29)]],
                       actual: [[.text("apparel"), .real(11.885)], [.text("home"), .real(5.290)], [.text("books"), .real(5.285)]], reason: nil),
        ComparisonCase(name: "ordered: unrounded values that tie after rounding may also follow the next key", contract: refundRates,
                       expected: [[.text("apparel"), .real(11.88)], [.text("books"), .real(5.29)], [.text("home"), .real(5.29)]],
                       actual: [[.text("apparel"), .real(11.8848)], [.text("books"), .real(5.2851)], [.text("home"), .real(5.2901)]], reason: nil),
        ComparisonCase(name: "ordered: rounded values that tie must follow the next key", contract: refundRates,
                       expected: [[.text("apparel"), .real(11.88)], [.text("books"), .real(5.29)], [.text("home"), .real(5.29)]],
                       actual: [[.text("apparel"), .real(11.88)], [.text("home"), .real(5.29)], [.text("books"), .real(5.29)]], reason: .wrongOrder),
        ComparisonCase(name: "ordered: unrounded values out of order by their own values and the reference's fail", contract: refundRates,
                       expected: [[.text("apparel"), .real(11.88)], [.text("books"), .real(5.29)], [.text("toys"), .real(4.73)]],
                       actual: [[.text("apparel"), .real(11.8848)], [.text("toys"), .real(4.7331)], [.text("books"), .real(5.2851)]],
                       reason: .wrongOrder),
        ComparisonCase(name: "decimals: an unrounded value that rounds to the answer passes", contract: channelRate,
                       expected: [[.text("a"), .real(0.12)]], actual: [[.text("a"), .real(0.1249)]], reason: nil),
        ComparisonCase(name: "decimals: within half a unit across a rounding boundary passes", contract: channelRate,
                       expected: [[.text("a"), .real(0.13)]], actual: [[.text("a"), .real(0.124_999_999_999_9)]], reason: nil),
        ComparisonCase(name: "decimals: a hundredth off fails", contract: channelRate,
                       expected: [[.text("a"), .real(0.12)]], actual: [[.text("a"), .real(0.13)]], reason: .wrongResult),
        ComparisonCase(name: "no decimals: equal within a relative 1e-9", contract: plainNumber,
                       expected: [[.real(1234.5)]], actual: [[.real(1234.5 * (1 + 1e-12))]], reason: nil),
        ComparisonCase(name: "no decimals: a relative 1e-6 fails", contract: plainNumber,
                       expected: [[.real(1234.5)]], actual: [[.real(1234.5 * (1 + 1e-6))]], reason: .wrongResult),
        ComparisonCase(name: "NULL equals NULL", contract: plainNumber, expected: [[.null]], actual: [[.null]], reason: nil),
        ComparisonCase(name: "NULL is not 0", contract: plainNumber, expected: [[.integer(0)]], actual: [[.null]], reason: .wrongResult),
        ComparisonCase(name: "NULL is not ''", contract: textOnly, expected: [[.text("")]], actual: [[.null]], reason: .wrongResult),
        ComparisonCase(name: "text '3.5' is not the number 3.5", contract: plainNumber,
                       expected: [[.real(3.5)]], actual: [[.text("3.5")]], reason: .wrongResult, note: "stored as text"),
        ComparisonCase(name: "text compares exactly", contract: textOnly,
                       expected: [[.text("Organic")]], actual: [[.text("organic")]], reason: .wrongResult),
        ComparisonCase(name: "a date in another format differs, with a note", contract: textOnly,
                       expected: [[.text("2025-03-01")]], actual: [[.text("2025-03-01 00:00:00")]], reason: .wrongResult,
                       note: "format"),
        ComparisonCase(name: "blobs compare by bytes", contract: ResultContract(columns: columns(("b", .text, nil))),
                       expected: [[.blob([1, 2])]], actual: [[.blob([1, 2])]], reason: nil),
        ComparisonCase(name: "different blobs fail", contract: ResultContract(columns: columns(("b", .text, nil))),
                       expected: [[.blob([1, 2])]], actual: [[.blob([1, 3])]], reason: .wrongResult),
        ComparisonCase(name: "a different column count is the wrong shape", contract: channelRate,
                       expected: [[.text("a"), .real(0.5)]], actual: [[.text("a"), .real(0.5), .integer(1)]],
                       actualColumns: ["channel", "rate", "n"], reason: .wrongShape),
        ComparisonCase(name: "column names need not match", contract: channelRate,
                       expected: [[.text("a"), .real(0.5)]], actual: [[.text("a"), .real(0.5)]],
                       actualColumns: ["src", "conversion"], reason: nil),
        ComparisonCase(name: "names that suggest swapped columns are called out", contract: ResultContract(columns: columns(("orders", .count, nil), ("users", .count, nil))),
                       expected: [[.integer(5), .integer(3)]], actual: [[.integer(3), .integer(5)]],
                       expectedColumns: ["orders", "users"], actualColumns: ["users", "orders"], reason: .wrongResult,
                       note: "different order"),
    ]

    @Test("Comparison rules", arguments: cases)
    func rule(_ case: ComparisonCase) {
        let report = `case`.run()
        #expect(report.reason == `case`.reason)
        if let note = `case`.note {
            #expect(report.notes.contains { $0.contains(note) }, "notes: \(report.notes)")
        }
    }

    /// refund-rate-by-category on seed 14: books (5.2851) and home (5.2901) both round to 5.29.
    static func refundRateQuery(_ rate: String, tieBreak: String = "category") -> String {
        """
        WITH category_orders AS (
          SELECT DISTINCT p.category, o.order_id, o.status
          FROM orders AS o
          JOIN order_items AS oi ON oi.order_id = o.order_id
          JOIN products AS p ON p.product_id = oi.product_id
          WHERE o.status IN ('completed', 'refunded')
        )
        SELECT category, COUNT(*) AS orders, SUM(status = 'refunded') AS refunded_orders, \(rate) AS refund_rate_pct
        FROM category_orders
        GROUP BY category
        ORDER BY refund_rate_pct DESC, \(tieBreak)
        """
    }

    @Test(
        "On real data, unrounded and over-precise answers sorted by their own values pass where the rounded values tie",
        arguments: [
            (refundRateQuery("100.0 * SUM(status = 'refunded') / COUNT(*)"), Verdict.Reason?.none),
            (refundRateQuery("ROUND(100.0 * SUM(status = 'refunded') / COUNT(*), 3)"), nil),
            (refundRateQuery("ROUND(100.0 * SUM(status = 'refunded') / COUNT(*), 2)", tieBreak: "category DESC"), .wrongOrder),
        ])
    func unroundedTiesOnRealData(sql: String, reason: Verdict.Reason?) throws {
        let exercise = try #require(try CatalogFixture.course.get().exercise(id: "refund-rate-by-category"))
        let spec = DatasetSpec(seed: 1, scale: exercise.dataset.scale)
        let checker = Checker(sandbox: try CatalogFixture.sandbox(spec), dataset: spec)
        let reference = try checker.reference(for: exercise)
        // The premise: two neighbouring rows of the reference tie at two decimals.
        let rates = reference.rows.map { $0[3] }
        #expect(zip(rates, rates.dropFirst()).contains { $0 == $1 }, "no tie on seed 1 any more: \(rates)")
        let verdict = try checker.check(Array(sql.utf8), against: exercise, reference: reference)
        #expect(verdict.reason == reason, "\(VerdictText.render(verdict, exercise: exercise, style: TextStyle(color: false)))")
    }

    @Test("A failing report shows the differing cells side by side, keyed by the dimension column")
    func sideBySide() throws {
        let report = ComparisonCase(
            name: "", contract: channelRate,
            expected: [[.text("a"), .real(0.5)], [.text("b"), .real(0.25)]],
            actual: [[.text("a"), .real(0.5)], [.text("b"), .real(0.75)]], reason: nil
        ).run()
        let difference = try #require(report.cellDifferences.first)
        #expect(difference.key == [.text("b")])
        #expect(difference.cells == [CellDifference(column: 1, expected: .real(0.25), actual: .real(0.75))])
        #expect(report.missingRows.isEmpty && report.unexpectedRows.isEmpty)
    }
}

/// A diagnosis case: a result that should show `code`, and an `innocent` one, as tempting a guess as
/// can be made, that should not. `sql`, when given, is what the diagnoses may read.
struct DiagnosisCase: CustomTestStringConvertible, Sendable {
    let name: String
    let code: Diagnosis.Code
    let contract: ResultContract
    let expected: [[Value]]
    let triggering: [[Value]]
    let innocent: [[Value]]
    var sql: (reference: String, triggering: String, innocent: String)? = nil
    var testDescription: String { "\(code.rawValue): \(name)" }

    func codes(for actual: [[Value]], sql learner: String?) -> [Diagnosis.Code] {
        let names = contract.columns.map(\.name)
        let queries = zip(sql?.reference, learner).map { ResultComparison.Queries(learner: $0.1, reference: $0.0) }
        return ResultComparison(contract: contract).compare(
            expected: QueryResult(columns: names, rows: expected), actual: QueryResult(columns: names, rows: actual), queries: queries
        ).diagnoses.map(\.code)
    }
}

/// Both values, or nil.
private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}

private let funnel = ResultContract(columns: columns(("channel", .text, nil), ("sessions", .count, nil), ("orders", .count, nil), ("rate", .ratio, 4)))
private let percentRate = ResultContract(columns: columns(("channel", .text, nil), ("share", .percent, 1)))
private let daily = ResultContract(columns: columns(("day", .date, nil), ("orders", .count, nil)), sortKeys: [.init(column: 0, descending: false)])
private let cpo = ResultContract(columns: columns(("month", .text, nil), ("spend", .money, 2), ("orders", .count, nil), ("cpo", .money, 2)))
private let spend = ResultContract(columns: columns(("channel", .text, nil), ("spend", .money, 2), ("orders", .count, nil)))
private let signups = ResultContract(columns: columns(("channel", .text, nil), ("signups", .count, nil)))
private let cohorts = ResultContract(
    columns: columns(("cohort_month", .month, nil), ("cohort_users", .count, nil), ("d1_pct", .percent, 1)), sortKeys: [.init(column: 0, descending: false)])
private let growth = ResultContract(columns: columns(("month", .month, nil), ("growth_pct", .percent, 1)), sortKeys: [.init(column: 0, descending: false)])
private let gaps = ResultContract(columns: columns(("channel", .text, nil), ("avg_days", .number, 1)))
private let scorecard = ResultContract(columns: columns(("experiment_id", .integer, nil), ("control_pct", .percent, 2), ("z_score", .number, 2)))
private let countries = ResultContract(
    columns: columns(("country", .text, nil), ("users", .count, nil), ("share_pct", .percent, 1)),
    sortKeys: [.init(column: 1, descending: true), .init(column: 0, descending: false)])

/// SQL for the z-score cases: the arm sizes are integers, or made real once.
private func zScoreSQL(real: Bool) -> String {
    """
    WITH s AS (SELECT experiment_id, \(real ? "1.0 * " : "")SUM(variant = 'control') AS n_c, \(real ? "1.0 * " : "")SUM(variant = 'treatment') AS n_t,
                      1.0 * SUM(converted) / COUNT(*) AS p, 1.0 * SUM(variant = 'control' AND converted) / SUM(variant = 'control') AS p_c
               FROM f GROUP BY experiment_id)
    SELECT experiment_id, ROUND(100.0 * p_c, 2) AS control_pct,
           ROUND(0.1 / sqrt(p * (1 - p) * (1 / n_c + 1 / n_t)), 2) AS z_score
    FROM s\(real ? " WHERE p_c = NULL" : "")
    """
}

@Suite("Diagnoses")
struct DiagnosisTests {
    static let cases: [DiagnosisCase] = [
        DiagnosisCase(
            name: "the SQL divides two counts; whole numbers from ROUND(100.0 * …) are not that", code: .integerDivision, contract: funnel,
            expected: [[.text("a"), .integer(200), .integer(10), .real(0.05)], [.text("b"), .integer(100), .integer(12), .real(0.12)]],
            triggering: [[.text("a"), .integer(200), .integer(10), .integer(0)], [.text("b"), .integer(100), .integer(12), .integer(0)]],
            innocent: [[.text("a"), .integer(200), .integer(10), .integer(0)], [.text("b"), .integer(100), .integer(12), .integer(0)]],
            sql: (reference: "SELECT channel, sessions, orders, 1.0 * orders / sessions FROM t",
                  triggering: "SELECT channel, sessions, orders, orders / sessions FROM t",
                  innocent: "SELECT channel, sessions, orders, ROUND(1.0 * orders / sessions) FROM t")),
        DiagnosisCase(
            name: "without the SQL, only values that are the answer's truncated, not rounded, count", code: .integerDivision, contract: gaps,
            expected: [[.text("a"), .real(12.7)], [.text("b"), .real(3.2)]],
            triggering: [[.text("a"), .integer(12)], [.text("b"), .integer(3)]],
            innocent: [[.text("a"), .integer(13)], [.text("b"), .integer(3)]]),
        DiagnosisCase(
            name: "whole-day gaps cut off by CAST are no division", code: .integerDivision, contract: gaps,
            expected: [[.text("a"), .real(12.7)], [.text("b"), .real(3.2)]],
            triggering: [[.text("a"), .integer(12)], [.text("b"), .integer(3)]],
            innocent: [[.text("a"), .integer(12)], [.text("b"), .integer(3)]],
            sql: (reference: "SELECT channel, ROUND(AVG(julianday(b) - julianday(a)), 1) FROM t GROUP BY 1",
                  triggering: "SELECT channel, SUM(gap_days) / COUNT(*) FROM t GROUP BY 1",
                  innocent: "SELECT channel, CAST(AVG(julianday(b) - julianday(a)) AS INTEGER) FROM t GROUP BY 1")),
        DiagnosisCase(
            name: "a z-score lost to 1 / n_c on integer counts; NULL from x = NULL is not that", code: .integerDivision, contract: scorecard,
            expected: [[.integer(1), .real(3.1), .real(2.45)], [.integer(2), .real(4.2), .real(-0.61)]],
            triggering: [[.integer(1), .real(3.1), .null], [.integer(2), .real(4.2), .null]],
            innocent: [[.integer(1), .real(3.1), .null], [.integer(2), .real(4.2), .null]],
            sql: (reference: zScoreSQL(real: true), triggering: zScoreSQL(real: false), innocent: zScoreSQL(real: true))),
        DiagnosisCase(
            name: "a fraction for a percentage; 30/70 for 25/75 is no scale", code: .percentVsFraction, contract: percentRate,
            expected: [[.text("a"), .real(25.0)], [.text("b"), .real(75.0)]],
            triggering: [[.text("a"), .real(0.25)], [.text("b"), .real(0.75)]],
            innocent: [[.text("a"), .real(30.0)], [.text("b"), .real(70.0)]]),
        // A fraction rounded at the percentage's decimals (0.1 for 9.4%) is still a fraction.
        DiagnosisCase(
            name: "a fraction rounded at the percentage's decimals", code: .percentVsFraction, contract: percentRate,
            expected: [[.text("a"), .real(9.4)], [.text("b"), .real(5.9)], [.text("c"), .real(-0.9)]],
            triggering: [[.text("a"), .real(0.1)], [.text("b"), .real(0.1)], [.text("c"), .real(-0.0)]],
            innocent: [[.text("a"), .real(9.1)], [.text("b"), .real(6.3)], [.text("c"), .real(-0.5)]]),
        DiagnosisCase(
            name: "counts larger in every row; larger in one and smaller in another is no fan-out", code: .duplicatedRows, contract: spend,
            expected: [[.text("a"), .real(100), .integer(5)], [.text("b"), .real(50), .integer(2)]],
            triggering: [[.text("a"), .real(100), .integer(15)], [.text("b"), .real(50), .integer(6)]],
            innocent: [[.text("a"), .real(100), .integer(15)], [.text("b"), .real(50), .integer(1)]]),
        DiagnosisCase(
            name: "a row repeated; an extra row of its own is not a repeat", code: .duplicatedRows, contract: signups,
            expected: [[.text("a"), .integer(5)], [.text("b"), .integer(2)]],
            triggering: [[.text("a"), .integer(5)], [.text("a"), .integer(5)], [.text("b"), .integer(2)]],
            innocent: [[.text("a"), .integer(5)], [.text("c"), .integer(5)], [.text("b"), .integer(2)]]),
        DiagnosisCase(
            name: "a missing group with 0 orders; a missing cohort of 331 with rates not due yet is not idle", code: .missingZeroGroups, contract: cohorts,
            expected: [[.text("2025-04"), .integer(300), .real(12.5)], [.text("2025-05"), .integer(0), .real(0)], [.text("2025-06"), .integer(331), .null]],
            triggering: [[.text("2025-04"), .integer(300), .real(12.5)], [.text("2025-06"), .integer(331), .null]],
            innocent: [[.text("2025-04"), .integer(300), .real(12.5)], [.text("2025-05"), .integer(0), .real(0)]]),
        DiagnosisCase(
            name: "every value × 1.3; a few percent off in varying amounts is no factor", code: .constantFactor, contract: spend,
            expected: [[.text("a"), .real(100), .integer(5)], [.text("b"), .real(50), .integer(2)]],
            triggering: [[.text("a"), .real(130), .integer(5)], [.text("b"), .real(65), .integer(2)]],
            innocent: [[.text("a"), .real(99), .integer(5)], [.text("b"), .real(49.7), .integer(2)]]),
        DiagnosisCase(
            name: "counts in the same ratio; a window that lost a day gives near-equal ratios", code: .constantFactor, contract: signups,
            expected: [[.text("organic"), .integer(4000)], [.text("paid_search"), .integer(3000)], [.text("referral"), .integer(1400)]],
            triggering: [[.text("organic"), .integer(3600)], [.text("paid_search"), .integer(2700)], [.text("referral"), .integer(1260)]],
            innocent: [[.text("organic"), .integer(3991)], [.text("paid_search"), .integer(2991)], [.text("referral"), .integer(1397)]]),
        DiagnosisCase(
            name: "a factor that shows as × 1.00 explains nothing", code: .constantFactor, contract: signups,
            expected: [[.text("organic"), .integer(4000)], [.text("paid_search"), .integer(3000)], [.text("referral"), .integer(1000)]],
            triggering: [[.text("organic"), .integer(3600)], [.text("paid_search"), .integer(2700)], [.text("referral"), .integer(900)]],
            innocent: [[.text("organic"), .integer(4004)], [.text("paid_search"), .integer(3003)], [.text("referral"), .integer(1001)]]),
        DiagnosisCase(
            name: "cost per order × 0.5 is no separate cause beside orders counted twice", code: .constantFactor, contract: cpo,
            expected: [[.text("a"), .real(100), .integer(10), .real(10)], [.text("b"), .real(60), .integer(4), .real(15)]],
            triggering: [[.text("a"), .real(100), .integer(10), .real(5)], [.text("b"), .real(60), .integer(4), .real(7.5)]],
            innocent: [[.text("a"), .real(100), .integer(20), .real(5)], [.text("b"), .real(60), .integer(8), .real(7.5)]]),
        DiagnosisCase(
            name: "cents for currency units; amounts far too large, but not by one factor, are no unit mistake", code: .constantFactor, contract: spend,
            expected: [[.text("a"), .real(12.34), .integer(5)], [.text("b"), .real(5.5), .integer(2)]],
            triggering: [[.text("a"), .integer(1234), .integer(5)], [.text("b"), .integer(550), .integer(2)]],
            innocent: [[.text("a"), .integer(1234), .integer(5)], [.text("b"), .integer(5500), .integer(2)]]),
        DiagnosisCase(
            name: "the last date missing; a first month of 0 for NULL is at the edge for another reason", code: .shiftedWindow, contract: growth,
            expected: [[.text("2024-01"), .null], [.text("2024-02"), .real(5.0)], [.text("2024-03"), .real(-2.0)]],
            triggering: [[.text("2024-01"), .null], [.text("2024-02"), .real(5.0)]],
            innocent: [[.text("2024-01"), .integer(0)], [.text("2024-02"), .real(5.0)], [.text("2024-03"), .real(-2.0)]]),
        DiagnosisCase(
            name: "a timestamp column ends at a bare date; a date column may, and the reference's own bound is no mistake",
            code: .shiftedWindow, contract: signups,
            expected: [[.text("organic"), .integer(4233)], [.text("paid_search"), .integer(3067)]],
            triggering: [[.text("organic"), .integer(4224)], [.text("paid_search"), .integer(3058)]],
            innocent: [[.text("organic"), .integer(4224)], [.text("paid_search"), .integer(3058)]],
            sql: (reference: "SELECT channel, COUNT(*) FROM t WHERE spend_date BETWEEN '2024-01-01' AND '2024-12-31' AND signup_at < '2025-01-01' GROUP BY 1",
                  triggering: "SELECT channel, COUNT(*) FROM t WHERE spend_date BETWEEN '2024-01-01' AND '2024-12-31' AND signup_at <= '2024-12-31' GROUP BY 1",
                  innocent: "SELECT channel, COUNT(*) FROM t WHERE t.spend_date BETWEEN '2024-01-01' AND '2024-12-31' AND signup_at < '2024-12-31' GROUP BY 1")),
        DiagnosisCase(
            name: "a rate rounded too coarsely; a cohort of 282 for 331 is a data difference, not rounding", code: .rounding, contract: cohorts,
            expected: [[.text("2025-01"), .integer(331), .real(0.3)], [.text("2025-02"), .integer(300), .real(12.4)]],
            triggering: [[.text("2025-01"), .integer(331), .real(0.0)], [.text("2025-02"), .integer(300), .real(12.0)]],
            innocent: [[.text("2025-01"), .integer(282), .real(0.0)], [.text("2025-02"), .integer(300), .real(12.0)]]),
        DiagnosisCase(
            name: "rows out of order; unrounded values that tie only after rounding may come either way", code: .wrongOrder, contract: refundRates,
            expected: [[.text("apparel"), .real(11.88)], [.text("books"), .real(5.29)], [.text("home"), .real(5.29)]],
            triggering: [[.text("books"), .real(5.29)], [.text("apparel"), .real(11.88)], [.text("home"), .real(5.29)]],
            innocent: [[.text("apparel"), .real(11.8848)], [.text("home"), .real(5.2901)], [.text("books"), .real(5.2851)]]),
        DiagnosisCase(
            name: "NULL for 0; NULL for a real number is another matter", code: .nullsInsteadOfZero, contract: spend,
            expected: [[.text("a"), .real(100), .integer(5)], [.text("podcast"), .real(50), .integer(0)]],
            triggering: [[.text("a"), .real(100), .integer(5)], [.text("podcast"), .real(50), .null]],
            innocent: [[.text("a"), .real(100), .null], [.text("podcast"), .real(50), .integer(0)]]),
        DiagnosisCase(
            name: "0 for an undefined ratio; NULL for 0 is the other way round", code: .zerosInsteadOfNull, contract: cpo,
            expected: [[.text("a"), .real(100), .integer(10), .real(10)], [.text("podcast"), .real(60), .integer(0), .null]],
            triggering: [[.text("a"), .real(100), .integer(10), .real(10)], [.text("podcast"), .real(60), .integer(0), .integer(0)]],
            innocent: [[.text("a"), .real(100), .integer(10), .real(10)], [.text("podcast"), .real(60), .null, .null]]),
        DiagnosisCase(
            name: "NULL for every number; NULL for 0 is a missing COALESCE", code: .nullsInsteadOfValues, contract: percentRate,
            expected: [[.text("a"), .real(25.0)], [.text("b"), .real(0)]],
            triggering: [[.text("a"), .null], [.text("b"), .real(0)]],
            innocent: [[.text("a"), .real(25.0)], [.text("b"), .null]]),
        DiagnosisCase(
            name: "the unknown group left NULL; a NULL group with other numbers is not just a label", code: .nullLabel, contract: countries,
            expected: [[.text("US"), .integer(7854), .real(39.3)], [.text("GB"), .integer(2436), .real(12.2)], [.text("unknown"), .integer(594), .real(3.0)]],
            triggering: [[.text("US"), .integer(7854), .real(39.3)], [.text("GB"), .integer(2436), .real(12.2)], [.null, .integer(594), .real(3.0)]],
            innocent: [[.text("US"), .integer(7854), .real(39.3)], [.text("GB"), .integer(2436), .real(12.2)], [.null, .integer(0), .real(0.0)]]),
    ]

    @Test("Each diagnosis fires on its mistake and not on the most tempting lookalike", arguments: cases)
    func diagnosis(_ case: DiagnosisCase) {
        let fired = `case`.codes(for: `case`.triggering, sql: `case`.sql?.triggering)
        let innocent = `case`.codes(for: `case`.innocent, sql: `case`.sql?.innocent)
        #expect(fired.contains(`case`.code), "should fire: \(fired)")
        #expect(!innocent.contains(`case`.code), "should not fire: \(innocent)")
    }

    @Test("Every diagnosis code has a fire and a no-fire case (the SQL-text notes have theirs in sqlNotes)")
    func everyCodeIsTested() {
        let tested = Set(Self.cases.map(\.code)).union([.nondeterministic, .dialect])
        #expect(Set(Diagnosis.Code.allCases).subtracting(tested).isEmpty, "untested: \(Set(Diagnosis.Code.allCases).subtracting(tested))")
    }

    @Test("The strongest cause comes first: groups missing with no activity before averages that came out larger")
    func ranking() {
        let contract = ResultContract(columns: columns(("day", .date, nil), ("revenue", .money, 2), ("avg_7d", .money, 2)))
        let names = contract.columns.map(\.name)
        let expected: [[Value]] = [
            [.text("2024-01-01"), .real(0), .real(0)], [.text("2024-01-02"), .real(30), .real(15)], [.text("2024-01-03"), .real(60), .real(30)],
        ]
        let actual: [[Value]] = [[.text("2024-01-02"), .real(30), .real(30)], [.text("2024-01-03"), .real(60), .real(45)]]
        let codes = ResultComparison(contract: contract).compare(
            expected: QueryResult(columns: names, rows: expected), actual: QueryResult(columns: names, rows: actual)
        ).diagnoses.map(\.code)
        #expect(codes == [.missingZeroGroups, .duplicatedRows])
    }

    @Test(
        "Divisions of two integers are found in SQL text; a real on either side, or in a name's definition, makes one real",
        arguments: [
            ("SELECT SUM(converted) / COUNT(*) FROM f", ["SUM(converted) / COUNT(*)"]),
            ("SELECT SUM(x) / COUNT(*) * 100.0 FROM f", ["SUM(x) / COUNT(*)"]),
            ("SELECT 100 * SUM(clicks) / SUM(impressions) FROM t", ["100 * SUM(clicks) / SUM(impressions)"]),
            ("SELECT 1.0 * SUM(converted) / COUNT(*) FROM f", []),
            ("SELECT 100.0 * SUM(x) / COUNT(*), SUM(x) * 100.0 / COUNT(*) FROM f", []),
            ("SELECT CAST(SUM(x) AS REAL) / COUNT(*) FROM f", []),
            ("SELECT ROUND(SUM(spend_cents) / 100.0 / SUM(clicks), 2) FROM t", []),
            ("SELECT AVG(x) / 7, (julianday(b) - julianday(a)) / 7 FROM t", []),
            ("WITH s AS (SELECT SUM(v = 'c') AS n_c FROM f) SELECT 1 / s.n_c FROM s", ["1 / s.n_c"]),
            ("WITH s AS (SELECT 1.0 * SUM(v = 'c') AS n_c FROM f) SELECT 1 / s.n_c FROM s", []),
            ("SELECT strftime('%Y/%m', d) FROM t -- a / b\n/* c / d */", []),
        ])
    func integerDivisions(sql: String, divisions: [String]) {
        #expect(IntegerDivision.find(in: sql) == divisions)
    }

    @Test(
        "SQL text notes: nondeterminism and other dialects",
        arguments: [
            ("SELECT random() FROM users", Diagnosis.Code.nondeterministic, true),
            ("SELECT date('now')", .nondeterministic, true),
            ("SELECT 'random() is fun'", .nondeterministic, false),
            ("SELECT * FROM users WHERE channel ILIKE 'org%'", .dialect, true),
            ("SELECT * FROM users WHERE channel LIKE '%ilike%'", .dialect, false),
            ("SELECT DATE_TRUNC('month', signup_at) FROM users", .dialect, true),
            ("SELECT signup_at::date FROM users", .dialect, true),
            ("SELECT TOP 5 * FROM users", .dialect, true),
            ("SELECT EXTRACT(year FROM signup_at) FROM users", .dialect, true),
            ("SELECT signup_at + INTERVAL '1 day' FROM users", .dialect, true),
            ("SELECT DATEDIFF(a, b) FROM t", .dialect, true),
            ("SELECT NOW()", .dialect, true),
            ("SELECT count(*) FROM users -- TOP 5 in a comment", .dialect, false),
            ("SELECT strftime('%Y-%m', signup_at), count(*) FROM users GROUP BY 1", .dialect, false),
        ])
    func sqlNotes(sql: String, code: Diagnosis.Code, fires: Bool) {
        #expect(SQLTextNotes.notes(for: sql).contains { $0.code == code } == fires)
    }

    @Test(
        "A window ending at a bare date against a timestamp is pointed out",
        arguments: [
            ("WHERE ordered_at BETWEEN '2025-01-01' AND '2025-03-31'", true),
            ("WHERE ordered_at <= '2025-03-31'", true),
            ("ON s.started_at BETWEEN date(a.as_of, '-29 days') AND a.as_of", true),
            ("WHERE ordered_at >= '2025-01-01' AND ordered_at < '2025-04-01'", false),
            ("ON date(s.started_at) BETWEEN date(a.as_of, '-29 days') AND a.as_of", false),
            ("ON d.day BETWEEN date(a.as_of, '-6 days') AND a.as_of", false),
            ("SELECT MAX(started_at BETWEEN '2025-03-03' AND '2025-05-01') FROM sessions", true),
            ("AND o.ordered_at >= c.signup_at AND o.ordered_at <= date(c.signup_at, '+180 days')", true),
            ("WHERE o.ordered_at BETWEEN a.assigned_at AND date(e.ended_at)", true),
            // A day column compares fine with a bare date.
            ("WHERE spend_date BETWEEN '2025-01-01' AND '2025-03-31'", false),
            ("WHERE ms.spend_date <= '2025-06-30'", false),
            // A function's result, a bound with a time, another moment, a comment: no bare-date end on a moment column.
            ("CASE WHEN date(last_signup_day, '+1 day') <= '2025-06-30' THEN 1 END", false),
            ("WHERE u.signup_at <= '2025-03-31 23:59:59'", false),
            ("WHERE o.ordered_at BETWEEN a.assigned_at AND e.ended_at AND date(o.ordered_at) > '2024-01-01'", false),
            ("-- not signup_at BETWEEN '2025-01-01' AND '2025-03-31'\nSELECT 1", false),
        ])
    func dateOnlyUpperBound(sql: String, fires: Bool) {
        #expect((SQLTextNotes.dateOnlyUpperBound(sql) != nil) == fires)
    }

    @Test(
        "A bare-date end the reference uses too is not the learner's mistake",
        arguments: [
            ("WHERE s.started_at <= '2025-06-30'", "WHERE started_at  <=  '2025-06-30'", false),
            ("WHERE s.started_at <= '2025-06-30'", "WHERE started_at < '2025-07-01'", true),
            ("WHERE started_at <= '2025-06-30' AND signup_at <= '2025-03-31'", "WHERE started_at <= '2025-06-30'", true),
        ])
    func referenceBound(sql: String, reference: String, fires: Bool) {
        #expect((SQLTextNotes.dateOnlyUpperBound(sql, reference: reference) != nil) == fires)
    }

    @Test("The window diagnosis names the column that holds times, not one that holds days")
    func windowNamesTheColumn() throws {
        let sql = "WHERE spend_date BETWEEN '2025-01-01' AND '2025-03-31' AND signup_at BETWEEN '2025-01-01' AND '2025-03-31'"
        let diagnosis = try #require(SQLTextNotes.dateOnlyUpperBound(sql, reference: "WHERE spend_date BETWEEN '2025-01-01' AND '2025-03-31'"))
        #expect(diagnosis.message.contains("signup_at holds times"))
        #expect(!diagnosis.message.contains("spend_date"))
    }
}
