import Foundation
import GRDB
import Testing
@testable import SpasmCore
@testable import SpasmStore

/// Journal v6: the activity table, and entry kinds widened by editing the CHECK in place.
@Suite struct ActivityMigrationTests {
    /// A journal file as spasm with schema v5 left it, with entries of every v5 kind and rows that
    /// point at them from other tables.
    func versionFiveJournal(_ file: TemporaryJournal) throws {
        try FileManager.default.createDirectory(atPath: (file.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: file.path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try queue.write { db in
            for migration in Schema.migrations.prefix(5) { try db.execute(sql: migration.sql) }
            try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID); PRAGMA user_version = 5")
            try db.execute(sql: """
                INSERT INTO entry (id, uuid, kind, at, utc_offset, note, created_at) VALUES
                  (1, '8e2f5a60-3b1c-4c8e-9d7a-2b4c6d8e0f1a', 'episode', 1795940000, 3600, 'after the drive', 1795940000),
                  (2, '9e2f5a60-3b1c-4c8e-9d7a-2b4c6d8e0f1a', 'caffeine', 1795941000, 3600, NULL, 1795941000),
                  (3, 'ae2f5a60-3b1c-4c8e-9d7a-2b4c6d8e0f1a', 'treatment', 1795942000, 3600, NULL, 1795942000);
                INSERT INTO episode (entry_id, region, side, severity) VALUES (1, 'neck', 'left', 6);
                INSERT INTO episode_trigger (entry_id, position, tag) VALUES (1, 0, 'driving'), (1, 1, 'desk work');
                INSERT INTO episode_red_flag (entry_id, position, flag) VALUES (1, 0, 'fever');
                INSERT INTO caffeine (entry_id, milligrams, drink, servings) VALUES (2, 96, 'coffee', 1);
                INSERT INTO treatment (entry_id, kind, minutes, relief) VALUES (3, 'ice', 15, 4);
                INSERT INTO change (at, action, entry_id) VALUES (1795940000, 'add', 1), (1795941000, 'add', 2), (1795942000, 'add', 3);
                INSERT INTO red_flag_acknowledgement (entry_id, acknowledged_at) VALUES (1, 1795943000);
                INSERT INTO reminder (number, key, kind, state, state_at, entry_id) VALUES (1, 'ice-on:x:1', 'ice-on', 'done', 1795942000, 3);
                """)
        }
    }

    @Test func aVersionFiveJournalKeepsEveryRowAndTakesActivities() throws {
        // Given a v5 journal file with data
        let file = TemporaryJournal()
        try versionFiveJournal(file)
        // When this spasm opens it
        let journal = try file.open()
        // Then every entry reads back as it was, under the same id
        let entries = try journal.entries()
        #expect(entries.map(\.id) == [1, 2, 3])
        #expect(entries[0].episode?.triggers == ["driving", "desk work"] && entries[0].episode?.redFlags == [.fever])
        #expect(entries[0].note == "after the drive")
        #expect(entries[1].caffeine?.milligrams == 96 && entries[2].treatment?.relief == 4)
        #expect(try journal.acknowledgedRedFlags() == [1])
        // ... the file is at the current version, sound, its foreign keys intact and the constraint widened
        let queue = try DatabaseQueue(path: file.path)
        try queue.read { db in
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == Schema.currentVersion)
            #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_schema WHERE name = 'entry'") ?? ""
            #expect(sql.contains("CHECK (kind IN ('episode', 'caffeine', 'treatment', 'activity', 'checkin'))"))
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM change") == 3)
            #expect(try Int.fetchOne(db, sql: "SELECT entry_id FROM reminder WHERE number = 1") == 3)
        }
        // ... an activity is saved and read back, and its name joins the vocabulary
        let saved = try journal.add(Entry(at: now, utcOffset: 3600, body: .activity(try Activity(name: "Lifting", minutes: 30))), now: now)
        #expect(try journal.entry(id: saved.id!)?.activity == Activity(unchecked: "lifting", minutes: 30))
        #expect(try journal.knowsName("lifting") && journal.knowsName("desk work") && !journal.knowsName("gardening"))
        #expect(try journal.names() == ["desk work", "driving", "lifting"])
        // ... the check still refuses a kind spasm does not know, and 'checkin' is accepted by it
        try queue.write { db in
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO entry (uuid, kind, at, utc_offset, created_at) VALUES ('x', 'bogus', 0, 0, 0)")
            }
            try db.execute(sql: "INSERT INTO entry (uuid, kind, at, utc_offset, created_at) VALUES ('y', 'checkin', 0, 0, 0)")
            try db.execute(sql: "DELETE FROM entry WHERE uuid = 'y'")
        }
        // ... and deleting the activity's entry row takes its details with it
        try queue.write { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            try db.execute(sql: "DELETE FROM change WHERE entry_id = ?", arguments: [saved.id])
            try db.execute(sql: "DELETE FROM entry WHERE id = ?", arguments: [saved.id])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM activity") == 0)
        }
    }

    @Test func anActivityIsEditedDeletedAndUndone() throws {
        let journal = try Journal.inMemory()
        let saved = try journal.add(Entry(at: now, utcOffset: 3600, body: .activity(try Activity(name: "gardening", minutes: 45))), now: now)
        var edited = saved
        edited.body = .activity(try Activity(name: "running", minutes: nil))
        #expect(try journal.update(edited, request: UUID(), now: now).activity == Activity(unchecked: "running", minutes: nil))
        _ = try journal.undo(request: UUID(), now: now)
        #expect(try journal.entry(id: saved.id!)?.activity == Activity(unchecked: "gardening", minutes: 45))
        _ = try journal.delete(id: saved.id!, request: UUID(), now: now)
        #expect(try journal.entry(id: saved.id!) == nil)
        _ = try journal.undo(request: UUID(), now: now)
        #expect(try journal.entries(kinds: [.activity]).map(\.activity) == [Activity(unchecked: "gardening", minutes: 45)])
        // The analysis read carries the name and the duration.
        #expect(try journal.entriesForAnalysis(from: nil).map(\.activity) == [Activity(unchecked: "gardening", minutes: 45)])
    }
}
