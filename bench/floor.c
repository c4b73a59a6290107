/* The floor for `spasm log`: the same durable insert into a spasm journal (WAL, synchronous=FULL,
 * one transaction: entry, episode, trigger, change log), with nothing else around it. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int run(sqlite3 *db, const char *sql) { return sqlite3_exec(db, sql, 0, 0, 0) == SQLITE_OK ? 0 : 1; }

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: floor JOURNAL\n"); return 64; }
    sqlite3 *db;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, 0) != SQLITE_OK) return 74;
    sqlite3_busy_timeout(db, 5000);
    if (run(db, "PRAGMA synchronous=FULL") || run(db, "BEGIN IMMEDIATE")) return 74;
    char uuid[64];
    struct timespec ts; clock_gettime(CLOCK_REALTIME, &ts);
    snprintf(uuid, sizeof uuid, "%08lx-%04lx-4000-8000-%012lx", (long)ts.tv_sec, (long)(ts.tv_nsec & 0xffff), (long)ts.tv_nsec);
    sqlite3_stmt *s;
    sqlite3_prepare_v2(db, "INSERT INTO entry (uuid, kind, at, utc_offset, note, created_at) VALUES (?, 'episode', ?, 3600, NULL, ?)", -1, &s, 0);
    sqlite3_bind_text(s, 1, uuid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 2, ts.tv_sec); sqlite3_bind_int64(s, 3, ts.tv_sec);
    if (sqlite3_step(s) != SQLITE_DONE) return 74;
    sqlite3_finalize(s);
    sqlite3_int64 id = sqlite3_last_insert_rowid(db);
    sqlite3_prepare_v2(db, "INSERT INTO episode (entry_id, region, side, severity, ended_at, ended_utc_offset) VALUES (?, 'neck', NULL, 5, NULL, NULL)", -1, &s, 0);
    sqlite3_bind_int64(s, 1, id);
    if (sqlite3_step(s) != SQLITE_DONE) return 74;
    sqlite3_finalize(s);
    sqlite3_prepare_v2(db, "INSERT INTO episode_trigger (entry_id, position, tag) VALUES (?, 0, 'lifting')", -1, &s, 0);
    sqlite3_bind_int64(s, 1, id);
    if (sqlite3_step(s) != SQLITE_DONE) return 74;
    sqlite3_finalize(s);
    sqlite3_prepare_v2(db, "INSERT INTO change (at, action, entry_id, before) VALUES (?, 'add', ?, NULL)", -1, &s, 0);
    sqlite3_bind_int64(s, 1, ts.tv_sec); sqlite3_bind_int64(s, 2, id);
    if (sqlite3_step(s) != SQLITE_DONE) return 74;
    sqlite3_finalize(s);
    if (run(db, "COMMIT")) return 74;
    sqlite3_close(db);
    printf("Logged episode #%lld\n", (long long)id);
    return 0;
}
