import Foundation
import SQLiteKit
import SQLPrepData
import SQLPrepSandbox

/// Recognises common mistakes from the shape of the differences between two results and, when the
/// queries are at hand, from the learner's SQL.
///
/// A cause is named only on evidence, and the strongest comes first: what the SQL shows or what the
/// values are exactly (× 100, NULL for 0, cut-off fractions), then what the values fit, and a mere
/// coincidence of the values (one ratio in every row, one larger row among several) only when
/// nothing better explains the difference.
struct Diagnostician {
    let comparison: ResultComparison
    /// The SQL behind the results; nil when only the results are known.
    let queries: ResultComparison.Queries?
    /// The learner's divisions of two integers (see ``IntegerDivision``); none when the SQL is unknown.
    let integerDivisions: [String]
    var contract: ResultContract { comparison.contract }

    init(comparison: ResultComparison, queries: ResultComparison.Queries? = nil) {
        self.comparison = comparison
        self.queries = queries
        integerDivisions = queries.map { IntegerDivision.find(in: $0.learner) } ?? []
    }

    enum Evidence: Int, Comparable {
        /// The SQL shows the mistake, or the values are exactly what it produces.
        case confirmed
        /// The values fit the mistake, though another one could give them too.
        case consistent
        /// The values merely allow it: shown only when nothing stronger was found.
        case circumstantial

        static func < (a: Evidence, b: Evidence) -> Bool { a.rawValue < b.rawValue }
    }

    func diagnose(
        expected: QueryResult, actual: QueryResult, pairs: [ResultComparison.Pair], missing: [[Value]], unexpected: [[Value]]
    ) -> [Diagnosis] {
        var found: [(diagnosis: Diagnosis, evidence: Evidence)] = []
        let columnCount = contract.columns.count
        // Column pairs: every paired row, and for single-row results the one pair.
        func differing(_ column: Int) -> [(Value, Value)] {
            pairs.map { ($0.expected[column], $0.actual[column]) }.filter { !comparison.equal($0.0, $0.1, column: column) }
        }
        func numbers(_ cells: [(Value, Value)]) -> [(Double, Double)] {
            cells.compactMap { pair -> (Double, Double)? in
                guard let e = pair.0.numericValue, let a = pair.1.numericValue else { return nil }
                return (e, a)
            }
        }
        // Columns whose every difference is a fraction lost to whole numbers (a division can feed several).
        let truncated = Set((0..<columnCount).filter { column in
            contract.columns[column].kind.isNumeric && integerDivision(differing(column), column: column, name: "") != nil
        })
        // Rounding is the cause only if it accounts for every difference: the same rows, and each
        // differing value the answer's rounded more coarsely (not a cohort of 282 users for 331).
        let roundingExplainsAll = missing.isEmpty && unexpected.isEmpty && (0..<columnCount).allSatisfy { column in
            let cells = differing(column)
            return cells.isEmpty || (numbers(cells).count == cells.count && rounding(numbers(cells), column: column, name: "") != nil)
        }
        for column in 0..<columnCount where contract.columns[column].kind.isNumeric {
            let cells = differing(column)
            guard !cells.isEmpty else { continue }
            let name = contract.columns[column].name
            // Integer division leaves the inputs right and only the divisions wrong: the row's other
            // numeric columns must agree, unless they lost their fractions too.
            let othersAgree = pairs.allSatisfy { pair in
                (0..<columnCount).allSatisfy { other in
                    other == column || !contract.columns[other].kind.isNumeric || truncated.contains(other)
                        || contract.columns[other].kind.isShare
                        || comparison.equal(pair.expected[other], pair.actual[other], column: other)
                }
            }
            if othersAgree, let diagnosis = integerDivision(cells, column: column, name: name) { found.append((diagnosis, .confirmed)); continue }
            if let diagnosis = nullsInsteadOfZero(cells, name: name) { found.append((diagnosis, .confirmed)); continue }
            if let diagnosis = zerosInsteadOfNull(cells, name: name) { found.append((diagnosis, .confirmed)); continue }
            if let diagnosis = nullsInsteadOfValues(cells, name: name) {
                // A NULL from dividing by an integer division's 0 (1 / n_c in a standard error): said
                // as integer division when the SQL shows one.
                if othersAgree, let division = integerDivisions.first {
                    found.append((Diagnosis(
                        .integerDivision,
                        "\(name) is NULL where the answer has a number, and the query divides two integers\(quoted(division)). In SQLite that drops the fraction (1 / 250 = 0), and a division by the 0 it leaves is NULL: multiply by 1.0 before dividing."),
                        .confirmed))
                } else {
                    found.append((diagnosis, .consistent))
                }
                continue
            }
            let values = numbers(cells)
            if roundingExplainsAll, values.count == cells.count, let diagnosis = rounding(values, column: column, name: name) {
                found.append((diagnosis, .confirmed))
                continue
            }
            // A count inflated in every row is rows counted twice; other measures are checked for a
            // unit or scale factor first (cents vs currency, percent vs fraction).
            let inflation = inflated(values, column: column, name: name).map { diagnosis -> (Diagnosis, Evidence) in
                // One larger row among several is a weak sign: a window that starts late inflates one month too.
                (diagnosis, cells.count >= 2 || pairs.count == expected.rows.count ? .consistent : .circumstantial)
            }
            let checks = contract.columns[column].kind == .count
                ? [inflation, factor(values, column: column, name: name)]
                : [factor(values, column: column, name: name), inflation]
            if let diagnosis = checks.compactMap({ $0 }).first { found.append(diagnosis) }
        }
        // Rows set aside once a diagnosis accounts for them, so that no other claims them too.
        var missing = missing, unexpected = unexpected
        if let (diagnosis, labelled) = nullLabels(missing: missing, unexpected: unexpected) {
            found.append((diagnosis, .confirmed))
            missing = missing.enumerated().filter { !labelled.missing.contains($0.offset) }.map(\.element)
            unexpected = unexpected.enumerated().filter { !labelled.unexpected.contains($0.offset) }.map(\.element)
        }
        if let diagnosis = duplicates(expected: expected.rows, actual: actual.rows) { found.append((diagnosis, .confirmed)) }
        if let diagnosis = zeroGroups(missing: missing, unexpected: unexpected) {
            found.append((diagnosis, .confirmed))
            missing = []
        }
        if let queries, let window = SQLTextNotes.dateOnlyUpperBound(queries.learner, reference: queries.reference, holdsTimes: queries.holdsTimes) {
            found.append((window, .confirmed))
        }
        if let window = shiftedWindow(
            expected: expected.rows, pairs: pairs, missing: missing, unexpected: unexpected,
            explained: found.contains { $0.evidence == .confirmed }) {
            found.append((window, .consistent))
        }
        // Strongest first (in the order found among equals); a circumstantial cause only when it is
        // all there is; one diagnosis per code.
        let strongest = found.map(\.evidence).min()
        let ranked = found.enumerated()
            .filter { $0.element.evidence != .circumstantial || strongest == .circumstantial }
            .sorted { ($0.element.evidence, $0.offset) < ($1.element.evidence, $1.offset) }
        var seen = Set<Diagnosis.Code>()
        return ranked.map(\.element.diagnosis).filter { seen.insert($0.code).inserted }
    }

    /// ` (`a / b`)` for a division short enough to quote in a sentence, else nothing.
    func quoted(_ division: String) -> String {
        division.count <= 60 ? " (`\(division)`)" : ""
    }

    /// Expected fractions, got whole numbers (usually 0): SQLite's integer division. Whole numbers
    /// also come from ROUND(x), a constant or whole-day gaps, so it takes proof: the learner's SQL
    /// divides two integers, or (unless the SQL divides nothing) every value is exactly the answer's
    /// with its fraction cut off, in at least one row where rounding would have given another number.
    func integerDivision(_ cells: [(Value, Value)], column: Int, name: String) -> Diagnosis? {
        guard !cells.isEmpty else { return nil }
        let kind = contract.columns[column].kind
        guard kind.holdsFractions else { return nil }
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
        if let division = integerDivisions.first {
            return Diagnosis(
                .integerDivision,
                "\(name) comes out as whole numbers where fractions are expected, and the query divides two integers\(quoted(division)). In SQLite, integer ÷ integer drops the fraction (3 / 4 = 0): multiply by 1.0 (or 100.0) before dividing.")
        }
        guard queries.map({ IntegerDivision.divides($0.learner) }) ?? true, cutOff(cells, column: column) else { return nil }
        return Diagnosis(
            .integerDivision,
            "\(name) comes out as whole numbers, each the answer's value with its fraction cut off: what SQLite's integer ÷ integer does (3 / 4 = 0). Multiply by 1.0 (or 100.0) before dividing.")
    }

    /// Whether every learner value is the answer's truncated toward zero (allowing for the answer's
    /// own rounding), and at least one differs from the answer rounded to the nearest whole number.
    func cutOff(_ cells: [(Value, Value)], column: Int) -> Bool {
        let half = contract.columns[column].decimals.map { 0.5 * pow(10, -Double($0)) } ?? 0
        var roundingDiffers = false
        for (expected, actual) in cells {
            guard let e = expected.numericValue, let a = actual.numericValue else { return false }
            let candidates = [e, e - half, e + half].map { $0.rounded(.towardZero) }
            guard candidates.contains(a) else { return false }
            if a != e.rounded() { roundingDiffers = true }
        }
        return roundingDiffers
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

    /// Every differing value off by the same factor: ×100 (percent vs fraction, cents vs currency),
    /// which is confirmed, or another constant, which is circumstantial.
    func factor(_ numbers: [(Double, Double)], column: Int, name: String) -> (Diagnosis, Evidence)? {
        guard !numbers.isEmpty, numbers.allSatisfy({ $0.0 != 0 }), numbers.contains(where: { $0.1 != 0 }) else { return nil }
        let kind = contract.columns[column].kind
        // ×100 and ÷100 are recognised even after the learner rounded the scaled value to the
        // column's decimals (0.11 for 11.23%), which a plain ratio test would miss.
        let tooLarge = scaled(numbers, by: 100, column: column), tooSmall = scaled(numbers, by: 0.01, column: column)
        if kind == .money && (tooLarge || tooSmall) {
            return (Diagnosis(
                .constantFactor,
                "\(name) is \(tooLarge ? "100 times too large" : "100 times too small"): money is stored in integer cents, and the answer wants \(tooLarge ? "currency units (divide by 100.0)" : "cents")."), .confirmed)
        }
        if tooLarge {
            let asked = kind == .ratio ? "a fraction from 0 to 1" : "the scale asked for"
            return (Diagnosis(.percentVsFraction, "\(name) is 100 times too large: a percentage where the answer wants \(asked). Drop the × 100."), .confirmed)
        }
        if tooSmall {
            let asked = kind == .percent ? "a percentage (12.5 for 12.5 %)" : "the scale asked for"
            return (Diagnosis(.percentVsFraction, "\(name) is 100 times too small: a fraction where the answer wants \(asked). Multiply by 100."), .confirmed)
        }
        guard numbers.count >= 2, let factor = commonFactor(numbers, column: column) else { return nil }  // one pair is no pattern
        let shown = String(format: factor >= 10 || factor < 0.1 ? "%.3g" : "%.2f", factor)
        guard shown != "1.00" else { return nil }  // "× 1.00" explains nothing
        return (Diagnosis(
            .constantFactor,
            "Every differing \(name) is off by the same factor (× \(shown)). Look for a unit mistake (cents vs currency units), a wrong denominator, or an extra multiplication."), .circumstantial)
    }

    /// The one factor f with every learner value = the answer's × f, exactly up to the rounding of
    /// both values to the column's decimals (to 1e-9 without decimals), pinned down to within 1%;
    /// nil when the ratios disagree. A window that loses a day gives ratios near, not equal to, 0.99.
    func commonFactor(_ numbers: [(Double, Double)], column: Int) -> Double? {
        let half = contract.columns[column].decimals.map { 0.5 * pow(10, -Double($0)) } ?? 0
        var low = -Double.infinity, high = Double.infinity
        for (expected, actual) in numbers {
            let e = expected - (half + 1e-9 * abs(expected)), E = expected + (half + 1e-9 * abs(expected))
            let a = actual - (half + 1e-9 * abs(actual)), A = actual + (half + 1e-9 * abs(actual))
            guard e > 0 || E < 0 else { return nil }  // an answer this close to 0 bounds no factor
            let ratios = [a / e, a / E, A / e, A / E]
            low = max(low, ratios.min()!)
            high = min(high, ratios.max()!)
        }
        guard low <= high else { return nil }
        let factor = (low + high) / 2
        return high - low <= 0.01 * abs(factor) ? factor : nil
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
        guard kind.isTotal, numbers.count >= 1 else { return nil }
        guard numbers.allSatisfy({ $0.1 > $0.0 }) else { return nil }
        return Diagnosis(
            .duplicatedRows,
            "\(name) is larger than expected in every row that differs. Usually rows are counted more than once: a join to a table with several rows per key (fan-out), or duplicated events; aggregate each table to the same grain before joining, or count DISTINCT ids. Otherwise a filter or a date window lets in too much (a 7-day window from D - 7 to D spans 8 days), or, for an average or a per-unit amount, the denominator is too small.")
    }

    /// Groups labelled NULL where the answer names them ('unknown'), everything else equal: GROUP BY
    /// keeps the rows without a value as a group of their own, but nothing names it. Returns the
    /// diagnosis and the offsets of the rows it accounts for.
    func nullLabels(missing: [[Value]], unexpected: [[Value]]) -> (Diagnosis, (missing: Set<Int>, unexpected: Set<Int>))? {
        let labels = contract.columns.indices.filter { contract.columns[$0].kind.isLabel }
        var matched: (missing: Set<Int>, unexpected: Set<Int>) = ([], [])
        var example: (column: Int, label: String)?
        for (u, row) in unexpected.enumerated() {
            for column in labels where row[column].isNull {
                let hit = missing.indices.first { m in
                    guard !matched.missing.contains(m), case .text = missing[m][column] else { return false }
                    return (0..<row.count).allSatisfy { $0 == column || comparison.equal(missing[m][$0], row[$0], column: $0) }
                }
                guard let m = hit, case .text(let label) = missing[m][column] else { continue }
                matched.missing.insert(m)
                matched.unexpected.insert(u)
                if example == nil { example = (column, label) }
                break
            }
        }
        guard let example else { return nil }
        let name = contract.columns[example.column].name, count = matched.unexpected.count
        return (Diagnosis(
            .nullLabel,
            "\(name) is NULL in \(count) row\(count == 1 ? "" : "s") where the answer has a label ('\(example.label)'): GROUP BY keeps the rows without a \(name) as a group of their own, but it comes out as NULL. Name it: COALESCE(\(name), '\(example.label)')."),
            matched)
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

    /// Missing groups with zero activity: an INNER JOIN or WHERE dropped them. A group counts as
    /// idle when a measure is 0 or every measure is NULL; NULLs beside real numbers (a cohort of 331
    /// whose rates are not due yet) are not idleness.
    func zeroGroups(missing: [[Value]], unexpected: [[Value]]) -> Diagnosis? {
        guard !missing.isEmpty else { return nil }
        let measures = contract.columns.indices.filter { contract.columns[$0].kind.isNumeric }
        guard !measures.isEmpty else { return nil }
        let zeroRows = missing.filter { row in
            measures.contains { row[$0].numericValue == 0 } || measures.allSatisfy { row[$0].isNull }
        }
        guard zeroRows.count == missing.count, unexpected.count < missing.count || unexpected.isEmpty else { return nil }
        let keys = comparison.keyColumns
        let example = keys.isEmpty ? "" : " (for example \(keys.map { zeroRows[0][$0].description }.joined(separator: ", ")))"
        return Diagnosis(
            .missingZeroGroups,
            "\(missing.count) group\(missing.count == 1 ? " is" : "s are") missing\(example), and each has zero activity in the answer. An INNER JOIN (or a WHERE on the joined table) drops groups with nothing to join: start from the full list of groups and LEFT JOIN the activity, with COALESCE(…, 0).")
    }

    /// Differences only at the first or last date of the range: a window boundary off by one. Rows
    /// missing at the edges, or extra ones outside the range, fit that. Values that differ only at an
    /// edge fit it when the range has at least three dates and nothing confirmed is `explained`
    /// already (a first month's growth of 0 for NULL is at the edge for another reason).
    func shiftedWindow(
        expected: [[Value]], pairs: [ResultComparison.Pair], missing: [[Value]], unexpected: [[Value]], explained: Bool
    ) -> Diagnosis? {
        guard let dateColumn = contract.columns.firstIndex(where: \.kind.isDateLike) else {
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
            guard !explained, Set(all).count >= 3, !differingDates.isEmpty,
                  differingDates.allSatisfy({ $0 == first || $0 == last }) else { return nil }
            return Diagnosis(
                .shiftedWindow,
                "Only the edge of the date range differs (\(differingDates.sorted().joined(separator: ", "))). \(boundaryAdvice(start: differingDates.contains(first), end: differingDates.contains(last), outside: false))")
        }
        let atEdges = missingDates.allSatisfy { $0 == first || $0 == last }
        let outside = extraDates.allSatisfy { $0 < first || $0 > last }
        guard atEdges && outside else { return nil }
        let edges = missingDates.union(extraDates)
        return Diagnosis(
            .shiftedWindow,
            "The difference is at the edge of the date range (\(edges.sorted().joined(separator: ", "))). \(boundaryAdvice(start: missingDates.contains(first), end: missingDates.contains(last), outside: !extraDates.isEmpty))")
    }

    /// What to check at the edge that differs: questions, since the values do not tell which filter it was.
    func boundaryAdvice(start: Bool, end: Bool, outside: Bool) -> String {
        var checks: [String] = []
        if start {
            checks.append("at the start, does the first date keep all its rows, and whatever it is compared with (the previous day or month), through every filter?")
        }
        if end {
            checks.append("at the end, is the last date inclusive? `BETWEEN '2025-03-01' AND '2025-03-31'` misses everything after midnight on the 31st when the column holds times; `>= '2025-03-01' AND < '2025-04-01'` does not.")
        }
        if outside {
            checks.append("does the window let in dates outside the range?")
        }
        return "Check the window's boundaries: " + checks.joined(separator: " And ")
    }
}
