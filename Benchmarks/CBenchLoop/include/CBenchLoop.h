#ifndef SQLPREP_CBENCHLOOP_H
#define SQLPREP_CBENCHLOOP_H

#include <stdint.h>

/// One pre-rendered cell: kind 0 = NULL, 1 = integer, 2 = text (bytes + length, not NUL-terminated).
typedef struct {
    int kind;
    int length;
    int64_t integer;
    const char *text;
} bench_cell;

/// The baseline loader: opens ":memory:", runs `ddl`, then for each table one prepared INSERT with
/// sqlite3_bind_* and SQLITE_STATIC, all inside one transaction. Returns the elapsed seconds for
/// the inserts (and COMMIT), or -1 on error. `cells` holds each table's rows one after another.
double bench_c_insert(
    const char *ddl, int table_count, const char *const *insert_sql, const int *column_counts,
    const int64_t *row_counts, const bench_cell *cells);

#endif
