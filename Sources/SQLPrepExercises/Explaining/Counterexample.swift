import SQLiteKit
import SQLPrepData
import SQLPrepSandbox

/// A tiny database on which the learner's query and the reference disagree in the same way as on
/// the full data, with both results.
public struct Counterexample: Sendable {
    public struct Table: Sendable {
        public let name: String
        public let columns: [String]
        public let rows: [[Value]]
    }

    /// Every table either query reads, in schema order (an empty one is part of the example too:
    /// "no orders at all" is how a missing zero group shows).
    public let tables: [Table]
    public let reference: QueryResult
    public let learner: QueryResult
    /// Rows of each result that have no equal partner in the other (shown marked).
    public let referenceMarks: Set<Int>
    public let learnerMarks: Set<Int>
    /// How the two differ on the full data, which the example reproduces.
    public let difference: Difference
    /// Work done: candidate databases tried and rows copied into them.
    public let runs: Int
    public let rowsCopied: Int
    /// Wall-clock time, for benchmarks only: nothing is decided on it.
    public let milliseconds: Double
    /// True when the work budget ended the shrinking early (a smaller example may exist).
    public let budgetExhausted: Bool

    public var rowCount: Int { tables.map(\.rows.count).reduce(0, +) }

    /// A database of the shown rows alone, with nothing the search kept hidden: to check that the
    /// example is genuine (the tests and the benchmark do).
    public func database() throws -> DatabaseImage {
        try ShopDataset.database(holding: tables.map { ($0.name, $0.rows) })
    }
}
