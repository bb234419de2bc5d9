/// An error reported by SQLite: the extended result code, SQLite's message, and the SQL involved.
///
/// Tests and callers should branch on ``code`` (a ``ResultCode``: `case .busy`, `case .corrupt`),
/// never on the wording of ``message``, which SQLite may change between versions.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// The extended result code (`SQLITE_CONSTRAINT_PRIMARYKEY`, …); a primary ``ResultCode``
    /// pattern such as `.constraint` matches it. See <https://www.sqlite.org/rescode.html>.
    public let code: ResultCode
    /// SQLite's own message, from `sqlite3_errmsg`.
    public let message: String
    /// The SQL being prepared or run, when there was one.
    public let sql: String?
    /// The **byte** offset into ``sql`` that SQLite blamed (`sqlite3_error_offset`), when known.
    public let byteOffset: Int?

    public init(code: ResultCode, message: String, sql: String? = nil, byteOffset: Int? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
        self.byteOffset = byteOffset
    }

    /// An error from a raw result code, as the C API returns it.
    public init(code: Int32, message: String, sql: String? = nil, byteOffset: Int? = nil) {
        self.init(code: ResultCode(rawValue: code), message: message, sql: sql, byteOffset: byteOffset)
    }

    /// The primary result code (the low 8 bits of ``code``).
    public var primaryCode: ResultCode { code.primary }

    public var isInterrupt: Bool { primaryCode == .interrupt }
    public var isNoMemory: Bool { primaryCode == .noMemory }
    public var isTooBig: Bool { primaryCode == .tooBig }
    public var isAuthorizationDenied: Bool { primaryCode == .auth }

    public var description: String {
        var text = "SQLite error \(code.rawValue): \(message)"
        if let sql { text += " — in: \(sql.prefix(200))" }
        return text
    }
}
