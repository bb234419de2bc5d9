import CSQLite

/// One prepared statement (`sqlite3_stmt *`). Prepared by ``Connection``, finalized in `deinit`.
///
/// There is exactly one step loop, ``step(_:)``; everything else is built on it.
public final class Statement {
    let handle: OpaquePointer
    /// Keeps the connection open for as long as the statement lives.
    public let connection: Connection

    init(handle: OpaquePointer, connection: Connection) {
        self.handle = handle
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    /// The SQL text of the statement as prepared.
    public var sql: String { String(cString: sqlite3_sql(handle)) }

    /// `sqlite3_stmt_readonly`: true when the statement does not write the database directly.
    /// Note that ATTACH, DETACH and BEGIN also report read-only.
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    /// Virtual-machine instructions run so far (`SQLITE_STMTSTATUS_VM_STEP`): a measure of work
    /// that does not depend on how fast or busy the machine is.
    public var virtualMachineSteps: Int { Int(sqlite3_stmt_status(handle, SQLITE_STMTSTATUS_VM_STEP, 0)) }

    /// The number of result columns (0 for statements that return no rows).
    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    /// The result column names, as SQLite names them (`AS` aliases win).
    public var columnNames: [String] {
        (0..<Int32(columnCount)).map { sqlite3_column_name(handle, $0).map { String(cString: $0) } ?? "" }
    }

    /// The declared type of each result column that is a direct table column, else nil.
    public var declaredTypes: [String?] {
        (0..<Int32(columnCount)).map { sqlite3_column_decltype(handle, $0).map { String(cString: $0) } }
    }

    // MARK: Binding

    /// Binds `values` to parameters 1…n.
    public func bind(_ values: [Value]) throws {
        sqlite3_reset(handle)
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    /// Binds one value. Text and blobs are copied (`SQLITE_TRANSIENT`): simple and safe for
    /// occasional use. The bulk loader binds bytes with `SQLITE_STATIC` through ``bindText(_:at:)``.
    public func bind(_ value: Value, at index: Int32) throws {
        let rc: Int32
        switch value {
        case .null: rc = sqlite3_bind_null(handle, index)
        case .integer(let v): rc = sqlite3_bind_int64(handle, index, v)
        case .real(let v): rc = sqlite3_bind_double(handle, index, v)
        case .text(let v): rc = sqlite3_bind_text(handle, index, v, -1, sqlprep_transient())
        case .blob(let v):
            rc = v.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), sqlprep_transient()) }
        }
        guard rc == SQLITE_OK else { throw connection.lastError(sql: sql) }
    }

    /// Binds an integer without any allocation (bulk loading).
    @inline(__always)
    public func bindInt(_ value: Int64, at index: Int32) {
        sqlite3_bind_int64(handle, index, value)
    }

    /// Binds NULL (bulk loading).
    @inline(__always)
    public func bindNull(at index: Int32) {
        sqlite3_bind_null(handle, index)
    }

    /// Binds UTF-8 bytes with `SQLITE_STATIC`: the caller guarantees `bytes` stays valid until
    /// the statement is stepped and reset — i.e. call this and ``stepDone()`` inside the same
    /// `withUnsafeBufferPointer` closure. (Binding outside it is a use-after-free that tests do not catch.)
    @inline(__always)
    public func bindText(_ bytes: UnsafeRawBufferPointer, at index: Int32) {
        sqlite3_bind_text(handle, index, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
    }

    /// Steps a statement that returns no rows, then resets it for the next bindings.
    @inline(__always)
    public func stepDone() throws {
        let rc = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard rc == SQLITE_DONE else { throw connection.lastError(sql: sql) }
    }

    // MARK: Stepping

    /// The one step loop. Calls `body` for each row until the statement is done or `body` returns `false`.
    ///
    /// Throws the connection's error (read before anything else touches it) on any failure,
    /// including `SQLITE_INTERRUPT` from a progress handler.
    public func step(_ body: (Row) throws -> Bool) throws {
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle) }
        let row = Row(statement: self)
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_DONE:
                return
            case SQLITE_ROW:
                if try !body(row) { return }
            default:
                throw connection.lastError(sql: sql)
            }
        }
    }

    /// Runs the statement to completion and returns every row.
    public func allRows() throws -> [[Value]] {
        var rows: [[Value]] = []
        try step { row in
            rows.append(row.values)
            return true
        }
        return rows
    }

    /// The first column of the first row, or nil when there is no row.
    public func scalar() throws -> Value? {
        var result: Value?
        try step { row in
            result = row[0]
            return false
        }
        return result
    }
}

@available(*, unavailable)
extension Statement: Sendable {}

/// The current row of a statement being stepped. Valid only inside the ``Statement/step(_:)`` body.
public struct Row {
    let statement: Statement

    public var count: Int { statement.columnCount }

    /// The value of column `index`, converted to a ``Value`` of its storage class.
    public subscript(index: Int) -> Value {
        let handle = statement.handle
        let column = Int32(index)
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT:
            let bytes = Int(sqlite3_column_bytes(handle, column))
            guard let pointer = sqlite3_column_text(handle, column) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: pointer, count: bytes), as: UTF8.self))
        case SQLITE_BLOB:
            let bytes = Int(sqlite3_column_bytes(handle, column))
            guard bytes > 0, let pointer = sqlite3_column_blob(handle, column) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: pointer, count: bytes)))
        default:
            return .null
        }
    }

    /// The size in bytes of column `index`'s value as text or blob (for output caps).
    public func byteCount(_ index: Int) -> Int {
        Int(sqlite3_column_bytes(statement.handle, Int32(index)))
    }

    public var values: [Value] { (0..<count).map { self[$0] } }
}
