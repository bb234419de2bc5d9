import CSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One SQLite connection (`sqlite3 *`). Opened in `init`, closed in `deinit`.
///
/// A connection is used from one thread at a time (it is opened with `SQLITE_OPEN_NOMUTEX`),
/// so it is not `Sendable`. The only cross-thread call is ``interrupt()``, which SQLite allows
/// from any thread; use ``interruptHandle`` for it.
///
/// ```swift
/// let db = try Connection.inMemory()
/// try db.execute("CREATE TABLE t(x); INSERT INTO t VALUES (1)")
/// let rows = try db.prepare("SELECT x FROM t").allRows()
/// ```
public final class Connection {
    /// The raw handle. Valid for the life of the connection.
    public let handle: OpaquePointer
    private var authorizerBox: AuthorizerBox?
    private var progressBox: ProgressBox?
    /// Keeps a read-only image alive while this connection reads from it (SQLite does not copy it).
    private var attachedImage: DatabaseImage?

    /// Opens a private in-memory database (`":memory:"`, never parsed as a URI).
    ///
    /// Flags: `READWRITE | CREATE | NOMUTEX | EXRESCODE`, as recommended for sandboxed use.
    public static func inMemory() throws -> Connection {
        try Connection(path: ":memory:", flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE)
    }

    /// Opens (and by default creates) a database file. Used for the learner's progress store.
    public static func file(_ path: String, readOnly: Bool = false) throws -> Connection {
        let access = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        return try Connection(path: path, flags: access | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE)
    }

    private init(path: String, flags: Int32) throws {
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open database"
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: rc, message: message)
        }
        handle = db
    }

    deinit {
        // close_v2 defers the close until every statement is finalized; statements hold a
        // strong reference to their connection, so by now there are none.
        sqlite3_close_v2(handle)
    }

    // MARK: - Running SQL

    /// Runs one or more statements that return no rows we care about (DDL, pragmas, inserts).
    public func execute(_ sql: String) throws {
        var errmsg: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errmsg)
        if rc != SQLITE_OK {
            let message = errmsg.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(errmsg)
            throw SQLiteError(code: sqlite3_extended_errcode(handle), message: message, sql: sql)
        }
    }

    /// Prepares the single statement in `sql`. Throws if the text is empty or holds more than
    /// one statement; use ``prepareFirst(_:)`` to inspect the tail yourself.
    public func prepare(_ sql: String) throws -> Statement {
        let (statement, tail) = try prepareFirst(sql)
        guard let statement else {
            throw SQLiteError(code: SQLITE_MISUSE, message: "no SQL statement to prepare", sql: sql)
        }
        guard tail.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: ";") }) else {
            throw SQLiteError(code: SQLITE_MISUSE, message: "more than one statement", sql: sql)
        }
        return statement
    }

    /// Prepares the first statement of `sql`, with an explicit byte length
    /// (`sqlite3_prepare_v3`), and returns it with the unparsed bytes after it.
    ///
    /// The statement is `nil` when `sql` holds only whitespace and comments.
    /// See <https://www.sqlite.org/c3ref/prepare.html>.
    public func prepareFirst(_ sql: String) throws -> (Statement?, tail: [UInt8]) {
        var bytes = Array(sql.utf8)
        let count = bytes.count
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { buffer -> (Statement?, tail: [UInt8]) in
            let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            var stmt: OpaquePointer?
            var tailPointer: UnsafePointer<CChar>?
            let rc = sqlite3_prepare_v3(handle, base, Int32(count), 0, &stmt, &tailPointer)
            guard rc == SQLITE_OK else { throw lastError(sql: sql) }
            let consumed = tailPointer.map { $0 - base } ?? count
            let tail = Array(buffer[consumed..<count])
            guard let stmt else { return (nil, tail) }
            return (Statement(handle: stmt, connection: self), tail)
        }
    }

    /// The last error on this connection as a ``SQLiteError``. Read it before anything else
    /// touches the connection.
    func lastError(sql: String?) -> SQLiteError {
        let offset = sqlite3_error_offset(handle)
        return SQLiteError(
            code: sqlite3_extended_errcode(handle),
            message: String(cString: sqlite3_errmsg(handle)),
            sql: sql,
            byteOffset: offset >= 0 ? Int(offset) : nil
        )
    }

    // MARK: - Configuration

    /// `sqlite3_db_config` for an integer/boolean option. Returns the value now in force,
    /// or -1 when SQLite refused the option. See <https://www.sqlite.org/c3ref/db_config.html>.
    @discardableResult
    public func setOption(_ option: DatabaseOption, _ value: Int32) -> Int32 {
        sqlprep_db_config_int(handle, option.rawValue, value)
    }

    /// `sqlite3_limit`: sets a run-time limit and returns the previous one.
    /// See <https://www.sqlite.org/c3ref/limit.html>.
    @discardableResult
    public func setLimit(_ limit: RuntimeLimit, _ value: Int32) -> Int32 {
        sqlite3_limit(handle, limit.rawValue, value)
    }

    public func limit(_ limit: RuntimeLimit) -> Int32 {
        sqlite3_limit(handle, limit.rawValue, -1)
    }

    /// The number of rows changed by the most recent INSERT/UPDATE/DELETE.
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    // MARK: - Interrupts and progress

    /// Asks any running statement to stop with `SQLITE_INTERRUPT`. Safe from any thread.
    public func interrupt() { sqlite3_interrupt(handle) }

    /// A `Sendable` handle that can interrupt this connection from another thread.
    public var interruptHandle: InterruptHandle { InterruptHandle(handle: handle) }

    /// Installs a progress handler called every `instructions` VM steps; returning `true`
    /// stops the statement with `SQLITE_INTERRUPT`. Pass `nil` to remove it.
    /// See <https://www.sqlite.org/c3ref/progress_handler.html>.
    public func setProgressHandler(every instructions: Int32, _ handler: (() -> Bool)?) {
        guard let handler else {
            sqlite3_progress_handler(handle, 0, nil, nil)
            progressBox = nil
            return
        }
        let box = ProgressBox(handler)
        progressBox = box
        sqlite3_progress_handler(handle, instructions, { context in
            let box = Unmanaged<ProgressBox>.fromOpaque(context!).takeUnretainedValue()
            return box.handler() ? 1 : 0
        }, Unmanaged.passUnretained(box).toOpaque())
    }

    /// Installs an authorizer consulted while statements are **prepared**. It replaces any
    /// previous one and expires statements prepared before it.
    /// See <https://www.sqlite.org/c3ref/set_authorizer.html>.
    public func setAuthorizer(_ authorizer: ((AuthorizerRequest) -> AuthorizerDecision)?) {
        guard let authorizer else {
            sqlite3_set_authorizer(handle, nil, nil)
            authorizerBox = nil
            return
        }
        let box = AuthorizerBox(authorizer)
        authorizerBox = box
        sqlite3_set_authorizer(handle, { context, action, a1, a2, a3, a4 in
            let box = Unmanaged<AuthorizerBox>.fromOpaque(context!).takeUnretainedValue()
            let request = AuthorizerRequest(
                action: AuthorizerAction(rawValue: action),
                argument1: a1.map { String(cString: $0) },
                argument2: a2.map { String(cString: $0) },
                database: a3.map { String(cString: $0) },
                trigger: a4.map { String(cString: $0) }
            )
            return box.authorizer(request).rawValue
        }, Unmanaged.passUnretained(box).toOpaque())
    }

    // MARK: - Images

    /// Copies the `main` database into a new ``DatabaseImage`` (`sqlite3_serialize`).
    /// See <https://www.sqlite.org/c3ref/serialize.html>.
    public func serialize() throws -> DatabaseImage {
        var size: sqlite3_int64 = 0
        if let pointer = sqlite3_serialize(handle, "main", &size, 0) {
            defer { sqlite3_free(pointer) }
            return DatabaseImage(copying: UnsafeRawBufferPointer(start: pointer, count: Int(size)))
        }
        // sqlite3_serialize copies into one sqlite3_malloc buffer, which SQLite caps just under
        // 2 GiB; a bigger database (the `large` dataset is about 3 GB) goes through a file instead.
        return try serializeThroughFile()
    }

    /// Copies `main` page by page into a temporary file with the online backup API, maps the file
    /// as an image, and unlinks it (the mapping outlives the name). Slower than `serialize`, but
    /// without its size cap.
    func serializeThroughFile() throws -> DatabaseImage {
        let folder = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(folder)/sqlitekit-image-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw SQLiteError(code: SQLITE_CANTOPEN, message: "cannot create a temporary file in \(folder)") }
        close(fd)
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer { unlink(path) }
        do {
            let target = try Connection.file(path)
            guard let backup = sqlite3_backup_init(target.handle, "main", handle, "main") else { throw target.lastError(sql: nil) }
            let stepped = sqlite3_backup_step(backup, -1)
            let finished = sqlite3_backup_finish(backup)
            guard stepped == SQLITE_DONE, finished == SQLITE_OK else {
                throw SQLiteError(code: finished != SQLITE_OK ? finished : stepped, message: "copying the database to \(path) failed")
            }
        }
        guard let image = DatabaseImage.map(path: path) else {
            throw SQLiteError(code: SQLITE_IOERR, message: "cannot map the database copied to \(path)")
        }
        return image
    }

    /// Replaces `main` with a **read-only** view of `image`, without copying it
    /// (`sqlite3_deserialize` with `SQLITE_DESERIALIZE_READONLY`). The connection keeps the
    /// image alive. Many connections may share one image.
    public func attachReadOnly(_ image: DatabaseImage) throws {
        let rc = sqlite3_deserialize(
            handle, "main",
            image.bytes.assumingMemoryBound(to: UInt8.self),
            sqlite3_int64(image.count), sqlite3_int64(image.count),
            UInt32(SQLITE_DESERIALIZE_READONLY)
        )
        guard rc == SQLITE_OK else { throw lastError(sql: nil) }
        attachedImage = image
    }
}

@available(*, unavailable)
extension Connection: Sendable {}

/// Interrupts a connection from another thread (`sqlite3_interrupt` is the one thread-safe call).
public struct InterruptHandle: @unchecked Sendable {
    fileprivate let handle: OpaquePointer
    public func interrupt() { sqlite3_interrupt(handle) }
}

private final class ProgressBox {
    let handler: () -> Bool
    init(_ handler: @escaping () -> Bool) { self.handler = handler }
}

private final class AuthorizerBox {
    let authorizer: (AuthorizerRequest) -> AuthorizerDecision
    init(_ authorizer: @escaping (AuthorizerRequest) -> AuthorizerDecision) { self.authorizer = authorizer }
}

/// Process-wide SQLite settings.
public enum SQLiteLibrary {
    /// The SQLite version the process is linked with, e.g. `3.40.1`.
    public static var version: String { String(cString: sqlite3_libversion()) }

    /// `sqlite3_hard_heap_limit64`: a process-wide cap on SQLite's heap. Returns the previous limit.
    /// Process-wide, so only a process that runs one untrusted query at a time should set it.
    @discardableResult
    public static func setHardHeapLimit(_ bytes: Int64) -> Int64 {
        sqlite3_hard_heap_limit64(bytes)
    }

    /// Bytes of heap SQLite has allocated now.
    public static var memoryUsed: Int64 { sqlite3_memory_used() }
    /// The high-water mark of SQLite's heap.
    public static var memoryHighWater: Int64 { sqlite3_memory_highwater(0) }

    /// Resets the high-water mark to the current use (for measuring one phase).
    public static func resetMemoryHighWater() { _ = sqlite3_memory_highwater(1) }
}
