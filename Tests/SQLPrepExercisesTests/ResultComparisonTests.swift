import SQLPrepExercises
import SQLPrepSandbox
import SQLiteKit
import Testing

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

/// A diagnosis case: a query result that should trigger `code`, and one that should not.
struct DiagnosisCase: CustomTestStringConvertible, Sendable {
    let code: Diagnosis.Code
    let contract: ResultContract
    let expected: [[Value]]
    let triggering: [[Value]]
    let innocent: [[Value]]
    var testDescription: String { code.rawValue }

    func codes(for actual: [[Value]]) -> [Diagnosis.Code] {
        let names = contract.columns.map(\.name)
        return ResultComparison(contract: contract).compare(
            expected: QueryResult(columns: names, rows: expected), actual: QueryResult(columns: names, rows: actual)
        ).diagnoses.map(\.code)
    }
}

private let funnel = ResultContract(columns: columns(("channel", .text, nil), ("sessions", .count, nil), ("orders", .count, nil), ("rate", .ratio, 4)))
private let percentRate = ResultContract(columns: columns(("channel", .text, nil), ("share", .percent, 1)))
private let daily = ResultContract(columns: columns(("day", .date, nil), ("orders", .count, nil)), sortKeys: [.init(column: 0, descending: false)])
private let cpo = ResultContract(columns: columns(("month", .text, nil), ("spend", .money, 2), ("orders", .count, nil), ("cpo", .money, 2)))
private let spend = ResultContract(columns: columns(("channel", .text, nil), ("spend", .money, 2), ("orders", .count, nil)))

@Suite("Diagnoses")
struct DiagnosisTests {
    static let cases: [DiagnosisCase] = [
        DiagnosisCase(
            code: .integerDivision, contract: funnel,
            expected: [[.text("a"), .integer(200), .integer(10), .real(0.05)], [.text("b"), .integer(100), .integer(12), .real(0.12)]],
            triggering: [[.text("a"), .integer(200), .integer(10), .integer(0)], [.text("b"), .integer(100), .integer(12), .integer(0)]],
            innocent: [[.text("a"), .integer(200), .integer(10), .real(0.06)], [.text("b"), .integer(100), .integer(12), .real(0.13)]]),
        DiagnosisCase(
            code: .percentVsFraction, contract: percentRate,
            expected: [[.text("a"), .real(25.0)], [.text("b"), .real(75.0)]],
            triggering: [[.text("a"), .real(0.25)], [.text("b"), .real(0.75)]],
            innocent: [[.text("a"), .real(30.0)], [.text("b"), .real(70.0)]]),
        DiagnosisCase(
            code: .duplicatedRows, contract: spend,
            expected: [[.text("a"), .real(100), .integer(5)], [.text("b"), .real(50), .integer(2)]],
            triggering: [[.text("a"), .real(100), .integer(15)], [.text("b"), .real(50), .integer(6)]],
            innocent: [[.text("a"), .real(100), .integer(4)], [.text("b"), .real(50), .integer(1)]]),
        DiagnosisCase(
            code: .missingZeroGroups, contract: spend,
            expected: [[.text("a"), .real(100), .integer(5)], [.text("podcast"), .real(50), .integer(0)]],
            triggering: [[.text("a"), .real(100), .integer(5)]],
            innocent: [[.text("podcast"), .real(50), .integer(0)]]),
        DiagnosisCase(
            code: .constantFactor, contract: spend,
            expected: [[.text("a"), .real(100), .integer(5)], [.text("b"), .real(50), .integer(2)]],
            triggering: [[.text("a"), .real(130), .integer(5)], [.text("b"), .real(65), .integer(2)]],
            innocent: [[.text("a"), .real(120), .integer(5)], [.text("b"), .real(51), .integer(2)]]),
        DiagnosisCase(
            code: .shiftedWindow, contract: daily,
            expected: [[.text("2025-03-01"), .integer(5)], [.text("2025-03-02"), .integer(6)], [.text("2025-03-03"), .integer(7)]],
            triggering: [[.text("2025-03-01"), .integer(5)], [.text("2025-03-02"), .integer(6)]],
            innocent: [[.text("2025-03-01"), .integer(5)], [.text("2025-03-02"), .integer(9)], [.text("2025-03-03"), .integer(7)]]),
        DiagnosisCase(
            code: .rounding, contract: funnel,
            expected: [[.text("a"), .integer(200), .integer(10), .real(0.0512)]],
            triggering: [[.text("a"), .integer(200), .integer(10), .real(0.05)]],
            innocent: [[.text("a"), .integer(200), .integer(10), .real(0.0812)]]),
        DiagnosisCase(
            code: .wrongOrder, contract: daily,
            expected: [[.text("2025-03-01"), .integer(5)], [.text("2025-03-02"), .integer(6)]],
            triggering: [[.text("2025-03-02"), .integer(6)], [.text("2025-03-01"), .integer(5)]],
            innocent: [[.text("2025-03-01"), .integer(5)], [.text("2025-03-02"), .integer(6)]]),
        DiagnosisCase(
            code: .nullsInsteadOfZero, contract: spend,
            expected: [[.text("a"), .real(100), .integer(5)], [.text("podcast"), .real(50), .integer(0)]],
            triggering: [[.text("a"), .real(100), .integer(5)], [.text("podcast"), .real(50), .null]],
            innocent: [[.text("a"), .real(100), .integer(5)], [.text("podcast"), .real(50), .integer(1)]]),
        DiagnosisCase(
            code: .nullsInsteadOfValues, contract: percentRate,
            expected: [[.text("a"), .real(25.0)], [.text("b"), .real(75.0)]],
            triggering: [[.text("a"), .null], [.text("b"), .null]],
            innocent: [[.text("a"), .real(20.0)], [.text("b"), .null]]),
        // A fraction rounded at the percentage's decimals (0.1 for 9.4%) is still a fraction.
        DiagnosisCase(
            code: .percentVsFraction, contract: percentRate,
            expected: [[.text("a"), .real(9.4)], [.text("b"), .real(5.9)], [.text("c"), .real(-0.9)]],
            triggering: [[.text("a"), .real(0.1)], [.text("b"), .real(0.1)], [.text("c"), .real(-0.0)]],
            innocent: [[.text("a"), .real(9.1)], [.text("b"), .real(6.3)], [.text("c"), .real(-0.5)]]),
        // Integer division that truncates two columns at once (the spend and the cost per order).
        DiagnosisCase(
            code: .integerDivision, contract: cpo,
            expected: [[.text("a"), .real(1234.56), .integer(10), .real(123.46)], [.text("b"), .real(99.5), .integer(3), .real(33.17)]],
            triggering: [[.text("a"), .integer(1234), .integer(10), .integer(123)], [.text("b"), .integer(99), .integer(3), .integer(33)]],
            innocent: [[.text("a"), .real(1234.56), .integer(11), .real(112.23)], [.text("b"), .real(99.5), .integer(4), .real(24.88)]]),
    ]

    @Test("Each diagnosis fires on its mistake and not on an unrelated difference", arguments: cases)
    func diagnosis(_ case: DiagnosisCase) {
        #expect(`case`.codes(for: `case`.triggering).contains(`case`.code), "should fire")
        #expect(!`case`.codes(for: `case`.innocent).contains(`case`.code), "should not fire")
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
        ])
    func dateOnlyUpperBound(sql: String, fires: Bool) {
        #expect((SQLTextNotes.dateOnlyUpperBound(sql) != nil) == fires)
    }
}
