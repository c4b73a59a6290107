import Foundation
import GRDB
import Testing
@testable import SpasmCore
@testable import SpasmStore

/// The weekly PEG check-in as a journal entry, and the migration that makes room for it.
@Suite struct CheckInStoreTests {
    func checkin(_ pain: Int, _ enjoyment: Int, _ activity: Int, at: Date = now) -> Entry {
        Entry(at: at, utcOffset: 3600, note: "after a long week",
              body: .checkin(try! CheckIn(pain: pain, enjoyment: enjoyment, activity: activity)))
    }

    @Test func aCheckInIsAddedEditedDeletedAndUndone() throws {
        let file = TemporaryJournal()
        let journal = try file.open()
        let saved = try journal.add(checkin(6, 5, 7), now: now)
        #expect(try file.open().entry(id: saved.id!)?.checkin == (try CheckIn(pain: 6, enjoyment: 5, activity: 7)))
        var edited = saved
        edited.body = .checkin(try CheckIn(pain: 3, enjoyment: 5, activity: 7))
        _ = try journal.update(edited, now: now)
        #expect(try journal.entry(id: saved.id!)?.checkin?.pain == 3)
        _ = try journal.undo(now: now)
        #expect(try journal.entry(id: saved.id!)?.checkin?.pain == 6)
        _ = try journal.delete(id: saved.id!, now: now)
        #expect(try journal.entry(id: saved.id!) == nil)
        _ = try journal.undo(now: now)
        #expect(try journal.entries(from: nil, to: nil).map(\.kind) == [.checkin])
    }

    @Test func answersOutsideTheScaleAreRefusedBeforeTheStore() {
        #expect(throws: InputError.self) { try CheckIn(pain: 11, enjoyment: 0, activity: 0) }
        #expect(throws: InputError.self) { try CheckIn(pain: 0, enjoyment: -1, activity: 0) }
        #expect((try? CheckIn(pain: 6, enjoyment: 5, activity: 7))?.score == 6)
    }

    /// A version 5 journal (entries with red-flag acknowledgements and reminders that refer to them) is
    /// brought to version 6 with everything kept: the entry table is rebuilt without cascading its drop.
    @Test func aVersionFiveJournalKeepsEverythingThroughTheRebuild() throws {
        let file = TemporaryJournal()
        try FileManager.default.createDirectory(atPath: (file.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: file.path)
        try queue.write { db in
            for migration in Schema.migrations.prefix(5) { try db.execute(sql: migration.sql) }
            try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID); PRAGMA user_version = 5")
            try db.execute(sql: """
                INSERT INTO entry (id, uuid, kind, at, utc_offset, created_at) VALUES (1, '4b1a4ad2-3c1e-4c4e-9d2e-000000000001', 'episode', 1795943520, 3600, 1795943520);
                INSERT INTO episode (entry_id, region, severity) VALUES (1, 'neck', 8);
                INSERT INTO episode_red_flag (entry_id, position, flag) VALUES (1, 0, 'arm-weakness');
                INSERT INTO red_flag_acknowledgement (entry_id, acknowledged_at) VALUES (1, 1795943600);
                INSERT INTO entry (id, uuid, kind, at, utc_offset, created_at) VALUES (2, '4b1a4ad2-3c1e-4c4e-9d2e-000000000002', 'treatment', 1795943700, 3600, 1795943700);
                INSERT INTO treatment (entry_id, kind, minutes) VALUES (2, 'ice', 15);
                INSERT INTO reminder (number, key, kind, state, state_at, entry_id) VALUES (17, 'ice-on:x:1', 'ice-on', 'done', 1795943700, 2);
                INSERT INTO change (at, action, entry_id) VALUES (1795943520, 'add', 1);
                """)
        }
        try queue.close()

        let journal = try file.open()
        let entries = try journal.entries(from: nil, to: nil)
        #expect(entries.map(\.kind) == [.episode, .treatment])
        #expect(entries.first?.episode?.redFlags == [.armWeakness])
        #expect(try journal.acknowledgedRedFlags() == [1])
        let (version, reminders, changes, broken) = try DatabaseQueue(path: file.path).read { db in
            (try Int.fetchOne(db, sql: "PRAGMA user_version")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM reminder WHERE entry_id = 2")!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM change")!,
             try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count)
        }
        #expect(version == Schema.currentVersion && reminders == 1 && changes == 1 && broken == 0)
        // The wider kind check now takes a check-in, and still refuses what is not a kind.
        _ = try journal.add(checkin(4, 4, 4), now: now)
        #expect(throws: (any Error).self) {
            try DatabaseQueue(path: file.path).write { db in
                try db.execute(sql: "INSERT INTO entry (uuid, kind, at, utc_offset, created_at) VALUES ('x', 'nonsense', 0, 0, 0)")
            }
        }
    }
}
