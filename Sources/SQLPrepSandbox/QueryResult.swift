import SQLiteKit

/// A successful query's result: column names and rows of values.
public struct QueryResult: Sendable, Hashable {
    public var columns: [String]
    public var rows: [[Value]]
    /// How long the query ran, setup included, on the monotonic clock.
    public var elapsed: Duration
    /// The dataset tables the query read (lower-cased), from the authorizer.
    public var tablesRead: Set<String>
    /// SQLite virtual-machine steps the query took (`SQLITE_STMTSTATUS_VM_STEP`): its work, the
    /// same on every machine.
    public var steps: Int
    /// Rows the query returned beyond ``rows`` when it ran as a preview
    /// (``Sandbox/run(_:keepingRows:)``); nil when ``rows`` is the whole result.
    public var moreRows: MoreRows?

    /// The rows a preview did not keep.
    public enum MoreRows: Sendable, Hashable {
        /// Exactly this many more rows: counted, not kept.
        case exactly(Int)
        /// At least this many more rows; counting stopped at `stop`, so the total is not known.
        case uncounted(atLeast: Int, stop: Stop)

        /// What ended a count.
        public enum Stop: String, Sendable, Hashable {
            case rowLimit = "row limit", workLimit = "work limit", timeLimit = "time limit"
        }
    }

    /// Every row the query returned, kept or only counted; nil when a preview stopped counting.
    public var totalRows: Int? {
        switch moreRows {
        case nil: rows.count
        case .exactly(let more): rows.count + more
        case .uncounted: nil
        }
    }

    public init(columns: [String], rows: [[Value]], elapsed: Duration = .zero, tablesRead: Set<String> = [], steps: Int = 0) {
        self.columns = columns
        self.rows = rows
        self.elapsed = elapsed
        self.tablesRead = tablesRead
        self.steps = steps
    }

    public static func == (a: QueryResult, b: QueryResult) -> Bool { a.columns == b.columns && a.rows == b.rows }
    public func hash(into hasher: inout Hasher) { hasher.combine(columns); hasher.combine(rows) }

    /// ``elapsed`` in (fractional) milliseconds, as verdicts print and store it.
    public var elapsedMilliseconds: Double {
        Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }
}
