import Foundation
import SQLiteKit

/// Runs untrusted SQL against a read-only dataset image, under limits.
///
/// Each query gets a fresh in-memory connection over the shared read-only image, set up in an
/// order where each step relies on the one before: defensive options → the image (read-only) →
/// pragmas (before the authorizer, which denies PRAGMA) → run-time limits → eponymous tables
/// warmed → authorizer (an allowlist; installing it expires earlier statements) → progress handler
/// (the work limit and the deadline). Nothing a query does can reach the next one, the dataset, or
/// the disk.
///
/// What no in-process guard can stop (one long `printf`, prepare-time blow-ups) is handled by a
/// ``Watchdog``: see ``hardStop``.
public final class Sandbox: @unchecked Sendable {
    // @unchecked: all stored properties are immutable after init; each run creates its own connection.
    public let image: DatabaseImage
    public let limits: SandboxLimits
    /// Called from the watchdog thread when a query has ignored its interrupts past its deadline
    /// (``SandboxLimits/hardStopGrace`` and ``SandboxLimits/interruptGrace``). A one-shot CLI prints a timeout verdict and
    /// exits; a grading worker's parent process kills the worker. Nil: no watchdog.
    public let hardStop: (@Sendable (QueryFailure) -> Void)?

    public init(image: DatabaseImage, limits: SandboxLimits = SandboxLimits(), hardStop: (@Sendable (QueryFailure) -> Void)? = nil) {
        self.image = image
        self.limits = limits
        self.hardStop = hardStop
    }

    /// Runs the query in `bytes` (a learner's file): admits it, then runs it.
    public func run(bytes: [UInt8]) -> Result<QueryResult, QueryFailure> {
        admitQuery(bytes: bytes).flatMap(run)
    }

    /// Runs one SQL query given as text (a reference query, a shell statement): admits it, then runs it.
    public func run(sql: String) -> Result<QueryResult, QueryFailure> {
        admitQuery(sql: sql).flatMap(run)
    }

    /// The checks a file passes before SQLite sees it (encoding, size, NUL bytes, not empty), under
    /// this sandbox's limits: the admitted query, or why it is refused.
    public func admitQuery(bytes: [UInt8]) -> Result<AdmittedQuery, QueryFailure> {
        AdmittedQuery.admit(bytes: bytes, limits: limits)
    }

    /// The checks SQL text passes before SQLite sees it (size, NUL bytes, not empty).
    public func admitQuery(sql: String) -> Result<AdmittedQuery, QueryFailure> {
        AdmittedQuery.admit(text: sql, limits: limits)
    }

    /// The text of an admitted file, or why it is refused; ``admitQuery(bytes:)`` keeps the whole
    /// admitted query. Whatever `run(bytes:)` refuses, this refuses.
    public func admit(bytes: [UInt8]) -> Result<String, QueryFailure> {
        admitQuery(bytes: bytes).map(\.text)
    }

    /// Runs an admitted query. Admitted under another sandbox's larger size limit, it still
    /// cannot exceed this one's: SQLite enforces the limit too (`SQLITE_LIMIT_SQL_LENGTH`).
    public func run(_ query: AdmittedQuery) -> Result<QueryResult, QueryFailure> {
        run(query, keep: nil, keyed: false) { _ in nil }.outcome
    }

    /// Runs an admitted query as a preview: keeps its first `keepingRows` rows and counts the rest
    /// without keeping them (``QueryResult/moreRows``), so a query over the biggest table can be
    /// looked at. Counting stops at the row limit (``SandboxLimits/maxRows``), which bounds the work
    /// a preview spends on rows it does not show; the work and time limits apply as for any query,
    /// except that a limit reached while counting ends the count, not the preview.
    public func run(_ query: AdmittedQuery, keepingRows: Int) -> Result<QueryResult, QueryFailure> {
        run(query, keep: max(0, keepingRows), keyed: false) { _ in nil }.outcome
    }

    /// Runs an admitted query unless `lookup` already holds the outcome of a statement with the same
    /// ``ProgramKey`` on this sandbox's dataset: then that outcome, under this statement's own column
    /// names. The key is computed after SQLite has prepared the statement and the sandbox has admitted
    /// it (one statement, read-only), so a refused statement is never answered from another one.
    /// - Returns: the outcome, the statement's key (nil when it has none: ``ProgramKey``), and whether
    ///   the outcome came from `lookup`.
    public func run(
        _ query: AdmittedQuery, reusing lookup: (ProgramKey) -> Result<QueryResult, QueryFailure>?
    ) -> (outcome: Result<QueryResult, QueryFailure>, key: ProgramKey?, reused: Bool) {
        run(query, keep: nil, keyed: true, reuse: lookup)
    }

    private func run(
        _ query: AdmittedQuery, keep: Int?, keyed: Bool, reuse lookup: (ProgramKey) -> Result<QueryResult, QueryFailure>?
    ) -> (outcome: Result<QueryResult, QueryFailure>, key: ProgramKey?, reused: Bool) {
        let start = ContinuousClock.now
        let deadline = start + limits.timeLimit
        let connection: Connection
        let policy = AccessPolicy()
        let stop = StopReason()
        do {
            connection = try openConnection(policy: policy, deadline: deadline, stop: stop)
        } catch {
            return (.failure(QueryFailure(.limit, "The sandbox could not be set up: \(error)")), nil, false)
        }
        let watchdog = hardStop.map { stop in
            Watchdog(
                deadline: deadline + limits.hardStopGrace,
                interruptGrace: limits.interruptGrace,
                interrupt: connection.interruptHandle,
                onExpiry: { stop(QueryFailure(.timeout, Sandbox.timeoutMessage(limits: self.limits), hint: SQLText.slowQueryHint)) })
        }
        defer { watchdog?.cancel() }
        var key: ProgramKey?
        var reused = false
        let outcome = execute(query, on: connection, policy: policy, stop: stop, start: start, keep: keep) { statement in
            guard keyed else { return nil }
            key = (try? connection.program(of: statement)).flatMap { ProgramKey(program: $0, statement: query.statement) }
            stop.steps = 0
            guard let key, let kept = lookup(key) else { return nil }
            reused = true
            return kept.map { result in
                var named = result
                named.columns = statement.columnNames
                return named
            }
        }
        return (outcome, key, reused)
    }

    /// The dataset tables `sql` reads (lower-cased), learned from the authorizer while the
    /// statement is prepared — nothing is run. Nil when the statement does not prepare.
    public func tablesRead(sql: String) -> Set<String>? {
        let policy = AccessPolicy()
        guard let connection = try? openConnection(policy: policy, deadline: .now + .seconds(3600), stop: StopReason()),
              let prepared = try? connection.prepareFirst(sql), prepared.0 != nil else { return nil }
        return policy.tablesRead
    }

    /// Which limit interrupted a query: the work limit decides reproducibly; the clock is a safety net.
    private final class StopReason {
        var steps = 0
        var byWork = false
    }

    static func timeoutMessage(limits: SandboxLimits) -> String {
        "The query ran past the \(formatSeconds(limits.timeLimit)) wall-clock safety limit and was stopped."
            + (limits.maxSteps == nil ? "" : " (Unlike the work limit, which normally stops a long query first, this limit depends on the machine's speed.)")
    }

    /// 50000000 → "50,000,000" (not locale-dependent: the same text on every machine).
    static func grouped(_ number: Int) -> String {
        var digits = String(number.magnitude), groups: [Substring] = []
        while digits.count > 3 { groups.insert(digits.suffix(3), at: 0); digits.removeLast(3) }
        return (number < 0 ? "-" : "") + ([Substring(digits)] + groups).joined(separator: ",")
    }

    /// 20 s → "20 s", 0.5 s → "0.5 s" (to the tenth: the CLI takes the limit in seconds).
    static func formatSeconds(_ duration: Duration) -> String {
        let milliseconds = duration.wholeMilliseconds
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : String(format: "%.1f s", Double(milliseconds) / 1000)
    }

    // MARK: - Connection setup

    private func openConnection(policy: AccessPolicy, deadline: ContinuousClock.Instant, stop: StopReason) throws -> Connection {
        let db = try Connection.inMemory()
        // 1. Defensive options first.
        db.setOption(.defensive, 1)
        db.setOption(.trustedSchema, 0)
        db.setOption(.enableLoadExtension, 0)
        db.setOption(.enableFTS3Tokenizer, 0)
        db.setOption(.enableTrigger, 0)
        // Standard SQL: "Oslo" is an identifier, not a string.
        db.setOption(.doubleQuotedStringsInDML, 0)
        db.setOption(.doubleQuotedStringsInDDL, 0)
        // 2. The dataset, read-only, shared with every other connection.
        try db.attachReadOnly(image)
        // 3. Pragmas, before the authorizer denies them: temp data stays in memory, nothing is written,
        //    and pages are read straight from the image instead of being copied into a page cache.
        try db.execute("PRAGMA temp_store = MEMORY; PRAGMA query_only = ON; PRAGMA mmap_size = \(image.count + 65_536)")
        // 4. Run-time limits.
        db.setLimit(.attached, 0)
        db.setLimit(.variableNumber, 0)
        db.setLimit(.sqlLength, Int32(clamping: limits.maxSQLBytes))
        db.setLimit(.length, limits.maxValueBytes)
        db.setLimit(.expressionDepth, 200)
        db.setLimit(.compoundSelect, 100)
        db.setLimit(.columns, 200)
        db.setLimit(.functionArguments, 64)
        db.setLimit(.likePatternLength, 1000)
        db.setLimit(.triggerDepth, 0)
        db.setLimit(.workerThreads, 0)
        // 5. SQLite 3.40: the first use of an eponymous virtual table asks the authorizer for an
        //    UPDATE on sqlite_master; use each allowed one once before the authorizer exists.
        for warmUp in AccessPolicy.warmUpQueries { _ = try db.prepare(warmUp).allRows() }
        policy.datasetTables = Set(try db.prepare("SELECT lower(name) FROM sqlite_schema WHERE type = 'table'").allRows().compactMap {
            if case .text(let name) = $0[0] { name } else { nil }
        })
        // 6. The authorizer, last (it expires statements prepared before it).
        db.setAuthorizer { request in policy.decide(request) }
        // 7. The work limit and the deadline, checked every 1000 VM steps.
        let maxSteps = limits.maxSteps ?? .max
        db.setProgressHandler(every: 1000) {
            stop.steps += 1000
            if stop.steps > maxSteps { stop.byWork = true; return true }
            return ContinuousClock.now >= deadline
        }
        return db
    }

    // MARK: - Running

    /// Prepares and runs the query; `reuse`, given the prepared statement once it is admitted, may
    /// answer instead of running it.
    private func execute(
        _ query: AdmittedQuery, on db: Connection, policy: AccessPolicy, stop: StopReason, start: ContinuousClock.Instant,
        keep: Int?,
        reuse: (Statement) -> Result<QueryResult, QueryFailure>? = { _ in nil }
    ) -> Result<QueryResult, QueryFailure> {
        let sql = query.text
        let statement: Statement
        do {
            let (prepared, tail) = try db.prepareFirst(sql)
            guard let prepared else {
                return .failure(QueryFailure(.empty, "The query is empty: no SQL, only whitespace or comments."))
            }
            if let extra = SQLText.nextTokenIndex(in: tail, from: 0) {
                let offset = query.utf8.count - tail.count + extra
                return .failure(QueryFailure(
                    .refused, "The file holds more than one statement; submit exactly one SELECT.",
                    location: SQLLocation(byteOffset: offset, in: sql),
                    hint: "Remove everything after the first statement's semicolon, or combine the parts with a CTE (WITH …)."))
            }
            statement = prepared
        } catch let error as SQLiteError {
            return .failure(describe(error, sql: sql, policy: policy))
        } catch {
            return .failure(QueryFailure(.sqlError, "\(error)"))
        }

        if !statement.isReadOnly || statement.columnCount == 0 {
            return .failure(refusal(for: sql, policy: policy))
        }
        if let kept = reuse(statement) { return kept }

        var rows: [[Value]] = []
        var bytes = 0
        var overflow: QueryFailure?
        let maxRows = limits.maxRows, maxBytes = limits.maxResultBytes
        // A preview keeps `keep` rows and only counts the rest (memory stays bounded by `keep`).
        var counted = 0
        var countStop: QueryResult.MoreRows.Stop?
        do {
            try statement.step { row in
                if let keep, rows.count >= keep {
                    if rows.count + counted >= maxRows { countStop = .rowLimit; return false }
                    counted += 1
                    return true
                }
                if rows.count >= maxRows {
                    overflow = QueryFailure(
                        .limit, "The query returned more than \(maxRows) rows, the sandbox's limit.",
                        hint: "Aggregate (GROUP BY) or filter; no exercise needs that many rows.")
                    return false
                }
                let values = row.values
                for value in values {
                    switch value {
                    case .text(let s): bytes += s.utf8.count
                    case .blob(let b): bytes += b.count
                    default: bytes += 8
                    }
                }
                if bytes > maxBytes {
                    overflow = QueryFailure(.limit, "The query returned more than \(maxBytes >> 20) MiB of data, the sandbox's limit.")
                    return false
                }
                rows.append(values)
                return true
            }
        } catch let error as SQLiteError {
            // Interrupted while counting rows it would not show: the preview stands, uncounted.
            guard error.isInterrupt, counted > 0 else {
                return .failure(describe(error, sql: sql, policy: policy, stoppedByWork: stop.byWork))
            }
            countStop = stop.byWork ? .workLimit : .timeLimit
        } catch {
            return .failure(QueryFailure(.sqlError, "\(error)"))
        }
        if let overflow { return .failure(overflow) }
        var result = QueryResult(
            columns: statement.columnNames, rows: rows, elapsed: ContinuousClock.now - start,
            tablesRead: policy.tablesRead, steps: statement.virtualMachineSteps)
        if let countStop {
            result.moreRows = .uncounted(atLeast: counted + (countStop == .rowLimit ? 1 : 0), stop: countStop)
        } else if counted > 0 {
            result.moreRows = .exactly(counted)
        }
        return .success(result)
    }

    private func describe(_ error: SQLiteError, sql: String, policy: AccessPolicy, stoppedByWork: Bool = false) -> QueryFailure {
        if error.isInterrupt, stoppedByWork, let maxSteps = limits.maxSteps {
            return QueryFailure(
                .timeout, "The query did more work than the limit allows (\(Sandbox.grouped(maxSteps)) SQLite steps) and was stopped.",
                hint: SQLText.slowQueryHint)
        }
        if error.isInterrupt {
            return QueryFailure(.timeout, Sandbox.timeoutMessage(limits: limits), hint: SQLText.slowQueryHint)
        }
        if error.isNoMemory {
            return QueryFailure(
                .limit, "The query needed more than the \(limits.memoryBytes >> 20) MiB memory limit.",
                hint: SQLText.memoryHint)
        }
        if error.isTooBig {
            return QueryFailure(
                .limit, "The query built a value longer than the \(limits.maxValueBytes >> 20) MiB limit for one string or blob.")
        }
        if error.isAuthorizationDenied || policy.firstDenial != nil {
            return refusal(for: sql, policy: policy)
        }
        let location = error.byteOffset.flatMap { SQLLocation(byteOffset: $0, in: sql) } ?? SQLLocation(namedIn: error.message, sql: sql)
        var message = error.message
        if let first = message.first { message = first.uppercased() + message.dropFirst() }
        if !message.hasSuffix(".") { message += "." }
        // No branch on SQLite's wording here: ATTACH (which the ATTACHED=0 limit would fail with a
        // plain SQLITE_ERROR at run time) is denied by the authorizer while it is prepared, so it
        // is refused above, by name, before it could ever run.
        return QueryFailure(.sqlError, message, location: location, hint: SQLText.errorHint(message: error.message, sql: sql))
    }

    /// The message for a statement the sandbox does not run, naming what was refused.
    private func refusal(for sql: String, policy: AccessPolicy) -> QueryFailure {
        let hint = "Submit one SELECT (or WITH … SELECT) statement; the data is read-only."
        if let denial = policy.firstDenial {
            return QueryFailure(.refused, denial.message, hint: hint)
        }
        let keyword = SQLText.firstKeyword(sql)
        return QueryFailure(.refused, "\(keyword.isEmpty ? "This statement" : keyword) is not allowed: the sandbox runs only a single SELECT.", hint: hint)
    }
}
