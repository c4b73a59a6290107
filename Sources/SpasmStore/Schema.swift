import GRDB

/// The journal's schema and its versioned migrations.
///
/// Versions live in `PRAGMA user_version` rather than GRDB's migrations table: checking that the
/// schema is current then costs one pragma read, which matters to a CLI started many times a day.
enum Schema {
    /// 'SPSM': marks a file as a spasm journal, so spasm never writes into somebody else's database.
    static let applicationID: Int32 = 0x5350_534D

    /// One step of the schema: its SQL, then any work SQL alone cannot express.
    struct Migration: Sendable {
        let name: String
        let sql: String
        let then: (@Sendable (Database) throws -> Void)?

        init(_ name: String, _ sql: String, then: (@Sendable (Database) throws -> Void)? = nil) {
            self.name = name
            self.sql = sql
            self.then = then
        }
    }

    /// Migration N takes the schema from version N-1 to N. Append only; never edit a shipped one.
    static let migrations: [Migration] = [
        .init("v1: entries, episodes, caffeine, treatments, change log", """
        CREATE TABLE entry (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('episode', 'caffeine', 'treatment')),
            at INTEGER NOT NULL,               -- unix seconds
            utc_offset INTEGER NOT NULL,       -- seconds east of UTC where the user was
            note TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER,
            deleted_at INTEGER                 -- deleted entries are kept, so undo can bring them back
        );
        CREATE INDEX entry_by_time ON entry(at);
        CREATE TABLE episode (
            entry_id INTEGER PRIMARY KEY REFERENCES entry(id) ON DELETE CASCADE,
            region TEXT NOT NULL,
            side TEXT,
            severity INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 10),
            ended_at INTEGER,
            ended_utc_offset INTEGER
        );
        CREATE INDEX open_episode ON episode(entry_id) WHERE ended_at IS NULL;
        CREATE TABLE episode_trigger (
            entry_id INTEGER NOT NULL REFERENCES episode(entry_id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            tag TEXT NOT NULL,
            PRIMARY KEY (entry_id, position)
        ) WITHOUT ROWID;
        CREATE TABLE episode_red_flag (
            entry_id INTEGER NOT NULL REFERENCES episode(entry_id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            flag TEXT NOT NULL,
            PRIMARY KEY (entry_id, position)
        ) WITHOUT ROWID;
        CREATE TABLE caffeine (
            entry_id INTEGER PRIMARY KEY REFERENCES entry(id) ON DELETE CASCADE,
            milligrams REAL NOT NULL CHECK (milligrams >= 0),
            drink TEXT,
            servings REAL NOT NULL
        );
        CREATE TABLE treatment (
            entry_id INTEGER PRIMARY KEY REFERENCES entry(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            minutes INTEGER,
            relief INTEGER CHECK (relief BETWEEN 0 AND 10),
            name TEXT
        );
        -- Every change a command made, newest last: what `spasm undo` reverses.
        CREATE TABLE change (
            id INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('add', 'edit', 'delete')),
            entry_id INTEGER NOT NULL REFERENCES entry(id),
            before TEXT,                       -- the entry as JSON before an edit
            undone_at INTEGER
        );
        """),
        .init("v2: requests already applied, so a write retried after a lost reply is not applied twice", """
        CREATE TABLE applied_request (
            request TEXT PRIMARY KEY,          -- chosen by the client
            action TEXT NOT NULL,
            entry_id INTEGER,
            at INTEGER NOT NULL
        ) WITHOUT ROWID;
        """),
        .init("v3: red-flag acknowledgements", """
        -- Red flags the user has acknowledged: `spasm suggest` stops repeating them on top.
        CREATE TABLE red_flag_acknowledgement (
            entry_id INTEGER PRIMARY KEY REFERENCES entry(id) ON DELETE CASCADE,
            acknowledged_at INTEGER NOT NULL   -- unix seconds
        );
        """),
        .init("v4: reminders and the care pause", """
        -- Every reminder the care plan has named: the number the user types (`spasm done 17`) and
        -- where it stands, so a restarted spasmd continues where it stopped.
        CREATE TABLE reminder (
            number INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,          -- the planner's id, e.g. ice-on:<episode uuid>:2
            kind TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('planned', 'shown', 'done', 'snoozed', 'skipped', 'missed', 'undelivered')),
            state_at INTEGER NOT NULL,         -- unix seconds: when it entered the state
            due INTEGER,                       -- when it was due as the state was recorded
            snoozed_until INTEGER,
            answer TEXT,                       -- done, snooze, skip, better, same, worse
            entry_id INTEGER REFERENCES entry(id) -- the treatment its Done recorded
        );
        CREATE INDEX reminder_by_time ON reminder(state_at);
        -- `spasm pause`: at most one window in which only red flags are shown.
        CREATE TABLE care_pause (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            from_at INTEGER NOT NULL,
            until_at INTEGER NOT NULL
        );
        """),
        .init("v5: suggestions notified", """
        -- Suggestions spasmd showed as notifications: each at most once a week, and only when new.
        CREATE TABLE suggestion_notice (
            key TEXT PRIMARY KEY,              -- rule and subject, e.g. activity.trigger|lifting
            active INTEGER NOT NULL,           -- 1 while the suggestion applies
            notified_at INTEGER,               -- unix seconds
            read_at INTEGER
        ) WITHOUT ROWID;
        """),
        .init("v6: activities, and the entry kinds 'activity' and 'checkin'", """
        -- What the user did, whether or not a spasm followed (`spasm activity lifting --for 30m`).
        CREATE TABLE activity (
            entry_id INTEGER PRIMARY KEY REFERENCES entry(id) ON DELETE CASCADE,
            name TEXT NOT NULL,                -- a tag, as episode_trigger.tag
            minutes INTEGER CHECK (minutes BETWEEN 1 AND 1440)
        );
        -- Activity names and trigger tags are one vocabulary: finding a name must not scan the journal.
        CREATE INDEX activity_by_name ON activity(name);
        CREATE INDEX episode_trigger_by_tag ON episode_trigger(tag);
        """, then: widenEntryKinds),
        .init("v7: PEG check-ins", """
        -- PEG check-ins (Krebs et al. 2009): three answers 0-10 about the past week.
        CREATE TABLE checkin (
            entry_id INTEGER PRIMARY KEY REFERENCES entry(id) ON DELETE CASCADE,
            pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
            enjoyment INTEGER NOT NULL CHECK (enjoyment BETWEEN 0 AND 10),
            activity INTEGER NOT NULL CHECK (activity BETWEEN 0 AND 10)
        );
        """),
    ]

    /// Lets `entry.kind` hold 'activity' and 'checkin' (the weekly check-in's entries) as well.
    ///
    /// A CHECK constraint can only change by rebuilding the table or by editing its text in
    /// sqlite_schema (SQLite's "ALTER TABLE", section 7: allowed for changes that do not alter what
    /// is stored, such as a CHECK every existing row still meets). Rebuilding `entry` would need the
    /// foreign keys off outside a transaction, or dropping it would cascade into every entry's
    /// details; the edit runs inside this migration's transaction, keeps every row and id as they
    /// are, costs the same on a ten-year journal as on an empty one, and is checked before commit.
    @Sendable static func widenEntryKinds(_ db: Database) throws {
        let old = "CHECK (kind IN ('episode', 'caffeine', 'treatment'))"
        let new = "CHECK (kind IN ('episode', 'caffeine', 'treatment', 'activity', 'checkin'))"
        let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        try db.execute(sql: "PRAGMA writable_schema = ON")
        try db.execute(sql: "UPDATE sqlite_schema SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = 'entry' AND instr(sql, ?) > 0",
                       arguments: [old, new, old])
        let changed = db.changesCount
        // A new schema_version makes every connection read the edited schema again.
        try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
        try db.execute(sql: "PRAGMA writable_schema = OFF")
        guard changed == 1 else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "the entry table's kind constraint is not the one spasm wrote")
        }
        let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        guard problems == ["ok"] else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "integrity check after widening entry kinds: \(problems.prefix(3).joined(separator: "; "))")
        }
    }

    static var currentVersion: Int { migrations.count }

    /// Brings a new or older journal to the current version, in one transaction.
    static func migrate(_ db: Database, from version: Int) throws {
        for (index, migration) in migrations.enumerated() where index >= version {
            try db.execute(sql: migration.sql)
            try migration.then?(db)
        }
        try db.execute(sql: "PRAGMA application_id = \(applicationID); PRAGMA user_version = \(currentVersion)")
    }
}
