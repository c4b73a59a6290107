import Foundation
import GRDB
import Testing
@testable import SpasmCore
@testable import SpasmStore

@Suite struct AcknowledgementTests {
    func redFlagEpisode() -> Entry {
        var entry = episode(8)
        if case .episode(var e) = entry.body { e.redFlags = [.saddleNumbness]; entry.body = .episode(e) }
        return entry
    }

    @Test func acknowledgedRedFlagsAreKeptAcrossConnections() throws {
        // Given a journal with two red-flag episodes
        let file = TemporaryJournal()
        let journal = try file.open()
        let first = try journal.add(redFlagEpisode(), now: now)
        let second = try journal.add(redFlagEpisode(), now: now)
        #expect(try journal.acknowledgedRedFlags().isEmpty)
        // When the first is acknowledged (twice, and with an id that does not exist)
        try journal.acknowledgeRedFlags(of: [first.id!, 999], now: now)
        try journal.acknowledgeRedFlags(of: [first.id!], now: now.addingTimeInterval(60))
        // Then a new connection sees exactly that one
        #expect(try file.open().acknowledgedRedFlags() == [first.id!])
        #expect(second.id != first.id)
    }

    @Test func aVersionOneJournalGainsTheTableAndKeepsItsEntries() throws {
        // Given a journal file written by a spasm that knew only the first migration
        let file = TemporaryJournal()
        try FileManager.default.createDirectory(atPath: file.directory + "/data/spasm", withIntermediateDirectories: true)
        let old = try DatabaseQueue(path: file.path)
        try old.write { db in
            try db.execute(sql: Schema.migrations[0].sql)
            try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID); PRAGMA user_version = 1")
            _ = try EntryRows.insert(redFlagEpisode(), db: db, now: now)
        }
        try old.close()
        // When this spasm opens it
        let journal = try file.open()
        // Then the entry is there and acknowledgements work
        let entry = try #require(try journal.entries().first)
        try journal.acknowledgeRedFlags(of: [entry.id!], now: now)
        #expect(try journal.acknowledgedRedFlags() == [entry.id!])
        #expect(try DatabaseQueue(path: file.path).read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == Schema.currentVersion)
    }
}
