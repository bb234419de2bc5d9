import Foundation
import SQLiteKit
import SQLPrepSandbox

/// A recognised mistake, in plain words, with a stable code for tools and for hints attached to it.
public struct Diagnosis: Sendable, Hashable {
    public enum Code: String, Sendable, Hashable, CaseIterable {
        case integerDivision = "integer_division"
        case percentVsFraction = "percent_vs_fraction"
        case duplicatedRows = "duplicated_rows"
        case missingZeroGroups = "missing_zero_groups"
        case constantFactor = "constant_factor"
        case shiftedWindow = "shifted_window"
        case rounding
        case wrongOrder = "wrong_order"
        case nullsInsteadOfZero = "nulls_instead_of_zero"
        case zerosInsteadOfNull = "zeros_instead_of_null"
        case nullsInsteadOfValues = "nulls_instead_of_values"
        case nondeterministic
        case dialect
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
}

/// Recognises common mistakes from the shape of the differences between two results.
struct Diagnostician {
    let comparison: ResultComparison
    var contract: ResultContract { comparison.contract }

    func diagnose(
        expected: QueryResult, actual: QueryResult, pairs: [ResultComparison.Pair], missing: [[Value]], unexpected: [[Value]]
    ) -> [Diagnosis] {
        var found: [Diagnosis] = []
        let columnCount = contract.columns.count
        // Column pairs: every paired row, and for single-row results the one pair.
        func differing(_ column: Int) -> [(Value, Value)] {
            pairs.map { ($0.expected[column], $0.actual[column]) }.filter { !comparison.equal($0.0, $0.1, column: column) }
        }
        // Columns whose every difference is a fraction lost to whole numbers (a division can feed several).
        let truncated = Set((0..<columnCount).filter { column in
            contract.columns[column].kind.isNumeric && integerDivision(differing(column), column: column, name: "") != nil
        })
        for column in 0..<columnCount where contract.columns[column].kind.isNumeric {
            let cells = differing(column)
            guard !cells.isEmpty else { continue }
            let name = contract.columns[column].name
            // Integer division leaves the inputs right and only the divisions wrong: the row's other
            // numeric columns must agree, unless they lost their fractions too.
            let othersAgree = pairs.allSatisfy { pair in
                (0..<columnCount).allSatisfy { other in
                    other == column || !contract.columns[other].kind.isNumeric || truncated.contains(other)
                        || [.ratio, .percent].contains(contract.columns[other].kind)
                        || comparison.equal(pair.expected[other], pair.actual[other], column: other)
                }
            }
            if othersAgree, let diagnosis = integerDivision(cells, column: column, name: name) { found.append(diagnosis); continue }
            if let diagnosis = nullsInsteadOfZero(cells, name: name) { found.append(diagnosis); continue }
            if let diagnosis = zerosInsteadOfNull(cells, name: name) { found.append(diagnosis); continue }
            if let diagnosis = nullsInsteadOfValues(cells, name: name) { found.append(diagnosis); continue }
            let numbers = cells.compactMap { pair -> (Double, Double)? in
                guard let e = pair.0.numericValue, let a = pair.1.numericValue else { return nil }
                return (e, a)
            }
            if numbers.count == cells.count, let diagnosis = rounding(numbers, column: column, name: name) { found.append(diagnosis); continue }
            // A count inflated in every row is rows counted twice; other measures are checked for a
            // unit or scale factor first (cents vs currency, percent vs fraction).
            let checks = contract.columns[column].kind == .count
                ? [inflated(numbers, column: column, name: name), factor(numbers, column: column, name: name)]
                : [factor(numbers, column: column, name: name), inflated(numbers, column: column, name: name)]
            if let diagnosis = checks.compactMap({ $0 }).first { found.append(diagnosis) }
        }
        if let diagnosis = duplicates(expected: expected.rows, actual: actual.rows) { found.append(diagnosis) }
        if let diagnosis = zeroGroups(missing: missing, unexpected: unexpected) { found.append(diagnosis) }
        if let diagnosis = shiftedWindow(expected: expected.rows, actual: actual.rows, pairs: pairs, missing: missing, unexpected: unexpected) {
            found.append(diagnosis)
        }
        // One diagnosis per code.
        var seen = Set<Diagnosis.Code>()
        return found.filter { seen.insert($0.code).inserted }
    }

    /// Expected fractions, got whole numbers (usually 0): SQLite's integer division.
    func integerDivision(_ cells: [(Value, Value)], column: Int, name: String) -> Diagnosis? {
        guard !cells.isEmpty else { return nil }
        let kind = contract.columns[column].kind
        guard kind == .ratio || kind == .percent || kind == .number || kind == .money else { return nil }
        let expectedFractional = cells.contains { pair in
            guard let e = pair.0.numericValue else { return false }
            return e != e.rounded()
        }
        let actualWhole = cells.allSatisfy { pair in
            if case .integer = pair.1 { return true }
            guard let a = pair.1.numericValue else { return false }
            return a == a.rounded()
        }
        guard expectedFractional && actualWhole else { return nil }
        return Diagnosis(
            .integerDivision,
            "\(name) comes out as whole numbers where fractions are expected. In SQLite, integer ÷ integer drops the fraction (3 / 4 = 0): multiply by 1.0 (or 100.0) before dividing.")
    }

    func nullsInsteadOfZero(_ cells: [(Value, Value)], name: String) -> Diagnosis? {
        let hits = cells.filter { pair in pair.0.numericValue == 0 && pair.1.isNull }
        guard !hits.isEmpty else { return nil }
        return Diagnosis(
            .nullsInsteadOfZero,
            "\(name) is NULL where the answer has 0 (\(hits.count) row\(hits.count == 1 ? "" : "s")). A group with no activity should count as 0: wrap the value in COALESCE(…, 0).")
    }

    /// 0 where the answer has NULL: a ratio with nothing to divide by was forced to 0.
    func zerosInsteadOfNull(_ cells: [(Value, Value)], name: String) -> Diagnosis? {
        let hits = cells.filter { pair in pair.0.isNull && pair.1.numericValue == 0 }
        guard !hits.isEmpty else { return nil }
        return Diagnosis(
            .zerosInsteadOfNull,
            "\(name) is 0 where the answer has NULL (\(hits.count) row\(hits.count == 1 ? "" : "s")). When there is nothing to divide by, the metric is undefined, not zero: leave it NULL (NULLIF(denominator, 0) does that) instead of COALESCE-ing it to 0.")
    }

    /// NULL in every differing cell where the answer has a number: something in the expression is NULL.
    func nullsInsteadOfValues(_ cells: [(Value, Value)], name: String) -> Diagnosis? {
        guard cells.allSatisfy({ pair in pair.1.isNull && (pair.0.numericValue ?? 0) != 0 }) else { return nil }
        return Diagnosis(
            .nullsInsteadOfValues,
            "\(name) is NULL where the answer has a number (\(cells.count) row\(cells.count == 1 ? "" : "s")), so some part of its expression is NULL. Usual causes: a comparison with NULL (`x = NULL` is never true; write `x IS NULL`), a division by zero (`x / 0` is NULL in SQLite, and an integer division that truncated to 0 leads there), or arithmetic with a NULL column.")
    }

    /// Every differing value off by the same factor: ×100 (percent vs fraction) or another constant.
    func factor(_ numbers: [(Double, Double)], column: Int, name: String) -> Diagnosis? {
        guard !numbers.isEmpty, numbers.allSatisfy({ $0.0 != 0 }), numbers.contains(where: { $0.1 != 0 }) else { return nil }
        let kind = contract.columns[column].kind
        // ×100 and ÷100 are recognised even after the learner rounded the scaled value to the
        // column's decimals (0.11 for 11.23%), which a plain ratio test would miss.
        let tooLarge = scaled(numbers, by: 100, column: column), tooSmall = scaled(numbers, by: 0.01, column: column)
        if kind == .money && (tooLarge || tooSmall) {
            return Diagnosis(
                .constantFactor,
                "\(name) is \(tooLarge ? "100 times too large" : "100 times too small"): money is stored in integer cents, and the answer wants \(tooLarge ? "currency units (divide by 100.0)" : "cents").")
        }
        if tooLarge {
            let asked = kind == .ratio ? "a fraction from 0 to 1" : "the scale asked for"
            return Diagnosis(.percentVsFraction, "\(name) is 100 times too large: a percentage where the answer wants \(asked). Drop the × 100.")
        }
        if tooSmall {
            let asked = kind == .percent ? "a percentage from 0 to 100" : "the scale asked for"
            return Diagnosis(.percentVsFraction, "\(name) is 100 times too small: a fraction where the answer wants \(asked). Multiply by 100.")
        }
        let ratios = numbers.filter { $0.1 != 0 }.map { $0.1 / $0.0 }
        guard ratios.count == numbers.count, let first = ratios.first, first != 1 else { return nil }
        guard ratios.allSatisfy({ abs($0 / first - 1) < 0.02 }) else { return nil }
        guard ratios.count >= 2 else { return nil }  // one pair is too little evidence of a pattern
        let shown = String(format: first >= 10 || first < 0.1 ? "%.3g" : "%.2f", first)
        return Diagnosis(
            .constantFactor,
            "Every differing \(name) is off by the same factor (× \(shown)). Look for a unit mistake (cents vs currency units), a wrong denominator, or an extra multiplication.")
    }

    /// Whether every learner value is the answer's × `factor`, within 2% or within the rounding of the
    /// column's decimals; at least one scaled value must stand clear of that rounding.
    func scaled(_ numbers: [(Double, Double)], by factor: Double, column: Int) -> Bool {
        let half = contract.columns[column].decimals.map { 0.5 * pow(10, -Double($0)) + 1e-9 } ?? 0
        let visible = numbers.contains { abs($0.0 * factor) > half }
        return visible && numbers.allSatisfy { expected, actual in
            let target = expected * factor
            return abs(actual - target) <= max(half, abs(target) * 0.02)
        }
    }

    /// Values that match when rounded to fewer decimals than asked: rounded too early or too coarsely.
    func rounding(_ numbers: [(Double, Double)], column: Int, name: String) -> Diagnosis? {
        guard let decimals = contract.columns[column].decimals, !numbers.isEmpty else { return nil }
        for coarser in stride(from: decimals - 1, through: max(0, decimals - 3), by: -1) {
            let scale = pow(10, Double(coarser))
            // The learner's values carry only `coarser` decimals, and agree with the answer at that precision.
            let roundedCoarsely = numbers.allSatisfy { abs(($0.1 * scale).rounded() - $0.1 * scale) < 1e-6 }
            if roundedCoarsely && numbers.allSatisfy({ ResultComparison.numbersEqual($0.0, $0.1, decimals: coarser) }) {
                return Diagnosis(
                    .rounding,
                    "\(name) is close but rounded differently: the answer is rounded to \(decimals) decimal\(decimals == 1 ? "" : "s"). Round once, at the end (ROUND(x, \(decimals))), not in intermediate steps.")
            }
        }
        return nil
    }

    /// Counts and sums larger than expected in every differing row: rows multiplied by a join.
    func inflated(_ numbers: [(Double, Double)], column: Int, name: String) -> Diagnosis? {
        let kind = contract.columns[column].kind
        guard kind == .count || kind == .money || kind == .integer, numbers.count >= 1 else { return nil }
        guard numbers.allSatisfy({ $0.1 > $0.0 }) else { return nil }
        return Diagnosis(
            .duplicatedRows,
            "\(name) is larger than expected in every row that differs. Usually rows are counted more than once: a join to a table with several rows per key (fan-out), or duplicated events; aggregate each table to the same grain before joining, or count DISTINCT ids. Otherwise a filter or a date window lets in too much (a 7-day window from D - 7 to D spans 8 days).")
    }

    /// More copies of a row than the answer has.
    func duplicates(expected: [[Value]], actual: [[Value]]) -> Diagnosis? {
        guard actual.count > expected.count else { return nil }
        var counts: [[ResultComparison.CellKey]: Int] = [:]
        for row in actual { counts[comparison.rowKey(row), default: 0] += 1 }
        var expectedCounts: [[ResultComparison.CellKey]: Int] = [:]
        for row in expected { expectedCounts[comparison.rowKey(row), default: 0] += 1 }
        let extra = counts.filter { $0.value > (expectedCounts[$0.key] ?? 0) && (expectedCounts[$0.key] ?? 0) > 0 }
        guard !extra.isEmpty else { return nil }
        return Diagnosis(
            .duplicatedRows,
            "Some rows appear more often than they should (\(extra.count) distinct row\(extra.count == 1 ? "" : "s") repeated). A join that matches several rows, or a missing DISTINCT, duplicates rows.")
    }

    /// Missing groups whose measures are all zero (or NULL): an INNER JOIN or WHERE dropped them.
    func zeroGroups(missing: [[Value]], unexpected: [[Value]]) -> Diagnosis? {
        guard !missing.isEmpty else { return nil }
        let measures = contract.columns.indices.filter { contract.columns[$0].kind.isNumeric }
        guard !measures.isEmpty else { return nil }
        let zeroRows = missing.filter { row in
            measures.contains { index in
                let value = row[index]
                return value.isNull || value.numericValue == 0
            }
        }
        guard zeroRows.count == missing.count, unexpected.count < missing.count || unexpected.isEmpty else { return nil }
        let keys = comparison.keyColumns
        let example = keys.isEmpty ? "" : " (for example \(keys.map { zeroRows[0][$0].description }.joined(separator: ", ")))"
        return Diagnosis(
            .missingZeroGroups,
            "\(missing.count) group\(missing.count == 1 ? " is" : "s are") missing\(example), and each has zero activity in the answer. An INNER JOIN (or a WHERE on the joined table) drops groups with nothing to join: start from the full list of groups and LEFT JOIN the activity, with COALESCE(…, 0).")
    }

    /// Differences only at the first or last date of the range: a window boundary off by one.
    func shiftedWindow(
        expected: [[Value]], actual: [[Value]], pairs: [ResultComparison.Pair], missing: [[Value]], unexpected: [[Value]]
    ) -> Diagnosis? {
        guard let dateColumn = contract.columns.firstIndex(where: { [.date, .month, .timestamp].contains($0.kind) }) else {
            return nil
        }
        func dates(_ rows: [[Value]]) -> [String] {
            rows.compactMap { if case .text(let t) = $0[dateColumn] { t } else { nil } }.sorted()
        }
        let all = dates(expected)
        guard let first = all.first, let last = all.last else { return nil }
        let missingDates = Set(dates(missing)), extraDates = Set(dates(unexpected))
        let differingDates = Set(dates(pairs.map(\.expected)))
        if missingDates.isEmpty && extraDates.isEmpty {
            // Every date present, but only the first or last one has different values.
            guard !differingDates.isEmpty, differingDates.allSatisfy({ $0 == first || $0 == last }) else { return nil }
            return Diagnosis(
                .shiftedWindow,
                "Only the edge of the date range differs (\(differingDates.sorted().joined(separator: ", "))). Check the window's boundaries: \(boundaryAdvice)")
        }
        let atEdges = missingDates.allSatisfy { $0 == first || $0 == last }
        let outside = extraDates.allSatisfy { $0 < first || $0 > last }
        guard atEdges && outside else { return nil }
        return Diagnosis(
            .shiftedWindow,
            "The difference is at the edge of the date range (\(missingDates.union(extraDates).sorted().joined(separator: ", "))). Check the window's boundaries: \(boundaryAdvice)")
    }

    let boundaryAdvice =
        "is the end inclusive? `BETWEEN '2025-03-01' AND '2025-03-31'` misses everything after midnight on the 31st when the column holds times; use `>= '2025-03-01' AND < '2025-04-01'`."
}

/// Notes on the SQL text itself: nondeterministic functions, and other dialects' syntax.
public enum SQLTextNotes {
    /// A window that ends at a bare date (`BETWEEN '2025-01-01' AND '2025-03-31'`, `<= '2025-03-31'`)
    /// stops at midnight, so timestamps later that day fall outside it. Said only when the result
    /// is wrong, since a date column compares fine.
    public static func dateOnlyUpperBound(_ sql: String) -> Diagnosis? {
        let lowered = sql.lowercased()
        let patterns = [
            #"between\s+'\d{4}-\d{2}-\d{2}'\s+and\s+'\d{4}-\d{2}-\d{2}'"#, #"<=\s*'\d{4}-\d{2}-\d{2}'"#,
            // A timestamp column (the shop's end in _at) BETWEEN day bounds: `started_at BETWEEN date(d, '-6 days') AND d`.
            #"\w+_at\s+between\s+(date\(|'\d{4}-\d{2}-\d{2}')"#,
        ]
        guard patterns.contains(where: { lowered.range(of: $0, options: .regularExpression) != nil }) else { return nil }
        return Diagnosis(
            .shiftedWindow,
            "The query ends a window at a bare date (BETWEEN … AND a date, or <= 'YYYY-MM-DD'). Against a timestamp column that stops at midnight, so everything later on the last day is left out. Compare dates with dates (date(started_at) BETWEEN …), or use < the day after the end: ordered_at >= '2025-01-01' AND ordered_at < '2025-04-01'.")
    }

    /// Codes and messages for things in the SQL that SQLite does differently or that change run to run.
    public static func notes(for sql: String) -> [Diagnosis] {
        let stripped = stripStringsAndComments(sql).lowercased()
        var notes: [Diagnosis] = []
        let nondeterministic = ["random(", "randomblob(", "'now'", "current_timestamp", "current_date", "current_time"]
        let hits = nondeterministic.filter { pattern in
            pattern == "'now'" ? sql.lowercased().contains("'now'") : stripped.contains(pattern)
        }
        if !hits.isEmpty {
            notes.append(Diagnosis(
                .nondeterministic,
                "The query uses \(hits.map { $0.replacingOccurrences(of: "(", with: "()") }.joined(separator: ", ")), which changes from run to run; an answer must depend only on the data. Use the dataset's own dates (it ends on 2025-06-30)."))
        }
        for rule in dialectRules where rule.matches(stripped) {
            notes.append(Diagnosis(.dialect, rule.advice))
        }
        return notes
    }

    struct DialectRule {
        let pattern: String
        let advice: String
        func matches(_ text: String) -> Bool {
            text.range(of: pattern, options: .regularExpression) != nil
        }
    }

    static let dialectRules: [DialectRule] = [
        DialectRule(pattern: #"\bdate_trunc\s*\("#, advice: "DATE_TRUNC is PostgreSQL. In SQLite: strftime('%Y-%m', ts) for the month, date(ts) for the day, date(ts, 'weekday 0', '-6 days') for the week starting Monday."),
        DialectRule(pattern: #"\bextract\s*\("#, advice: "EXTRACT(… FROM …) is PostgreSQL/MySQL. In SQLite: strftime('%Y', ts), strftime('%m', ts), strftime('%w', ts) (0 = Sunday), CAST(... AS INTEGER) if you need a number."),
        DialectRule(pattern: #"\binterval\b"#, advice: "INTERVAL is not SQLite. Shift dates with modifiers: date(ts, '+7 days'), datetime(ts, '-1 month')."),
        DialectRule(pattern: #"\bdatediff\s*\("#, advice: "DATEDIFF is MySQL/SQL Server. In SQLite: julianday(b) - julianday(a) gives days (a real number)."),
        DialectRule(pattern: #"\bilike\b"#, advice: "ILIKE is PostgreSQL. SQLite's LIKE is already case-insensitive for ASCII letters."),
        DialectRule(pattern: #"::\s*[a-z]"#, advice: "The :: cast is PostgreSQL. In SQLite: CAST(x AS REAL), CAST(x AS INTEGER), CAST(x AS TEXT)."),
        DialectRule(pattern: #"\bselect\s+(distinct\s+)?top\s+\d"#, advice: "SELECT TOP n is SQL Server. In SQLite: put LIMIT n at the end of the query."),
        DialectRule(pattern: #"\bnow\s*\(\s*\)"#, advice: "NOW() is PostgreSQL/MySQL. SQLite has datetime('now'), but an answer should not depend on today's date: the data ends on 2025-06-30."),
        DialectRule(pattern: #"\bgetdate\s*\(\s*\)"#, advice: "GETDATE() is SQL Server. The dataset ends on 2025-06-30; use fixed dates."),
        DialectRule(pattern: #"\b(to_char|to_date|date_format|date_add|date_sub|dateadd)\s*\("#, advice: "That date function is from another database. In SQLite use strftime(format, ts) to format and date(ts, '+N days') to shift."),
        DialectRule(pattern: #"\bisnull\s*\("#, advice: "ISNULL(x, y) is SQL Server. In SQLite: COALESCE(x, y) or IFNULL(x, y)."),
        DialectRule(pattern: #"\bnvl\s*\("#, advice: "NVL is Oracle. In SQLite: COALESCE(x, y)."),
        DialectRule(pattern: #"\bfull\s+(outer\s+)?join\b"#, advice: "FULL OUTER JOIN arrived in SQLite 3.39; it works here, but check that you need it."),
        DialectRule(pattern: #"\bqualify\b"#, advice: "QUALIFY is Snowflake/BigQuery. In SQLite, compute the window function in a subquery or CTE and filter it in the outer WHERE."),
    ]

    /// The SQL with string literals and comments blanked out, so patterns match only code.
    static func stripStringsAndComments(_ sql: String) -> String {
        var out = ""
        var iterator = Array(sql).makeIterator()
        var pending: Character?
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if c == "'" {
                out.append(" ")
                while let d = next() {
                    guard d == "'" else { continue }
                    guard let e = next() else { break }
                    if e == "'" { continue }  // an escaped quote inside the string
                    pending = e
                    break
                }
            } else if c == "-" {
                if let d = next() {
                    if d == "-" { while let e = next(), e != "\n" {}; out.append("\n") } else { out.append(c); pending = d }
                } else { out.append(c) }
            } else if c == "/" {
                if let d = next() {
                    if d == "*" {
                        var previous: Character = " "
                        while let e = next() { if previous == "*" && e == "/" { break }; previous = e }
                        out.append(" ")
                    } else { out.append(c); pending = d }
                } else { out.append(c) }
            } else {
                out.append(c)
            }
        }
        return out
    }
}
