#include "CBenchLoop.h"
#include <sqlite3.h>
#include <time.h>

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

double bench_c_insert(
    const char *ddl, int table_count, const char *const *insert_sql, const int *column_counts,
    const int64_t *row_counts, const bench_cell *cells) {
    sqlite3 *db = 0;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, 0) != SQLITE_OK) return -1;
    if (sqlite3_exec(db, ddl, 0, 0, 0) != SQLITE_OK) { sqlite3_close(db); return -1; }
    double start = now_seconds();
    sqlite3_exec(db, "BEGIN", 0, 0, 0);
    const bench_cell *cell = cells;
    for (int t = 0; t < table_count; t++) {
        sqlite3_stmt *stmt = 0;
        if (sqlite3_prepare_v2(db, insert_sql[t], -1, &stmt, 0) != SQLITE_OK) { sqlite3_close(db); return -1; }
        for (int64_t r = 0; r < row_counts[t]; r++) {
            for (int c = 1; c <= column_counts[t]; c++, cell++) {
                switch (cell->kind) {
                case 0: sqlite3_bind_null(stmt, c); break;
                case 1: sqlite3_bind_int64(stmt, c, cell->integer); break;
                default: sqlite3_bind_text(stmt, c, cell->text, cell->length, SQLITE_STATIC); break;
                }
            }
            if (sqlite3_step(stmt) != SQLITE_DONE) { sqlite3_finalize(stmt); sqlite3_close(db); return -1; }
            sqlite3_reset(stmt);
        }
        sqlite3_finalize(stmt);
    }
    sqlite3_exec(db, "COMMIT", 0, 0, 0);
    double elapsed = now_seconds() - start;
    sqlite3_close(db);
    return elapsed;
}
