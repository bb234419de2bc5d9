import SQLiteKit

/// The authorizer's allowlist for learner SQL, and a record of what it denied so the message can
/// say "DELETE on orders is not allowed" instead of SQLite's "not authorized".
///
/// Allowed: SELECT, recursive CTEs, reading tables of `main` (the dataset, `sqlite_schema`) and a
/// few harmless table-valued functions, and calling the functions in ``allowedFunctions``.
/// Everything else — writes, DDL, PRAGMA, ATTACH, transactions, internal virtual tables such as
/// `dbstat` and `sqlite_stmt`, `load_extension`, `fts3_tokenizer` — is denied.
final class AccessPolicy {
    struct Denial {
        let message: String
    }

    private(set) var firstDenial: Denial?
    /// The dataset tables read by the statements prepared so far (lower-cased; the schema tables
    /// and CTE names are not counted).
    private(set) var tablesRead: Set<String> = []
    /// The dataset's tables (lower-cased), so that a CTE that SQLite reports as a READ of a table
    /// of that name is not counted as one.
    var datasetTables: Set<String> = []

    /// Table-valued functions learners may use; each is prepared once before the authorizer is
    /// installed. Before SQLite 3.41, the first use of an eponymous virtual table on a connection
    /// asks the authorizer for an UPDATE on `sqlite_master`, which the allowlist denies, and the
    /// query fails with "vtable constructor failed"; after one use the table is set up.
    static let allowedVirtualTables: Set<String> = ["json_each", "json_tree", "pragma_table_info", "pragma_table_xinfo", "pragma_table_list"]
    static let warmUpQueries = [
        "SELECT * FROM json_each('[]')", "SELECT * FROM json_tree('[]')",
        "SELECT * FROM pragma_table_info('sqlite_schema')", "SELECT * FROM pragma_table_xinfo('sqlite_schema')",
        "SELECT * FROM pragma_table_list",
    ]
    /// The pragmas behind the allowed `pragma_*` table-valued functions (read-only schema views).
    static let allowedPragmas: Set<String> = ["table_info", "table_xinfo", "table_list"]

    /// Built-in functions a learner may call: core scalars, aggregates, window functions,
    /// date/time, math and JSON. Not here, so denied: `load_extension`, `fts3_tokenizer`,
    /// `sqlite_compileoption_*`, `sqlite_offset`, `randomblob`-style bombs are allowed but capped by
    /// SQLITE_LIMIT_LENGTH; `random()` is allowed (the checker flags it as nondeterministic).
    static let allowedFunctions: Set<String> = [
        // core scalar
        "abs", "changes", "char", "coalesce", "format", "glob", "hex", "ifnull", "iif", "instr", "last_insert_rowid",
        "length", "like", "likelihood", "likely", "lower", "ltrim", "max", "min", "nullif", "printf", "quote", "random",
        "randomblob", "replace", "round", "rtrim", "sign", "soundex", "sqlite_version", "substr", "substring",
        "total_changes", "trim", "typeof", "unicode", "unlikely", "upper", "zeroblob",
        // aggregate
        "avg", "count", "group_concat", "string_agg", "sum", "total",
        // window
        "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value",
        "last_value", "nth_value",
        // date and time
        "date", "time", "datetime", "julianday", "unixepoch", "strftime", "timediff",
        // math
        "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "ceil", "ceiling", "cos", "cosh", "degrees", "exp",
        "floor", "ln", "log", "log10", "log2", "mod", "pi", "pow", "power", "radians", "sin", "sinh", "sqrt", "tan",
        "tanh", "trunc",
        // JSON
        "json", "json_array", "json_array_length", "json_extract", "json_insert", "json_object", "json_patch",
        "json_quote", "json_remove", "json_replace", "json_set", "json_type", "json_valid", "json_group_array",
        "json_group_object", "->", "->>",
    ]

    static let schemaTables: Set<String> = ["sqlite_master", "sqlite_schema", "sqlite_temp_master", "sqlite_temp_schema"]

    func decide(_ request: AuthorizerRequest) -> AuthorizerDecision {
        switch request.action {
        case .select, .recursive:
            return .allow
        case .read:
            // CTE names and count(*) arrive as a READ with no table or database.
            guard let table = request.argument1?.lowercased(), !table.isEmpty else { return .allow }
            if request.database == nil || request.database == "main" {
                if table == "dbstat" || table == "sqlite_stmt" || table == "sqlite_dbpage" {
                    return deny("Reading \(table) is not allowed: it exposes SQLite's internals, not the dataset.")
                }
                if datasetTables.contains(table) { tablesRead.insert(table) }
                return .allow
            }
            return deny("Reading \(request.database ?? "?").\(table) is not allowed: only the dataset can be read.")
        case .function:
            let name = (request.argument2 ?? "").lowercased()
            if Self.allowedFunctions.contains(name) { return .allow }
            return deny("The function \(name)() is not allowed in the sandbox.")
        case .pragma:
            let name = (request.argument1 ?? "").lowercased()
            if Self.allowedPragmas.contains(name), request.argument2 == nil || request.trigger == nil { return .allow }
            return deny("PRAGMA \(name) is not allowed: the sandbox runs only a single SELECT.")
        case .insert, .update, .delete:
            guard Self.schemaTables.contains(request.argument1?.lowercased() ?? "") else {
                return deny("\(request.action) on \(request.argument1 ?? "a table") is not allowed — submit one SELECT; the dataset is read-only.")
            }
            // SQLite asks about the schema table before the specific action (CREATE TABLE asks for an
            // INSERT on sqlite_master, then CREATE_TABLE), and 3.40 asks for an UPDATE on it when a
            // virtual table is first used. The specific action that follows decides, so the message
            // can name it; a write could not happen anyway (read-only image, query_only, DEFENSIVE).
            return .allow
        default:
            let target = request.argument1.map { " on \($0)" } ?? ""
            return deny("\(request.action)\(target) is not allowed — submit one SELECT; the dataset is read-only.")
        }
    }

    private func deny(_ message: String) -> AuthorizerDecision {
        if firstDenial == nil { firstDenial = Denial(message: message) }
        return .deny
    }
}
