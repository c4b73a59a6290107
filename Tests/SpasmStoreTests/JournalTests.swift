import Foundation
import GRDB
import Testing
@testable import SpasmCore
@testable import SpasmStore

/// A fresh journal file in its own temporary directory, removed afterwards.
final class TemporaryJournal {
    let directory: String
    var path: String { directory + "/data/spasm/journal.sqlite" }

    init() {
        directory = NSTemporaryDirectory() + "spasm-store-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func open(timeout: Duration = .seconds(5)) throws -> Journal { try Journal.open(at: path, busyTimeout: timeout) }
}

let now = Date(timeIntervalSince1970: 1_795_943_520)

func episode(_ severity: Int, at: Date = now, triggers: [String] = ["lifting"], uuid: UUID = UUID()) -> Entry {
    Entry(uuid: uuid, at: at, utcOffset: 3600, note: nil,
          body: .episode(Episode(region: .lowerBack, severity: Severity(rawValue: severity)!, triggers: triggers)))
}

@Suite struct JournalTests {
    @Test func anAddedEpisodeReadsBackWithEverything() throws {
        // Given a new journal file
        let file = TemporaryJournal()
        let journal = try file.open()
        // When an episode with triggers, red flags and a note is added
        var entry = episode(7, triggers: ["lifting", "desk work"])
        entry.note = "bent to pick up a box\n=SUM(A1)"
        if case .episode(var e) = entry.body { e.redFlags = [.armWeakness, .fever]; entry.body = .episode(e) }
        let saved = try journal.add(entry, now: now)
        // Then a new connection to the file reads the same entry
        let reopened = try file.open()
        #expect(saved.id == 1)
        #expect(try reopened.entry(id: 1) == saved)
        #expect(try reopened.entries() == [saved])
    }

    @Test func filesArePrivate() throws {
        let file = TemporaryJournal()
        let old = umask(0o077)
        defer { umask(old) }
        _ = try file.open().add(episode(3), now: now)
        let directoryMode = try FileManager.default.attributesOfItem(atPath: file.directory + "/data/spasm")[.posixPermissions] as? Int
        let fileMode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(directoryMode == 0o700)
        #expect(fileMode == 0o600)
    }

    @Test func theFileIsInWALModeWithFullSync() throws {
        let file = TemporaryJournal()
        _ = try file.open()
        let queue = try DatabaseQueue(path: file.path)
        #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        let journal = try file.open()
        #expect(try journal.writer.read { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == 2)   // FULL
    }

    @Test func aRetriedWriteWithTheSameUUIDIsNotDuplicated() throws {
        let journal = try TemporaryJournal().open()
        let entry = episode(5)
        let first = try journal.add(entry, now: now)
        let second = try journal.add(entry, now: now)
        #expect(first.id == second.id)
        #expect(try journal.entries().count == 1)
    }

    @Test func endingTheOpenEpisode() throws {
        let journal = try TemporaryJournal().open()
        _ = try journal.add(episode(5, at: now.addingTimeInterval(-7200)), now: now)
        let later = try journal.add(episode(6, at: now.addingTimeInterval(-3600)), now: now)
        let ended = try journal.endEpisode(id: nil, at: now, utcOffset: 3600, now: now)
        #expect(ended.id == later.id)
        #expect(ended.episode?.endedAt == now)
        #expect(try journal.openEpisode()?.id == 1)
        #expect(throws: InputError.self) { try journal.endEpisode(id: later.id, at: now, utcOffset: 3600, now: now) }
    }

    @Test func editDeleteAndUndoWalkBack() throws {
        let journal = try TemporaryJournal().open()
        let saved = try journal.add(episode(7), now: now)
        var changed = saved
        changed.body = .episode(Episode(region: .neck, severity: Severity(rawValue: 6)!, triggers: ["driving"]))
        _ = try journal.update(changed, now: now)
        _ = try journal.delete(id: saved.id!, now: now)
        #expect(try journal.entry(id: saved.id!) == nil)

        #expect(try journal.undo(now: now)?.action == .delete)
        #expect(try journal.entry(id: saved.id!)?.episode?.severity.rawValue == 6)
        #expect(try journal.undo(now: now)?.action == .edit)
        #expect(try journal.entry(id: saved.id!) == saved)
        #expect(try journal.undo(now: now)?.action == .add)
        #expect(try journal.entries().isEmpty)
        #expect(try journal.undo(now: now) == nil)
    }

    @Test func unknownIdsAreReported() throws {
        let journal = try TemporaryJournal().open()
        #expect(throws: NoSuchEntry.self) { try journal.delete(id: 42, now: now) }
        var ghost = episode(3)
        ghost.id = 42
        #expect(throws: NoSuchEntry.self) { try journal.update(ghost, now: now) }
        #expect(throws: NoSuchEntry.self) { try journal.endEpisode(id: 42, at: now, utcOffset: 0, now: now) }
    }

    @Test func entriesAreFilteredByTimeAndKind() throws {
        let journal = try TemporaryJournal().open()
        _ = try journal.add(episode(3, at: now.addingTimeInterval(-86_400 * 3)), now: now)
        _ = try journal.add(episode(4, at: now.addingTimeInterval(-3600)), now: now)
        _ = try journal.add(Entry(at: now, utcOffset: 0, body: .caffeine(CaffeineIntake(milligrams: 96, drink: "coffee"))), now: now)
        #expect(try journal.entries(from: now.addingTimeInterval(-86_400)).count == 2)
        #expect(try journal.entries(from: now.addingTimeInterval(-86_400), kinds: [.episode]).count == 1)
        #expect(try journal.entries(to: now).count == 2)
    }

    @Test func bulkAddIsIdempotent() throws {
        let journal = try TemporaryJournal().open()
        var synthetic = SyntheticJournal(end: now)
        synthetic.years = 0.05
        let entries = synthetic.entries()
        #expect(try journal.add(contentsOf: entries, now: now) == entries.count)
        #expect(try journal.add(contentsOf: entries, now: now) == 0)
        let read = try journal.entries()
        #expect(read.count == entries.count)
        #expect(read.map(\.uuid) == entries.map(\.uuid))
        #expect(read.map(\.body) == entries.map(\.body))
        #expect(try journal.integrityCheck() == "ok")
    }
}

@Suite struct JournalFailureTests {
    @Test func aFileThatIsNotSQLiteIsLeftUntouched() throws {
        let file = TemporaryJournal()
        try FileManager.default.createDirectory(atPath: file.directory + "/data/spasm", withIntermediateDirectories: true)
        let bytes = Data("these are my tax notes, not a database\n".utf8)
        FileManager.default.createFile(atPath: file.path, contents: bytes)
        do {
            _ = try file.open().add(episode(3), now: now)
            Issue.record("wrote into a foreign file")
        } catch let error as JournalError {
            #expect(error.code == .notAJournal)
            #expect(error.description.hasPrefix(file.path))
        }
        #expect(FileManager.default.contents(atPath: file.path) == bytes)
    }

    @Test func anotherApplicationsDatabaseIsLeftUntouched() throws {
        let file = TemporaryJournal()
        try FileManager.default.createDirectory(atPath: file.directory + "/data/spasm", withIntermediateDirectories: true)
        let other = try DatabaseQueue(path: file.path)
        try other.write { try $0.execute(sql: "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')") }
        try other.close()
        #expect(throws: JournalError.self) { try file.open() }
        let check = try DatabaseQueue(path: file.path)
        #expect(try check.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") } == 1)
    }

    @Test func aNewerSchemaIsRefused() throws {
        let file = TemporaryJournal()
        _ = try file.open()
        let raw = try DatabaseQueue(path: file.path)
        try raw.write { try $0.execute(sql: "PRAGMA user_version = 99") }
        try raw.close()
        do {
            _ = try file.open()
            Issue.record("opened a newer journal")
        } catch let error as JournalError {
            #expect(error.code == .newerSchema)
        }
    }

    @Test func aLockedJournalTimesOutWithoutWriting() throws {
        let file = TemporaryJournal()
        _ = try file.open()
        let holder = try DatabaseQueue(path: file.path)
        try holder.inDatabase { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            do {
                _ = try file.open(timeout: .milliseconds(200)).add(episode(3), now: now)
                Issue.record("wrote through a lock")
            } catch let error as JournalError {
                #expect(error.code == .locked)
            }
            try db.execute(sql: "ROLLBACK")
        }
        #expect(try file.open().entries().isEmpty)
    }
}

/// Every door into the journal passes the same gate: nothing dated in the future or before 1900.
@Suite struct JournalGateTests {
    static let future = Date(timeIntervalSince1970: 253_402_300_740)   // 9999-12-31T23:59:00Z
    static let before1900 = Date(timeIntervalSince1970: -2_209_032_000) // 1899-12-31T12:00:00Z

    @Test(arguments: [future, before1900])
    func eachWritePathRefusesTheSameBadTime(at: Date) throws {
        // Given a journal with one entry
        let file = TemporaryJournal()
        let journal = try file.open()
        let first = try journal.add(episode(4, at: now - 3600), now: now)
        // When the same bad time comes through add, a bulk add (import), update and ending an episode
        var moved = first
        moved.at = at
        #expect(throws: InputError.self) { try journal.add(episode(5, at: at), now: now) }
        #expect(throws: InputError.self) { try journal.addNew([episode(5, at: now - 60), episode(5, at: at)], now: now) }
        #expect(throws: InputError.self) { try journal.update(moved, now: now) }
        if at > now {
            #expect(throws: InputError.self) { try journal.endEpisode(id: first.id, at: at, utcOffset: 3600, now: now) }
        }
        // Then nothing was written: the same one entry, and no undo step
        #expect(try journal.count() == 1)
        #expect(try journal.entry(id: first.id!) == first)
        #expect(try journal.undo(now: now)?.action == .add)
    }
}

@Suite struct UndoAfterImportTests {
    @Test func undoDoesNotReachPastAnImport() throws {
        // Given an entry logged, then a backup imported a minute later
        let journal = try Journal.inMemory()
        let logged = try journal.add(episode(4, at: now - 3600), now: now - 120)
        try journal.add(contentsOf: [episode(6, at: now - 7200)], now: now - 60)
        // When undo runs, it refuses instead of removing the entry logged before the import
        #expect { try journal.undo(now: now) } throws: { ($0 as? InputError)?.parameter == "undo" }
        #expect(try journal.entry(id: logged.id!) != nil)
        #expect(try journal.count() == 2)
        // Then a change made after the import is undone as usual
        let later = try journal.add(episode(3, at: now - 30), now: now)
        #expect(try journal.undo(now: now)?.entry.id == later.id)
        #expect(try journal.count() == 2)
    }
}
