/// The limits every learner query runs under. Each is configurable; the defaults suit the
/// `default` dataset scale on a laptop.
///
/// Time is one policy, in `Duration`s on the monotonic `ContinuousClock`: the query's deadline is
/// ``timeLimit`` after it starts; the watchdog interrupts it once more ``hardStopGrace`` later, and
/// ends it from outside (``Sandbox/hardStop``) ``interruptGrace`` after that. So no query outlives
/// ``longestRun``, and a caller that waits for a query (a grader waiting on a worker) derives its
/// own deadline from that one number.
public struct SandboxLimits: Sendable, Hashable {
    /// Wall-clock safety net for one query. The work limit (``maxSteps``) is what normally stops a
    /// long query, at the same point on every machine; this deadline only ends what the work limit
    /// cannot see (one long function call such as a huge `printf`, where SQLite runs no steps) and,
    /// on a very slow machine, work that has not reached the limit. If the query cannot be
    /// interrupted, the watchdog ends it within ``hardStopGrace`` + ``interruptGrace`` more.
    public var timeLimit: Duration = .seconds(20)
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
    /// Extra time granted after the deadline before the watchdog interrupts a query again: a
    /// query busy inside one function call only notices the interrupt when the call returns.
    public var hardStopGrace: Duration = .milliseconds(700)
    /// How long the watchdog waits after that interrupt before it ends a query that still has not
    /// returned.
    public var interruptGrace: Duration = .milliseconds(250)
    /// The work limit: SQLite virtual-machine instructions one query may execute (checked every
    /// 1,000), or nil for none. Unlike a wall-clock limit it stops a query at the same point on every
    /// machine, loaded or idle, so a verdict taken on it is reproducible. The default is 11× the
    /// slowest reference query of the built-in course (18 million steps, `longest-activity-streak`)
    /// and 7× the slowest equivalent rewrite in the tests (27 million): a few seconds of work.
    public var maxSteps: Int? = 200_000_000

    public init() {}

    public init(timeLimit: Duration? = nil, memoryBytes: Int64? = nil, maxRows: Int? = nil, maxSQLBytes: Int? = nil, maxSteps: Int? = nil) {
        if let timeLimit { self.timeLimit = timeLimit }
        if let maxSteps { self.maxSteps = maxSteps }
        if let memoryBytes { self.memoryBytes = memoryBytes }
        if let maxRows { self.maxRows = maxRows }
        if let maxSQLBytes { self.maxSQLBytes = maxSQLBytes }
    }

    /// Limits with the time limit in whole milliseconds, the unit the CLI converts `--time-limit` to.
    public init(timeMilliseconds: Int?, memoryBytes: Int64? = nil, maxRows: Int? = nil, maxSQLBytes: Int? = nil, maxSteps: Int? = nil) {
        self.init(timeLimit: timeMilliseconds.map { .milliseconds($0) }, memoryBytes: memoryBytes, maxRows: maxRows, maxSQLBytes: maxSQLBytes, maxSteps: maxSteps)
    }

    /// ``timeLimit`` in whole milliseconds, for callers that count in them.
    public var timeMilliseconds: Int {
        get { timeLimit.wholeMilliseconds }
        set { timeLimit = .milliseconds(newValue) }
    }

    /// The longest one query can last before the watchdog has ended it: ``timeLimit`` +
    /// ``hardStopGrace`` + ``interruptGrace``.
    public var longestRun: Duration { timeLimit + hardStopGrace + interruptGrace }
}

extension Duration {
    /// The duration in whole milliseconds, rounded toward zero.
    var wholeMilliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    /// The duration in seconds, for the Foundation APIs that take a `TimeInterval`.
    var timeInterval: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
