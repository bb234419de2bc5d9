import CSQLite

/// A SQLite result code, primary (`SQLITE_BUSY`) or extended (`SQLITE_CONSTRAINT_PRIMARYKEY`),
/// with a name for each code sqlprep branches on, so callers write `.busy`, not `5`.
///
/// An extended code keeps its primary code in the low 8 bits. Matching a **primary** pattern
/// against any code compares primary codes, so `case .constraint` also catches
/// `SQLITE_CONSTRAINT_PRIMARYKEY`; an extended pattern matches only itself:
///
/// ```swift
/// switch error.code {
/// case .constraintPrimaryKey: …   // only this extended code
/// case .busy, .locked: …          // any busy or locked code
/// default: …
/// }
/// ```
///
/// A struct rather than an enum, as in GRDB: SQLite adds codes over time, and a code sqlprep has
/// no name for must still be representable. See <https://www.sqlite.org/rescode.html>.
public struct ResultCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The primary result code (the low 8 bits).
    public var primary: ResultCode { ResultCode(rawValue: rawValue & 0xFF) }

    /// True for a primary code (one with no extended bits).
    public var isPrimary: Bool { rawValue == rawValue & 0xFF }

    /// The number, as `sqlite3_errcode` gives it.
    public var description: String { String(rawValue) }

    /// A primary pattern matches every code with that primary code; an extended one only itself.
    public static func ~= (pattern: ResultCode, code: ResultCode) -> Bool {
        pattern.isPrimary ? pattern == code.primary : pattern == code
    }

    // MARK: Primary codes

    public static let ok = ResultCode(rawValue: SQLITE_OK)
    /// A generic error: SQL syntax, a missing table or column, a failed function…
    public static let error = ResultCode(rawValue: SQLITE_ERROR)
    public static let `internal` = ResultCode(rawValue: SQLITE_INTERNAL)
    public static let permission = ResultCode(rawValue: SQLITE_PERM)
    public static let abort = ResultCode(rawValue: SQLITE_ABORT)
    /// The database file is locked by another connection (another process, for a file).
    public static let busy = ResultCode(rawValue: SQLITE_BUSY)
    /// A table is locked by another statement of the same connection.
    public static let locked = ResultCode(rawValue: SQLITE_LOCKED)
    /// SQLite could not allocate memory: with a heap limit set, the query needed more than it.
    public static let noMemory = ResultCode(rawValue: SQLITE_NOMEM)
    /// A write to a read-only database (an image attached read-only, or a file we may not write).
    public static let readOnly = ResultCode(rawValue: SQLITE_READONLY)
    /// `sqlite3_interrupt`, or a progress handler that returned true.
    public static let interrupt = ResultCode(rawValue: SQLITE_INTERRUPT)
    public static let ioError = ResultCode(rawValue: SQLITE_IOERR)
    /// The database file is damaged.
    public static let corrupt = ResultCode(rawValue: SQLITE_CORRUPT)
    public static let notFound = ResultCode(rawValue: SQLITE_NOTFOUND)
    /// The disk is full.
    public static let full = ResultCode(rawValue: SQLITE_FULL)
    /// The file cannot be opened (often a folder the process may not write).
    public static let cantOpen = ResultCode(rawValue: SQLITE_CANTOPEN)
    public static let `protocol` = ResultCode(rawValue: SQLITE_PROTOCOL)
    public static let schema = ResultCode(rawValue: SQLITE_SCHEMA)
    /// A string or blob longer than `SQLITE_LIMIT_LENGTH`.
    public static let tooBig = ResultCode(rawValue: SQLITE_TOOBIG)
    public static let constraint = ResultCode(rawValue: SQLITE_CONSTRAINT)
    public static let mismatch = ResultCode(rawValue: SQLITE_MISMATCH)
    /// The library was used the wrong way (also: nothing to prepare).
    public static let misuse = ResultCode(rawValue: SQLITE_MISUSE)
    /// The authorizer denied something.
    public static let auth = ResultCode(rawValue: SQLITE_AUTH)
    public static let range = ResultCode(rawValue: SQLITE_RANGE)
    /// The file is not an SQLite database.
    public static let notADatabase = ResultCode(rawValue: SQLITE_NOTADB)
    /// `sqlite3_step` has another row ready.
    public static let row = ResultCode(rawValue: SQLITE_ROW)
    /// `sqlite3_step` has finished.
    public static let done = ResultCode(rawValue: SQLITE_DONE)

    // MARK: Extended codes (the ones sqlprep's tests and callers name)
    //
    // sqlite3.h defines these as `(PRIMARY | (n<<8))` macros, which Swift does not import; the
    // numbers below are copied from it.

    /// `SQLITE_CONSTRAINT_PRIMARYKEY`.
    public static let constraintPrimaryKey = ResultCode(extending: .constraint, 6)
    /// `SQLITE_CONSTRAINT_UNIQUE`.
    public static let constraintUnique = ResultCode(extending: .constraint, 8)
    /// `SQLITE_CONSTRAINT_NOTNULL`.
    public static let constraintNotNull = ResultCode(extending: .constraint, 5)
    /// `SQLITE_CANTOPEN_ISDIR`: the path is a folder.
    public static let cantOpenIsDirectory = ResultCode(extending: .cantOpen, 2)

    private init(extending primary: ResultCode, _ detail: Int32) {
        rawValue = primary.rawValue | (detail << 8)
    }
}
