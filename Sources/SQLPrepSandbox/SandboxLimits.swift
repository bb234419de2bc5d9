/// The limits every learner query runs under. Each is configurable; the defaults suit the
/// `default` dataset scale on a laptop.
public struct SandboxLimits: Sendable, Hashable {
    /// Wall-clock safety net for one query, in milliseconds. The work limit (``maxSteps``) is what
    /// normally stops a long query, at the same point on every machine; this deadline only ends what
    /// the work limit cannot see (one long function call such as a huge `printf`, where SQLite runs
    /// no steps) and, on a very slow machine, work that has not reached the limit. If the query
    /// cannot be interrupted, the watchdog ends it within ``hardStopGraceMilliseconds`` more.
    public var timeMilliseconds: Int = 20_000
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
    /// The work limit: SQLite virtual-machine instructions one query may execute (checked every
    /// 1,000), or nil for none. Unlike a wall-clock limit it stops a query at the same point on every
    /// machine, loaded or idle, so a verdict taken on it is reproducible. The default is 11× the
    /// slowest reference query of the built-in course (18 million steps, `longest-activity-streak`)
    /// and 7× the slowest equivalent rewrite in the tests (27 million): a few seconds of work.
    public var maxSteps: Int? = 200_000_000

    public init() {}

    public init(timeMilliseconds: Int? = nil, memoryBytes: Int64? = nil, maxRows: Int? = nil, maxSQLBytes: Int? = nil, maxSteps: Int? = nil) {
        if let timeMilliseconds { self.timeMilliseconds = timeMilliseconds }
        if let maxSteps { self.maxSteps = maxSteps }
        if let memoryBytes { self.memoryBytes = memoryBytes }
        if let maxRows { self.maxRows = maxRows }
        if let maxSQLBytes { self.maxSQLBytes = maxSQLBytes }
    }
}
