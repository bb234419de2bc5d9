/// The limits every learner query runs under. Each is configurable; the defaults suit the
/// `default` dataset scale on a laptop.
public struct SandboxLimits: Sendable, Hashable {
    /// Wall-clock time for one query, in milliseconds. The query is interrupted at this deadline;
    /// if it cannot be interrupted (one long function call), the watchdog ends it within
    /// ``hardStopGraceMilliseconds`` more.
    public var timeMilliseconds: Int = 5_000
    /// SQLite heap for the query (sorts, temporary b-trees, strings), in bytes.
    public var memoryBytes: Int64 = 512 << 20
    /// Rows a query may return. A result far bigger than any reference is already wrong.
    public var maxRows: Int = 200_000
    /// Total bytes of text and blob values a query may return.
    public var maxResultBytes: Int = 64 << 20
    /// Bytes of SQL text accepted.
    public var maxSQLBytes: Int = 100_000
    /// Largest string or blob a query may build (SQLITE_LIMIT_LENGTH). Above every dataset value.
    public var maxValueBytes: Int32 = 4 << 20
    /// Extra time granted after the deadline before the watchdog ends a query that ignores interrupts.
    public var hardStopGraceMilliseconds: Int = 700

    public init() {}

    public init(timeMilliseconds: Int? = nil, memoryBytes: Int64? = nil, maxRows: Int? = nil, maxSQLBytes: Int? = nil) {
        if let timeMilliseconds { self.timeMilliseconds = timeMilliseconds }
        if let memoryBytes { self.memoryBytes = memoryBytes }
        if let maxRows { self.maxRows = maxRows }
        if let maxSQLBytes { self.maxSQLBytes = maxSQLBytes }
    }
}
