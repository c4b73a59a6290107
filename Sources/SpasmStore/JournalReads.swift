import Foundation
import GRDB
import SpasmCore

extension Journal {
    // MARK: - Reading

    /// The entry with this id, unless deleted.
    public func entry(id: EntryID) throws -> Entry? {
        try guarded { try writer.read { db in try EntryRows.fetch(db, id: id) } }
    }

    /// Entries from `start` (inclusive) to `end` (exclusive), oldest first; deleted ones are left out.
    public func entries(from start: Date? = nil, to end: Date? = nil, kinds: Set<Entry.Kind>? = nil) throws -> [Entry] {
        var conditions = ["e.deleted_at IS NULL"]
        var arguments: StatementArguments = []
        if let start { conditions.append("e.at >= ?"); arguments += [Journal.seconds(start)] }
        if let end { conditions.append("e.at < ?"); arguments += [Journal.seconds(end)] }
        if let kinds, kinds.count < Entry.Kind.allCases.count {
            conditions.append("e.kind IN (\(kinds.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")))")
        }
        return try guarded {
            try writer.read { db in try EntryRows.fetchAll(db, where: conditions.joined(separator: " AND "), arguments: arguments) }
        }
    }

    /// The most recent episode that has not ended.
    public func openEpisode() throws -> Entry? {
        try guarded { try writer.read { db in try EntryRows.latestOpenEpisode(db) } }
    }

    /// Whether `name` is already an activity or a trigger tag in the journal (deleted entries included:
    /// a name once used stays part of the vocabulary).
    public func knowsName(_ name: String) throws -> Bool {
        try guarded {
            try writer.read { db in
                try Bool.fetchOne(db, sql: """
                    SELECT EXISTS (SELECT 1 FROM activity WHERE name = ?1) OR EXISTS (SELECT 1 FROM episode_trigger WHERE tag = ?1)
                    """, arguments: [name]) ?? false
            }
        }
    }

    /// Every activity name and trigger tag in the journal, in order.
    public func names() throws -> [String] {
        try guarded {
            try writer.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM activity UNION SELECT tag FROM episode_trigger ORDER BY 1")
            }
        }
    }

    /// Runs SQLite's own check of the file; "ok" when sound.
    public func integrityCheck() throws -> String {
        try guarded { try writer.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" } }
    }
}

extension Journal {
    /// How many entries the journal holds (deleted ones left out).
    public func count() throws -> Int {
        try guarded { try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM entry WHERE deleted_at IS NULL") ?? 0 } }
    }
}

extension Journal {
    /// Changes when anything was written to the journal, by this process or another (the CLI, an
    /// import, sqlite3): SQLite's data_version for other connections, plus this connection's own
    /// change count.
    public func changeMark() throws -> [Int] {
        try guarded {
            try writer.read { db in [try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0, db.totalChangesCount] }
        }
    }
}
