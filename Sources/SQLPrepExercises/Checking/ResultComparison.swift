import Foundation
import SQLiteKit
import SQLPrepData
import SQLPrepSandbox

/// Compares a learner's result with the reference result under an exercise's ``ResultContract``.
///
/// The rules (documented in the README, tested case by case in `ResultComparisonTests`):
/// - **Columns** are matched by position; names need not match. A different column count is a
///   `wrong_shape` failure. When the names suggest a different order, the report says so.
/// - **Rows** are a multiset (duplicates count) unless the contract is ordered. For ordered contracts
///   only the declared sort keys are enforced: the learner's rows must be sorted by them, by the
///   reference's values or by their own, and rows that tie (after rounding) may come in any order.
///   Right rows in the wrong order is its own verdict, `wrong_order`.
/// - **Numbers**: integer and real compare by value (3 = 3.0). With `decimals` d in the contract, two
///   values are equal when they are equal rounded to d decimals, or within ½·10⁻ᵈ of each other
///   (so a value on a rounding boundary is not punished); with none, within a relative 1e-9. A number stored as text ('3.5') never equals a
///   number, and the report says the column has the wrong type.
/// - **NULL** equals NULL; NULL vs 0 or '' is a difference, called out.
/// - **Text** (dates and timestamps included) compares exactly, byte for byte; a date written in
///   another format (`2025-03-01` vs `2025-03-01 00:00:00`) gets a note.
/// - **BLOBs** compare by bytes and display as hex.
public struct ResultComparison: Sendable {
    public let contract: ResultContract
    /// How many missing/unexpected rows and differing cells the report lists.
    public var sampleSize = 5

    public init(contract: ResultContract) {
        self.contract = contract
    }

    /// The SQL behind the two results, for the diagnoses that values alone cannot settle: whether
    /// whole numbers come from a division of two integers, whether a window ends at a bare date on
    /// a column that holds times.
    public struct Queries: Sendable {
        public let learner: String
        public let reference: String
        /// Whether the dataset's column of this unqualified name holds times of day.
        public let holdsTimes: @Sendable (String) -> Bool

        public init(
            learner: String, reference: String,
            holdsTimes: @escaping @Sendable (String) -> Bool = { !ShopSchema.tablesHoldingMoments(column: $0).isEmpty }
        ) {
            self.learner = learner
            self.reference = reference
            self.holdsTimes = holdsTimes
        }
    }

    /// Compares `actual` (the learner's) with `expected` (the reference's); `queries`, when given,
    /// lets the diagnoses read the SQL too.
    public func compare(expected: QueryResult, actual: QueryResult, queries: Queries? = nil) -> ComparisonReport {
        var report = ComparisonReport(
            expectedColumns: expected.columns, actualColumns: actual.columns,
            expectedRowCount: expected.rows.count, actualRowCount: actual.rows.count)

        guard expected.columns.count == actual.columns.count else {
            report.reason = .wrongShape
            report.notes += columnNameNotes(expected: expected.columns, actual: actual.columns)
            return report
        }
        if let swapped = swappedColumnsNote(expected: expected.columns, actual: actual.columns) {
            report.notes.append(swapped)
        }
        report.notes += typeNotes(expected: expected.rows, actual: actual.rows)

        // Phase 1: exact matching on canonical keys. Phase 2: pair the leftovers within tolerance.
        let (missing, unexpected) = unmatchedRows(expected: expected.rows, actual: actual.rows)
        if missing.isEmpty && unexpected.isEmpty {
            if contract.isOrdered, let position = firstOutOfOrder(actual.rows, expected: expected.rows) {
                report.reason = .wrongOrder
                report.outOfOrderRow = position
                report.diagnoses.append(Diagnosis(.wrongOrder, "The rows are right but not in the order asked: sort by \(contract.orderDescription)."))
            } else {
                report.reason = nil
            }
            return report
        }

        report.reason = .wrongResult
        report.missingCount = missing.count
        report.unexpectedCount = unexpected.count
        let pairs = pairByKey(missing: missing.map { expected.rows[$0] }, unexpected: unexpected.map { actual.rows[$0] })
        report.cellDifferences = Array(pairs.prefix(sampleSize)).map { pair in
            RowDifference(
                key: keyColumns.map { pair.expected[$0] },
                cells: (0..<contract.columns.count).filter { !equal(pair.expected[$0], pair.actual[$0], column: $0) }.map {
                    CellDifference(column: $0, expected: pair.expected[$0], actual: pair.actual[$0])
                })
        }
        let pairedExpected = Set(pairs.map(\.expectedIndex)), pairedActual = Set(pairs.map(\.actualIndex))
        let unpairedMissing = missing.enumerated().filter { !pairedExpected.contains($0.offset) }.map { expected.rows[$0.element] }
        let unpairedUnexpected = unexpected.enumerated().filter { !pairedActual.contains($0.offset) }.map { actual.rows[$0.element] }
        report.missingRows = Array(unpairedMissing.prefix(sampleSize))
        report.unexpectedRows = Array(unpairedUnexpected.prefix(sampleSize))
        report.missingRowsTotal = unpairedMissing.count
        report.unexpectedRowsTotal = unpairedUnexpected.count

        report.diagnoses = Diagnostician(comparison: self, queries: queries).diagnose(
            expected: expected, actual: actual, pairs: pairs, missing: unpairedMissing, unexpected: unpairedUnexpected)
        return report
    }

    // MARK: - Equality

    /// Whether two cells of `column` are equal under the contract.
    public func equal(_ a: Value, _ b: Value, column: Int) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.null, _), (_, .null): return false
        default: break
        }
        if let x = a.numericValue, let y = b.numericValue {
            return ResultComparison.numbersEqual(x, y, decimals: decimals(column))
        }
        return a == b
    }

    func decimals(_ column: Int) -> Int? {
        column < contract.columns.count ? contract.columns[column].decimals : nil
    }

    static func numbersEqual(_ x: Double, _ y: Double, decimals: Int?) -> Bool {
        if x == y { return true }
        if let decimals {
            let scale = pow(10, Double(decimals))
            if (x * scale).rounded() == (y * scale).rounded() { return true }
            return abs(x - y) <= 0.5 / scale + 1e-9 * max(1, abs(x), abs(y))
        }
        return abs(x - y) <= 1e-9 * max(abs(x), abs(y))
    }

    /// A hashable stand-in for a cell: numbers rounded to the column's decimals (or to 12
    /// significant digits), text and blobs by bytes, NULL as itself. Equal keys imply equal cells;
    /// near-misses across a rounding boundary are caught by the tolerance pass.
    func key(_ value: Value, column: Int) -> CellKey {
        switch value {
        case .null: return .null
        case .integer, .real:
            let number = value.numericValue!
            if let decimals = decimals(column) {
                return .number((number * pow(10, Double(decimals))).rounded())
            }
            if number == 0 { return .number(0) }
            let magnitude = pow(10, 11 - floor(log10(abs(number))))
            return .number((number * magnitude).rounded() / magnitude)
        case .text(let text): return .text(text)
        case .blob(let bytes): return .blob(bytes)
        }
    }

    enum CellKey: Hashable {
        case null
        case number(Double)
        case text(String)
        case blob([UInt8])
    }

    // MARK: - Matching

    /// Indexes of expected rows with no match in actual, and of actual rows with no match in expected.
    func unmatchedRows(expected: [[Value]], actual: [[Value]]) -> (missing: [Int], unexpected: [Int]) {
        var pool: [[CellKey]: [Int]] = [:]
        for (index, row) in actual.enumerated() {
            pool[rowKey(row), default: []].append(index)
        }
        var missing: [Int] = []
        for (index, row) in expected.enumerated() {
            let key = rowKey(row)
            if var candidates = pool[key], !candidates.isEmpty {
                candidates.removeLast()
                pool[key] = candidates
            } else {
                missing.append(index)
            }
        }
        var unexpected = pool.values.flatMap { $0 }.sorted()
        // Tolerance pass: a leftover pair equal within tolerance is a match after all.
        if !missing.isEmpty && !unexpected.isEmpty && missing.count * unexpected.count <= 1_000_000 {
            var stillMissing: [Int] = []
            for index in missing {
                if let hit = unexpected.firstIndex(where: { rowsEqual(expected[index], actual[$0]) }) {
                    unexpected.remove(at: hit)
                } else {
                    stillMissing.append(index)
                }
            }
            missing = stillMissing
        }
        return (missing, unexpected)
    }

    func rowKey(_ row: [Value]) -> [CellKey] {
        row.enumerated().map { key($0.element, column: $0.offset) }
    }

    func rowsEqual(_ a: [Value], _ b: [Value]) -> Bool {
        a.count == b.count && a.indices.allSatisfy { equal(a[$0], b[$0], column: $0) }
    }

    /// The columns that identify a row for side-by-side differences: the leading dimension
    /// columns (text, dates, and `integer` ids such as product_id or step_no) — e.g. `channel`
    /// in `channel, sessions, rate`.
    var keyColumns: [Int] {
        var keys: [Int] = []
        for (index, column) in contract.columns.enumerated() {
            if column.kind.isMeasure { break }
            keys.append(index)
        }
        return keys.count == contract.columns.count ? [] : keys
    }

    struct Pair {
        let expectedIndex: Int
        let actualIndex: Int
        let expected: [Value]
        let actual: [Value]
    }

    /// Pairs missing and unexpected rows that agree on the key columns (or, for a one-row result,
    /// the two rows), so that their differing cells can be shown side by side.
    func pairByKey(missing: [[Value]], unexpected: [[Value]]) -> [Pair] {
        let keys = keyColumns
        if keys.isEmpty {
            guard missing.count == 1 && unexpected.count == 1 else { return [] }
            return [Pair(expectedIndex: 0, actualIndex: 0, expected: missing[0], actual: unexpected[0])]
        }
        var byKey: [[CellKey]: [Int]] = [:]
        for (index, row) in unexpected.enumerated() where row.count == contract.columns.count {
            byKey[keys.map { key(row[$0], column: $0) }, default: []].append(index)
        }
        var pairs: [Pair] = []
        for (index, row) in missing.enumerated() {
            let rowKey = keys.map { key(row[$0], column: $0) }
            if var candidates = byKey[rowKey], !candidates.isEmpty {
                let match = candidates.removeFirst()
                byKey[rowKey] = candidates
                pairs.append(Pair(expectedIndex: index, actualIndex: match, expected: row, actual: unexpected[match]))
            }
        }
        return pairs
    }

    // MARK: - Order

    /// The first learner row that breaks the contract's order. A pair of neighbouring rows is in
    /// order when it is by the **reference's** values of the matched rows, or by the learner's own
    /// values. The reference's values alone are not enough: rows that tie only after rounding
    /// (books 5.2851 and home 5.2901, both 5.29) are ordered by the next key there, while an
    /// unrounded answer, which the contract allows, rightly sorts them by its finer values. The
    /// learner's values compared within the column's tolerance are not enough either: 8.8975 and
    /// 8.8947 tie there, which would demand the next key although the reference orders them 8.90
    /// before 8.89. So ties after rounding may come either way.
    func firstOutOfOrder(_ actual: [[Value]], expected: [[Value]]) -> Int? {
        var pool: [[CellKey]: [Int]] = [:]
        for (index, row) in expected.enumerated() { pool[rowKey(row), default: []].append(index) }
        var used = Set<Int>()
        var mapped: [[Value]] = []
        for row in actual {
            let key = rowKey(row)
            if var candidates = pool[key], !candidates.isEmpty {
                let match = candidates.removeFirst()
                pool[key] = candidates
                used.insert(match)
                mapped.append(expected[match])
            } else if let match = expected.indices.first(where: { !used.contains($0) && rowsEqual(expected[$0], row) }) {
                used.insert(match)
                mapped.append(expected[match])
            } else {
                mapped.append(row)
            }
        }
        guard actual.count > 1 else { return nil }
        // The learner's values are compared as they are, without the column's rounding: that
        // rounding is what makes them tie, and their finer order is a true order.
        return (1..<actual.count).first { index in
            !inOrder(mapped[index - 1], mapped[index], rounded: true) && !inOrder(actual[index - 1], actual[index], rounded: false)
        }
    }

    /// The index of the first row that breaks the contract's sort order, or nil when sorted.
    public func firstOutOfOrder(_ rows: [[Value]]) -> Int? {
        guard rows.count > 1 else { return nil }
        return (1..<rows.count).first { !inOrder(rows[$0 - 1], rows[$0], rounded: true) }
    }

    /// Whether `first` may come before `second` under the sort keys; numbers tie when equal at the
    /// column's decimals (`rounded`) or only when equal to within floating-point noise.
    func inOrder(_ first: [Value], _ second: [Value], rounded: Bool) -> Bool {
        for sortKey in contract.sortKeys {
            let order = ResultComparison.sqliteOrder(
                first[sortKey.column], second[sortKey.column], decimals: rounded ? decimals(sortKey.column) : nil)
            if order == 0 { continue }
            return (order < 0) == !sortKey.descending
        }
        return true
    }

    /// SQLite's sort order: NULL < numbers < text < blob; numbers by value, text by bytes.
    /// Numbers equal under the column's rounding tie.
    static func sqliteOrder(_ a: Value, _ b: Value, decimals: Int?) -> Int {
        func rank(_ v: Value) -> Int {
            switch v {
            case .null: 0
            case .integer, .real: 1
            case .text: 2
            case .blob: 3
            }
        }
        if rank(a) != rank(b) { return rank(a) < rank(b) ? -1 : 1 }
        switch (a, b) {
        case (.null, .null): return 0
        case let (.text(x), .text(y)): return x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : (x.utf8.elementsEqual(y.utf8) ? 0 : 1)
        case let (.blob(x), .blob(y)): return x.lexicographicallyPrecedes(y) ? -1 : (x == y ? 0 : 1)
        default:
            let x = a.numericValue!, y = b.numericValue!
            if numbersEqual(x, y, decimals: decimals) { return 0 }
            return x < y ? -1 : 1
        }
    }

    // MARK: - Notes on columns and types

    func columnNameNotes(expected: [String], actual: [String]) -> [String] {
        let wanted = expected.map { $0.lowercased() }, given = Set(actual.map { $0.lowercased() })
        let absent = zip(expected, wanted).filter { !given.contains($0.1) }.map(\.0)
        var notes: [String] = []
        if !absent.isEmpty && absent.count < expected.count {
            notes.append("Columns asked for that your result does not name: \(absent.joined(separator: ", ")).")
        }
        return notes
    }

    func swappedColumnsNote(expected: [String], actual: [String]) -> String? {
        let a = expected.map { $0.lowercased() }, b = actual.map { $0.lowercased() }
        guard a != b, Set(a) == Set(b), Set(a).count == a.count else { return nil }
        return "Your columns appear to be in a different order (\(actual.joined(separator: ", "))) from the one asked (\(expected.joined(separator: ", "))). Columns are compared by position."
    }

    func typeNotes(expected: [[Value]], actual: [[Value]]) -> [String] {
        var notes: [String] = []
        for (index, column) in contract.columns.enumerated() {
            let mine = actual.lazy.map { $0[index] }
            let theirs = expected.lazy.map { $0[index] }
            let expectedNumeric = theirs.contains { $0.numericValue != nil }
            if expectedNumeric, let text = mine.first(where: { if case .text(let t) = $0 { return Double(t) != nil } else { return false } }) {
                notes.append("Column \(index + 1) (\(column.name)) holds numbers stored as text, such as '\(text)'; a number is expected. Remove the quotes, or use CAST(... AS REAL) instead of printf/format/||.")
            }
            if case .text(let e)? = theirs.first(where: { if case .text = $0 { true } else { false } }),
               case .text(let m)? = mine.first(where: { if case .text = $0 { true } else { false } }),
               let note = dateFormatNote(expected: e, actual: m, column: column.name) {
                notes.append(note)
            }
        }
        return notes
    }

    func dateFormatNote(expected: String, actual: String, column: String) -> String? {
        func shape(_ s: String) -> String {
            String(s.map { $0.isNumber ? "9" : $0 })
        }
        let shapes: Set<String> = ["9999-99-99", "9999-99-99 99:99:99", "9999-99", "9999-99-99T99:99:99", "9999-99-99 99:99:99.999"]
        let e = shape(expected), m = shape(actual)
        guard e != m, shapes.contains(e), shapes.contains(m) else { return nil }
        return "Column \(column) is written as '\(actual)', but the answer uses the format '\(expected)'. Dates are compared as text, so the format must match: \(formatAdvice(e))."
    }

    func formatAdvice(_ shape: String) -> String {
        switch shape {
        case "9999-99-99": "use date(x) or strftime('%Y-%m-%d', x)"
        case "9999-99": "use strftime('%Y-%m', x)"
        default: "use datetime(x) or strftime('%Y-%m-%d %H:%M:%S', x)"
        }
    }
}
