import SQLiteKit

/// The outcome of comparing a learner's result with the reference.
public struct ComparisonReport: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable {
        case wrongResult = "wrong_result"
        case wrongOrder = "wrong_order"
        case wrongShape = "wrong_shape"
    }

    /// nil when the result is correct.
    public var reason: Reason?
    public var expectedColumns: [String]
    public var actualColumns: [String]
    public var expectedRowCount: Int
    public var actualRowCount: Int
    /// Expected rows with no counterpart in the learner's result (a sample), and how many in all.
    public var missingRows: [[Value]] = []
    public var missingRowsTotal = 0
    /// Learner rows with no counterpart in the expected result (a sample), and how many in all.
    public var unexpectedRows: [[Value]] = []
    public var unexpectedRowsTotal = 0
    /// All rows that did not match, paired or not.
    public var missingCount = 0
    public var unexpectedCount = 0
    /// Rows that agree on their key columns but differ in values: the differing cells.
    public var cellDifferences: [RowDifference] = []
    /// The first learner row (0-based) that breaks the sort order, for `wrong_order`.
    public var outOfOrderRow: Int?
    public var diagnoses: [Diagnosis] = []
    /// Facts worth knowing even when they are not the mistake (types, formats, column order).
    public var notes: [String] = []

    public init(expectedColumns: [String], actualColumns: [String], expectedRowCount: Int, actualRowCount: Int) {
        self.expectedColumns = expectedColumns
        self.actualColumns = actualColumns
        self.expectedRowCount = expectedRowCount
        self.actualRowCount = actualRowCount
    }

    public var passed: Bool { reason == nil }
}

public struct RowDifference: Sendable, Hashable {
    /// The values of the key columns (e.g. the channel) that identify the row.
    public let key: [Value]
    public let cells: [CellDifference]
}

public struct CellDifference: Sendable, Hashable {
    public let column: Int
    public let expected: Value
    public let actual: Value

    public init(column: Int, expected: Value, actual: Value) {
        self.column = column
        self.expected = expected
        self.actual = actual
    }
}
