import CSQLite

/// Options for ``Connection/setOption(_:_:)`` (`sqlite3_db_config`).
/// See <https://www.sqlite.org/c3ref/c_dbconfig_defensive.html>.
public struct DatabaseOption: Sendable, Hashable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Disallows writes that could corrupt the file (writable_schema, raw shadow-table writes…).
    public static let defensive = DatabaseOption(rawValue: SQLITE_DBCONFIG_DEFENSIVE)
    /// When off, SQL functions with side effects cannot run from schema objects (views, triggers).
    public static let trustedSchema = DatabaseOption(rawValue: SQLITE_DBCONFIG_TRUSTED_SCHEMA)
    /// `load_extension()` from C and SQL.
    public static let enableLoadExtension = DatabaseOption(rawValue: SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION)
    /// The two-argument `fts3_tokenizer()` that can register a code pointer.
    public static let enableFTS3Tokenizer = DatabaseOption(rawValue: SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER)
    public static let enableTrigger = DatabaseOption(rawValue: SQLITE_DBCONFIG_ENABLE_TRIGGER)
    public static let enableView = DatabaseOption(rawValue: SQLITE_DBCONFIG_ENABLE_VIEW)
    /// Double-quoted string literals in DML (`WHERE city = "Oslo"`). Off makes that an error, as in standard SQL.
    public static let doubleQuotedStringsInDML = DatabaseOption(rawValue: SQLITE_DBCONFIG_DQS_DML)
    public static let doubleQuotedStringsInDDL = DatabaseOption(rawValue: SQLITE_DBCONFIG_DQS_DDL)
}

/// Run-time limits for ``Connection/setLimit(_:_:)`` (`sqlite3_limit`).
/// See <https://www.sqlite.org/c3ref/c_limit_attached.html>.
public struct RuntimeLimit: Sendable, Hashable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Largest string or blob, in bytes.
    public static let length = RuntimeLimit(rawValue: SQLITE_LIMIT_LENGTH)
    /// Longest SQL text, in bytes.
    public static let sqlLength = RuntimeLimit(rawValue: SQLITE_LIMIT_SQL_LENGTH)
    public static let columns = RuntimeLimit(rawValue: SQLITE_LIMIT_COLUMN)
    public static let expressionDepth = RuntimeLimit(rawValue: SQLITE_LIMIT_EXPR_DEPTH)
    public static let compoundSelect = RuntimeLimit(rawValue: SQLITE_LIMIT_COMPOUND_SELECT)
    public static let vdbeOperations = RuntimeLimit(rawValue: SQLITE_LIMIT_VDBE_OP)
    public static let functionArguments = RuntimeLimit(rawValue: SQLITE_LIMIT_FUNCTION_ARG)
    /// Attached databases; 0 blocks ATTACH and `VACUUM INTO`.
    public static let attached = RuntimeLimit(rawValue: SQLITE_LIMIT_ATTACHED)
    public static let likePatternLength = RuntimeLimit(rawValue: SQLITE_LIMIT_LIKE_PATTERN_LENGTH)
    /// Highest parameter number; 0 makes any `?` an error.
    public static let variableNumber = RuntimeLimit(rawValue: SQLITE_LIMIT_VARIABLE_NUMBER)
    public static let triggerDepth = RuntimeLimit(rawValue: SQLITE_LIMIT_TRIGGER_DEPTH)
    public static let workerThreads = RuntimeLimit(rawValue: SQLITE_LIMIT_WORKER_THREADS)
}

/// What an authorizer callback is asked about (`SQLITE_SELECT`, `SQLITE_READ`, …).
/// See <https://www.sqlite.org/c3ref/c_alter_table.html>.
public struct AuthorizerAction: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let select = AuthorizerAction(rawValue: SQLITE_SELECT)
    public static let read = AuthorizerAction(rawValue: SQLITE_READ)
    public static let function = AuthorizerAction(rawValue: SQLITE_FUNCTION)
    public static let recursive = AuthorizerAction(rawValue: SQLITE_RECURSIVE)
    public static let pragma = AuthorizerAction(rawValue: SQLITE_PRAGMA)
    public static let insert = AuthorizerAction(rawValue: SQLITE_INSERT)
    public static let update = AuthorizerAction(rawValue: SQLITE_UPDATE)
    public static let delete = AuthorizerAction(rawValue: SQLITE_DELETE)
    public static let attach = AuthorizerAction(rawValue: SQLITE_ATTACH)
    public static let detach = AuthorizerAction(rawValue: SQLITE_DETACH)
    public static let transaction = AuthorizerAction(rawValue: SQLITE_TRANSACTION)
    public static let savepoint = AuthorizerAction(rawValue: SQLITE_SAVEPOINT)
    public static let analyze = AuthorizerAction(rawValue: SQLITE_ANALYZE)
    public static let reindex = AuthorizerAction(rawValue: SQLITE_REINDEX)
    public static let alterTable = AuthorizerAction(rawValue: SQLITE_ALTER_TABLE)
    public static let createVTable = AuthorizerAction(rawValue: SQLITE_CREATE_VTABLE)
    public static let dropVTable = AuthorizerAction(rawValue: SQLITE_DROP_VTABLE)

    /// A plain-words verb for messages: "DELETE", "CREATE TABLE", "ATTACH", …
    public var description: String {
        switch rawValue {
        case SQLITE_CREATE_INDEX, SQLITE_CREATE_TEMP_INDEX: "CREATE INDEX"
        case SQLITE_CREATE_TABLE, SQLITE_CREATE_TEMP_TABLE: "CREATE TABLE"
        case SQLITE_CREATE_TRIGGER, SQLITE_CREATE_TEMP_TRIGGER: "CREATE TRIGGER"
        case SQLITE_CREATE_VIEW, SQLITE_CREATE_TEMP_VIEW: "CREATE VIEW"
        case SQLITE_DELETE: "DELETE"
        case SQLITE_DROP_INDEX, SQLITE_DROP_TEMP_INDEX: "DROP INDEX"
        case SQLITE_DROP_TABLE, SQLITE_DROP_TEMP_TABLE: "DROP TABLE"
        case SQLITE_DROP_TRIGGER, SQLITE_DROP_TEMP_TRIGGER: "DROP TRIGGER"
        case SQLITE_DROP_VIEW, SQLITE_DROP_TEMP_VIEW: "DROP VIEW"
        case SQLITE_INSERT: "INSERT"
        case SQLITE_PRAGMA: "PRAGMA"
        case SQLITE_READ: "reading"
        case SQLITE_SELECT: "SELECT"
        case SQLITE_TRANSACTION: "a transaction (BEGIN/COMMIT/ROLLBACK)"
        case SQLITE_UPDATE: "UPDATE"
        case SQLITE_ATTACH: "ATTACH"
        case SQLITE_DETACH: "DETACH"
        case SQLITE_ALTER_TABLE: "ALTER TABLE"
        case SQLITE_REINDEX: "REINDEX"
        case SQLITE_ANALYZE: "ANALYZE"
        case SQLITE_CREATE_VTABLE: "CREATE VIRTUAL TABLE"
        case SQLITE_DROP_VTABLE: "DROP VIRTUAL TABLE"
        case SQLITE_FUNCTION: "calling a function"
        case SQLITE_SAVEPOINT: "SAVEPOINT"
        case SQLITE_RECURSIVE: "a recursive CTE"
        default: "operation \(rawValue)"
        }
    }
}

/// One authorizer question: the action and its four string arguments, whose meaning depends
/// on the action (for `READ`: table and column; for `FUNCTION`: nil and the function name).
public struct AuthorizerRequest: Sendable, Hashable {
    public let action: AuthorizerAction
    public let argument1: String?
    public let argument2: String?
    /// The database name ("main", "temp"), when there is one.
    public let database: String?
    /// The innermost trigger or view responsible, when there is one.
    public let trigger: String?
}

/// An authorizer's answer. `deny` fails the prepare with `SQLITE_AUTH`; `ignore` reads NULL instead.
public enum AuthorizerDecision: Sendable {
    case allow, deny, ignore

    var rawValue: Int32 {
        switch self {
        case .allow: SQLITE_OK
        case .deny: SQLITE_DENY
        case .ignore: SQLITE_IGNORE
        }
    }
}
