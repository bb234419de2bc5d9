import CSQLite

/// An error reported by SQLite: the extended result code, SQLite's message, and the SQL involved.
///
/// Tests and callers should branch on ``code`` (or ``primaryCode``), never on the wording of
/// ``message``, which SQLite may change between versions.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`, …). See <https://www.sqlite.org/rescode.html>.
    public let code: Int32
    /// SQLite's own message, from `sqlite3_errmsg`.
    public let message: String
    /// The SQL being prepared or run, when there was one.
    public let sql: String?
    /// The **byte** offset into ``sql`` that SQLite blamed (`sqlite3_error_offset`), when known.
    public let byteOffset: Int?

    public init(code: Int32, message: String, sql: String? = nil, byteOffset: Int? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
        self.byteOffset = byteOffset
    }

    /// The primary result code (the low 8 bits of ``code``).
    public var primaryCode: Int32 { code & 0xFF }

    public var isInterrupt: Bool { primaryCode == SQLITE_INTERRUPT }
    public var isNoMemory: Bool { primaryCode == SQLITE_NOMEM }
    public var isTooBig: Bool { primaryCode == SQLITE_TOOBIG }
    public var isAuthorizationDenied: Bool { primaryCode == SQLITE_AUTH }

    public var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql { text += " — in: \(sql.prefix(200))" }
        return text
    }

    public static let interruptCode = SQLITE_INTERRUPT
    public static let authCode = SQLITE_AUTH
}
