#ifndef SQLPREP_CSQLITE_SHIM_H
#define SQLPREP_CSQLITE_SHIM_H

#include <sqlite3.h>

// sqlite3_db_config and sqlite3_config are C-variadic, which Swift cannot call.
// These wrappers cover the integer forms sqlprep uses.

/// sqlite3_db_config(db, op, value, &out) for the boolean/int options
/// (SQLITE_DBCONFIG_DEFENSIVE, _TRUSTED_SCHEMA, _ENABLE_LOAD_EXTENSION, ...).
/// Returns the option's value after the call, or -1 when SQLite refused the op.
static inline int sqlprep_db_config_int(sqlite3 *db, int op, int value) {
    int out = -1;
    if (sqlite3_db_config(db, op, value, &out) != SQLITE_OK) return -1;
    return out;
}

/// sqlite3_config(op, int). Must run before SQLite is initialised.
static inline int sqlprep_config_int(int op, int value) {
    return sqlite3_config(op, value);
}

/// SQLITE_TRANSIENT is a macro around a cast of -1 that Swift does not import on Linux.
static inline sqlite3_destructor_type sqlprep_transient(void) {
    return SQLITE_TRANSIENT;
}

#endif
